#include "ui/configure/configurereviewpage.h"

#include "ui_configurereviewpage.h"

#include "flink/autoscalerconfig.h"
#include "flink/specdiff.h"
#include "flink/yamlwriter.h"

namespace capstan {

namespace {
const QLatin1String kSuspended("suspended");
}

ConfigureReviewPage::ConfigureReviewPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConfigureReviewPage>())
{
    m_ui->setupUi(this);
    m_ui->reviewProblemsLabel->hide();
}

ConfigureReviewPage::~ConfigureReviewPage() = default;

QString ConfigureReviewPage::sentence(const QJsonObject &before, const QJsonObject &after)
{
    if (after.contains(QLatin1String("template")))
        return platformSentence(before, after);
    const QJsonObject job = after.value(QLatin1String("job")).toObject();
    const QString mode = job.value(QLatin1String("upgradeMode")).toString(QStringLiteral("stateless"));
    const bool suspendedBefore
        = before.value(QLatin1String("job")).toObject().value(QLatin1String("state")).toString() == kSuspended;
    const bool suspendedAfter = job.value(QLatin1String("state")).toString() == kSuspended;
    switch (SpecDiff::classify(before, after)) {
    case ChangeClass::None:
        return tr("Nothing to apply.");
    case ChangeClass::Ignore:
        return tr("Nothing restarts: the operator only records this change.");
    case ChangeClass::SavepointRedeploy:
        return tr("The job is redeployed from savepoint %1.")
            .arg(job.value(QLatin1String("initialSavepointPath")).toString());
    case ChangeClass::StateChange:
        if (suspendedAfter) {
            if (mode == QLatin1String("savepoint"))
                return tr("The job is suspended: a savepoint is taken first, and the job starts from it when "
                          "resumed.");
            if (mode == QLatin1String("last-state"))
                return tr("The job is suspended: its latest checkpoint and HA metadata are kept to resume from.");
            return tr("The job is suspended and its state is discarded.");
        }
        if (mode == QLatin1String("savepoint"))
            return tr("The job resumes from the savepoint taken when it was suspended.");
        if (mode == QLatin1String("last-state"))
            return tr("The job resumes from its latest checkpoint.");
        return tr("The job starts with empty state.");
    case ChangeClass::Scale:
    case ChangeClass::Upgrade:
    case ChangeClass::Restart: {
        QString text;
        if (suspendedBefore && suspendedAfter)
            text = tr("The job stays suspended: the change takes effect when it starts.");
        else if (mode == QLatin1String("savepoint"))
            text = tr("This change restarts the job: a savepoint is taken, then the job is redeployed from it.");
        else if (mode == QLatin1String("last-state"))
            text = tr("This change restarts the job from its latest checkpoint.");
        else
            text = tr("This change restarts the job with empty state.");
        const QJsonValue parallelismBefore
            = before.value(QLatin1String("job")).toObject().value(QLatin1String("parallelism"));
        if (job.value(QLatin1String("parallelism")) != parallelismBefore
            && AutoscalerConfig::fromSpec(after).mode() == AutoscalerConfig::Mode::Active) {
            // The operator puts the autoscaler's overrides on top of the spec's parallelism.
            text += QLatin1Char(' ')
                + tr("The autoscaler is active: it sets the parallelism of the vertices it scales itself "
                     "(pipeline.jobvertex-parallelism-overrides), so this parallelism holds only until its next "
                     "decision. Switch it to advisory (Deployment \u25b8 Autoscaler) to keep yours.");
        }
        return text;
    }
    }
    return tr("Nothing to apply.");
}

void ConfigureReviewPage::showChange(const QJsonObject &before, const QJsonObject &after)
{
    showChange(before, after, sentence(before, after));
}

void ConfigureReviewPage::showChange(const QJsonObject &before, const QJsonObject &after, const QString &what,
                                     const QString &detail)
{
    m_ui->reviewSentenceLabel->setText(what);
    m_ui->reviewDiffView->setTexts(YamlWriter::toYaml(before), YamlWriter::toYaml(after), tr("The spec is unchanged."));
    const int added = m_ui->reviewDiffView->addedCount();
    const int removed = m_ui->reviewDiffView->removedCount();
    m_ui->reviewDiffView->show();
    m_ui->reviewSummaryLabel->show();
    const QString counts = added + removed == 0
        ? tr("You have not changed anything yet.")
        : tr("Current \u2192 new spec: %1, %2.")
              .arg(tr("%n line(s) added", nullptr, added), tr("%n line(s) removed", nullptr, removed));
    m_ui->reviewSummaryLabel->setText(detail.isEmpty() ? counts : detail + QStringLiteral("\n\n") + counts);
}

