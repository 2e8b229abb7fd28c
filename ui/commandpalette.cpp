#include "ui/commandpalette.h"

#include <QApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QPixmap>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace capstan {

namespace {

constexpr int kMaxShown = 200; // a longer list is never scrolled through: one types more
constexpr int kCommandRole = Qt::UserRole;

bool wordStart(const QString &text, qsizetype i)
{
    return i == 0 || !text.at(i - 1).isLetterOrNumber();
}

int termScore(const QString &term, const QString &text)
{
    // A substring, best at a word start. Where it occurs does not count otherwise: equal matches keep
    // the list's order (deployments first, then their actions with Delete last).
    int best = -1;
    for (qsizetype i = text.indexOf(term, 0, Qt::CaseInsensitive); i >= 0;
         i = text.indexOf(term, i + 1, Qt::CaseInsensitive))
        best = std::max(best, wordStart(text, i) ? 1500 : 1000);
    if (best >= 0)
        return best;
    // A subsequence ("sfd" in "suspend: flink-jobs/fraud-detector"): fewer gaps and more word starts win.
    int score = 400;
    qsizetype from = 0;
    qsizetype previous = -2;
    for (const QChar c : term) {
        const qsizetype at = text.indexOf(c, from, Qt::CaseInsensitive);
        if (at < 0)
            return -1;
        if (at != previous + 1)
            score -= 10;
        if (wordStart(text, at))
            score += 15;
        previous = at;
        from = at + 1;
    }
    return std::max(score, 1);
}

} // namespace

CommandPalette::CommandPalette(QWidget *window)
    : QFrame(window)
    , m_input(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);
    m_input->setObjectName(QStringLiteral("commandPaletteLineEdit"));
    m_input->setPlaceholderText(tr("Go to a deployment, run an action or a command…"));
    m_input->setAccessibleName(tr("Command"));
    m_list->setObjectName(QStringLiteral("commandPaletteList"));
    m_list->setAccessibleName(tr("Matching commands"));
    m_list->setFocusPolicy(Qt::NoFocus); // the line edit keeps the keyboard; Up/Down move the choice
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideMiddle);
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_list->setIconSize(QSize(icon, icon));
    m_hint->setObjectName(QStringLiteral("commandPaletteHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setText(tr("↑↓ choose   Enter run   Esc close"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 6);
    layout->setSpacing(6);
    layout->addWidget(m_input);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_hint);
    m_input->installEventFilter(this);
    window->installEventFilter(this); // follows the window's size
    connect(m_input, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_list, &QListWidget::itemActivated, this, &CommandPalette::runCurrent);
    // Clicking elsewhere in the window closes the palette, as a popup would.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (isVisible() && now && now != this && !isAncestorOf(now))
            dismiss();
    });
    hide();
}

void CommandPalette::open(const QList<Command> &commands)
{
    m_commands = commands;
    if (!isVisible())
        m_previousFocus = QApplication::focusWidget();
    m_input->clear();
    refilter();
    place();
    show();
    raise();
    m_input->setFocus(Qt::ShortcutFocusReason);
}

void CommandPalette::dismiss()
{
    hide();
    if (m_previousFocus)
        m_previousFocus->setFocus(Qt::OtherFocusReason);
}

void CommandPalette::place()
{
    QWidget *window = parentWidget();
    const int em = fontMetrics().averageCharWidth();
    const int width = std::min(window->width() - 4 * em, 80 * em);
    // Just below the menu bar and tool bars, over the top of the content.
    int top = fontMetrics().height() / 2;
    if (auto *main = qobject_cast<QMainWindow *>(window); main && main->centralWidget())
        top += main->centralWidget()->geometry().top();
    const int rowHeight = std::max(m_list->sizeHintForRow(0), fontMetrics().height() + 4);
    const int wanted = m_input->sizeHint().height() + m_hint->sizeHint().height() + rowHeight * 12 + 30;
    const int height = std::min(wanted, window->height() - top - fontMetrics().height());
    setGeometry((window->width() - width) / 2, top, width, std::max(height, m_input->sizeHint().height() * 3));
}

