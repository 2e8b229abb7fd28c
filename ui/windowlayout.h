#pragma once

#include <QByteArray>

namespace capstan {

// How a window was laid out when it closed (SessionSettings keeps it): the states Qt's widgets save
// of themselves, and the page's tab. An empty state or a negative tab means "none".
struct WindowLayout
{
    QByteArray geometry; // QWidget::saveGeometry()
    QByteArray state; // QMainWindow::saveState(): toolbars and the Activity dock
    QByteArray splitter; // the list above, the page below
    QByteArray listHeader; // the columns of the deployment list
    int pageTab = -1; // DeploymentPage::Tab
    QByteArray eventsHeader;
    QByteArray snapshotsHeader;
    QByteArray jobsHeader;

    bool operator==(const WindowLayout &other) const = default;
};

} // namespace capstan