void ConfigureReviewPage::showCreation(const QString &name, const QString &ns, const QJsonObject &spec)
{
    if (spec.contains(QLatin1String("template"))) {
        // A Ververica Platform Deployment: the desired state and the restore strategy decide what starts.
        const QString state = spec.value(QLatin1String("state")).toString(QStringLiteral("RUNNING"));
        if (state != QLatin1String("RUNNING"))
            m_ui->reviewSentenceLabel->setText(
                tr("Ververica Platform creates the deployment %1: nothing runs until you start it.")
                    .arg(state.toLower()));
        else
            m_ui->reviewSentenceLabel->setText(
                tr("Ververica Platform creates the deployment and starts its first job with empty state; the "
                   "namespace's Deployment Defaults fill in what the spec leaves out."));
        m_ui->reviewSummaryLabel->setText(
            tr("Creates Deployment \u201c%1\u201d in the platform's namespace \u201c%2\u201d with this spec:")
                .arg(name, ns));
        m_ui->reviewDiffView->setTexts(QString(), YamlWriter::toYaml(spec));
        return;
    }
    const QJsonObject job = spec.value(QLatin1String("job")).toObject();
    const QString initial = job.value(QLatin1String("initialSavepointPath")).toString();
    if (job.value(QLatin1String("state")).toString() == kSuspended)
        m_ui->reviewSentenceLabel->setText(
            tr("The deployment is created suspended: its job does not start until you start it."));
    else if (!initial.isEmpty())
        m_ui->reviewSentenceLabel->setText(
            tr("The deployment is created and its job starts from savepoint %1.").arg(initial));
    else
        m_ui->reviewSentenceLabel->setText(tr("The deployment is created and its job starts with empty state."));
    m_ui->reviewSummaryLabel->setText(
        tr("Creates FlinkDeployment \u201c%1\u201d in namespace \u201c%2\u201d with this spec:").arg(name, ns));
    m_ui->reviewDiffView->setTexts(QString(), YamlWriter::toYaml(spec));
}

void ConfigureReviewPage::showStatement(const QString &what, const QString &detail)
{
    m_ui->reviewSentenceLabel->setText(what);
    m_ui->reviewSummaryLabel->setText(detail);
    m_ui->reviewSummaryLabel->setVisible(!detail.isEmpty());
    m_ui->reviewDiffView->hide();
}

void ConfigureReviewPage::showProblems(const QStringList &problems)
{
    m_ui->reviewProblemsLabel->setText(
        problems.isEmpty() ? QString() : tr("Fix these first: %1").arg(problems.join(QStringLiteral(" \u2022 "))));
    m_ui->reviewProblemsLabel->setVisible(!problems.isEmpty());
}

QString ConfigureReviewPage::platformSentence(const QJsonObject &before, const QJsonObject &after)
{
    if (before == after)
        return tr("Nothing to apply.");
    const QString state = after.value(QLatin1String("state")).toString();
    if (state != QLatin1String("RUNNING"))
        return tr("Nothing runs now: the platform applies the change at the next start.");
    if (before.value(QLatin1String("state")).toString() != QLatin1String("RUNNING"))
        return tr("Ververica Platform starts a new job with the new spec.");
    const QString upgrade
        = after.value(QLatin1String("upgradeStrategy")).toObject().value(QLatin1String("kind")).toString();
    if (upgrade == QLatin1String("STATEFUL"))
        return tr("Ververica Platform takes a savepoint (origin SUSPEND_AND_UPGRADE), then starts a new job from it.");
    if (upgrade == QLatin1String("STATELESS"))
        return tr("Ververica Platform stops the job and starts a new one without its state.");
    return tr("The running job is left as it is (upgrade strategy NONE): the change applies at the next start.");
}

} // namespace capstan
