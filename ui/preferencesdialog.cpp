#include "ui/preferencesdialog.h"

#include "actions/actiondescriptor.h"
#include "flink/deployment.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

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

    auto *general = new QWidget(this);
    general->setObjectName(QStringLiteral("generalPage"));
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addWidget(appearance);
    generalLayout->addWidget(metrics);
    generalLayout->addWidget(confirmations);
    generalLayout->addStretch(1);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("preferencesTabs"));
    tabs->addTab(general, tr("&General"));
    tabs->addTab(notificationsPage(preferences.notifications), tr("&Notifications"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
}

QWidget *PreferencesDialog::notificationsPage(const NotificationSettings &settings)
{
    m_notifications = settings;
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("notificationsPage"));

    auto *rules = new QGroupBox(tr("Notify When"), page);
    rules->setObjectName(QStringLiteral("notificationRulesGroup"));
    auto *grid = new QGridLayout(rules);
    const auto minutes = [this, rules](const QString &name, int value, int maximum) {
        auto *box = new QSpinBox(rules);
        box->setObjectName(name);
        box->setRange(NotificationSettings::MinThresholdMinutes, maximum);
        box->setSuffix(tr(" min"));
        box->setValue(value);
        return box;
    };
    m_noCheckpointMinutes = minutes(QStringLiteral("noCheckpointMinutesSpinBox"), settings.noCheckpointMinutes,
                                    NotificationSettings::MaxNoCheckpointMinutes);
    m_unreachableMinutes = minutes(QStringLiteral("unreachableMinutesSpinBox"), settings.unreachableMinutes,
                                   NotificationSettings::MaxUnreachableMinutes);
    const QList<std::pair<NotificationRule, QString>> texts{
        {NotificationRule::StartedFailing, tr("A deployment starts failing")},
        {NotificationRule::JobFailed, tr("A job reaches FAILED")},
        {NotificationRule::SnapshotFailed, tr("A savepoint or checkpoint fails")},
        {NotificationRule::NoCheckpoint, tr("No completed checkpoint for")},
        {NotificationRule::ChangedElsewhere, tr("A deployment is changed by someone else")},
        {NotificationRule::ContextUnreachable, tr("A context is unreachable for")},
    };
    int row = 0;
    for (const auto &[rule, text] : texts) {
        auto *box = new QCheckBox(text, rules);
        box->setObjectName(QStringLiteral("rule_") + Notification::ruleName(rule));
        box->setChecked(settings.isEnabled(rule));
        m_rules.insert(static_cast<int>(rule), box);
        grid->addWidget(box, row, 0);
        QSpinBox *threshold = rule == NotificationRule::NoCheckpoint ? m_noCheckpointMinutes
            : rule == NotificationRule::ContextUnreachable           ? m_unreachableMinutes
                                                                     : nullptr;
        if (threshold) {
            threshold->setEnabled(box->isChecked());
            connect(box, &QCheckBox::toggled, threshold, &QWidget::setEnabled);
            grid->addWidget(threshold, row, 1);
        }
        ++row;
        if (rule == NotificationRule::NoCheckpoint) {
            grid->addWidget(note(tr("Judged from the checkpoints the operator records; a deployment whose "
                                    "checkpoints it does not record is not judged."),
                                 rules),
                            row++, 0, 1, 3);
        } else if (rule == NotificationRule::ChangedElsewhere) {
            grid->addWidget(note(tr("Its spec changed without an action of yours in Capstan."), rules), row++, 0, 1, 3);
        }
    }
    grid->setColumnStretch(2, 1);
    grid->addWidget(note(tr("Each condition is notified once, and again only after it has ended. Pinned "
                            "deployments and contexts are notified even when their rule is off."),
                         rules),
                    row, 0, 1, 3);

    auto *tray = new QGroupBox(tr("Tray"), page);
    auto *trayLayout = new QVBoxLayout(tray);
    m_closeToTray = new QCheckBox(tr("&Keep running in the tray when the window is closed"), tray);
    m_closeToTray->setObjectName(QStringLiteral("closeToTrayCheckBox"));
    m_closeToTray->setChecked(settings.closeToTray);
    m_startInTray = new QCheckBox(tr("&Start minimized to the tray at login"), tray);
    m_startInTray->setObjectName(QStringLiteral("startInTrayCheckBox"));
    m_startInTray->setChecked(settings.startInTray);
    trayLayout->addWidget(m_closeToTray);
    trayLayout->addWidget(m_startInTray);

    auto *scopes = new QGroupBox(tr("Muted and Pinned"), page);
    auto *scopesLayout = new QGridLayout(scopes);
    m_scopes = new QTableWidget(scopes);
    m_scopes->setObjectName(QStringLiteral("notificationScopesTable"));
    m_scopes->setColumnCount(3);
    m_scopes->setHorizontalHeaderLabels({tr("Context"), tr("Deployment"), tr("Setting")});
    m_scopes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_scopes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_scopes->setWordWrap(false);
    m_scopes->verticalHeader()->hide();
    m_scopes->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_scopes->horizontalHeader()->setStretchLastSection(true);
    m_scopes->setMinimumHeight(fontMetrics().height() * 7);
    m_removeScope = new QPushButton(tr("&Remove"), scopes);
    m_removeScope->setObjectName(QStringLiteral("removeNotificationScopeButton"));
    m_removeScope->setEnabled(false);
    connect(m_scopes, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeScope->setEnabled(!m_scopes->selectedItems().isEmpty()); });
    connect(m_removeScope, &QPushButton::clicked, this, &PreferencesDialog::removeSelectedScopes);
    scopesLayout->addWidget(m_scopes, 0, 0, 1, 2);
    scopesLayout->addWidget(note(tr("A mute ends at its time; a pin stays until it is removed. Within a context, "
                                    "a deployment's own mute or pin decides over the context's."),
                                 scopes),
                            1, 0);
    scopesLayout->addWidget(m_removeScope, 1, 1, Qt::AlignTop);
    scopesLayout->setColumnStretch(0, 1);
    fillScopes();

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(rules);
    layout->addWidget(tray);
    layout->addWidget(scopes, 1);
    return page;
}

