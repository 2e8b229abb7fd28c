#include "ui/configuredialog.h"

#include "flink/flinkconfiguration.h"

#include "flink/specdiff.h"
#include "flink/yamlwriter.h"
#include "ui/backgroundpool.h"
#include "ui/deploymenttemplates.h"
#include "ui/widgets/argumentlisteditor.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/yamldiffview.h"
#include "ui/widgets/yamlhighlighter.h"
#include "json/jsontools.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <memory>

namespace capstan {

namespace {
const QLatin1String kSpec("spec");
const QLatin1String kMetadata("metadata");
const QLatin1String kHaType("high-availability.type");
const QLatin1String kHaStorage("high-availability.storageDir");
const QLatin1String kSuspended("suspended");

const QStringList &defaultFlinkVersions()
{
    static const QStringList versions{
        QStringLiteral("v1_13"), QStringLiteral("v1_14"), QStringLiteral("v1_15"), QStringLiteral("v1_16"),
        QStringLiteral("v1_17"), QStringLiteral("v1_18"), QStringLiteral("v1_19"), QStringLiteral("v1_20"),
        QStringLiteral("v2_0"),  QStringLiteral("v2_1"),  QStringLiteral("v2_2"),
    };
    return versions;
}

// Fields of original the schema pruned (nulls aside, which the API server drops without a word).
void collectPruned(const QJsonObject &original, const QJsonObject &pruned, const QString &path, QStringList *out)
{
    for (auto it = original.begin(); it != original.end(); ++it) {
        const QString field = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
        if (it.value().isNull())
            continue;
        if (!pruned.contains(it.key())) {
            out->append(field);
            continue;
        }
        if (it.value().isObject() && pruned.value(it.key()).isObject())
            collectPruned(it.value().toObject(), pruned.value(it.key()).toObject(), field, out);
    }
}

// "spec.job.parallelism", ".spec.job.args[0]" → "job.parallelism", "job.args[0]"; other roots unchanged.
QString specField(QString field)
{
    if (field.startsWith(QLatin1Char('.')))
        field.remove(0, 1);
    if (field == kSpec)
        return {};
    if (field.startsWith(QLatin1String("spec.")))
        return field.mid(5);
    return field;
}

void setComboValue(QComboBox *combo, const QString &value)
{
    if (value.isEmpty()) {
        combo->setCurrentIndex(-1);
        return;
    }
    int index = combo->findData(value);
    if (index < 0) {
        // A value the form does not know (e.g. from YAML): shown as it is, so it round-trips.
        combo->addItem(value, value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

QString specYaml(const QJsonObject &spec)
{
    return YamlWriter::toYaml(spec);
}

QLabel *sectionNote(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setProperty("capstanNote", true); // muted by ConfigureDialog::updateColours()
    return label;
}

QString upgradeModeExplanation(const QString &mode)
{
    if (mode == QLatin1String("savepoint"))
        return ConfigureDialog::tr("Every upgrade takes a savepoint first and starts the new job from it; if "
                                   "the job is unhealthy, the latest checkpoint is used instead.");
    if (mode == QLatin1String("last-state"))
        return ConfigureDialog::tr("Every upgrade restarts the job from its latest checkpoint, found through "
                                   "Kubernetes HA metadata; works even when the job is failing.");
    if (mode == QLatin1String("stateless"))
        return ConfigureDialog::tr("Every upgrade starts the job again with empty state; nothing is carried over.");
    return ConfigureDialog::tr("An upgrade mode the operator does not know: choose one of the three.");
}

quint64 nextRequestId()
{
    static quint64 id = 0;
    return ++id;
}
} // namespace

ConfigureDialog::ConfigureDialog(Mode mode, const QJsonObject &object, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_flinkVersions(defaultFlinkVersions())
    , m_banner(new MessageBanner(this))
    , m_titleLabel(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_backButton(new QPushButton(this))
    , m_applyButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("configureDialog"));
    setWindowTitle(mode == Mode::Create ? tr("New Deployment") : tr("Configure Deployment"));
    setSizeGripEnabled(true);

    m_banner->setObjectName(QStringLiteral("configureBanner"));
    m_titleLabel->setObjectName(QStringLiteral("configureTitleLabel"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_titleLabel->setFont(titleFont);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(m_titleLabel);

    if (m_mode == Mode::Create) {
        m_templateCombo = new QComboBox(this);
        m_templateCombo->setObjectName(QStringLiteral("templateComboBox"));
        m_templateCombo->setAccessibleName(tr("Template"));
        for (const DeploymentTemplates::Template &t : DeploymentTemplates::all())
            m_templateCombo->addItem(t.title, t.id);
        m_templateDescription = sectionNote(QString(), this);
        m_templateDescription->setObjectName(QStringLiteral("templateDescriptionLabel"));
        auto *row = new QHBoxLayout;
        auto *label = new QLabel(tr("Start from &template:"), this);
        label->setBuddy(m_templateCombo);
        row->addWidget(label);
        row->addWidget(m_templateCombo);
        row->addWidget(m_templateDescription, 1);
        layout->addLayout(row);
    }
    layout->addWidget(m_banner);

    m_tabs->setObjectName(QStringLiteral("configureTabs"));
    m_tabs->setDocumentMode(false);
    m_tabs->addTab(buildFormPage(), tr("&Form"));
    m_tabs->addTab(buildYamlPage(), tr("&YAML"));
    m_tabs->addTab(buildReviewPage(), tr("&Review"));
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(buildConflictPage());
    layout->addWidget(m_stack, 1);

    m_progress->setObjectName(QStringLiteral("applyProgress"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_progressLabel->setObjectName(QStringLiteral("applyProgressLabel"));
    m_progressLabel->hide();
    m_backButton->setObjectName(QStringLiteral("backButton"));
    m_backButton->setText(tr("&Back"));
    m_backButton->setAccessibleName(tr("Back to editing"));
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_applyButton->setDefault(true);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress);
    buttons->addWidget(m_progressLabel);
    buttons->addStretch(1);
    buttons->addWidget(m_backButton);
    buttons->addWidget(m_applyButton);
    buttons->addWidget(m_cancelButton);
    layout->addLayout(buttons);

    connect(m_tabs, &QTabWidget::currentChanged, this, &ConfigureDialog::onTabChanged);
    connect(m_applyButton, &QPushButton::clicked, this, &ConfigureDialog::onApplyClicked);
    connect(m_backButton, &QPushButton::clicked, this, [this] { setCurrentPage(Page::Form); });
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);

    if (m_templateCombo) {
        const QList<DeploymentTemplates::Template> templates = DeploymentTemplates::all();
        for (int i = 0; i < templates.size(); ++i) {
            if (templates.at(i).object.value(kSpec) == object.value(kSpec))
                m_templateCombo->setCurrentIndex(i);
        }
        m_templateDescription->setText(
            DeploymentTemplates::byId(m_templateCombo->currentData().toString()).description);
        connect(m_templateCombo, &QComboBox::activated, this, &ConfigureDialog::onTemplateChosen);
    }

    loadObject(object);
    updateColours();
    resize(sizeHint());
}

ConfigureDialog::~ConfigureDialog() = default;

QSize ConfigureDialog::sizeHint() const
{
    return {900, 700};
}

// --- pages ---------------------------------------------------------------------------------------------

QLabel *ConfigureDialog::addErrorLabel(const QString &objectName, const QStringList &fields)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    for (const QString &field : fields)
        m_errorLabels.insert(field, label);
    m_allErrorLabels.append(label);
    return label;
}

QWidget *ConfigureDialog::buildFormPage()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("formPage"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *page = new QWidget(scroll);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setSpacing(10);

    m_formErrorLabel = addErrorLabel(QStringLiteral("formErrorLabel"), {});
    pageLayout->addWidget(m_formErrorLabel);

    // A field with its explanation and its error under it.
    const auto cell = [page](QWidget *field, QLabel *error, QLabel *note = nullptr) {
        auto *widget = new QWidget(page);
        auto *v = new QVBoxLayout(widget);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(field);
        if (note)
            v->addWidget(note);
        v->addWidget(error);
        return widget;
    };
    const auto form = [](QGroupBox *box) {
        auto *f = new QFormLayout(box);
        f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        f->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
        f->setRowWrapPolicy(QFormLayout::DontWrapRows);
        return f;
    };
    const auto connectEdit
        = [this](QLineEdit *edit) { connect(edit, &QLineEdit::textChanged, this, &ConfigureDialog::onFormEdited); };

    QFormLayout *deploymentForm = nullptr;
    if (m_mode == Mode::Create) {
        auto *box = new QGroupBox(tr("Deployment"), page);
        QFormLayout *f = form(box);
        deploymentForm = f;
        m_nameEdit = new QLineEdit(box);
        m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
        m_nameEdit->setAccessibleName(tr("Deployment name"));
        m_nameEdit->setPlaceholderText(tr("e.g. github-analytics"));
        m_namespaceEdit = new QLineEdit(box);
        m_namespaceEdit->setObjectName(QStringLiteral("namespaceEdit"));
        m_namespaceEdit->setAccessibleName(tr("Namespace"));
        m_namespaceEdit->setPlaceholderText(tr("e.g. flink"));
        f->addRow(tr("&Name:"),
                  cell(m_nameEdit, addErrorLabel(QStringLiteral("nameErrorLabel"), {QStringLiteral("metadata.name")})));
        f->addRow(tr("Namespa&ce:"),
                  cell(m_namespaceEdit,
                       addErrorLabel(QStringLiteral("namespaceErrorLabel"), {QStringLiteral("metadata.namespace")})));
        connectEdit(m_nameEdit);
        connectEdit(m_namespaceEdit);
        pageLayout->addWidget(box);
    }

    // Job
    auto *jobBox = new QGroupBox(tr("Job"), page);
    QFormLayout *jobForm = form(jobBox);
    m_jarUriEdit = new QLineEdit(jobBox);
    m_jarUriEdit->setObjectName(QStringLiteral("jarUriEdit"));
    m_jarUriEdit->setAccessibleName(tr("Jar URI"));
    m_jarUriEdit->setPlaceholderText(tr("local:///opt/flink/usrlib/job.jar"));
    m_entryClassEdit = new QLineEdit(jobBox);
    m_entryClassEdit->setObjectName(QStringLiteral("entryClassEdit"));
    m_entryClassEdit->setAccessibleName(tr("Entry class"));
    m_entryClassEdit->setPlaceholderText(tr("Taken from the jar's manifest when empty"));
    m_arguments = new ArgumentListEditor(jobBox);
    m_arguments->setObjectName(QStringLiteral("argumentsEditor"));
    m_arguments->setAccessibleName(tr("Job arguments"));
    m_parallelism = new QSpinBox(jobBox);
    m_parallelism->setObjectName(QStringLiteral("parallelismSpinBox"));
    m_parallelism->setAccessibleName(tr("Parallelism"));
    m_parallelism->setRange(0, 100000);
    m_parallelism->setMaximumWidth(140);
    m_upgradeMode = new QComboBox(jobBox);
    m_upgradeMode->setObjectName(QStringLiteral("upgradeModeComboBox"));
    m_upgradeMode->setAccessibleName(tr("Upgrade mode"));
    m_upgradeMode->addItem(tr("Savepoint"), QStringLiteral("savepoint"));
    m_upgradeMode->addItem(tr("Last state"), QStringLiteral("last-state"));
    m_upgradeMode->addItem(tr("Stateless"), QStringLiteral("stateless"));
    m_upgradeMode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_upgradeModeExplanation = sectionNote(QString(), jobBox);
    m_upgradeModeExplanation->setObjectName(QStringLiteral("upgradeModeExplanationLabel"));
    m_jobState = new QComboBox(jobBox);
    m_jobState->setObjectName(QStringLiteral("jobStateComboBox"));
    m_jobState->setAccessibleName(tr("Job state"));
    m_jobState->addItem(tr("Running"), QStringLiteral("running"));
    m_jobState->addItem(tr("Suspended"), QStringLiteral("suspended"));
    m_jobState->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    const auto leftAligned = [jobBox](QWidget *w) {
        auto *holder = new QWidget(jobBox);
        auto *h = new QHBoxLayout(holder);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(w);
        h->addStretch(1);
        return holder;
    };
    jobForm->addRow(
        tr("&Jar URI:"),
        cell(m_jarUriEdit, addErrorLabel(QStringLiteral("jarUriErrorLabel"), {QStringLiteral("job.jarURI")})));
    jobForm->addRow(tr("&Entry class:"),
                    cell(m_entryClassEdit,
                         addErrorLabel(QStringLiteral("entryClassErrorLabel"), {QStringLiteral("job.entryClass")})));
    jobForm->addRow(
        tr("Ar&guments:"),
        cell(m_arguments, addErrorLabel(QStringLiteral("argumentsErrorLabel"), {QStringLiteral("job.args")})));
    jobForm->addRow(tr("&Parallelism:"),
                    cell(leftAligned(m_parallelism),
                         addErrorLabel(QStringLiteral("parallelismErrorLabel"), {QStringLiteral("job.parallelism")})));
    jobForm->addRow(tr("&Upgrade mode:"),
                    cell(leftAligned(m_upgradeMode),
                         addErrorLabel(QStringLiteral("upgradeModeErrorLabel"),
                                       {QStringLiteral("job.upgradeMode"), QStringLiteral("job.initialSavepointPath")}),
                         m_upgradeModeExplanation));
    jobForm->addRow(tr("Job &state:"),
                    cell(leftAligned(m_jobState),
                         addErrorLabel(QStringLiteral("jobStateErrorLabel"), {QStringLiteral("job.state")})));
    pageLayout->addWidget(jobBox);

    // Cluster
    auto *clusterBox = new QGroupBox(tr("Cluster"), page);
    QFormLayout *clusterForm = form(clusterBox);
    m_flinkVersion = new QComboBox(clusterBox);
    m_flinkVersion->setObjectName(QStringLiteral("flinkVersionComboBox"));
    m_flinkVersion->setAccessibleName(tr("Flink version"));
    m_flinkVersion->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setFlinkVersions(m_flinkVersions);
    m_imageEdit = new QLineEdit(clusterBox);
    m_imageEdit->setObjectName(QStringLiteral("imageEdit"));
    m_imageEdit->setAccessibleName(tr("Container image"));
    m_imageEdit->setPlaceholderText(tr("flink:1.20"));

    const auto cpuBox = [clusterBox](const QString &name, const QString &accessible) {
        auto *spin = new QDoubleSpinBox(clusterBox);
        spin->setObjectName(name);
        spin->setAccessibleName(accessible);
        spin->setRange(0, 256);
        spin->setDecimals(2);
        spin->setSingleStep(0.5);
        spin->setSpecialValueText(tr("Default"));
        spin->setSuffix(tr(" CPU"));
        return spin;
    };
    const auto memoryEdit = [clusterBox](const QString &name, const QString &accessible) {
        auto *edit = new QLineEdit(clusterBox);
        edit->setObjectName(name);
        edit->setAccessibleName(accessible);
        edit->setPlaceholderText(tr("e.g. 2048m or 2g"));
        edit->setMaximumWidth(200);
        return edit;
    };
    m_jobManagerCpu = cpuBox(QStringLiteral("jobManagerCpuSpinBox"), tr("JobManager CPU"));
    m_jobManagerMemory = memoryEdit(QStringLiteral("jobManagerMemoryEdit"), tr("JobManager memory"));
    m_taskManagerCpu = cpuBox(QStringLiteral("taskManagerCpuSpinBox"), tr("TaskManager CPU"));
    m_taskManagerMemory = memoryEdit(QStringLiteral("taskManagerMemoryEdit"), tr("TaskManager memory"));
    m_taskManagerReplicas = new QSpinBox(clusterBox);
    m_taskManagerReplicas->setObjectName(QStringLiteral("taskManagerReplicasSpinBox"));
    m_taskManagerReplicas->setAccessibleName(tr("TaskManager replicas"));
    m_taskManagerReplicas->setRange(0, 10000);
    m_taskManagerReplicas->setSpecialValueText(tr("From parallelism"));
    m_taskManagerReplicas->setMaximumWidth(180);

    const auto resourceRow = [clusterBox](QDoubleSpinBox *cpu, QLineEdit *memory) {
        auto *holder = new QWidget(clusterBox);
        auto *h = new QHBoxLayout(holder);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(cpu);
        auto *memoryLabel = new QLabel(tr("Memory:"), holder);
        memoryLabel->setBuddy(memory);
        h->addSpacing(12);
        h->addWidget(memoryLabel);
        h->addWidget(memory);
        h->addStretch(1);
        return holder;
    };
    clusterForm->addRow(
        tr("Flink &version:"),
        cell(leftAligned(m_flinkVersion),
             addErrorLabel(QStringLiteral("flinkVersionErrorLabel"), {QStringLiteral("flinkVersion")})));
    clusterForm->addRow(tr("&Image:"),
                        cell(m_imageEdit, addErrorLabel(QStringLiteral("imageErrorLabel"), {QStringLiteral("image")})));
    clusterForm->addRow(
        tr("J&obManager CPU:"),
        cell(resourceRow(m_jobManagerCpu, m_jobManagerMemory),
             addErrorLabel(QStringLiteral("jobManagerResourceErrorLabel"),
                           {QStringLiteral("jobManager.resource"), QStringLiteral("jobManager.resource.cpu"),
                            QStringLiteral("jobManager.resource.memory")})));
    clusterForm->addRow(
        tr("Task&Manager CPU:"),
        cell(resourceRow(m_taskManagerCpu, m_taskManagerMemory),
             addErrorLabel(QStringLiteral("taskManagerResourceErrorLabel"),
                           {QStringLiteral("taskManager.resource"), QStringLiteral("taskManager.resource.cpu"),
                            QStringLiteral("taskManager.resource.memory")})));
    clusterForm->addRow(
        tr("TaskManager rep&licas:"),
        cell(leftAligned(m_taskManagerReplicas),
             addErrorLabel(QStringLiteral("taskManagerReplicasErrorLabel"), {QStringLiteral("taskManager.replicas")})));
    pageLayout->addWidget(clusterBox);

    // Flink configuration
    auto *configBox = new QGroupBox(tr("Flink configuration"), page);
    auto *configLayout = new QVBoxLayout(configBox);
    m_haCheck = new QCheckBox(tr("Enable &Kubernetes HA"), configBox);
    m_haCheck->setObjectName(QStringLiteral("kubernetesHaCheckBox"));
    m_haCheck->setAccessibleName(tr("Enable Kubernetes HA"));
    m_haCheck->setToolTip(tr("Sets high-availability.type: kubernetes and high-availability.storageDir; needed "
                             "for last-state upgrades."));
    m_haStorageDir = new QLineEdit(configBox);
    m_haStorageDir->setObjectName(QStringLiteral("haStorageDirEdit"));
    m_haStorageDir->setAccessibleName(tr("HA storage directory"));
    m_haStorageDir->setPlaceholderText(tr("Where HA metadata is kept, e.g. s3://bucket/flink/ha"));
    auto *haRow = new QHBoxLayout;
    haRow->addWidget(m_haCheck);
    auto *haDirLabel = new QLabel(tr("Storage &directory:"), configBox);
    haDirLabel->setBuddy(m_haStorageDir);
    haRow->addSpacing(12);
    haRow->addWidget(haDirLabel);
    haRow->addWidget(m_haStorageDir, 1);
    configLayout->addLayout(haRow);
    configLayout->addWidget(addErrorLabel(QStringLiteral("haErrorLabel"),
                                          {QStringLiteral("flinkConfiguration.high-availability"),
                                           QStringLiteral("flinkConfiguration.high-availability.type"),
                                           QStringLiteral("flinkConfiguration.high-availability.storageDir")}));
    m_configTable = new FlinkConfigTable(configBox);
    m_configTable->setObjectName(QStringLiteral("flinkConfigTable"));
    m_configTable->setAccessibleName(tr("Flink configuration"));
    configLayout->addWidget(m_configTable);
    configLayout->addWidget(
        addErrorLabel(QStringLiteral("flinkConfigErrorLabel"), {QStringLiteral("flinkConfiguration")}));
    pageLayout->addWidget(configBox);
    pageLayout->addStretch(1);
    scroll->setWidget(page);

    // Label buddies for Alt+letter, and one label column width for all groups.
    QList<QFormLayout *> forms{jobForm, clusterForm};
    if (deploymentForm)
        forms.append(deploymentForm);
    int labelWidth = 0;
    for (QFormLayout *f : std::as_const(forms)) {
        for (int row = 0; f && row < f->rowCount(); ++row) {
            if (QLayoutItem *item = f->itemAt(row, QFormLayout::LabelRole); item && item->widget())
                labelWidth = std::max(labelWidth, item->widget()->sizeHint().width());
        }
    }
    for (QFormLayout *f : std::as_const(forms)) {
        for (int row = 0; f && row < f->rowCount(); ++row) {
            QLayoutItem *item = f->itemAt(row, QFormLayout::LabelRole);
            if (auto *label = item ? qobject_cast<QLabel *>(item->widget()) : nullptr) {
                label->setMinimumWidth(labelWidth);
                label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
        }
    }
    for (QFormLayout *f : {jobForm, clusterForm}) {
        for (int row = 0; row < f->rowCount(); ++row) {
            QLayoutItem *labelItem = f->itemAt(row, QFormLayout::LabelRole);
            QLayoutItem *fieldItem = f->itemAt(row, QFormLayout::FieldRole);
            auto *label = labelItem ? qobject_cast<QLabel *>(labelItem->widget()) : nullptr;
            if (!label || !fieldItem || !fieldItem->widget())
                continue;
            const QList<QWidget *> inputs = fieldItem->widget()->findChildren<QWidget *>();
            for (QWidget *input : inputs) {
                if (input->focusPolicy() != Qt::NoFocus && !qobject_cast<QLabel *>(input)) {
                    label->setBuddy(input);
                    break;
                }
            }
        }
    }

    // Bindings: each form field and the spec path it owns.
    const auto text = [](QLineEdit *edit) {
        return [edit]() -> QJsonValue {
            const QString t = edit->text().trimmed();
            return t.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(t);
        };
    };
    const auto setText = [](QLineEdit *edit) {
        return [edit](const QJsonValue &v) { edit->setText(v.isString() ? v.toString() : QString()); };
    };
    const auto combo = [](QComboBox *box) {
        return [box]() -> QJsonValue {
            const QString value = box->currentData().toString();
            return value.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(value);
        };
    };
    const auto cpuRead = [](QDoubleSpinBox *spin) {
        return [spin]() -> QJsonValue {
            return spin->value() > 0 ? QJsonValue(spin->value()) : QJsonValue(QJsonValue::Undefined);
        };
    };
    const auto cpuWrite = [](QDoubleSpinBox *spin) {
        return [spin](const QJsonValue &v) { spin->setValue(v.isDouble() ? v.toDouble() : 0); };
    };
    const auto path = [](const QString &dotted) { return dotted.split(QLatin1Char('.')); };
    m_bindings = {
        {path(QStringLiteral("job.jarURI")), text(m_jarUriEdit), setText(m_jarUriEdit), {}},
        {path(QStringLiteral("job.entryClass")), text(m_entryClassEdit), setText(m_entryClassEdit), {}},
        {path(QStringLiteral("job.args")),
         [this]() -> QJsonValue {
             const QStringList args = m_arguments->arguments();
             return args.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(QJsonArray::fromStringList(args));
         },
         [this](const QJsonValue &v) {
             QStringList args;
             for (const QJsonValue &item : v.toArray())
                 args.append(FlinkConfiguration::text(item));
             m_arguments->setArguments(args);
         },
         {}},
        {path(QStringLiteral("job.parallelism")),
         [this]() -> QJsonValue { return m_parallelism->value(); },
         [this](const QJsonValue &v) { m_parallelism->setValue(v.isDouble() ? v.toInt() : 1); },
         {}},
        {path(QStringLiteral("job.upgradeMode")),
         combo(m_upgradeMode),
         [this](const QJsonValue &v) {
             setComboValue(m_upgradeMode, v.isString() ? v.toString() : QStringLiteral("stateless"));
         },
         {}},
        {path(QStringLiteral("job.state")),
         combo(m_jobState),
         [this](const QJsonValue &v) {
             setComboValue(m_jobState, v.isString() ? v.toString() : QStringLiteral("running"));
         },
         {}},
        {path(QStringLiteral("flinkVersion")),
         combo(m_flinkVersion),
         [this](const QJsonValue &v) { setComboValue(m_flinkVersion, v.toString()); },
         {}},
        {path(QStringLiteral("image")), text(m_imageEdit), setText(m_imageEdit), {}},
        {path(QStringLiteral("jobManager.resource.cpu")), cpuRead(m_jobManagerCpu), cpuWrite(m_jobManagerCpu), {}},
        {path(QStringLiteral("jobManager.resource.memory")), text(m_jobManagerMemory), setText(m_jobManagerMemory), {}},
        {path(QStringLiteral("taskManager.resource.cpu")), cpuRead(m_taskManagerCpu), cpuWrite(m_taskManagerCpu), {}},
        {path(QStringLiteral("taskManager.resource.memory")),
         text(m_taskManagerMemory),
         setText(m_taskManagerMemory),
         {}},
        {path(QStringLiteral("taskManager.replicas")),
         [this]() -> QJsonValue {
             return m_taskManagerReplicas->value() > 0 ? QJsonValue(m_taskManagerReplicas->value())
                                                       : QJsonValue(QJsonValue::Undefined);
         },
         [this](const QJsonValue &v) { m_taskManagerReplicas->setValue(v.isDouble() ? v.toInt() : 0); },
         {}},
    };

    for (QLineEdit *edit : {m_jarUriEdit, m_entryClassEdit, m_imageEdit, m_jobManagerMemory, m_taskManagerMemory})
        connectEdit(edit);
    connect(m_arguments, &ArgumentListEditor::changed, this, &ConfigureDialog::onFormEdited);
    for (QSpinBox *spin : {m_parallelism, m_taskManagerReplicas})
        connect(spin, &QSpinBox::valueChanged, this, &ConfigureDialog::onFormEdited);
    for (QDoubleSpinBox *spin : {m_jobManagerCpu, m_taskManagerCpu})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ConfigureDialog::onFormEdited);
    for (QComboBox *box : {m_upgradeMode, m_jobState, m_flinkVersion})
        connect(box, &QComboBox::currentIndexChanged, this, &ConfigureDialog::onFormEdited);
    connect(m_upgradeMode, &QComboBox::currentIndexChanged, this, [this] {
        m_upgradeModeExplanation->setText(upgradeModeExplanation(m_upgradeMode->currentData().toString()));
    });
    connect(m_configTable, &FlinkConfigTable::changed, this, [this] {
        syncHaFromTable();
        onFormEdited();
    });
    connect(m_haCheck, &QCheckBox::toggled, this, &ConfigureDialog::onHaToggled);
    connect(m_haStorageDir, &QLineEdit::textEdited, this, [this](const QString &dir) {
        if (dir.trimmed().isEmpty())
            m_configTable->removeKey(kHaStorage);
        else
            m_configTable->setValue(kHaStorage, dir.trimmed());
    });
    return scroll;
}

QWidget *ConfigureDialog::buildYamlPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("yamlPage"));
    auto *layout = new QVBoxLayout(page);
    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->setChildrenCollapsible(false);
    m_yamlEdit = new QPlainTextEdit(splitter);
    m_yamlEdit->setObjectName(QStringLiteral("yamlEditor"));
    m_yamlEdit->setAccessibleName(tr("Spec as YAML"));
    m_yamlEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_yamlEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yamlEdit->setTabChangesFocus(true);
    m_highlighter = new YamlHighlighter(m_yamlEdit->document());

    auto *errorsPane = new QWidget(splitter);
    auto *errorsLayout = new QVBoxLayout(errorsPane);
    errorsLayout->setContentsMargins(0, 0, 0, 0);
    m_yamlStatus = new QLabel(errorsPane);
    m_yamlStatus->setObjectName(QStringLiteral("yamlStatusLabel"));
    m_yamlStatus->setWordWrap(true);
    m_yamlErrors = new QListWidget(errorsPane);
    m_yamlErrors->setObjectName(QStringLiteral("yamlErrorList"));
    m_yamlErrors->setAccessibleName(tr("Problems in the YAML"));
    m_yamlErrors->setWordWrap(true);
    m_yamlErrors->setIconSize(QSize(16, 16));
    errorsLayout->addWidget(m_yamlStatus);
    errorsLayout->addWidget(m_yamlErrors, 1);
    splitter->addWidget(m_yamlEdit);
    splitter->addWidget(errorsPane);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter);

    m_yamlTimer = new QTimer(this);
    m_yamlTimer->setSingleShot(true);
    m_yamlTimer->setInterval(250);
    connect(m_yamlTimer, &QTimer::timeout, this, &ConfigureDialog::parseYamlWhileTyping);
    connect(m_yamlEdit, &QPlainTextEdit::textChanged, this, &ConfigureDialog::onYamlEdited);
    // Activating a problem puts the cursor where it is.
    connect(m_yamlErrors, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int line = item->data(Qt::UserRole).toInt();
        const int column = item->data(Qt::UserRole + 1).toInt();
        if (line <= 0)
            return;
        const QTextBlock block = m_yamlEdit->document()->findBlockByNumber(line - 1);
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::max(0, column - 1));
        m_yamlEdit->setTextCursor(cursor);
        m_yamlEdit->setFocus();
    });
    return page;
}

