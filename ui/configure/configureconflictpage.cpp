#include "ui/configure/configureconflictpage.h"

#include "ui_configureconflictpage.h"

#include "flink/specdiff.h"
#include "flink/yamlwriter.h"

#include <QSet>

namespace capstan {

ConfigureConflictPage::ConfigureConflictPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConfigureConflictPage>())
{
    m_ui->setupUi(this);
    m_ui->conflictOverlapLabel->hide();
    connect(m_ui->reapplyButton, &QPushButton::clicked, this, &ConfigureConflictPage::reapplyRequested);
    connect(m_ui->discardButton, &QPushButton::clicked, this, &ConfigureConflictPage::discardRequested);
}

ConfigureConflictPage::~ConfigureConflictPage() = default;

void ConfigureConflictPage::showConflict(const QJsonObject &base, const QString &editedVersion, const QJsonObject &mine,
                                         const QJsonObject &server)
{
    const QJsonObject serverSpec = server.value(QLatin1String("spec")).toObject();
    const QString before = base.isEmpty() ? QString() : YamlWriter::toYaml(base);
    const QString newVersion
        = server.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
    m_ui->conflictSummaryLabel->setText(
        tr("Nothing was written. The deployment is at version %1 on the server; you edited version %2. Choose "
           "whether to apply your change on top of theirs or to drop it.")
            .arg(newVersion.isEmpty() ? tr("(unknown)") : newVersion,
                 editedVersion.isEmpty() ? tr("(unknown)") : editedVersion));
    if (server.isEmpty()) {
        m_ui->conflictDiffView->setTexts(QString(), QString(),
                                         tr("The server did not send its version of the deployment. Discard your "
                                            "change to reload it."));
    } else {
        m_ui->conflictDiffView->setTexts(before, YamlWriter::toYaml(serverSpec),
                                         tr("The spec is the same; only the deployment's status or metadata changed."));
    }
    m_ui->conflictMineDiffView->setTexts(before, YamlWriter::toYaml(mine), tr("You have not changed the spec."));

    // Fields both sides changed: re-applying sets them to the user's values, so say which.
    QSet<QString> theirs;
    for (const SpecChange &change : SpecDiff::diff(base, serverSpec))
        theirs.insert(change.path);
    QStringList both;
    for (const SpecChange &change : SpecDiff::diff(base, mine)) {
        if (theirs.contains(change.path))
            both.append(change.path);
    }
    m_ui->conflictOverlapLabel->setText(
        both.isEmpty()
            ? QString()
            : tr("Both of you changed %1. Re-applying sets your values there.").arg(both.join(QStringLiteral(", "))));
    m_ui->conflictOverlapLabel->setVisible(!both.isEmpty());
    m_ui->reapplyButton->setEnabled(!server.isEmpty());
}

} // namespace capstan