void PreferencesDialog::fillScopes()
{
    struct Row
    {
        NotificationSettings::Scope scope;
        QString setting;
    };
    QList<Row> rows;
    const QLocale locale;
    const QDate today = QDate::currentDate();
    for (const NotificationSettings::Mute &m : std::as_const(m_notifications.mutes)) {
        // Most mutes end today ("Mute 1 h"): the time says it; later ones need their date.
        const QDateTime until = m.until.toLocalTime();
        const QString when = until.date() == today ? locale.toString(until.time(), QLocale::ShortFormat)
                                                   : locale.toString(until, QLocale::ShortFormat);
        rows.append({m.scope, tr("Muted until %1").arg(when)});
    }
    for (const NotificationSettings::Scope &p : std::as_const(m_notifications.pins))
        rows.append({p, tr("Pinned")});
    m_scopes->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows.at(i);
        const QStringList cells{
            r.scope.context, r.scope.isContext() ? tr("All deployments") : Deployment::keyOf(r.scope.ns, r.scope.name),
            r.setting};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_scopes->setItem(i, column, item);
        }
    }
    // Wide enough for every cell: a mute ending tomorrow has a date, and the stretched last column
    // would otherwise elide it.
    int width = 2 * m_scopes->frameWidth();
    for (int column = 0; column < m_scopes->columnCount(); ++column)
        width += std::max(m_scopes->horizontalHeader()->sectionSizeHint(column),
                          static_cast<QAbstractItemView *>(m_scopes)->sizeHintForColumn(column));
    if (m_scopes->verticalScrollBar()->isVisible())
        width += m_scopes->verticalScrollBar()->sizeHint().width();
    m_scopes->setMinimumWidth(width);
}

void PreferencesDialog::removeSelectedScopes()
{
    // Rows are the mutes, then the pins, in order.
    QList<int> rows;
    for (const QModelIndex &index : m_scopes->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    const int mutes = static_cast<int>(m_notifications.mutes.size());
    for (int row : std::as_const(rows)) {
        if (row < mutes)
            m_notifications.mutes.removeAt(row);
        else
            m_notifications.pins.removeAt(row - mutes);
    }
    fillScopes();
    m_removeScope->setEnabled(false);
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
    p.notifications = m_notifications;
    for (NotificationRule rule : Notification::allRules())
        p.notifications.setEnabled(rule, m_rules.value(static_cast<int>(rule))->isChecked());
    p.notifications.noCheckpointMinutes = m_noCheckpointMinutes->value();
    p.notifications.unreachableMinutes = m_unreachableMinutes->value();
    p.notifications.closeToTray = m_closeToTray->isChecked();
    p.notifications.startInTray = m_startInTray->isChecked();
    return p;
}

} // namespace capstan