QWidget *ConfigureDialog::buildReviewPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("reviewPage"));
    auto *layout = new QVBoxLayout(page);
    m_reviewSentence = new QLabel(page);
    m_reviewSentence->setObjectName(QStringLiteral("reviewSentenceLabel"));
    m_reviewSentence->setWordWrap(true);
    m_reviewSentence->setTextFormat(Qt::PlainText);
    m_reviewSentence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont sentenceFont = m_reviewSentence->font();
    sentenceFont.setBold(true);
    m_reviewSentence->setFont(sentenceFont);
    m_reviewSummary = new QLabel(page);
    m_reviewSummary->setObjectName(QStringLiteral("reviewSummaryLabel"));
    m_reviewSummary->setWordWrap(true);
    m_reviewProblems = addErrorLabel(QStringLiteral("reviewProblemsLabel"), {});
    m_reviewDiff = new YamlDiffView(page);
    m_reviewDiff->setObjectName(QStringLiteral("reviewDiffView"));
    m_reviewDiff->setAccessibleName(tr("Changes to the spec"));
    layout->addWidget(m_reviewSentence);
    layout->addWidget(m_reviewSummary);
    layout->addWidget(m_reviewProblems);
    layout->addWidget(m_reviewDiff, 1);
    return page;
}

QWidget *ConfigureDialog::buildConflictPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("conflictPage"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("Someone else changed this deployment while you were editing it"), page);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setWordWrap(true);
    m_conflictSummary = new QLabel(page);
    m_conflictSummary->setObjectName(QStringLiteral("conflictSummaryLabel"));
    m_conflictSummary->setWordWrap(true);
    m_conflictOverlap = addErrorLabel(QStringLiteral("conflictOverlapLabel"), {});

    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->setChildrenCollapsible(false);
    const auto pane = [splitter](const QString &title, YamlDiffView *view) {
        auto *widget = new QWidget(splitter);
        auto *v = new QVBoxLayout(widget);
        v->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(title, widget);
        label->setBuddy(view);
        v->addWidget(label);
        v->addWidget(view, 1);
        return widget;
    };
    m_conflictDiff = new YamlDiffView(page);
    m_conflictDiff->setObjectName(QStringLiteral("conflictDiffView"));
    m_conflictDiff->setAccessibleName(tr("What changed on the server"));
    m_conflictMineDiff = new YamlDiffView(page);
    m_conflictMineDiff->setObjectName(QStringLiteral("conflictMineDiffView"));
    m_conflictMineDiff->setAccessibleName(tr("Your change"));
    splitter->addWidget(pane(tr("Their change (what is on the server now):"), m_conflictDiff));
    splitter->addWidget(pane(tr("Your change:"), m_conflictMineDiff));

    m_reapplyButton = new QPushButton(tr("Re-apply my change on top"), page);
    m_reapplyButton->setObjectName(QStringLiteral("reapplyButton"));
    m_reapplyButton->setToolTip(tr("Applies the fields you changed to the deployment as it is now, keeping "
                                   "the other change."));
    m_discardButton = new QPushButton(tr("Discard my change"), page);
    m_discardButton->setObjectName(QStringLiteral("discardButton"));
    m_discardButton->setToolTip(tr("Reloads the deployment as it is now; your edits are dropped."));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_discardButton);
    buttons->addWidget(m_reapplyButton);

    layout->addWidget(heading);
    layout->addWidget(m_conflictSummary);
    layout->addWidget(m_conflictOverlap);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    connect(m_reapplyButton, &QPushButton::clicked, this, &ConfigureDialog::reapplyOnTop);
    connect(m_discardButton, &QPushButton::clicked, this, &ConfigureDialog::discardMine);
    return page;
}

