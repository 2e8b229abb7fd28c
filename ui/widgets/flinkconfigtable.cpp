#include "ui/widgets/flinkconfigtable.h"

#include <QCompleter>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QShortcut>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace capstan {

namespace {
enum Column { KeyColumn, ValueColumn, ColumnCount };

// Edits keys in a line edit that completes the known keys (matching anywhere in the key).
class KeyDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *editor = new QLineEdit(parent);
        editor->setObjectName(QStringLiteral("flinkConfigKeyEditor"));
        auto *completer = new QCompleter(FlinkConfigTable::knownKeys(), editor);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        editor->setCompleter(completer);
        return editor;
    }
};
} // namespace

FlinkConfigTable::FlinkConfigTable(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
{
    m_table->setObjectName(QStringLiteral("flinkConfigTableView"));
    m_table->setAccessibleName(tr("Flink configuration"));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(KeyColumn, 340);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->setItemDelegateForColumn(KeyColumn, new KeyDelegate(m_table));
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 6);

    const auto setUp = [](QToolButton *button, const QString &name, const QString &text, const QString &tip) {
        button->setObjectName(name);
        button->setText(text);
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        button->setFocusPolicy(Qt::StrongFocus);
    };
    setUp(m_add, QStringLiteral("addConfigButton"), tr("Add"), tr("Add a configuration key"));
    setUp(m_remove, QStringLiteral("removeConfigButton"), tr("Remove"),
          tr("Remove the selected configuration key (Delete)"));
    connect(m_add, &QToolButton::clicked, this, &FlinkConfigTable::addRow);
    connect(m_remove, &QToolButton::clicked, this, &FlinkConfigTable::removeCurrentRow);
    connect(m_table, &QTableWidget::itemChanged, this, &FlinkConfigTable::changed);
    connect(m_table, &QTableWidget::currentCellChanged, this, &FlinkConfigTable::updateButtons);
    auto *remove = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &FlinkConfigTable::removeCurrentRow);

    auto *buttons = new QVBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(2);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setFocusProxy(m_table);
    updateButtons();
}

QStringList FlinkConfigTable::knownKeys()
{
    return {
        QStringLiteral("execution.checkpointing.interval"),
        QStringLiteral("execution.checkpointing.mode"),
        QStringLiteral("execution.checkpointing.timeout"),
        QStringLiteral("execution.checkpointing.min-pause"),
        QStringLiteral("execution.checkpointing.externalized-checkpoint-retention"),
        QStringLiteral("state.backend.type"),
        QStringLiteral("state.backend.incremental"),
        QStringLiteral("state.checkpoints.dir"),
        QStringLiteral("state.checkpoints.num-retained"),
        QStringLiteral("state.savepoints.dir"),
        QStringLiteral("high-availability.type"),
        QStringLiteral("high-availability.storageDir"),
        QStringLiteral("kubernetes.operator.periodic.savepoint.interval"),
        QStringLiteral("kubernetes.operator.savepoint.format.type"),
        QStringLiteral("kubernetes.operator.savepoint.history.max.age"),
        QStringLiteral("kubernetes.operator.savepoint.history.max.count"),
        QStringLiteral("kubernetes.operator.deployment.rollback.enabled"),
        QStringLiteral("kubernetes.operator.deployment.readiness.timeout"),
        QStringLiteral("kubernetes.operator.job.upgrade.last-state-fallback.enabled"),
        QStringLiteral("kubernetes.operator.job.restart.failed"),
        QStringLiteral("kubernetes.operator.cluster.health-check.enabled"),
        QStringLiteral("job.autoscaler.enabled"),
        QStringLiteral("restart-strategy.type"),
        QStringLiteral("restart-strategy.fixed-delay.attempts"),
        QStringLiteral("restart-strategy.fixed-delay.delay"),
        QStringLiteral("restart-strategy.exponential-delay.initial-backoff"),
        QStringLiteral("restart-strategy.exponential-delay.max-backoff"),
        QStringLiteral("taskmanager.numberOfTaskSlots"),
        QStringLiteral("taskmanager.memory.process.size"),
        QStringLiteral("jobmanager.memory.process.size"),
        QStringLiteral("parallelism.default"),
        QStringLiteral("pipeline.max-parallelism"),
        QStringLiteral("metrics.reporter.prom.factory.class"),
        QStringLiteral("metrics.reporter.prom.port"),
    };
}

void FlinkConfigTable::setEntries(const QList<Entry> &entries)
{
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        m_table->setItem(row, KeyColumn, new QTableWidgetItem(entries.at(row).first));
        m_table->setItem(row, ValueColumn, new QTableWidgetItem(entries.at(row).second));
    }
    updateButtons();
}

QList<FlinkConfigTable::Entry> FlinkConfigTable::entries() const
{
    QList<Entry> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *key = m_table->item(row, KeyColumn);
        const QTableWidgetItem *value = m_table->item(row, ValueColumn);
        const QString keyText = key ? key->text().trimmed() : QString();
        if (!keyText.isEmpty())
            result.append({keyText, value ? value->text() : QString()});
    }
    return result;
}

QString FlinkConfigTable::value(const QString &key) const
{
    const int row = rowOf(key);
    if (row < 0)
        return {};
    const QTableWidgetItem *item = m_table->item(row, ValueColumn);
    return item ? item->text() : QStringLiteral("");
}

void FlinkConfigTable::setValue(const QString &key, const QString &value)
{
    int row = rowOf(key);
    if (row >= 0 && this->value(key) == value)
        return;
    {
        const QSignalBlocker blocker(m_table);
        if (row < 0) {
            row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, KeyColumn, new QTableWidgetItem(key));
        }
        m_table->setItem(row, ValueColumn, new QTableWidgetItem(value));
    }
    updateButtons();
    emit changed();
}

void FlinkConfigTable::removeKey(const QString &key)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    m_table->removeRow(row);
    updateButtons();
    emit changed();
}

void FlinkConfigTable::addRow()
{
    const int row = m_table->rowCount();
    {
        const QSignalBlocker blocker(m_table);
        m_table->insertRow(row);
        m_table->setItem(row, KeyColumn, new QTableWidgetItem);
        m_table->setItem(row, ValueColumn, new QTableWidgetItem);
    }
    m_table->setCurrentCell(row, KeyColumn);
    m_table->setFocus();
    m_table->editItem(m_table->item(row, KeyColumn));
    updateButtons();
}

void FlinkConfigTable::removeCurrentRow()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    updateButtons();
    emit changed();
}

int FlinkConfigTable::rowOf(const QString &key) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *item = m_table->item(row, KeyColumn);
        if (item && item->text().trimmed() == key)
            return row;
    }
    return -1;
}

void FlinkConfigTable::updateButtons()
{
    m_remove->setEnabled(m_table->currentRow() >= 0 && m_table->rowCount() > 0);
}

} // namespace capstan
