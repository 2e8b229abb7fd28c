#include "ui/vvp/secretvaluesdialog.h"

#include "session/sessionhost.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace capstan {

namespace {

// The platform's resource names: lowercase letters, digits and inner dashes.
bool isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    return pattern.match(name).hasMatch();
}

} // namespace

SecretValuesDialog::SecretValuesDialog(SessionHost *host, const QString &ns, QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_ns(ns)
{
    setObjectName(QStringLiteral("secretValuesDialog"));
    setWindowTitle(tr("Secret Values of %1").arg(ns));
    resize(560, 480);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Deployments reference a secret value as ${name} in their configuration. "
                                "Values are write-only: neither the platform nor Capstan shows them again."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("secretList"));
    m_list->setAccessibleName(tr("Secret values"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("Kind")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);
    m_delete = new QPushButton(tr("&Delete…"), this);
    m_delete->setObjectName(QStringLiteral("deleteSecretButton"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addStretch();
    listButtons->addWidget(m_delete);
    layout->addLayout(listButtons);

    auto *newBox = new QGroupBox(tr("New secret value"), this);
    auto *form = new QFormLayout(newBox);
    m_name = new QLineEdit(newBox);
    m_name->setObjectName(QStringLiteral("secretNameEdit"));
    m_name->setPlaceholderText(tr("e.g. kafka-password"));
    m_value = new QLineEdit(newBox);
    m_value->setObjectName(QStringLiteral("secretValueEdit"));
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Value:"), m_value);
    m_create = new QPushButton(tr("C&reate"), newBox);
    m_create->setObjectName(QStringLiteral("createSecretButton"));
    // At the end of the fields, where a form's button sits, rather than stretched under them.
    auto *createRow = new QHBoxLayout;
    createRow->addStretch(1);
    createRow->addWidget(m_create);
    form->addRow(QString(), createRow);
    layout->addWidget(newBox);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("secretStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_name, &QLineEdit::textChanged, this, &SecretValuesDialog::updateButtons);
    connect(m_value, &QLineEdit::textChanged, this, &SecretValuesDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &SecretValuesDialog::updateButtons);
    connect(m_create, &QPushButton::clicked, this, &SecretValuesDialog::create);
    connect(m_delete, &QPushButton::clicked, this, &SecretValuesDialog::confirmDelete);
    const BackendSession *session = host->session();
    connect(session, &BackendSession::secretValues, this, &SecretValuesDialog::onListed);
    connect(session, &BackendSession::adminFailed, this, &SecretValuesDialog::onFailed);
    updateButtons();
    m_status->setText(tr("Reading the secret values…"));
    m_host->requestSecretValues(m_ns);
}

SecretValuesDialog::~SecretValuesDialog() = default;

QString SecretValuesDialog::statusText() const
{
    return m_status->text();
}

void SecretValuesDialog::onListed(const QString &ns, const QStringList &names, const QStringList &kinds)
{
    if (ns != m_ns)
        return;
    const QString selected = m_list->currentItem() ? m_list->currentItem()->text(0) : QString();
    m_names = names;
    m_list->clear();
    for (qsizetype i = 0; i < names.size(); ++i) {
        auto *item = new QTreeWidgetItem(m_list, {names.at(i), kinds.value(i)});
        if (names.at(i) == selected)
            m_list->setCurrentItem(item);
    }
    if (!m_pending.isEmpty() && names.contains(m_pending) != m_pendingDelete)
        m_status->setText(m_pendingDelete ? tr("Deleted %1.").arg(m_pending)
                                          : tr("Created %1. Reference it as ${%1}.").arg(m_pending));
    else if (m_pending.isEmpty() && names.isEmpty())
        m_status->setText(tr("No secret values in %1 yet: create one below.").arg(m_ns));
    else if (m_pending.isEmpty())
        m_status->setText(tr("%n secret value(s).", nullptr, int(names.size())));
    m_pending.clear();
    updateButtons();
}

void SecretValuesDialog::onFailed(const QString &ns, int request, const Error &error)
{
    if (ns != m_ns)
        return;
    switch (request) {
    case BackendSession::AdminSecretValues:
        m_status->setText(tr("The secret values could not be listed: %1").arg(error.message));
        break;
    case BackendSession::AdminCreateSecret:
        m_status->setText(tr("Not created: %1").arg(error.message));
        m_pending.clear();
        break;
    case BackendSession::AdminDeleteSecret:
        m_status->setText(tr("Not deleted: %1").arg(error.message));
        m_pending.clear();
        break;
    default:
        return;
    }
    updateButtons();
}

void SecretValuesDialog::create()
{
    const QString name = m_name->text().trimmed();
    if (!isValidName(name) || m_value->text().isEmpty())
        return;
    m_pending = name;
    m_pendingDelete = false;
    m_host->createSecretValue(m_ns, name, QStringLiteral("GENERIC"), m_value->text());
    // The value leaves the dialog with the request.
    m_value->clear();
    m_name->clear();
    m_status->setText(tr("Creating %1…").arg(name));
}

void SecretValuesDialog::confirmDelete()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->text(0);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Secret Value"),
                                tr("Delete the secret value %1 from namespace %2?").arg(name, m_ns),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDeleteSecret"));
    box->setInformativeText(
        tr("Deployments whose configuration references ${%1} fail to start until it exists again. Its value cannot "
           "be recovered.")
            .arg(name));
    QPushButton *remove = box->addButton(tr("Delete %1").arg(name), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, name, remove](QAbstractButton *button) {
        if (button != remove)
            return;
        m_pending = name;
        m_pendingDelete = true;
        m_status->setText(tr("Deleting %1…").arg(name));
        m_host->deleteSecretValue(m_ns, name);
    });
    box->open();
}

void SecretValuesDialog::updateButtons()
{
    const QString name = m_name->text().trimmed();
    m_create->setEnabled(isValidName(name) && !m_value->text().isEmpty() && !m_names.contains(name));
    m_create->setToolTip(m_names.contains(name) ? tr("A secret value of this name exists: delete it first.")
                             : !name.isEmpty() && !isValidName(name)
                             ? tr("Lowercase letters, digits and dashes; starting and ending with a letter or digit.")
                             : QString());
    m_delete->setEnabled(m_list->currentItem() != nullptr);
}

} // namespace capstan
