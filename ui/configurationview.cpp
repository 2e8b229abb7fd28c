#include "ui/configurationview.h"

#include "ui/widgets/yamldiffview.h"

#include "vvp/vvpobjects.h"

#include "actions/actiondescriptor.h"
#include "flink/autoscalerconfig.h"
#include "flink/yamlwriter.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/yamlhighlighter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace capstan {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

QPlainTextEdit *yamlEdit(QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return edit;
}

// The "spec" of a lastReconciledSpec/lastStableSpec string ({"spec": …, "resource_metadata": …}) as YAML;
// empty when the string is missing or not JSON.
QString specYamlOf(const QJsonValue &serialized)
{
    const QString text = serialized.toString();
    if (text.isEmpty())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isObject())
        return {};
    const QJsonValue spec = document.object().value(QLatin1String("spec"));
    if (!spec.isObject())
        return {};
    return YamlWriter::toYaml(spec);
}

// The indentation that decides nesting: a list item ("- ") counts one deeper than its dash, so that
// "key:" followed by "- item" at the same column still reads as parent and child.
qint64 reconciledGeneration(const QJsonObject &reconciliationStatus)
{
    const QJsonDocument document
        = QJsonDocument::fromJson(reconciliationStatus.value(QLatin1String("lastReconciledSpec")).toString().toUtf8());
    const QJsonValue generation = document.object()
                                      .value(QLatin1String("resource_metadata"))
                                      .toObject()
                                      .value(QLatin1String("metadata"))
                                      .toObject()
                                      .value(QLatin1String("generation"));
    return generation.isDouble() ? generation.toInteger() : -1;
}

