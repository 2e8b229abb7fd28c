#pragma once

#include "ui/actionreviewdialog.h"

#include <QPushButton>
#include <QTest>
#include <QWidget>

namespace capstan::test {

// The review `window` shows for an action once it is on screen; nullptr when none appears in time.
inline ActionReviewDialog *waitForReview(QWidget *window, int timeoutMs = 10000)
{
    ActionReviewDialog *shown = nullptr;
    const bool inTime = QTest::qWaitFor(
        [&] {
            shown = nullptr;
            for (ActionReviewDialog *dialog : window->findChildren<ActionReviewDialog *>()) {
                if (dialog->isVisible())
                    shown = dialog;
            }
            return shown != nullptr;
        },
        timeoutMs);
    return inTime ? shown : nullptr;
}

// Clicks the review's button as a user would: the one that confirms, or the one that declines.
inline void answerReview(ActionReviewDialog *dialog, bool confirm)
{
    QTest::mouseClick(confirm ? dialog->confirmButton() : dialog->declineButton(), Qt::LeftButton);
}

} // namespace capstan::test
