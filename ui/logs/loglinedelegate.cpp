#include "ui/logs/loglinedelegate.h"

#include "ui/logs/logmodel.h"

#include <QApplication>
#include <QFontDatabase>
#include <QListView>
#include <QMouseEvent>
#include <QPainter>
#include <QTextLayout>

namespace capstan {

namespace {

constexpr int Padding = 2;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor mutedText(const QPalette &palette)
{
    return palette.color(QPalette::PlaceholderText);
}

} // namespace

QColor LogLineDelegate::levelColor(LogLevel level, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (level) {
    case LogLevel::Error:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc4, 0x1e, 0x12);
    case LogLevel::Warn:
        return dark ? QColor(0xf0, 0xb0, 0x40) : QColor(0x9a, 0x52, 0x00);
    case LogLevel::Info:
        return dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x0b, 0x5c, 0xad);
    case LogLevel::Debug:
    case LogLevel::Trace:
    case LogLevel::Unknown:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

LogLineDelegate::LogLineDelegate(LogModel *model, QListView *view)
    : QStyledItemDelegate(view)
    , m_model(model)
    , m_view(view)
{
    setBaseFont(view->font());
}

void LogLineDelegate::setBaseFont(const QFont &base)
{
    m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_font.setPointSizeF(base.pointSizeF());
    const QFontMetrics metrics(m_font);
    m_lineSpacing = metrics.lineSpacing();
    m_charWidth = metrics.horizontalAdvance(QLatin1Char('m'));
    m_gutterWidth = metrics.horizontalAdvance(QStringLiteral("▾")) + 2 * Padding + 4;
}

void LogLineDelegate::setWrap(bool wrap)
{
    m_wrap = wrap;
}

QFont LogLineDelegate::font() const
{
    return m_font;
}

int LogLineDelegate::gutterWidth() const
{
    return m_gutterWidth;
}

int LogLineDelegate::textWidth() const
{
    return std::max(80, m_view->viewport()->width() - gutterWidth() - 2 * Padding);
}

QString LogLineDelegate::displayText(const QModelIndex &index) const
{
    QString text = index.data(Qt::DisplayRole).toString();
    if (text.contains(QLatin1Char('\t')))
        text.replace(QLatin1Char('\t'), QString(LogModel::TabWidth, QLatin1Char(' ')));
    return text;
}

QSize LogLineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(option)
    const int lineHeight = m_lineSpacing + 2 * Padding;
    if (!m_wrap) {
        // Every row as wide as the longest line held: the horizontal scroll bar reaches every end.
        // Room for "… N more lines, root cause: …" after the longest line.
        const int chars = m_model->maxLineLength() + 60;
        return {m_gutterWidth + chars * m_charWidth + 2 * Padding, lineHeight};
    }
    QTextLayout layout(displayText(index), m_font);
    layout.beginLayout();
    int lines = 0;
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(textWidth());
        ++lines;
    }
    layout.endLayout();
    return {m_view->viewport()->width(), std::max(1, lines) * m_lineSpacing + 2 * Padding};
}

void LogLineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    if (selected)
        painter->fillRect(option.rect, palette.brush(QPalette::Highlight));
    const QColor textColor = selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);
    const QFont f = font();
    const QFontMetrics metrics(f);
    const QRect gutter(option.rect.left(), option.rect.top(), gutterWidth(), metrics.lineSpacing() + 2 * Padding);
    painter->setFont(f);
    if (index.data(LogModel::FoldableRole).toBool()) {
        const bool folded = index.data(LogModel::FoldedCountRole).toInt() > 0;
        painter->setPen(selected ? textColor : mutedText(palette));
        painter->drawText(gutter, Qt::AlignCenter, folded ? QStringLiteral("▸") : QStringLiteral("▾"));
    }

    const QString text = displayText(index);
    QList<QTextLayout::FormatRange> formats;
    const QPoint span = index.data(LogModel::LevelSpanRole).toPoint();
    const auto level = static_cast<LogLevel>(index.data(LogModel::LevelRole).toInt());
    if (span.x() >= 0 && span.y() > 0 && !selected) {
        QTextCharFormat format;
        format.setForeground(levelColor(level, palette));
        format.setFontWeight(level == LogLevel::Error || level == LogLevel::Warn ? QFont::Bold : QFont::Normal);
        formats.append({span.x(), span.y(), format});
    }
    if (!selected && index.data(LogModel::TraceRole).toBool()) {
        QTextCharFormat format;
        format.setForeground(mutedText(palette));
        formats.prepend({0, int(text.size()), format});
    }
    const QString search = m_model->searchText();
    if (!search.isEmpty()) {
        QTextCharFormat format;
        format.setBackground(isDark(palette) ? QColor(0x8a, 0x6d, 0x00) : QColor(0xff, 0xe0, 0x5c));
        format.setForeground(isDark(palette) ? QColor(Qt::white) : QColor(Qt::black));
        for (qsizetype at = text.indexOf(search, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(search, at + search.size(), Qt::CaseInsensitive))
            formats.append({int(at), int(search.size()), format});
    }

    QTextLayout layout(text, f);
    layout.setFormats(formats);
    QTextOption textOption;
    textOption.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.beginLayout();
    qreal y = 0;
    int lastLineEnd = 0;
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(m_wrap ? textWidth() : 1e6);
        line.setPosition(QPointF(0, y));
        y += metrics.lineSpacing();
        lastLineEnd = int(line.naturalTextWidth());
    }
    layout.endLayout();
    painter->setPen(textColor);
    const QPointF origin(option.rect.left() + gutterWidth() + Padding, option.rect.top() + Padding);
    layout.draw(painter, origin);

    if (const int folded = index.data(LogModel::FoldedCountRole).toInt(); folded > 0) {
        // The root cause stays in sight while its trace is folded.
        const QString cause = index.data(LogModel::FoldedCauseRole).toString();
        const QString more = cause.isEmpty() ? tr("… %n more line(s)", nullptr, folded)
                                             : tr("… %n more line(s), root cause: %1", nullptr, folded)
                                                   .arg(cause.mid(QLatin1String("Caused by: ").size()));
        QFont italic = f;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(selected ? textColor : mutedText(palette));
        const QFontMetrics italicMetrics(italic);
        const int width = italicMetrics.horizontalAdvance(more);
        const int space = metrics.horizontalAdvance(QLatin1Char(' '));
        // After the line, or over its end where the line runs past the right edge of the view.
        const qreal visibleRight = m_view->viewport()->width() - space;
        const qreal x
            = std::max(origin.x() + space, std::min(origin.x() + lastLineEnd + 2 * space, visibleRight - width));
        const qreal lineTop = origin.y() + y - metrics.lineSpacing();
        if (x < origin.x() + lastLineEnd + space) {
            const QRectF behind(x - space, lineTop, width + 2 * space, metrics.lineSpacing());
            painter->fillRect(behind,
                              selected                                            ? palette.brush(QPalette::Highlight)
                                  : option.backgroundBrush.style() != Qt::NoBrush ? option.backgroundBrush
                                                                                  : palette.brush(QPalette::Base));
        }
        painter->drawText(QPointF(x, lineTop + metrics.ascent()), more);
    }
    painter->restore();
}

bool LogLineDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                  const QModelIndex &index)
{
    Q_UNUSED(model)
    if (event->type() == QEvent::MouseButtonRelease && index.data(LogModel::FoldableRole).toBool()) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && mouse->position().x() < option.rect.left() + gutterWidth()) {
            m_model->setExpanded(index.row(), !m_model->isExpanded(index.row()));
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace capstan