QString minuteOf(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

ConfigurationView::ConfigurationView(QWidget *parent)
    : QWidget(parent)
    , m_banner(new MessageBanner(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_specView(yamlEdit(this))
    , m_highlighter(new YamlHighlighter(m_specView->document()))
    , m_diffHeading(nullptr)
    , m_diffSummary(new QLabel(this))
    , m_diffView(new YamlDiffView(this))
{
    setObjectName(QStringLiteral("configurationView"));
    m_banner->setObjectName(QStringLiteral("pendingSpecBanner"));
    m_splitter->setObjectName(QStringLiteral("configurationSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_specView->setObjectName(QStringLiteral("specYamlView"));
    m_specView->setAccessibleName(tr("Current spec (YAML)"));
    m_specView->setPlaceholderText(tr("No spec."));
    m_highlighter->setPalette(palette());
    m_diffView->setObjectName(QStringLiteral("stableDiffView"));
    m_diffView->setAccessibleName(tr("Changes from the last stable spec to the last reconciled spec"));
    m_diffSummary->setObjectName(QStringLiteral("stableDiffSummary"));
    m_diffSummary->setWordWrap(true);
    m_diffSummary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_diffSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *specPane = new QWidget(m_splitter);
    auto *specLayout = new QVBoxLayout(specPane);
    specLayout->setContentsMargins(0, 0, 0, 4);
    specLayout->setSpacing(4);
    QLabel *specHeading = heading(tr("Spec"), specPane);
    specHeading->setBuddy(m_specView);
    specLayout->addWidget(specHeading);
    specLayout->addWidget(m_specView, 1);

    auto *diffPane = new QWidget(m_splitter);
    auto *diffLayout = new QVBoxLayout(diffPane);
    diffLayout->setContentsMargins(0, 4, 0, 0);
    diffLayout->setSpacing(4);
    m_diffHeading = heading(tr("Last reconciled vs last stable"), diffPane);
    m_diffHeading->setObjectName(QStringLiteral("diffHeading"));
    m_diffHeading->setBuddy(m_diffView);
    m_rollbackButton = new QPushButton(tr("Roll Back to This Revision\u2026"), diffPane);
    m_rollbackButton->setObjectName(QStringLiteral("rollbackToRevisionButton"));
    m_rollbackButton->setToolTip(tr("Configure the deployment with the previous revision's spec: the review shows "
                                    "the change before anything is written"));
    m_rollbackButton->hide();
    connect(m_rollbackButton, &QPushButton::clicked, this, [this] {
        const QJsonObject spec = revisionRollbackSpec();
        if (!spec.isEmpty())
            emit rollbackToRevisionRequested(spec);
    });
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_diffHeading, 1);
    headingRow->addWidget(m_rollbackButton);
    diffLayout->addLayout(headingRow);
    diffLayout->addWidget(m_diffSummary);
    diffLayout->addWidget(m_diffView, 1);
    diffLayout->addStretch(0);

    m_splitter->addWidget(specPane);
    m_splitter->addWidget(diffPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);

    m_diffMessage = tr("No reconciled spec yet.");
    renderDiff();
}

void ConfigurationView::setObject(const QJsonObject &flinkDeployment)
{
    updateBanner(flinkDeployment);
    const QJsonValue spec = flinkDeployment.value(QLatin1String("spec"));
    m_currentSpec = spec.toObject();
    setTextKeepingScroll(m_specView, spec.isObject() ? YamlWriter::toYaml(spec) : QString());
    const bool platform = VvpObjects::isPlatformDeployment(flinkDeployment);
    if (platform != m_platform || flinkDeployment.isEmpty()) {
        // Another kind of deployment, or none: what was known of the previous one's history is not its.
        m_platform = platform;
        m_previousKnown = false;
        m_previousSpec = QJsonObject();
        m_diffKnown = false;
        m_autoscalerNote.clear();
        m_diffHeading->setText(platform ? tr("Changes since the previous revision")
                                        : tr("Last reconciled vs last stable"));
        m_diffView->setAccessibleName(platform ? tr("Changes from the previous recorded revision to the current spec")
                                               : tr("Changes from the last stable spec to the last reconciled spec"));
    }
    if (platform) {
        updatePlatformDiff();
        return;
    }
    m_rollbackButton->hide();
    // The autoscaler's decisions reach the job through the reconciled spec only: say whose they are, so a
    // difference nobody typed is not taken for someone else's change.
    const QString serialized = flinkDeployment.value(QLatin1String("status"))
                                   .toObject()
                                   .value(QLatin1String("reconciliationStatus"))
                                   .toObject()
                                   .value(QLatin1String("lastReconciledSpec"))
                                   .toString();
    const QJsonObject reconciled
        = QJsonDocument::fromJson(serialized.toUtf8()).object().value(QLatin1String("spec")).toObject();
    const QString reconciledOverrides = reconciled.value(QLatin1String("flinkConfiguration"))
                                            .toObject()
                                            .value(AutoscalerConfig::kParallelismOverridesKey)
                                            .toString();
    const QString ownOverrides = spec.toObject()
                                     .value(QLatin1String("flinkConfiguration"))
                                     .toObject()
                                     .value(AutoscalerConfig::kParallelismOverridesKey)
                                     .toString();
    const QString note = !reconciledOverrides.isEmpty() && reconciledOverrides != ownOverrides
            && AutoscalerConfig::fromSpec(reconciled).enabled()
        ? tr("Managed by the autoscaler: %1 in the reconciled spec is %2, set by the operator's autoscaler, not "
             "in the deployment's spec.")
              .arg(AutoscalerConfig::kParallelismOverridesKey, reconciledOverrides)
        : QString();
    if (note != m_autoscalerNote) {
        m_autoscalerNote = note;
        m_diffKnown = false;
    }
    updateDiff(flinkDeployment.value(QLatin1String("status")).toObject());
}

void ConfigurationView::setPreviousRevision(const QJsonObject &spec, const QDateTime &since, const QDateTime &until,
                                            const QString &action)
{
    if (m_previousKnown && spec == m_previousSpec && since == m_previousSince && until == m_previousUntil
        && action == m_previousAction)
        return;
    m_previousKnown = true;
    m_previousSpec = spec;
    m_previousSince = since;
    m_previousUntil = until;
    m_previousAction = action;
    m_diffKnown = false;
    if (m_platform)
        updatePlatformDiff();
}

void ConfigurationView::updatePlatformDiff()
{
    const QJsonObject target = revisionRollbackSpec();
    m_rollbackButton->setVisible(!target.isEmpty() && target != m_currentSpec);
    const QString before = m_previousSpec.isEmpty() ? QString() : YamlWriter::toYaml(m_previousSpec);
    const QString after = m_specView->toPlainText();
    if (m_diffKnown && before == m_diffBefore && after == m_diffAfter)
        return;
    m_diffKnown = true;
    m_diffMessage.clear();
    if (!m_previousKnown)
        m_diffMessage = tr("Reading the revisions Capstan recorded…");
    else if (before.isEmpty())
        m_diffMessage = tr("No earlier revision recorded yet: Capstan records a revision each time it sees the spec "
                           "change.");
    else if (before == after)
        m_diffMessage = tr("The spec is the same as in the revision of %1.").arg(minuteOf(m_previousSince));
    setDiffTexts(before, after);
}

QJsonObject ConfigurationView::revisionRollbackSpec() const
{
    if (!m_platform || m_previousSpec.isEmpty())
        return {};
    QJsonObject spec = m_previousSpec;
    const QJsonValue state = m_currentSpec.value(QLatin1String("state"));
    if (state.isUndefined())
        spec.remove(QLatin1String("state"));
    else
        spec.insert(QLatin1String("state"), state);
    return spec;
}

void ConfigurationView::setDiffTexts(const QString &before, const QString &after)
{
    m_diffBefore = before;
    m_diffAfter = after;
    renderDiff();
}

QString ConfigurationView::specYaml() const
{
    return m_specView->toPlainText();
}

QString ConfigurationView::diffSummary() const
{
    return m_diffSummary->text();
}

QString ConfigurationView::diffText() const
{
    if (!m_diffMessage.isEmpty())
        return m_diffMessage;
    return m_diffView->toPlainText();
}

void ConfigurationView::updateBanner(const QJsonObject &object)
{
    const QJsonValue generationValue
        = object.value(QLatin1String("metadata")).toObject().value(QLatin1String("generation"));
    const QJsonObject status = object.value(QLatin1String("status")).toObject();
    const QJsonValue observedValue = status.value(QLatin1String("observedGeneration"));
    const qint64 generation = generationValue.isDouble() ? generationValue.toInteger() : -1;
    qint64 observed = observedValue.isDouble() ? observedValue.toInteger() : -1;
    if (observed < 0)
        observed = reconciledGeneration(status.value(QLatin1String("reconciliationStatus")).toObject());
    QString text;
    if (generation >= 0 && observed >= 0 && generation != observed)
        text = tr("A spec change is pending: generation %1 is not yet reconciled (observed %2).")
                   .arg(generation)
                   .arg(observed);
    if (text.isEmpty()) {
        m_banner->hide();
    } else if (text != m_bannerText) {
        // Shown again only for a new message, so a dismissed banner stays dismissed across refreshes.
        m_banner->showMessage(MessageBanner::Kind::Information, text);
    }
    m_bannerText = text;
}

void ConfigurationView::updateDiff(const QJsonObject &status)
{
    const QJsonObject reconciliation = status.value(QLatin1String("reconciliationStatus")).toObject();
    const QString reconciled = specYamlOf(reconciliation.value(QLatin1String("lastReconciledSpec")));
    const QString stable = specYamlOf(reconciliation.value(QLatin1String("lastStableSpec")));
    if (m_diffKnown && reconciled == m_diffAfter && stable == m_diffBefore)
        return;
    m_diffKnown = true;
    m_diffMessage.clear();
    if (reconciled.isEmpty()) {
        m_diffMessage = tr("No reconciled spec yet.");
    } else if (stable.isEmpty()) {
        m_diffMessage = tr("No stable spec yet: the last reconciled spec has not become stable.");
    } else if (reconciled == stable) {
        m_diffMessage = tr("The last reconciled spec is the last stable spec.");
    }
    setDiffTexts(stable, reconciled);
}

void ConfigurationView::renderDiff()
{
    const QString note = m_autoscalerNote.isEmpty() ? QString() : QStringLiteral("\n") + m_autoscalerNote;
    if (!m_diffMessage.isEmpty()) {
        m_diffSummary->setText(m_diffMessage + note);
        m_diffView->clear();
        m_diffView->hide();
        return;
    }
    const bool appearing = m_diffView->isHidden();
    m_diffView->setTexts(m_diffBefore, m_diffAfter);
    const QString added = tr("%n line(s) added", nullptr, m_diffView->addedCount());
    const QString removed = tr("%n line(s) removed", nullptr, m_diffView->removedCount());
    if (!m_platform) {
        m_diffSummary->setText(
            tr("The last reconciled spec differs from the last stable spec: %1, %2.").arg(added, removed) + note);
    } else {
        const ActionDescriptor *action = ActionDescriptor::find(m_previousAction);
        m_diffSummary->setText(
            action ? tr("Changes since the revision of %1, made %2 by %3: %4, %5.")
                         .arg(minuteOf(m_previousSince), minuteOf(m_previousUntil), action->name(), added, removed)
                   : tr("Changes since the revision of %1, made %2: %3, %4.")
                         .arg(minuteOf(m_previousSince), minuteOf(m_previousUntil), added, removed));
    }
    m_diffView->show();
    if (appearing)
        fitDiffPane();
}

void ConfigurationView::fitDiffPane()
{
    // The page was laid out for a sentence where the diff now stands: it gets the room its lines need,
    // up to half the tab. A pane the user made larger stays as it is.
    const QList<int> sizes = m_splitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (sizes.size() != 2 || total <= 0)
        return;
    const int lines = m_diffView->document()->blockCount() + 2;
    const int wanted = std::min(total / 2,
                                lines * m_diffView->fontMetrics().lineSpacing() + m_diffHeading->sizeHint().height()
                                    + m_diffSummary->heightForWidth(m_splitter->width()) + 16);
    if (sizes.at(1) < wanted)
        m_splitter->setSizes({total - wanted, wanted});
}

void ConfigurationView::setTextKeepingScroll(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() == text)
        return;
    const int vertical = edit->verticalScrollBar()->value();
    const int horizontal = edit->horizontalScrollBar()->value();
    edit->setPlainText(text);
    edit->verticalScrollBar()->setValue(vertical);
    edit->horizontalScrollBar()->setValue(horizontal);
}

void ConfigurationView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        if (m_diffMessage.isEmpty()) {
            m_diffView->clear();
            renderDiff();
        }
    }
    QWidget::changeEvent(event);
}

} // namespace capstan
