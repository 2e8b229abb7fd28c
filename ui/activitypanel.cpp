#include "ui/activitypanel.h"

#include "ui/models/activitymodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace capstan {

ActivityPanel::ActivityPanel(ActivityModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTreeView(this))
    , m_abandon(new QPushButton(tr("&Abandon"), this))
    , m_reopen(new QPushButton(tr("&Reopen with My Change"), this))
{
    setObjectName(QStringLiteral("activityPanel"));
    m_view->setObjectName(QStringLiteral("activityView"));
    m_view->setAccessibleName(tr("Activity"));
    m_view->setModel(model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setSectionResizeMode(ActivityModel::What, QHeaderView::Stretch);
    const int w = fontMetrics().averageCharWidth();
    m_view->header()->resizeSection(ActivityModel::Deployment, 32 * w);
    m_view->header()->resizeSection(ActivityModel::State, 14 * w);
    m_view->header()->resizeSection(ActivityModel::Elapsed, 9 * w);
    m_view->header()->setStretchLastSection(false);
    m_abandon->setObjectName(QStringLiteral("abandonActionButton"));
    m_abandon->setToolTip(tr("Stop waiting for the selected action. A change already sent stays on the server."));
    m_reopen->setObjectName(QStringLiteral("reopenChangeButton"));
    m_reopen->setToolTip(
        tr("Open Configure Deployment again with the change of the selected action on the deployment as it is now."));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_reopen);
    buttons->addWidget(m_abandon);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    connect(m_abandon, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            emit abandonRequested(current.data(ActivityModel::ActionIdRole).toULongLong());
    });
    connect(m_reopen, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            emit reopenRequested(current.data(ActivityModel::ActionIdRole).toULongLong());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ActivityPanel::updateButtons);
    connect(model, &QAbstractItemModel::dataChanged, this, &ActivityPanel::updateButtons);
    // New actions appear on top, expanded so their steps are visible as they happen.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parentIndex, int first) {
        if (!parentIndex.isValid()) {
            m_view->expand(m_model->index(first, 0));
            m_view->setCurrentIndex(m_model->index(first, 0));
        } else {
            m_view->expand(parentIndex);
        }
    });
    updateButtons();
}

void ActivityPanel::updateButtons()
{
    const QModelIndex current = m_view->currentIndex();
    m_abandon->setEnabled(current.isValid() && current.data(ActivityModel::RunningRole).toBool());
    m_reopen->setVisible(current.isValid() && current.data(ActivityModel::ReopenableRole).toBool());
}

} // namespace capstan
