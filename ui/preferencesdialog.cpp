#include "ui/preferencesdialog.h"

#include "actions/actiondescriptor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace capstan {

namespace {

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText); // secondary, and readable in both themes
    return label;
}

} // namespace

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_theme(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_pollInterval(new QSpinBox(this))
    , m_retention(new QSpinBox(this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_theme->setObjectName(QStringLiteral("themeComboBox"));
    m_theme->addItem(tr("System"), static_cast<int>(ThemeChoice::System));
    m_theme->addItem(tr("Light"), static_cast<int>(ThemeChoice::Light));
    m_theme->addItem(tr("Dark"), static_cast<int>(ThemeChoice::Dark));
    m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(preferences.theme)));
    m_language->setObjectName(QStringLiteral("languageComboBox"));
    for (const auto &[locale, name] : Preferences::languages())
        m_language->addItem(name, locale);
    m_language->setCurrentIndex(std::max(0, m_language->findData(preferences.language)));

    auto *appearance = new QGroupBox(tr("Appearance"), this);
    auto *appearanceForm = new QFormLayout(appearance);
    appearanceForm->addRow(tr("T&heme:"), m_theme);
    appearanceForm->addRow(tr("&Language:"), m_language);
    appearanceForm->addRow(QString(), note(tr("A new language applies when Capstan starts again."), appearance));

    m_pollInterval->setObjectName(QStringLiteral("pollIntervalSpinBox"));
    m_pollInterval->setRange(Preferences::MinPollIntervalSeconds, Preferences::MaxPollIntervalSeconds);
    m_pollInterval->setSuffix(tr(" s"));
    m_pollInterval->setValue(preferences.pollIntervalSeconds);
    m_retention->setObjectName(QStringLiteral("retentionSpinBox"));
    m_retention->setRange(Preferences::MinRetentionDays, Preferences::MaxRetentionDays);
    m_retention->setSuffix(tr(" days"));
    m_retention->setValue(preferences.metricRetentionDays);
    auto *metrics = new QGroupBox(tr("Metrics"), this);
    auto *metricsForm = new QFormLayout(metrics);
    metricsForm->addRow(tr("&Poll every:"), m_pollInterval);
    metricsForm->addRow(QString(),
                        note(tr("How often the JobManager of an open deployment is asked for its metrics. "
                                "Applies to open windows at once."),
                             metrics));
    metricsForm->addRow(tr("&Keep history for:"), m_retention);
    metricsForm->addRow(QString(), note(tr("Older samples are removed from the local history."), metrics));

    auto *confirmations = new QGroupBox(tr("Ask Before"), this);
    confirmations->setObjectName(QStringLiteral("confirmationsGroup"));
    auto *confirmLayout = new QVBoxLayout(confirmations);
    for (ActionKind kind : Preferences::optionalConfirmations()) {
        auto *box = new QCheckBox(ActionDescriptor::of(kind).name(), confirmations);
        box->setObjectName(QStringLiteral("confirm_") + Preferences::confirmationKey(kind));
        box->setChecked(preferences.confirms(kind));
        confirmLayout->addWidget(box);
        m_confirm.insert(static_cast<int>(kind), box);
    }
    for (ActionKind kind : Preferences::requiredConfirmations()) {
        auto *box = new QCheckBox(ActionDescriptor::of(kind).name(), confirmations);
        box->setObjectName(QStringLiteral("confirm_") + Preferences::confirmationKey(kind));
        box->setChecked(true);
        box->setEnabled(false);
        confirmLayout->addWidget(box);
    }
    confirmLayout->addWidget(
        note(tr("Delete and Cancel and Discard State always ask: they lose the job's state for good."), confirmations));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("preferencesOkButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(appearance);
    layout->addWidget(metrics);
    layout->addWidget(confirmations);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.theme = static_cast<ThemeChoice>(m_theme->currentData().toInt());
    p.language = m_language->currentData().toString();
    p.pollIntervalSeconds = m_pollInterval->value();
    p.metricRetentionDays = m_retention->value();
    for (ActionKind kind : Preferences::optionalConfirmations()) {
        if (!m_confirm.value(static_cast<int>(kind))->isChecked())
            p.unconfirmed << kind;
    }
    return p;
}

} // namespace capstan