// --- loading and syncing ----------------------------------------------------------------------------------

void ConfigureDialog::loadObject(const QJsonObject &object)
{
    m_object = object;
    const QJsonObject metadata = object.value(kMetadata).toObject();
    m_spec = object.value(kSpec).toObject();
    m_baseSpec = m_mode == Mode::Configure ? m_spec : QJsonObject();
    m_serverProblems.clear();
    if (m_mode == Mode::Configure) {
        m_titleLabel->setText(tr("%1 in namespace %2")
                                  .arg(metadata.value(QLatin1String("name")).toString(),
                                       metadata.value(QLatin1String("namespace")).toString()));
    } else {
        m_titleLabel->setText(tr("A new FlinkDeployment"));
        m_loading = true;
        m_nameEdit->setText(metadata.value(QLatin1String("name")).toString());
        if (m_namespaceEdit->text().isEmpty())
            m_namespaceEdit->setText(metadata.value(QLatin1String("namespace")).toString());
        m_loading = false;
    }
    loadForm(m_spec);
    syncYamlFromSpec();
    revalidate();
}

void ConfigureDialog::loadForm(const QJsonObject &spec)
{
    m_loading = true;
    m_formBase = spec;
    for (Binding &binding : m_bindings) {
        binding.write(json::valueAt(spec, binding.path));
        binding.loaded = binding.read();
    }
    QList<FlinkConfigTable::Entry> entries;
    const auto flat = FlinkConfiguration::flatten(spec.value(QLatin1String("flinkConfiguration")));
    for (const auto &entry : flat)
        entries.append({entry.first, FlinkConfiguration::text(entry.second)});
    m_configTable->setEntries(entries);
    m_configLoaded = m_configTable->entries();
    m_upgradeModeExplanation->setText(upgradeModeExplanation(m_upgradeMode->currentData().toString()));
    syncHaFromTable();
    m_loading = false;
}

