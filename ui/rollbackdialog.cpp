#include "ui/rollbackdialog.h"

#include "flink/yamlwriter.h"
#include "ui/widgets/yamldiffview.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace capstan {

QJsonObject RollbackDialog::targetSpec(const QJsonObject &currentSpec, const QJsonObject &revisionSpec,
                                       const QString &path)
{
    QJsonObject spec = revisionSpec.isEmpty() ? currentSpec : revisionSpec;
    QJsonObject job = spec.value(QLatin1String("job")).toObject();
    const QJsonObject currentJob = currentSpec.value(QLatin1String("job")).toObject();
    // What a rollback never takes from an old spec: the nonces, the desired state and the upgrade mode.
    for (const char *key :
         {"state", "upgradeMode", "restartNonce", "savepointTriggerNonce", "checkpointTriggerNonce"}) {
        const QJsonValue v = currentJob.value(QLatin1String(key));
        if (v.isUndefined())
            job.remove(QLatin1String(key));
        else
            job.insert(QLatin1String(key), v);
    }
    job.insert(QStringLiteral("initialSavepointPath"), path);
    job.insert(QStringLiteral("savepointRedeployNonce"),
               currentJob.value(QLatin1String("savepointRedeployNonce")).toInteger() + 1);
    spec.insert(QStringLiteral("job"), job);
    return spec;
}

RollbackDialog::RollbackDialog(const Snapshot &snapshot, const QJsonObject &currentSpec,
                               const QJsonObject &revisionSpec, QWidget *parent)
    : QDialog(parent)
    , m_snapshot(snapshot)
    , m_revisionKnown(!revisionSpec.isEmpty())
{
    setObjectName(QStringLiteral("rollbackDialog"));
    setWindowTitle(tr("Roll Back to Snapshot"));
    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("rollbackSummaryLabel"));
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString when = QLocale().toString(snapshot.time.toLocalTime(), QLocale::ShortFormat);
    QString text = tr("The job is redeployed from the %1 taken %2:\n%3")
                       .arg(snapshot.type == QLatin1String("CHECKPOINT") ? tr("checkpoint") : tr("savepoint"), when,
                            snapshot.path);
    text += QLatin1String("\n\n");
    text += m_revisionKnown
        ? tr("The configuration live at that time replaces today's (the change below); restart and redeploy "
             "nonces, the desired state and the upgrade mode stay as they are now.")
        : tr("Capstan did not observe the configuration live at that time, so only the state is "
             "restored: today's configuration stays, with the savepoint as initialSavepointPath.");
    intro->setText(text);
    auto *diff = new YamlDiffView(this);
    diff->setObjectName(QStringLiteral("rollbackDiffView"));
    diff->setTexts(YamlWriter::toYaml(currentSpec),
                   YamlWriter::toYaml(targetSpec(currentSpec, revisionSpec, snapshot.path)));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *apply = buttons->addButton(tr("&Roll Back"), QDialogButtonBox::AcceptRole);
    apply->setObjectName(QStringLiteral("rollbackApplyButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(diff, 1);
    layout->addWidget(buttons);
    resize(860, 640);
}

} // namespace capstan
