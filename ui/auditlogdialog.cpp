#include "ui/auditlogdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace capstan {

AuditLogDialog::AuditLogDialog(QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("auditLogDialog"));
    setWindowTitle(tr("Audit Log"));
    m_table->setObjectName(QStringLiteral("auditLogTable"));
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels(
        {tr("Time"), tr("Context"), tr("Namespace"), tr("Deployment"), tr("Action"), tr("Outcome"), tr("Message")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(1100, 520);
}

void AuditLogDialog::setEntries(const QList<AuditEntry> &entries)
{
    m_table->setRowCount(static_cast<int>(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const AuditEntry &e = entries.at(row);
        const QStringList cells{e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                e.context,
                                e.ns,
                                e.deployment,
                                e.action,
                                e.outcome,
                                e.message};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            // The change that was sent, for whoever wants to see exactly what Capstan wrote.
            item->setToolTip(e.diff.isEmpty() ? cells.at(column) : e.diff);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
}

int AuditLogDialog::entryCount() const
{
    return m_table->rowCount();
}

} // namespace capstan
