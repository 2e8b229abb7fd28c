#include "ui/configure/configureyamlpage.h"

#include "flink/yamlwriter.h"
#include "ui/backgroundpool.h"
#include "ui/widgets/yamlhighlighter.h"

#include <algorithm>

#include <QEvent>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <memory>

namespace capstan {

ConfigureYamlPage::ConfigureYamlPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("yamlPage"));
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    m_editor = new QPlainTextEdit(splitter);
    m_editor->setObjectName(QStringLiteral("yamlEditor"));
    m_editor->setAccessibleName(tr("Spec as YAML"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    m_highlighter = new YamlHighlighter(m_editor->document());

    auto *errorsPane = new QWidget(splitter);
    auto *errorsLayout = new QVBoxLayout(errorsPane);
    errorsLayout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(errorsPane);
    m_status->setObjectName(QStringLiteral("yamlStatusLabel"));
    m_status->setWordWrap(true);
    m_errors = new QListWidget(errorsPane);
    m_errors->setObjectName(QStringLiteral("yamlErrorList"));
    m_errors->setAccessibleName(tr("Problems in the YAML"));
    m_errors->setWordWrap(true);
    m_errors->setIconSize(QSize(16, 16));
    errorsLayout->addWidget(m_status);
    errorsLayout->addWidget(m_errors, 1);
    splitter->addWidget(m_editor);
    splitter->addWidget(errorsPane);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &ConfigureYamlPage::parseWhileTyping);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ConfigureYamlPage::onTextChanged);
    connect(m_errors, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        goToProblem(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
    });
    m_highlighter->setPalette(palette());
}

ConfigureYamlPage::~ConfigureYamlPage() = default;

void ConfigureYamlPage::setSpec(const QJsonObject &spec)
{
    if (m_valid && m_document.value.toObject() == spec && !m_editor->document()->isEmpty())
        return;
    const QString text = YamlWriter::toYaml(spec);
    m_settingText = true;
    m_editor->setPlainText(text);
    m_settingText = false;
    m_edited = false;
    Result<YamlReader::Document> parsed = YamlReader::parseDocument(text);
    if (parsed) {
        m_document = std::move(parsed.value());
        m_valid = true;
        m_error = Error();
    }
}

void ConfigureYamlPage::replaceSpec(const QJsonObject &spec)
{
    m_document = YamlReader::Document();
    setSpec(spec);
}

void ConfigureYamlPage::onTextChanged()
{
    ++m_textGeneration;
    if (m_settingText)
        return;
    m_edited = true;
    emit edited();
    m_timer->start();
}

bool ConfigureYamlPage::commit()
{
    m_timer->stop();
    if (!takeParsed(YamlReader::parseDocument(m_editor->toPlainText())))
        return false;
    m_edited = false;
    return true;
}

void ConfigureYamlPage::parseWhileTyping()
{
    // Below this size a parse takes a few milliseconds; a document near the API server's limit
    // takes a large part of a second, which the editor must not freeze for after every pause.
    constexpr qsizetype kBackgroundParseChars = 64 * 1024;
    const QString text = m_editor->toPlainText();
    if (text.size() < kBackgroundParseChars) {
        const bool valid = takeParsed(YamlReader::parseDocument(text));
        emit parsed(valid);
        return;
    }
    m_status->setText(tr("Checking the YAML…"));
    if (m_parseInFlight)
        return; // the latest text is parsed when this one comes back
    m_parseInFlight = true;
    using Parsed = std::shared_ptr<Result<YamlReader::Document>>;
    auto *watcher = new QFutureWatcher<Parsed>(this);
    connect(watcher, &QFutureWatcher<Parsed>::finished, this, [this, watcher, generation = m_textGeneration] {
        const Parsed result = watcher->result();
        watcher->deleteLater();
        m_parseInFlight = false;
        // Left the page (parsed there at once) or a new pause is pending: nothing to do.
        if (!m_edited || m_timer->isActive())
            return;
        if (generation != m_textGeneration) {
            parseWhileTyping(); // edited meanwhile: this result is for an older text
            return;
        }
        const bool valid = takeParsed(std::move(*result));
        emit parsed(valid);
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [text] {
        return std::make_shared<Result<YamlReader::Document>>(YamlReader::parseDocument(text));
    }));
}

bool ConfigureYamlPage::takeParsed(Result<YamlReader::Document> parsed)
{
    if (!parsed) {
        m_valid = false;
        m_error = parsed.error();
        return false;
    }
    if (!parsed->value.isObject() && !parsed->value.isNull()) {
        m_valid = false;
        m_error = Error::make(QStringLiteral("YamlSyntax"), tr("The spec must be a mapping of fields."));
        m_error.line = 1;
        m_error.column = 1;
        return false;
    }
    m_valid = true;
    m_error = Error();
    m_document = std::move(parsed.value());
    return true;
}

// Activating a problem puts the cursor where it is.
void ConfigureYamlPage::goToProblem(int line, int column)
{
    if (line <= 0)
        return;
    const QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::max(0, column - 1));
    m_editor->setTextCursor(cursor);
    m_editor->setFocus();
}

void ConfigureYamlPage::showProblems(const QList<SpecChecks::Problem> &problems, bool hasSchema)
{
    m_errors->clear();
    QList<QTextEdit::ExtraSelection> selections;
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat mark;
    mark.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    mark.setUnderlineColor(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd3, 0x3a, 0x2c));
    QTextCharFormat lineMark;
    lineMark.setBackground(dark ? QColor(0x4a, 0x22, 0x24) : QColor(0xfd, 0xe7, 0xe6));
    lineMark.setProperty(QTextFormat::FullWidthSelection, true);
    const auto addItem = [&](int line, int column, const QString &text) {
        auto *item = new QListWidgetItem(line > 0 ? tr("Line %1, column %2: %3").arg(line).arg(column).arg(text) : text,
                                         m_errors);
        item->setData(Qt::UserRole, line);
        item->setData(Qt::UserRole + 1, column);
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
        if (line > 0) {
            QTextEdit::ExtraSelection wholeLine;
            wholeLine.cursor = QTextCursor(m_editor->document()->findBlockByNumber(line - 1));
            wholeLine.format = lineMark;
            selections.append(wholeLine);
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(m_editor->document()->findBlockByNumber(line - 1));
            selection.cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::max(0, column - 1));
            selection.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            if (!selection.cursor.hasSelection())
                selection.cursor.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
            selection.format = mark;
            selections.append(selection);
        }
    };
    if (!m_valid) {
        addItem(m_error.line, m_error.column, m_error.message);
        m_status->setText(tr("The YAML does not parse: fix the error below to continue."));
    } else {
        for (const SpecChecks::Problem &p : problems) {
            if (p.field.startsWith(QLatin1String("metadata.")))
                continue;
            const YamlReader::Location at = YamlReader::locate(m_document, p.field);
            addItem(at.line, at.column, p.field.isEmpty() ? p.message : tr("%1: %2").arg(p.field, p.message));
        }
        m_status->setText(m_errors->count() == 0
                              ? (!m_validNote.isEmpty() ? m_validNote
                                     : hasSchema        ? tr("The YAML is valid against the cluster's schema.")
                                                 : tr("The YAML parses; the cluster's schema has not arrived yet."))
                              : tr("%n problem(s) to fix before applying:", nullptr, m_errors->count()));
    }
    m_errors->setVisible(m_errors->count() > 0);
    m_editor->setExtraSelections(selections);
}

void ConfigureYamlPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setPalette(palette());
}

} // namespace capstan