QJsonObject ConfigureDialog::formSpec() const
{
    QJsonObject spec = m_formBase;
    for (const Binding &binding : m_bindings) {
        const QJsonValue value = binding.read();
        if (value != binding.loaded)
            spec = json::withValueAt(spec, binding.path, value);
    }
    const QList<FlinkConfigTable::Entry> entries = m_configTable->entries();
    if (entries != m_configLoaded) {
        // Written flat; values whose text did not change keep their type (e.g. numberOfTaskSlots: 2).
        const auto original = FlinkConfiguration::flatten(m_formBase.value(QLatin1String("flinkConfiguration")));
        QHash<QString, QJsonValue> typed;
        for (const auto &entry : original)
            typed.insert(entry.first, entry.second);
        QJsonObject configuration;
        for (const auto &entry : entries) {
            const QJsonValue before = typed.value(entry.first, QJsonValue(QJsonValue::Undefined));
            const bool unchanged = !before.isUndefined() && FlinkConfiguration::text(before) == entry.second;
            configuration.insert(entry.first, unchanged ? before : QJsonValue(entry.second));
        }
        if (configuration.isEmpty())
            spec.remove(QLatin1String("flinkConfiguration"));
        else
            spec.insert(QLatin1String("flinkConfiguration"), configuration);
    }
    return spec;
}

