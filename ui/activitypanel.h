#pragma once

#include <QWidget>

class QPushButton;
class QTreeView;

namespace capstan {

class ActivityModel;

// The Activity panel: every action of this window with its steps, outcome and elapsed time; a
// running action can be abandoned (Capstan stops waiting; what was sent stays sent).
class ActivityPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityPanel)

public:
    ActivityPanel(ActivityModel *model, QWidget *parent = nullptr);

signals:
    void abandonRequested(quint64 actionId);
    // The user wants to edit the change of a Configure that failed after it was written, again.
    void reopenRequested(quint64 actionId);

private:
    void updateButtons();

    ActivityModel *m_model;
    QTreeView *m_view;
    QPushButton *m_abandon;
    QPushButton *m_reopen;
};

} // namespace capstan
