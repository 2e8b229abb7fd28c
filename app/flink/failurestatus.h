#pragma once

#include <QDateTime>
#include <QString>

namespace capstan {

// Whether a deployment is failing, for the list icon and the "Deployment is failing" banner.
struct FailureStatus
{
    bool failing = false;
    int restarts = 0; // restart signals within the window
    int windowMinutes = 2;
    QString rootCause; // the latest JobException/Error message, or the job state
    QDateTime since;
    bool operator==(const FailureStatus &) const = default;
};

} // namespace capstan