void ConfigureDialog::onFormEdited()
{
    if (m_loading)
        return;
    m_spec = formSpec();
    m_serverProblems.clear();
    revalidate();
}

void ConfigureDialog::onYamlEdited()
{
    ++m_yamlTextGeneration;
    if (m_loading)
        return;
    m_yamlEdited = true;
    m_serverProblems.clear();
    m_yamlTimer->start();
}

bool ConfigureDialog::parseYaml()
{
    m_yamlTimer->stop();
    return takeParsed(YamlReader::parseDocument(m_yamlEdit->toPlainText()));
}

void ConfigureDialog::parseYamlWhileTyping()
{
    // Below this size a parse takes a few milliseconds; a document near the API server's limit
    // takes a large part of a second, which the editor must not freeze for after every pause.
    constexpr qsizetype kBackgroundParseChars = 64 * 1024;
    const QString text = m_yamlEdit->toPlainText();
    if (text.size() < kBackgroundParseChars) {
        showParsed(takeParsed(YamlReader::parseDocument(text)));
        return;
    }
    m_yamlStatus->setText(tr("Checking the YAML…"));
    if (m_yamlParseInFlight)
        return; // one parse at a time; the latest text is parsed when it comes back
    m_yamlParseInFlight = true;
    using Parsed = std::shared_ptr<Result<YamlReader::Document>>;
    auto *watcher = new QFutureWatcher<Parsed>(this);
    connect(watcher, &QFutureWatcher<Parsed>::finished, this, [this, watcher, generation = m_yamlTextGeneration] {
        const Parsed parsed = watcher->result();
        watcher->deleteLater();
        m_yamlParseInFlight = false;
        // Left the page (parsed there at once) or a new pause is pending: nothing to do.
        if (!m_yamlEdited || m_yamlTimer->isActive())
            return;
        if (generation != m_yamlTextGeneration) {
            parseYamlWhileTyping(); // edited meanwhile: this result is for an older text
            return;
        }
        showParsed(takeParsed(std::move(*parsed)));
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [text] {
        return std::make_shared<Result<YamlReader::Document>>(YamlReader::parseDocument(text));
    }));
}

void ConfigureDialog::showParsed(bool valid)
{
    if (valid) {
        revalidate();
    } else {
        showProblems({});
        updateButtons();
    }
}

bool ConfigureDialog::takeParsed(Result<YamlReader::Document> parsed)
{
    if (!parsed) {
        m_yamlValid = false;
        m_yamlError = parsed.error();
        return false;
    }
    if (!parsed->value.isObject() && !parsed->value.isNull()) {
        m_yamlValid = false;
        m_yamlError = Error::make(QStringLiteral("YamlSyntax"), tr("The spec must be a mapping of fields."));
        m_yamlError.line = 1;
        m_yamlError.column = 1;
        return false;
    }
    m_yamlValid = true;
    m_yamlError = Error();
    m_yamlDocument = std::move(parsed.value());
    m_spec = m_yamlDocument.value.toObject();
    return true;
}

