#include "ui/vvp/deploymentdefaultsdialog.h"

#include "session/sessionhost.h"
#include "ui/configure/configureyamlpage.h"
#include "vvp/vvpadmin.h"
#include "json/jsontools.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace capstan {

namespace {

QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return QStringLiteral("null");
}

} // namespace

DeploymentDefaultsDialog::DeploymentDefaultsDialog(SessionHost *host, const QString &ns, const QJsonObject &deployment,
                                                   QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_ns(ns)
    , m_deployment(deployment)
{
    setObjectName(QStringLiteral("deploymentDefaultsDialog"));
    setWindowTitle(tr("Deployment Defaults of %1").arg(ns));
    // Wide enough for the longest settings (template.spec.flinkConfiguration.<key>) next to their values.
    resize(980, 640);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Namespace-wide defaults the platform merges under every deployment's own spec "
                                "when it starts a job. A deployment's own settings win."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("defaultsTabs"));
    m_yaml = new ConfigureYamlPage(m_tabs);
    m_tabs->addTab(m_yaml, tr("&Defaults"));

    auto *effectivePage = new QWidget(m_tabs);
    auto *effectiveLayout = new QVBoxLayout(effectivePage);
    m_effectiveLabel = new QLabel(effectivePage);
    m_effectiveLabel->setWordWrap(true);
    m_effective = new QTreeWidget(effectivePage);
    m_effective->setObjectName(QStringLiteral("effectiveTree"));
    m_effective->setAccessibleName(tr("Effective configuration"));
    m_effective->setRootIsDecorated(false);
    m_effective->setUniformRowHeights(true);
    m_effective->setHeaderLabels({tr("Setting"), tr("Value"), tr("From")});
    // Long paths are elided in the middle, so that both the section and the key stay readable.
    m_effective->setTextElideMode(Qt::ElideMiddle);
    m_effective->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_effective->header()->resizeSection(0, 400);
    m_effective->header()->setStretchLastSection(false);
    m_effective->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_effective->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    effectiveLayout->addWidget(m_effectiveLabel);
    effectiveLayout->addWidget(m_effective, 1);
    m_tabs->addTab(effectivePage, tr("&Effective Configuration"));
    layout->addWidget(m_tabs, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("defaultsStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    m_save->setObjectName(QStringLiteral("saveDefaultsButton"));
    m_save->setEnabled(false);
    QPushButton *reloadButton = buttons->addButton(tr("&Reload"), QDialogButtonBox::ResetRole);
    reloadButton->setObjectName(QStringLiteral("reloadDefaultsButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &DeploymentDefaultsDialog::save);
    connect(reloadButton, &QPushButton::clicked, this, &DeploymentDefaultsDialog::reload);
    connect(m_yaml, &ConfigureYamlPage::parsed, this, &DeploymentDefaultsDialog::onParsed);

    const BackendSession *session = host->session();
    connect(session, &BackendSession::deploymentDefaults, this, &DeploymentDefaultsDialog::onDefaults);
    connect(session, &BackendSession::adminFailed, this, &DeploymentDefaultsDialog::onFailed);
    // The shown deployment's object as the session polls it.
    connect(session, &BackendSession::objectChanged, this, [this](const Deployment &, const QJsonObject &object) {
        const auto metadataOf = [](const QJsonObject &o) { return o.value(QLatin1String("metadata")).toObject(); };
        if (!m_deployment.isEmpty()
            && metadataOf(object).value(QLatin1String("id")) == metadataOf(m_deployment).value(QLatin1String("id"))) {
            m_deployment = object;
            showEffective();
        }
    });
    showEffective();
    reload();
}

DeploymentDefaultsDialog::~DeploymentDefaultsDialog() = default;

QString DeploymentDefaultsDialog::resourceVersion() const
{
    const QJsonValue rv
        = m_defaults.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion"));
    return rv.isString() ? rv.toString() : QString::number(rv.toInteger());
}

QString DeploymentDefaultsDialog::statusText() const
{
    return m_status->text();
}

void DeploymentDefaultsDialog::reload()
{
    setStatus(tr("Reading the defaults…"), false);
    m_host->requestDeploymentDefaults(m_ns);
}

void DeploymentDefaultsDialog::save()
{
    if (m_defaults.isEmpty() || m_saving)
        return;
    if (!m_yaml->commit()) {
        showYamlProblems();
        setStatus(tr("The YAML does not parse: fix the error above to save."), true);
        return;
    }
    const QJsonObject patch
        = json::createMergePatch(m_defaults.value(QLatin1String("spec")).toObject(), m_yaml->spec());
    if (patch.isEmpty()) {
        setStatus(tr("Nothing changed: the defaults already say this."), false);
        return;
    }
    m_saving = true;
    m_save->setEnabled(false);
    setStatus(tr("Saving…"), false);
    m_host->saveDeploymentDefaults(m_ns, patch, resourceVersion());
}

void DeploymentDefaultsDialog::onDefaults(const QString &ns, const QJsonObject &object)
{
    if (ns != m_ns)
        return;
    const bool saved = m_saving;
    m_saving = false;
    m_defaults = object;
    m_yaml->replaceSpec(object.value(QLatin1String("spec")).toObject());
    showYamlProblems();
    m_save->setEnabled(true);
    setStatus(saved ? tr("Saved. The platform applies the defaults to jobs it starts from now on.")
                    : tr("Read at resourceVersion %1.").arg(resourceVersion()),
              false);
    showEffective();
}

void DeploymentDefaultsDialog::onFailed(const QString &ns, int request, const Error &error)
{
    if (ns != m_ns || (request != BackendSession::AdminDefaults && request != BackendSession::AdminSaveDefaults))
        return;
    const bool saving = request == BackendSession::AdminSaveDefaults;
    m_saving = false;
    m_save->setEnabled(!m_defaults.isEmpty());
    if (saving && error.httpStatus == 409) {
        // The user's text stays: they may copy it before reloading what the other writer saved.
        setStatus(tr("Conflict: someone changed the defaults after you opened them, so your edit was not saved. "
                     "Reload to see their version, then make your change again."),
                  true);
        return;
    }
    setStatus(saving ? tr("Not saved: %1").arg(error.message)
                     : tr("The defaults could not be read: %1").arg(error.message),
              true);
}

void DeploymentDefaultsDialog::onParsed(bool valid)
{
    showYamlProblems();
    m_save->setEnabled(valid && !m_defaults.isEmpty() && !m_saving);
    if (valid)
        setStatus(tr("The YAML parses; Save sends the change with resourceVersion %1.").arg(resourceVersion()), false);
    else
        setStatus(tr("The YAML does not parse: fix the error above to save."), true);
}

void DeploymentDefaultsDialog::showEffective()
{
    m_effective->clear();
    if (m_deployment.isEmpty()) {
        m_effectiveLabel->setText(tr("Select a deployment in the list to see its effective configuration here."));
        return;
    }
    const QString name
        = m_deployment.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    m_effectiveLabel->setText(
        tr("What a job of %1 starts with: its own spec over the defaults as saved on the platform.").arg(name));
    const QJsonObject own = m_deployment.value(QLatin1String("spec")).toObject();
    const QJsonObject defaults = m_defaults.value(QLatin1String("spec")).toObject();
    const QJsonObject effective = VvpAdmin::effectiveSpec(defaults, own);
    const QPalette pal = palette();
    for (const auto &[path, value] : VvpAdmin::leaves(effective)) {
        const QJsonValue ownValue = json::valueAt(own, path);
        const QJsonValue defaultValue = json::valueAt(defaults, path);
        const bool isOwn = !ownValue.isUndefined();
        QString from = isOwn ? tr("own") : tr("from defaults");
        if (isOwn && !defaultValue.isUndefined() && !json::sameValue(ownValue, defaultValue))
            from = tr("own (default: %1)").arg(valueText(defaultValue));
        auto *item = new QTreeWidgetItem(m_effective, {path.join(QLatin1Char('.')), valueText(value), from});
        item->setData(2, Qt::UserRole, isOwn);
        item->setToolTip(0, item->text(0));
        item->setToolTip(1, valueText(value));
        item->setToolTip(2, from);
        if (!isOwn) {
            // Inherited values stand out from the deployment's own, which are most of the list.
            QFont font = m_effective->font();
            font.setItalic(true);
            for (int column = 0; column < 3; ++column) {
                item->setFont(column, font);
                item->setForeground(column, pal.color(QPalette::Link));
            }
        }
    }
    // The settings as long as they are, up to three fifths of the width: the values keep room too.
    m_effective->resizeColumnToContents(0);
    m_effective->header()->resizeSection(0, std::min(m_effective->header()->sectionSize(0), width() * 3 / 5));
}

void DeploymentDefaultsDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    // Inherited values are drawn in the palette's link colour: drawn again in the new one.
    if (event->type() == QEvent::PaletteChange)
        showEffective();
}

void DeploymentDefaultsDialog::showYamlProblems()
{
    m_yaml->showProblems({}, true);
    // The page speaks of a cluster's schema; the defaults are checked by the platform when saved.
    if (auto *label = m_yaml->findChild<QLabel *>(QStringLiteral("yamlStatusLabel")); label && m_yaml->isValid())
        label->setText(tr("The YAML parses. The platform checks the defaults when they are saved."));
}

void DeploymentDefaultsDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    QFont font = m_status->font();
    font.setBold(problem);
    m_status->setFont(font);
}

} // namespace capstan