void CommandPalette::refilter()
{
    const QString query = m_input->text();
    QList<std::pair<int, qsizetype>> ranked; // score, index
    for (qsizetype i = 0; i < m_commands.size(); ++i) {
        const Command &c = m_commands.at(i);
        const QString shown = c.detail.isEmpty() ? c.text : c.text + QLatin1Char(' ') + c.detail;
        int score = matchScore(query, shown);
        if (score < 0 && !c.keywords.isEmpty()) {
            // Every term must be a substring of what is shown or of the keywords (no subsequences),
            // and such a match ranks below one in the text itself.
            const qsizetype terms = query.split(QLatin1Char(' '), Qt::SkipEmptyParts).size();
            score = matchScore(query, shown + QLatin1Char(' ') + c.keywords);
            score = score >= 1000 * terms ? score - 100 * terms : -1;
        }
        if (score >= 0)
            ranked.append({score, i});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    m_list->clear();
    // Rows a little taller than the text, so that the list reads as a list of choices.
    const QSize rowSize(0, std::max(m_list->iconSize().height(), fontMetrics().height()) + 8);
    QPixmap blank(m_list->iconSize() * devicePixelRatio());
    blank.setDevicePixelRatio(devicePixelRatio());
    blank.fill(Qt::transparent);
    const QIcon none(blank);
    for (qsizetype n = 0; n < std::min<qsizetype>(ranked.size(), kMaxShown); ++n) {
        const Command &c = m_commands.at(ranked.at(n).second);
        auto *item
            = new QListWidgetItem(c.icon.isNull() ? none : c.icon,
                                  c.detail.isEmpty() ? c.text : c.text + QStringLiteral(" — ") + c.detail, m_list);
        item->setData(kCommandRole, ranked.at(n).second);
        item->setSizeHint(rowSize);
        if (!c.toolTip.isEmpty())
            item->setToolTip(c.toolTip);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_hint->setText(m_list->count() == 0 ? tr("Nothing matches.") : tr("↑↓ choose   Enter run   Esc close"));
}

void CommandPalette::moveCurrent(int delta)
{
    const int count = m_list->count();
    if (count == 0)
        return;
    int row = m_list->currentRow() + delta;
    if (std::abs(delta) == 1)
        row = (row + count) % count; // single steps wrap around
    m_list->setCurrentRow(std::clamp(row, 0, count - 1));
}

void CommandPalette::runCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const std::function<void()> run = m_commands.at(item->data(kCommandRole).toInt()).run;
    dismiss();
    m_commands.clear();
    // Run once the palette's key event is over: an action may open a modal confirmation.
    if (run)
        QTimer::singleShot(0, parentWidget(), run);
}

QStringList CommandPalette::shownTexts() const
{
    QStringList texts;
    for (int row = 0; row < m_list->count(); ++row)
        texts << m_list->item(row)->text();
    return texts;
}

int CommandPalette::matchScore(const QString &query, const QString &text)
{
    int score = 0;
    for (const QString &term : query.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const int s = termScore(term, text);
        if (s < 0)
            return -1;
        score += s;
    }
    return score;
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget()) {
        if (event->type() == QEvent::Resize && isVisible())
            place();
        return false;
    }
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int page = std::max(1, m_list->viewport()->height() / std::max(1, m_list->sizeHintForRow(0)) - 1);
        switch (key->key()) {
        case Qt::Key_Up:
            moveCurrent(-1);
            return true;
        case Qt::Key_Down:
            moveCurrent(1);
            return true;
        case Qt::Key_PageUp:
            moveCurrent(-page);
            return true;
        case Qt::Key_PageDown:
            moveCurrent(page);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runCurrent();
            return true;
        case Qt::Key_Escape:
            dismiss();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace capstan
