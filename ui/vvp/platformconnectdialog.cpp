#include "ui/vvp/platformconnectdialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace capstan {

namespace {

enum Mode { ThroughCluster, ByUrl };

const QString kDefaultPort = QStringLiteral("http");

// A Kubernetes name of one DNS label (RFC 1123), as namespaces, Services and port names are.
bool isDnsLabel(const QString &text, int maxLength = 63)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return text.size() <= maxLength && label.match(text).hasMatch();
}

bool isPort(const QString &text)
{
    bool number = false;
    const int port = text.toInt(&number);
    if (number)
        return port >= 1 && port <= 65535;
    return isDnsLabel(text, 15); // a port's name (IANA service name length)
}

bool isLoopback(const QUrl &url)
{
    const QHostAddress address(url.host());
    return url.host() == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
}

// The field's message, if any, in a row of its own below it, shown only when there is something to say.
void addField(QFormLayout *form, const QString &text, QWidget *field, QLabel *message)
{
    form->addRow(text, field);
    if (!message)
        return;
    message->setWordWrap(true);
    message->setContentsMargins(0, 0, 0, 4); // closer to its field than to the next one
    form->addRow(static_cast<QWidget *>(nullptr), message);
    form->setRowVisible(message, false);
}

void setMessage(QFormLayout *form, QLabel *label, const QString &message)
{
    label->setText(message);
    form->setRowVisible(label, !message.isEmpty());
}

} // namespace

