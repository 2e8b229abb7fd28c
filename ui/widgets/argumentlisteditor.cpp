#include "ui/widgets/argumentlisteditor.h"

#include <algorithm>

#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace capstan {

namespace {
QToolButton *toolButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    button->setFocusPolicy(Qt::StrongFocus);
    return button;
}
} // namespace

ArgumentListEditor::ArgumentListEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_add(toolButton(tr("Add"), tr("Add an argument"), this))
    , m_remove(toolButton(tr("Remove"), tr("Remove the selected argument (Delete)"), this))
    , m_up(toolButton(tr("Move up"), tr("Move the selected argument up (Alt+Up)"), this))
    , m_down(toolButton(tr("Move down"), tr("Move the selected argument down (Alt+Down)"), this))
    , m_empty(new QLabel(tr("No arguments."), m_list->viewport()))
{
    m_list->setObjectName(QStringLiteral("argumentsList"));
    m_list->setAccessibleName(tr("Job arguments"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_empty->setObjectName(QStringLiteral("argumentsEmptyLabel"));
    QFont emptyFont = font();
    emptyFont.setItalic(true);
    m_empty->setFont(emptyFont);
    m_empty->move(6, 4);
    QPalette muted = m_empty->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_empty->setPalette(muted);
    m_add->setObjectName(QStringLiteral("addArgumentButton"));
    m_remove->setObjectName(QStringLiteral("removeArgumentButton"));
    m_up->setObjectName(QStringLiteral("moveArgumentUpButton"));
    m_down->setObjectName(QStringLiteral("moveArgumentDownButton"));

    connect(m_add, &QToolButton::clicked, this, [this] { addArgument(); });
    connect(m_remove, &QToolButton::clicked, this, &ArgumentListEditor::removeCurrent);
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_list, &QListWidget::itemChanged, this, &ArgumentListEditor::changed);
    connect(m_list, &QListWidget::itemChanged, this, &ArgumentListEditor::updateButtons);
    connect(m_list, &QListWidget::currentRowChanged, this, &ArgumentListEditor::updateButtons);
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, &ArgumentListEditor::changed);
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, &ArgumentListEditor::updateButtons);

    auto *remove = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &ArgumentListEditor::removeCurrent);
    auto *up = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Up), m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(up, &QShortcut::activated, this, [this] { moveCurrent(-1); });
    auto *down = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(down, &QShortcut::activated, this, [this] { moveCurrent(1); });

    auto *buttons = new QVBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(2);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    setFocusProxy(m_list);
    updateButtons();
}

void ArgumentListEditor::setArguments(const QStringList &arguments)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QString &argument : arguments) {
        auto *item = new QListWidgetItem(argument, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    updateButtons();
}

QStringList ArgumentListEditor::arguments() const
{
    QStringList result;
    for (int i = 0; i < m_list->count(); ++i) {
        const QString text = m_list->item(i)->text();
        if (!text.isEmpty())
            result.append(text);
    }
    return result;
}

void ArgumentListEditor::addArgument(const QString &text, bool edit)
{
    auto *item = new QListWidgetItem(text);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    const int row = m_list->currentRow() >= 0 ? m_list->currentRow() + 1 : m_list->count();
    {
        const QSignalBlocker blocker(m_list);
        m_list->insertItem(row, item);
    }
    m_list->setCurrentItem(item);
    if (edit)
        m_list->editItem(item);
    if (!text.isEmpty())
        emit changed();
    updateButtons();
}

void ArgumentListEditor::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    delete m_list->takeItem(row);
    emit changed();
    updateButtons();
}

void ArgumentListEditor::moveCurrent(int delta)
{
    const int row = m_list->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_list->count())
        return;
    {
        const QSignalBlocker blocker(m_list);
        QListWidgetItem *item = m_list->takeItem(row);
        m_list->insertItem(target, item);
        m_list->setCurrentRow(target);
    }
    emit changed();
    updateButtons();
}

void ArgumentListEditor::updateButtons()
{
    // As tall as its arguments (three to eight rows), with a note when there are none.
    const int rowHeight = QFontMetrics(m_list->font()).height() + 6;
    const int frame = 2 * m_list->frameWidth() + 4;
    m_list->setFixedHeight(std::clamp(m_list->count() + 1, 3, 8) * rowHeight + frame);
    m_empty->setVisible(m_list->count() == 0);
    m_empty->adjustSize();
    const int row = m_list->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row < m_list->count() - 1);
}

} // namespace capstan