void ConfigureDialog::syncYamlFromSpec()
{
    // Keep the user's text (comments, order) when it already says the same.
    if (m_yamlValid && m_yamlDocument.value.toObject() == m_spec && !m_yamlEdit->document()->isEmpty())
        return;
    const QString text = specYaml(m_spec);
    m_loading = true;
    m_yamlEdit->setPlainText(text);
    m_loading = false;
    m_yamlEdited = false;
    Result<YamlReader::Document> parsed = YamlReader::parseDocument(text);
    if (parsed) {
        m_yamlDocument = std::move(parsed.value());
        m_yamlValid = true;
        m_yamlError = Error();
    }
}

void ConfigureDialog::syncHaFromTable()
{
    QJsonObject configuration;
    for (const auto &entry : m_configTable->entries())
        configuration.insert(entry.first, entry.second);
    const bool on = FlinkConfiguration({{QStringLiteral("flinkConfiguration"), configuration}}).kubernetesHa();
    const QSignalBlocker blockCheck(m_haCheck);
    m_haCheck->setChecked(on);
    m_haStorageDir->setEnabled(on);
    const QString dir = m_configTable->value(kHaStorage);
    if (m_haStorageDir->text() != dir)
        m_haStorageDir->setText(dir);
}

void ConfigureDialog::onHaToggled(bool on)
{
    if (on) {
        m_configTable->setValue(kHaType, QStringLiteral("kubernetes"));
        if (m_configTable->value(kHaStorage).trimmed().isEmpty()) {
            // Ask for the directory where it is typed: next to the switch.
            const QString checkpoints = m_configTable->value(QStringLiteral("state.checkpoints.dir"));
            const qsizetype slash = checkpoints.lastIndexOf(QLatin1Char('/'));
            if (slash > 0)
                m_haStorageDir->setPlaceholderText(tr("e.g. %1").arg(checkpoints.left(slash) + QStringLiteral("/ha")));
            m_haStorageDir->setEnabled(true);
            m_haStorageDir->setFocus();
        }
    } else {
        m_configTable->removeKey(kHaType);
        m_configTable->removeKey(kHaStorage);
        if (m_configTable->value(QStringLiteral("high-availability"))
                .compare(QLatin1String("kubernetes"), Qt::CaseInsensitive)
            == 0)
            m_configTable->removeKey(QStringLiteral("high-availability"));
    }
    syncHaFromTable();
}

void ConfigureDialog::onTemplateChosen(int index)
{
    const DeploymentTemplates::Template chosen = DeploymentTemplates::byId(m_templateCombo->itemData(index).toString());
    m_templateDescription->setText(chosen.description);
    QJsonObject object = chosen.object;
    m_yamlDocument = YamlReader::Document();
    loadObject(object);
    m_banner->hide();
}

void ConfigureDialog::onTabChanged(int index)
{
    if (m_switching)
        return;
    const Page target = static_cast<Page>(index);
    if (m_page == Page::Yaml && target != Page::Yaml && m_yamlEdited) {
        if (!parseYaml()) {
            m_switching = true;
            m_tabs->setCurrentIndex(static_cast<int>(Page::Yaml));
            m_switching = false;
            m_yamlBlockedBanner = true;
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The YAML does not parse (line %1, column %2: %3). Fix it before leaving "
                                     "the YAML page.")
                                      .arg(m_yamlError.line)
                                      .arg(m_yamlError.column)
                                      .arg(m_yamlError.message));
            showProblems({});
            updateButtons();
            return;
        }
        m_yamlEdited = false;
        loadForm(m_spec);
        revalidate();
    }
    m_page = target;
    if (target == Page::Yaml)
        syncYamlFromSpec();
    if (target == Page::Review)
        refreshReview();
    if (m_yamlBlockedBanner) {
        m_yamlBlockedBanner = false;
        m_banner->hide();
    }
    revalidate();
}

bool ConfigureDialog::setCurrentPage(Page page)
{
    m_tabs->setCurrentIndex(static_cast<int>(page));
    return m_page == page;
}

// --- problems -----------------------------------------------------------------------------------------------

QList<ConfigureDialog::Problem> ConfigureDialog::collectProblems() const
{
    QList<Problem> problems;
    if (m_mode == Mode::Create) {
        const QString nameProblem = SpecChecks::checkName(m_nameEdit->text().trimmed());
        if (!nameProblem.isEmpty())
            problems.append({QStringLiteral("metadata.name"), nameProblem});
        if (m_namespaceEdit->text().trimmed().isEmpty())
            problems.append({QStringLiteral("metadata.namespace"), tr("Choose the namespace to create it in.")});
    }
    for (const SpecChecks::Problem &p : SpecChecks::check(m_spec))
        problems.append({p.field, p.message});
    if (!m_validator.isNull()) {
        const QJsonObject wrapped{{QString(kSpec), m_spec}};
        QJsonObject pruned = wrapped;
        const QList<FieldError> errors = m_validator.validate(&pruned);
        for (const FieldError &e : errors)
            problems.append({specField(e.field), e.message});
        QStringList dropped;
        collectPruned(m_spec, pruned.value(kSpec).toObject(), QString(), &dropped);
        for (const QString &field : std::as_const(dropped))
            problems.append({field,
                             tr("Unknown field \u201c%1\u201d: the cluster's schema does not have it, so "
                                "it would be dropped.")
                                 .arg(field.section(QLatin1Char('.'), -1))});
    }
    return problems;
}

QStringList ConfigureDialog::problems() const
{
    QStringList messages;
    if (!m_yamlValid)
        messages.append(m_yamlError.message);
    for (const Problem &p : m_problems)
        messages.append(p.message);
    return messages;
}

QLabel *ConfigureDialog::errorLabelFor(const QString &field) const
{
    static const QRegularExpression index(QStringLiteral("\\[[0-9]+\\]"));
    QString key = field;
    key.remove(index);
    while (!key.isEmpty()) {
        if (QLabel *label = m_errorLabels.value(key))
            return label;
        const qsizetype dot = key.lastIndexOf(QLatin1Char('.'));
        key.truncate(std::max<qsizetype>(dot, 0));
    }
    return nullptr;
}

void ConfigureDialog::revalidate()
{
    m_problems = collectProblems();
    showProblems(m_problems + m_serverProblems);
    updateButtons();
}

void ConfigureDialog::showProblems(const QList<Problem> &problems)
{
    // On the form: next to the field (unknown fields at the top of the form).
    QHash<QLabel *, QStringList> texts;
    for (const Problem &p : problems) {
        QLabel *label = errorLabelFor(p.field);
        if (!label) {
            label = m_formErrorLabel;
            texts[label].append(p.field.isEmpty() ? p.message : tr("%1: %2").arg(p.field, p.message));
        } else {
            texts[label].append(p.message);
        }
    }
    for (QLabel *label : std::as_const(m_allErrorLabels)) {
        if (label == m_reviewProblems || label == m_conflictOverlap)
            continue;
        const QStringList lines = texts.value(label);
        label->setText(lines.join(QLatin1Char('\n')));
        label->setVisible(!lines.isEmpty());
    }

    // On the YAML page: a list with line and column, and the lines marked in the editor.
    m_yamlErrors->clear();
    QList<QTextEdit::ExtraSelection> selections;
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat mark;
    mark.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    mark.setUnderlineColor(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd3, 0x3a, 0x2c));
    QTextCharFormat lineMark;
    lineMark.setBackground(dark ? QColor(0x4a, 0x22, 0x24) : QColor(0xfd, 0xe7, 0xe6));
    lineMark.setProperty(QTextFormat::FullWidthSelection, true);
    const auto addItem = [&](int line, int column, const QString &text) {
        auto *item = new QListWidgetItem(line > 0 ? tr("Line %1, column %2: %3").arg(line).arg(column).arg(text) : text,
                                         m_yamlErrors);
        item->setData(Qt::UserRole, line);
        item->setData(Qt::UserRole + 1, column);
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
        if (line > 0) {
            QTextEdit::ExtraSelection wholeLine;
            wholeLine.cursor = QTextCursor(m_yamlEdit->document()->findBlockByNumber(line - 1));
            wholeLine.format = lineMark;
            selections.append(wholeLine);
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(m_yamlEdit->document()->findBlockByNumber(line - 1));
            selection.cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::max(0, column - 1));
            selection.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            if (!selection.cursor.hasSelection())
                selection.cursor.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
            selection.format = mark;
            selections.append(selection);
        }
    };
    if (!m_yamlValid) {
        addItem(m_yamlError.line, m_yamlError.column, m_yamlError.message);
        m_yamlStatus->setText(tr("The YAML does not parse: fix the error below to continue."));
    } else {
        for (const Problem &p : problems) {
            if (p.field.startsWith(QLatin1String("metadata.")))
                continue;
            const YamlReader::Location at = YamlReader::locate(m_yamlDocument, p.field);
            addItem(at.line, at.column, p.field.isEmpty() ? p.message : tr("%1: %2").arg(p.field, p.message));
        }
        m_yamlStatus->setText(m_yamlErrors->count() == 0
                                  ? (hasSchema() ? tr("The YAML is valid against the cluster's schema.")
                                                 : tr("The YAML parses; the cluster's schema has not arrived yet."))
                                  : tr("%n problem(s) to fix before applying:", nullptr, m_yamlErrors->count()));
    }
    m_yamlErrors->setVisible(m_yamlErrors->count() > 0);
    m_yamlEdit->setExtraSelections(selections);
}