PlatformConnectDialog::PlatformConnectDialog(const QStringList &kubeContexts, const QString &currentKubeContext,
                                             QWidget *parent)
    : QDialog(parent)
    , m_mode(new QButtonGroup(this))
    , m_kubeContext(new QComboBox(this))
    , m_namespace(new QLineEdit(this))
    , m_service(new QLineEdit(this))
    , m_port(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_namespaceMessage(new QLabel(this))
    , m_serviceMessage(new QLabel(this))
    , m_portMessage(new QLabel(this))
    , m_urlMessage(new QLabel(this))
    , m_tokenNote(new QLabel(this))
{
    setObjectName(QStringLiteral("platformConnectDialog"));
    setWindowTitle(tr("Connect to Ververica Platform"));
    auto *intro = new QLabel(tr("Capstan lists a platform installed with Ververica's Helm chart by itself once it "
                                "finds the platform's Service in the cluster. Name one here that it did not find, "
                                "or one outside the cluster."),
                             this);
    intro->setWordWrap(true);

    auto *cluster = new QRadioButton(tr("&Through the cluster: the platform's Service, via the API server"), this);
    cluster->setObjectName(QStringLiteral("platformClusterRadio"));
    cluster->setToolTip(tr("The API server passes the requests on with the context's own credentials: no platform "
                           "token is needed."));
    auto *url = new QRadioButton(tr("By &URL: directly, with the platform's API token"), this);
    url->setObjectName(QStringLiteral("platformUrlRadio"));
    m_mode->addButton(cluster, ThroughCluster);
    m_mode->addButton(url, ByUrl);

    m_kubeContext->setObjectName(QStringLiteral("platformKubeContextComboBox"));
    m_kubeContext->setAccessibleName(tr("Kubernetes context"));
    m_kubeContext->addItems(kubeContexts);
    m_kubeContext->setCurrentIndex(std::max<qsizetype>(0, kubeContexts.indexOf(currentKubeContext)));
    m_namespace->setObjectName(QStringLiteral("platformNamespaceLineEdit"));
    m_namespace->setAccessibleName(tr("Namespace"));
    m_namespace->setPlaceholderText(QStringLiteral("vvp"));
    m_service->setObjectName(QStringLiteral("platformServiceLineEdit"));
    m_service->setAccessibleName(tr("Service"));
    m_service->setPlaceholderText(QStringLiteral("vvp-ververica-platform"));
    m_port->setObjectName(QStringLiteral("platformPortLineEdit"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setPlaceholderText(kDefaultPort);
    m_port->setToolTip(tr("The Service's port, by name or number. Empty: the port named \"http\"."));
    m_url->setObjectName(QStringLiteral("platformUrlLineEdit"));
    m_url->setAccessibleName(tr("URL"));
    m_url->setPlaceholderText(QStringLiteral("https://vvp.example.com"));
    m_token->setObjectName(QStringLiteral("platformTokenLineEdit"));
    m_token->setAccessibleName(tr("API token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("optional: Community Edition needs none"));
    m_token->setToolTip(tr("Kept in the system keychain; never written to the settings file."));
    m_namespaceMessage->setObjectName(QStringLiteral("platformNamespaceMessage"));
    m_serviceMessage->setObjectName(QStringLiteral("platformServiceMessage"));
    m_portMessage->setObjectName(QStringLiteral("platformPortMessage"));
    m_urlMessage->setObjectName(QStringLiteral("platformUrlMessage"));
    m_tokenNote->setObjectName(QStringLiteral("platformTokenNote"));

    auto *form = m_form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(cluster);
    addField(form, tr("Kubernetes conte&xt:"), m_kubeContext, nullptr);
    addField(form, tr("&Namespace:"), m_namespace, m_namespaceMessage);
    addField(form, tr("&Service:"), m_service, m_serviceMessage);
    addField(form, tr("&Port:"), m_port, m_portMessage);
    form->addRow(url);
    addField(form, tr("U&RL:"), m_url, m_urlMessage);
    addField(form, tr("API to&ken:"), m_token, m_tokenNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("platformConnectButton"));
    m_connect->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isComplete())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);

    if (kubeContexts.isEmpty()) {
        cluster->setEnabled(false);
        cluster->setToolTip(tr("The kubeconfig has no context to go through."));
        url->setChecked(true);
    } else {
        cluster->setChecked(true);
    }
    connect(m_mode, &QButtonGroup::idToggled, this, &PlatformConnectDialog::validate);
    for (QLineEdit *edit : {m_namespace, m_service, m_port, m_url, m_token}) {
        connect(edit, &QLineEdit::textEdited, this, [this, edit] {
            if (!m_edited.contains(edit))
                m_edited << edit;
        });
        connect(edit, &QLineEdit::textChanged, this, &PlatformConnectDialog::validate);
    }
    validate();
    updateColours();
    resize(std::max(600, sizeHint().width()), sizeHint().height());
}

void PlatformConnectDialog::setConnection(const QString &kubeContext, const VvpEndpoint &endpoint)
{
    if (endpoint.kind == VvpEndpoint::Kind::Url) {
        m_mode->button(ByUrl)->setChecked(true);
        m_url->setText(endpoint.url.toString(QUrl::RemoveUserInfo));
        m_token->setFocus(); // the usual reason to come back: a token that was refused
    } else if (const int index = m_kubeContext->findText(kubeContext); index >= 0) {
        m_kubeContext->setCurrentIndex(index);
        m_mode->button(ThroughCluster)->setChecked(true);
        m_namespace->setText(endpoint.ns);
        m_service->setText(endpoint.service);
        m_port->setText(endpoint.port);
    }
    validate();
}

PlatformConnectDialog::Connection PlatformConnectDialog::connection() const
{
    Connection c;
    if (m_mode->checkedId() == ByUrl) {
        c.endpoint.kind = VvpEndpoint::Kind::Url;
        c.endpoint.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode)
                             .adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
        c.token = m_token->text().trimmed();
        return c;
    }
    c.kubeContext = m_kubeContext->currentText();
    c.endpoint.kind = VvpEndpoint::Kind::ServiceProxy;
    c.endpoint.ns = m_namespace->text().trimmed();
    c.endpoint.service = m_service->text().trimmed();
    const QString port = m_port->text().trimmed();
    c.endpoint.port = port.isEmpty() ? kDefaultPort : port;
    return c;
}

bool PlatformConnectDialog::isComplete() const
{
    return m_connect && m_connect->isEnabled();
}

void PlatformConnectDialog::validate()
{
    const bool byUrl = m_mode->checkedId() == ByUrl;
    m_kubeContext->setEnabled(!byUrl);
    for (QLineEdit *edit : {m_namespace, m_service, m_port})
        edit->setEnabled(!byUrl);
    m_url->setEnabled(byUrl);
    m_token->setEnabled(byUrl);

    // What is wrong with a field; an empty field only counts once the user has typed in it.
    const auto required = [this](const QLineEdit *edit, const QString &missing) {
        return m_edited.contains(edit) && edit->text().trimmed().isEmpty() ? missing : QString();
    };
    QString nsError;
    QString serviceError;
    QString portError;
    QString urlError;
    QString tokenNote;
    bool complete = false;
    if (byUrl) {
        const QString text = m_url->text().trimmed();
        const QUrl url(text, QUrl::StrictMode);
        if (text.isEmpty())
            urlError = required(m_url, tr("Enter the platform's address."));
        else if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            urlError = tr("Start the address with http:// or https://.");
        else if (!url.isValid() || url.host().isEmpty())
            urlError = tr("Not a valid address: %1").arg(url.isValid() ? tr("it names no host") : url.errorString());
        else if (!url.userInfo().isEmpty())
            urlError = tr("Leave the user name and password out of the address: the API token has its own field.");
        complete = !text.isEmpty() && urlError.isEmpty();
        if (complete && url.scheme() == QLatin1String("http") && !m_token->text().trimmed().isEmpty()
            && !isLoopback(url))
            tokenNote = tr("Over http the token travels unencrypted.");
    } else {
        const QString ns = m_namespace->text().trimmed();
        const QString service = m_service->text().trimmed();
        const QString port = m_port->text().trimmed();
        nsError = ns.isEmpty() ? required(m_namespace, tr("Name the namespace the platform runs in."))
            : isDnsLabel(ns)   ? QString()
                               : tr("Not a namespace name: lowercase letters, digits and \"-\".");
        serviceError = service.isEmpty() ? required(m_service, tr("Name the platform's Service."))
            : isDnsLabel(service)        ? QString()
                                         : tr("Not a Service name: lowercase letters, digits and \"-\".");
        if (!port.isEmpty() && !isPort(port))
            portError = tr("A port number (1–65535) or the name of one of the Service's ports.");
        complete = m_kubeContext->count() > 0 && !ns.isEmpty() && !service.isEmpty() && nsError.isEmpty()
            && serviceError.isEmpty() && portError.isEmpty();
    }
    setMessage(m_form, m_namespaceMessage, nsError);
    setMessage(m_form, m_serviceMessage, serviceError);
    setMessage(m_form, m_portMessage, portError);
    setMessage(m_form, m_urlMessage, urlError);
    setMessage(m_form, m_tokenNote, tokenNote);
    if (m_connect)
        m_connect->setEnabled(complete);
}

void PlatformConnectDialog::updateColours()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QColor error = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    const QColor warning = dark ? QColor(0xf0, 0xc0, 0x60) : QColor(0x8a, 0x5a, 0x00);
    for (QLabel *label : {m_namespaceMessage, m_serviceMessage, m_portMessage, m_urlMessage, m_tokenNote}) {
        QPalette pal = label->palette();
        pal.setColor(QPalette::WindowText, label == m_tokenNote ? warning : error);
        label->setPalette(pal);
    }
}

void PlatformConnectDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

} // namespace capstan
