#include "ui/prometheusdialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

namespace capstan {

namespace {
enum Mode { None, Url, Service };
}

PrometheusDialog::PrometheusDialog(const QString &context, const PrometheusConfig &config, QWidget *parent)
    : QDialog(parent)
    , m_mode(new QButtonGroup(this))
    , m_url(new QLineEdit(config.url, this))
    , m_namespace(new QLineEdit(config.ns, this))
    , m_service(new QLineEdit(config.service, this))
    , m_port(new QLineEdit(config.port, this))
    , m_token(new QLineEdit(config.bearerToken, this))
    , m_username(new QLineEdit(config.username, this))
    , m_password(new QLineEdit(config.password, this))
{
    setObjectName(QStringLiteral("prometheusDialog"));
    setWindowTitle(tr("Metric History Source"));
    auto *intro = new QLabel(tr("Charts of %1's deployments start with the history Prometheus keeps (grouped by job "
                                "name, so it spans every job id), then run on with what Capstan polls.")
                                 .arg(context),
                             this);
    intro->setWordWrap(true);
    auto *none = new QRadioButton(tr("&None: only what Capstan polls from the JobManager"), this);
    auto *url = new QRadioButton(tr("Prometheus at a &URL"), this);
    auto *service = new QRadioButton(tr("A Prometheus &Service, through the API server"), this);
    none->setObjectName(QStringLiteral("prometheusNoneRadio"));
    url->setObjectName(QStringLiteral("prometheusUrlRadio"));
    service->setObjectName(QStringLiteral("prometheusServiceRadio"));
    m_mode->addButton(none, None);
    m_mode->addButton(url, Url);
    m_mode->addButton(service, Service);
    (config.viaProxy() ? service : config.url.isEmpty() ? none : url)->setChecked(true);

    m_url->setObjectName(QStringLiteral("prometheusUrlLineEdit"));
    m_url->setPlaceholderText(QStringLiteral("http://prometheus.monitoring:9090"));
    m_namespace->setObjectName(QStringLiteral("prometheusNamespaceLineEdit"));
    m_namespace->setPlaceholderText(QStringLiteral("monitoring"));
    m_service->setObjectName(QStringLiteral("prometheusServiceLineEdit"));
    m_service->setPlaceholderText(QStringLiteral("prometheus-operated"));
    m_port->setObjectName(QStringLiteral("prometheusPortLineEdit"));
    m_port->setPlaceholderText(QStringLiteral("9090"));
    m_token->setObjectName(QStringLiteral("prometheusTokenLineEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("optional"));
    const QString keptWhere = tr("Kept in the system keychain; never written to the settings file.");
    m_token->setToolTip(keptWhere);
    m_username->setObjectName(QStringLiteral("prometheusUsernameLineEdit"));
    m_username->setPlaceholderText(tr("optional, for basic authentication"));
    m_password->setObjectName(QStringLiteral("prometheusPasswordLineEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(keptWhere);

    auto *form = new QFormLayout;
    form->addRow(url);
    form->addRow(tr("U&RL:"), m_url);
    form->addRow(service);
    form->addRow(tr("Na&mespace:"), m_namespace);
    form->addRow(tr("Ser&vice:"), m_service);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("Bearer &token:"), m_token);
    form->addRow(tr("User&name:"), m_username);
    form->addRow(tr("Pass&word:"), m_password);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("prometheusOkButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_mode, &QButtonGroup::idToggled, this, &PrometheusDialog::updateEnabled);
    connect(m_url, &QLineEdit::textChanged, this, &PrometheusDialog::updateEnabled);
    connect(m_service, &QLineEdit::textChanged, this, &PrometheusDialog::updateEnabled);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(none);
    layout->addLayout(form);
    layout->addWidget(buttons);
    updateEnabled();
    resize(560, sizeHint().height());
}

void PrometheusDialog::updateEnabled()
{
    const int mode = m_mode->checkedId();
    m_url->setEnabled(mode == Url);
    for (QLineEdit *edit : {m_namespace, m_service, m_port})
        edit->setEnabled(mode == Service);
    for (QLineEdit *edit : {m_token, m_username, m_password})
        edit->setEnabled(mode != None);
    const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
    const bool valid = mode == None
        || (mode == Url && url.isValid() && !url.host().isEmpty()
            && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")))
        || (mode == Service && !m_service->text().trimmed().isEmpty() && !m_namespace->text().trimmed().isEmpty());
    if (auto *buttons = findChild<QDialogButtonBox *>())
        buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

PrometheusConfig PrometheusDialog::config() const
{
    PrometheusConfig c;
    switch (m_mode->checkedId()) {
    case Url:
        c.url = m_url->text().trimmed();
        break;
    case Service:
        c.ns = m_namespace->text().trimmed();
        c.service = m_service->text().trimmed();
        c.port = m_port->text().trimmed().isEmpty() ? QStringLiteral("9090") : m_port->text().trimmed();
        break;
    default:
        return c;
    }
    c.bearerToken = m_token->text().trimmed();
    c.username = m_username->text().trimmed();
    c.password = m_password->text();
    return c;
}

} // namespace capstan