void ConfigureDialog::setSchema(const QJsonObject &openApiV3Schema)
{
    const QJsonObject specSchema
        = openApiV3Schema.value(QLatin1String("properties")).toObject().value(kSpec).toObject();
    if (specSchema.isEmpty()) {
        m_validator = SchemaValidator();
    } else {
        m_validator = SchemaValidator(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), QJsonObject{{QString(kSpec), specSchema}}},
        });
    }
    QStringList versions;
    const QJsonArray enumValues = specSchema.value(QLatin1String("properties"))
                                      .toObject()
                                      .value(QLatin1String("flinkVersion"))
                                      .toObject()
                                      .value(QLatin1String("enum"))
                                      .toArray();
    for (const QJsonValue &v : enumValues)
        versions.append(v.toString());
    setFlinkVersions(versions.isEmpty() ? defaultFlinkVersions() : versions);
    revalidate();
    if (m_page == Page::Review)
        refreshReview();
}

void ConfigureDialog::setFlinkVersions(const QStringList &versions)
{
    m_flinkVersions = versions;
    const QString current = m_flinkVersion->currentData().toString();
    const bool wasLoading = m_loading;
    m_loading = true;
    m_flinkVersion->clear();
    for (const QString &version : versions) {
        // v1_20 → "1.20 (v1_20)"
        QString readable = version.mid(1);
        readable.replace(QLatin1Char('_'), QLatin1Char('.'));
        m_flinkVersion->addItem(tr("Flink %1").arg(readable), version);
    }
    setComboValue(m_flinkVersion, current);
    m_loading = wasLoading;
}

// --- review ---------------------------------------------------------------------------------------------

QString ConfigureDialog::reviewSentence(const QJsonObject &before, const QJsonObject &after)
{
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
    case ChangeClass::Restart:
        if (suspendedBefore && suspendedAfter)
            return tr("The job stays suspended: the change takes effect when it starts.");
        if (mode == QLatin1String("savepoint"))
            return tr("This change restarts the job: a savepoint is taken, then the job is redeployed from it.");
        if (mode == QLatin1String("last-state"))
            return tr("This change restarts the job from its latest checkpoint.");
        return tr("This change restarts the job with empty state.");
    }
    return tr("Nothing to apply.");
}

void ConfigureDialog::refreshReview()
{
    const QString after = specYaml(m_spec);
    if (m_mode == Mode::Create) {
        const QJsonObject job = m_spec.value(QLatin1String("job")).toObject();
        const QString initial = job.value(QLatin1String("initialSavepointPath")).toString();
        if (job.value(QLatin1String("state")).toString() == kSuspended)
            m_reviewSentence->setText(tr("The deployment is created suspended: its job does not start until you "
                                         "start it."));
        else if (!initial.isEmpty())
            m_reviewSentence->setText(
                tr("The deployment is created and its job starts from savepoint %1.").arg(initial));
        else
            m_reviewSentence->setText(tr("The deployment is created and its job starts with empty state."));
        m_reviewSummary->setText(
            tr("Creates FlinkDeployment \u201c%1\u201d in namespace \u201c%2\u201d with this spec:")
                .arg(m_nameEdit->text().trimmed(), m_namespaceEdit->text().trimmed()));
        m_reviewDiff->setTexts(QString(), after);
    } else {
        m_reviewSentence->setText(reviewSentence(m_baseSpec, m_spec));
        m_reviewDiff->setTexts(specYaml(m_baseSpec), after, tr("The spec is unchanged."));
        const int added = m_reviewDiff->addedCount();
        const int removed = m_reviewDiff->removedCount();
        m_reviewSummary->setText(added + removed == 0 ? tr("You have not changed anything yet.")
                                                      : tr("Current \u2192 new spec: %1, %2.")
                                                            .arg(tr("%n line(s) added", nullptr, added),
                                                                 tr("%n line(s) removed", nullptr, removed)));
    }
    const QStringList blocking = problems();
    m_reviewProblems->setText(
        blocking.isEmpty() ? QString() : tr("Fix these first: %1").arg(blocking.join(QStringLiteral(" \u2022 "))));
    m_reviewProblems->setVisible(!blocking.isEmpty());
}

void ConfigureDialog::updateButtons()
{
    const bool blocked = !m_yamlValid || !m_problems.isEmpty();
    const bool onReview = m_page == Page::Review;
    const bool conflict = m_stack->currentIndex() == 1;
    m_applyButton->setText(onReview ? (m_mode == Mode::Create ? tr("&Create") : tr("&Apply")) : tr("Ne&xt"));
    m_applyButton->setToolTip(onReview ? tr("Send the change to the cluster")
                                       : tr("Review the change before applying it"));
    bool enabled = !blocked && !m_applying && !conflict && !m_changeSent;
    if (onReview && m_mode == Mode::Configure && enabled)
        enabled = m_spec != m_baseSpec;
    m_applyButton->setEnabled(enabled);
    m_applyButton->setVisible(!conflict);
    m_backButton->setVisible(onReview && !conflict);
    m_backButton->setEnabled(!m_applying);
    m_tabs->setEnabled(!m_applying);
    if (m_templateCombo)
        m_templateCombo->setEnabled(!m_applying);
}

// --- applying -----------------------------------------------------------------------------------------------

ActionRequest ConfigureDialog::request() const
{
    ActionRequest request;
    request.kind = m_mode == Mode::Create ? ActionKind::Create : ActionKind::Configure;
    const QJsonObject metadata = m_object.value(kMetadata).toObject();
    if (m_mode == Mode::Configure) {
        request.deploymentUid = metadata.value(QLatin1String("uid")).toString();
        request.ns = metadata.value(QLatin1String("namespace")).toString();
        request.name = metadata.value(QLatin1String("name")).toString();
        request.baseResourceVersion = metadata.value(QLatin1String("resourceVersion")).toString();
        request.baseSpec = m_baseSpec;
    } else {
        request.ns = m_namespaceEdit->text().trimmed();
        request.name = m_nameEdit->text().trimmed();
        QJsonObject newMetadata{{QStringLiteral("name"), request.name}, {QStringLiteral("namespace"), request.ns}};
        const QJsonValue labels = metadata.value(QLatin1String("labels"));
        if (labels.isObject() && !labels.toObject().isEmpty())
            newMetadata.insert(QStringLiteral("labels"), labels);
        request.newMetadata = newMetadata;
    }
    request.newSpec = m_spec;
    return request;
}

void ConfigureDialog::onApplyClicked()
{
    if (m_page != Page::Review) {
        setCurrentPage(Page::Review);
        return;
    }
    if (!m_yamlValid || !m_problems.isEmpty())
        return;
    ActionRequest next = request();
    next.id = nextRequestId();
    startApply(next);
}

void ConfigureDialog::startApply(const ActionRequest &request)
{
    m_applying = true;
    m_banner->hide();
    m_progress->show();
    m_progressLabel->setText(m_mode == Mode::Create ? tr("Creating the deployment\u2026")
                                                    : tr("Sending your change to the cluster\u2026"));
    m_progressLabel->show();
    updateButtons();
    emit applyRequested(request);
}

void ConfigureDialog::finishApplying()
{
    m_applying = false;
    m_progress->hide();
    m_progressLabel->hide();
    updateButtons();
}

void ConfigureDialog::showResult(const ActionResult &result)
{
    if (!m_applying)
        return;
    finishApplying();
    if (result.outcome != ActionResult::Outcome::Succeeded && result.writtenGeneration > 0) {
        // The change is on the server: applying it again from this dialog's base would be refused as a
        // conflict with itself. The page follows what the operator does with it.
        m_changeSent = true;
        updateButtons();
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Your change reached the cluster (generation %1), but: %2 Close this dialog to "
                                 "follow the deployment; Configure then starts from its spec as it is.")
                                  .arg(result.writtenGeneration)
                                  .arg(result.summary));
        return;
    }
    switch (result.outcome) {
    case ActionResult::Outcome::Succeeded:
        accept();
        return;
    case ActionResult::Outcome::Conflict:
        showConflict(result);
        return;
    case ActionResult::Outcome::Failed:
        if (result.error.httpStatus == 422 || !result.error.causes.isEmpty()) {
            showFieldErrors(result.error);
            return;
        }
        break;
    case ActionResult::Outcome::Refused:
    case ActionResult::Outcome::Abandoned:
    case ActionResult::Outcome::TimedOut:
        break;
    }
    QString message = result.error.message.isEmpty() ? result.summary : result.error.message;
    if (message.isEmpty())
        message = tr("The change was not applied.");
    m_banner->showMessage(MessageBanner::Kind::Error, tr("Could not apply the change: %1").arg(message));
}

void ConfigureDialog::showFieldErrors(const Error &error)
{
    m_serverProblems.clear();
    QStringList unplaced;
    for (const Error::Cause &cause : error.causes) {
        const QString field = specField(cause.field);
        if (!field.isEmpty() && errorLabelFor(field) && !(m_mode == Mode::Configure && field.startsWith(kMetadata)))
            m_serverProblems.append({field, cause.message});
        else
            unplaced.append(cause.field.isEmpty() ? cause.message : tr("%1: %2").arg(cause.field, cause.message));
    }
    QString text = tr("The cluster rejected the change; the fields it named are marked.");
    if (!unplaced.isEmpty())
        text = tr("The cluster rejected the change: %1").arg(unplaced.join(QStringLiteral("; ")));
    else if (error.causes.isEmpty() && !error.message.isEmpty())
        text = tr("The cluster rejected the change: %1").arg(error.message);
    m_banner->showMessage(MessageBanner::Kind::Error, text);
    setCurrentPage(Page::Form);
    revalidate();
}

void ConfigureDialog::showConflict(const ActionResult &result)
{
    m_conflictServer = result.serverObject;
    m_conflictMine = m_spec;
    const QJsonObject serverSpec = m_conflictServer.value(kSpec).toObject();
    const QString before = m_baseSpec.isEmpty() ? QString() : specYaml(m_baseSpec);
    const QString oldVersion = m_object.value(kMetadata).toObject().value(QLatin1String("resourceVersion")).toString();
    const QString newVersion
        = m_conflictServer.value(kMetadata).toObject().value(QLatin1String("resourceVersion")).toString();
    m_conflictSummary->setText(
        tr("Nothing was written. The deployment is at version %1 on the server; you edited version %2. Choose "
           "whether to apply your change on top of theirs or to drop it.")
            .arg(newVersion.isEmpty() ? tr("(unknown)") : newVersion,
                 oldVersion.isEmpty() ? tr("(unknown)") : oldVersion));
    if (m_conflictServer.isEmpty()) {
        m_conflictDiff->setTexts(QString(), QString(),
                                 tr("The server did not send its version of the deployment. Discard your change "
                                    "to reload it."));
    } else {
        m_conflictDiff->setTexts(before, specYaml(serverSpec),
                                 tr("The spec is the same; only the deployment's status or metadata changed."));
    }
    m_conflictMineDiff->setTexts(before, specYaml(m_spec), tr("You have not changed the spec."));

    // Fields both sides changed: re-applying sets them to your values, so say which.
    QSet<QString> theirs;
    for (const SpecChange &change : SpecDiff::diff(m_baseSpec, serverSpec))
        theirs.insert(change.path);
    QStringList both;
    for (const SpecChange &change : SpecDiff::diff(m_baseSpec, m_spec)) {
        if (theirs.contains(change.path))
            both.append(change.path);
    }
    m_conflictOverlap->setText(
        both.isEmpty()
            ? QString()
            : tr("Both of you changed %1. Re-applying sets your values there.").arg(both.join(QStringLiteral(", "))));
    m_conflictOverlap->setVisible(!both.isEmpty());
    m_reapplyButton->setEnabled(!m_conflictServer.isEmpty());
    m_stack->setCurrentIndex(1);
    m_banner->showMessage(MessageBanner::Kind::Warning,
                          tr("The deployment changed on the server since you opened it; your change was not "
                             "applied."));
    updateButtons();
}

void ConfigureDialog::startFrom(const QJsonObject &spec)
{
    m_spec = spec;
    m_yamlDocument = YamlReader::Document();
    loadForm(m_spec);
    syncYamlFromSpec();
    revalidate();
    setCurrentPage(m_problems.isEmpty() ? Page::Review : Page::Form);
}

void ConfigureDialog::reapplyOnTop()
{
    const QJsonObject serverSpec = m_conflictServer.value(kSpec).toObject();
    const QJsonObject mine = json::createMergePatch(m_baseSpec, m_conflictMine);
    const QJsonObject merged = json::applyMergePatch(serverSpec, mine).toObject();

    // The server's object becomes the base; the edit is now "theirs + mine".
    m_object = m_conflictServer;
    m_baseSpec = serverSpec;
    m_spec = merged;
    m_conflictServer = QJsonObject();
    m_yamlDocument = YamlReader::Document();
    loadForm(m_spec);
    syncYamlFromSpec();
    m_stack->setCurrentIndex(0);
    m_banner->hide();
    revalidate();
    if (!m_problems.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Your change on top of the new version does not pass the checks: fix the "
                                 "marked fields, then apply again."));
        setCurrentPage(Page::Form);
        return;
    }
    setCurrentPage(Page::Review);
    ActionRequest next = request();
    next.id = nextRequestId();
    next.reapplyOnTop = true;
    startApply(next);
}

void ConfigureDialog::discardMine()
{
    const QJsonObject server = m_conflictServer;
    m_conflictServer = QJsonObject();
    m_stack->setCurrentIndex(0);
    m_yamlDocument = YamlReader::Document();
    loadObject(server);
    setCurrentPage(Page::Form);
    m_banner->showMessage(
        MessageBanner::Kind::Information,
        tr("Your change was discarded. The form shows the deployment as it is on the server now "
           "(version %1).")
            .arg(server.value(kMetadata).toObject().value(QLatin1String("resourceVersion")).toString()));
}

// --- appearance -----------------------------------------------------------------------------------------

void ConfigureDialog::updateColours()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QColor error = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    for (QLabel *label : std::as_const(m_allErrorLabels)) {
        QPalette pal = label->palette();
        pal.setColor(QPalette::WindowText, error);
        label->setPalette(pal);
    }
    QColor muted = palette().color(QPalette::WindowText);
    muted.setAlphaF(0.7);
    const QList<QLabel *> labels = findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (!label->property("capstanNote").toBool())
            continue;
        QPalette pal = label->palette();
        pal.setColor(QPalette::WindowText, muted);
        label->setPalette(pal);
    }
    if (m_highlighter)
        m_highlighter->setPalette(palette());
}

void ConfigureDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

} // namespace capstan
