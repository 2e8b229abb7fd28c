#include "ui/configure/configureformpage.h"

#include "flink/flinkconfiguration.h"
#include "ui/widgets/argumentlisteditor.h"
#include "vvp/vvpartifact.h"
#include "json/jsontools.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace capstan {

namespace {
const QLatin1String kHaType("high-availability.type");
const QLatin1String kHaStorage("high-availability.storageDir");

const QLatin1String kPlatformHa("high-availability");
const QLatin1String kPlatformHaValue("vvp-kubernetes");

// The Flink versions a platform Deployment names in its artifact; others it names are kept as they are.
const QStringList &platformFlinkVersions()
{
    static const QStringList versions{
        QStringLiteral("1.15"), QStringLiteral("1.16"), QStringLiteral("1.17"), QStringLiteral("1.18"),
        QStringLiteral("1.19"), QStringLiteral("1.20"), QStringLiteral("2.0"),
    };
    return versions;
}

const QStringList &defaultFlinkVersions()
{
    static const QStringList versions{
        QStringLiteral("v1_13"), QStringLiteral("v1_14"), QStringLiteral("v1_15"), QStringLiteral("v1_16"),
        QStringLiteral("v1_17"), QStringLiteral("v1_18"), QStringLiteral("v1_19"), QStringLiteral("v1_20"),
        QStringLiteral("v2_0"),  QStringLiteral("v2_1"),  QStringLiteral("v2_2"),
    };
    return versions;
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

QString upgradeModeExplanation(const QString &mode)
{
    if (mode == QLatin1String("savepoint"))
        return ConfigureFormPage::tr("Every upgrade takes a savepoint first and starts the new job from it; if "
                                     "the job is unhealthy, the latest checkpoint is used instead.");
    if (mode == QLatin1String("last-state"))
        return ConfigureFormPage::tr("Every upgrade restarts the job from its latest checkpoint, found through "
                                     "Kubernetes HA metadata; works even when the job is failing.");
    if (mode == QLatin1String("stateless"))
        return ConfigureFormPage::tr("Every upgrade starts the job again with empty state; nothing is carried over.");
    return ConfigureFormPage::tr("An upgrade mode the operator does not know: choose one of the three.");
}

QString upgradeStrategyExplanation(const QString &kind)
{
    if (kind == QLatin1String("STATEFUL"))
        return ConfigureFormPage::tr("A change to the running deployment suspends the job with a savepoint (origin "
                                     "SUSPEND_AND_UPGRADE) and starts the new job from it.");
    if (kind == QLatin1String("STATELESS"))
        return ConfigureFormPage::tr("A change to the running deployment cancels the job without a savepoint and "
                                     "starts the new job without its state.");
    if (kind == QLatin1String("NONE"))
        return ConfigureFormPage::tr("A change leaves the running job alone: it applies when the deployment is "
                                     "started the next time.");
    return ConfigureFormPage::tr("An upgrade strategy Ververica Platform does not know: choose one of the three.");
}

QString restoreStrategyExplanation(const QString &kind)
{
    if (kind == QLatin1String("LATEST_STATE"))
        return ConfigureFormPage::tr("A start restores the latest state the platform knows of: the newest savepoint "
                                     "or retained checkpoint, found through Kubernetes HA.");
    if (kind == QLatin1String("LATEST_SAVEPOINT"))
        return ConfigureFormPage::tr("A start restores the newest savepoint; checkpoints are not used.");
    if (kind == QLatin1String("NONE"))
        return ConfigureFormPage::tr("A start begins with empty state, even when savepoints exist.");
    return ConfigureFormPage::tr("A restore strategy Ververica Platform does not know: choose one of the three.");
}

// A field with its explanation and its error under it.
QWidget *cell(QWidget *page, QWidget *field, QLabel *error, QLabel *note = nullptr)
{
    auto *widget = new QWidget(page);
    auto *v = new QVBoxLayout(widget);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(field);
    if (note)
        v->addWidget(note);
    v->addWidget(error);
    return widget;
}

QFormLayout *formLayout(QGroupBox *box)
{
    auto *f = new QFormLayout(box);
    f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    f->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    f->setRowWrapPolicy(QFormLayout::DontWrapRows);
    return f;
}

QWidget *leftAligned(QWidget *parent, QWidget *w)
{
    auto *holder = new QWidget(parent);
    auto *h = new QHBoxLayout(holder);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(w);
    h->addStretch(1);
    return holder;
}

// Label buddies for Alt+letter, and one label column width for all groups.
void alignLabels(const QList<QFormLayout *> &forms, const QList<QFormLayout *> &withBuddies)
{
    int labelWidth = 0;
    for (QFormLayout *f : forms) {
        for (int row = 0; row < f->rowCount(); ++row) {
            if (QLayoutItem *item = f->itemAt(row, QFormLayout::LabelRole); item && item->widget())
                labelWidth = std::max(labelWidth, item->widget()->sizeHint().width());
        }
    }
    for (QFormLayout *f : forms) {
        for (int row = 0; row < f->rowCount(); ++row) {
            QLayoutItem *item = f->itemAt(row, QFormLayout::LabelRole);
            if (auto *label = item ? qobject_cast<QLabel *>(item->widget()) : nullptr) {
                label->setMinimumWidth(labelWidth);
                label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
        }
    }
    for (QFormLayout *f : withBuddies) {
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
}
} // namespace

const ConfigureFormPage::Fields &ConfigureFormPage::fieldsOf(Backend backend)
{
    static const Fields operatorFields{
        QStringLiteral("job.jarURI"),
        QStringLiteral("job.entryClass"),
        QStringLiteral("job.args"),
        QStringLiteral("job.parallelism"),
        QStringLiteral("job.upgradeMode"),
        QString(),
        QString(),
        QStringLiteral("job.state"),
        QStringLiteral("flinkVersion"),
        QStringLiteral("image"),
        QStringLiteral("jobManager.resource.cpu"),
        QStringLiteral("jobManager.resource.memory"),
        QStringLiteral("taskManager.resource.cpu"),
        QStringLiteral("taskManager.resource.memory"),
        QStringLiteral("taskManager.replicas"),
        QStringLiteral("flinkConfiguration"),
    };
    static const Fields platformFields{
        QStringLiteral("template.spec.artifact.jarUri"),
        QStringLiteral("template.spec.artifact.entryClass"),
        QStringLiteral("template.spec.artifact.mainArgs"),
        QStringLiteral("template.spec.parallelism"),
        QStringLiteral("upgradeStrategy.kind"),
        QStringLiteral("restoreStrategy.kind"),
        QStringLiteral("restoreStrategy.allowNonRestoredState"),
        QStringLiteral("state"),
        QStringLiteral("template.spec.artifact.flinkVersion"),
        QStringLiteral("template.spec.artifact.flinkImageRepository"),
        QStringLiteral("template.spec.resources.jobmanager.cpu"),
        QStringLiteral("template.spec.resources.jobmanager.memory"),
        QStringLiteral("template.spec.resources.taskmanager.cpu"),
        QStringLiteral("template.spec.resources.taskmanager.memory"),
        QStringLiteral("template.spec.numberOfTaskManagers"),
        QStringLiteral("template.spec.flinkConfiguration"),
    };
    return backend == Backend::Platform ? platformFields : operatorFields;
}

QString ConfigureFormPage::upgradeExplanation() const
{
    const QString value = m_upgradeMode->currentData().toString();
    return m_backend == Backend::Platform ? upgradeStrategyExplanation(value) : upgradeModeExplanation(value);
}

QString ConfigureFormPage::restoreExplanation() const
{
    return m_restoreStrategy ? restoreStrategyExplanation(m_restoreStrategy->currentData().toString()) : QString();
}

ConfigureFormPage::ConfigureFormPage(bool withMetadata, Backend backend, QWidget *parent)
    : QScrollArea(parent)
    , m_backend(backend)
{
    setObjectName(QStringLiteral("formPage"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setSpacing(10);

    m_formErrorLabel = addErrorLabel(QStringLiteral("formErrorLabel"), {});
    pageLayout->addWidget(m_formErrorLabel);

    QFormLayout *metadataForm = withMetadata ? buildMetadataGroup(page, pageLayout) : nullptr;
    QFormLayout *jobForm = buildJobGroup(page, pageLayout);
    QFormLayout *clusterForm = buildClusterGroup(page, pageLayout);
    buildConfigurationGroup(page, pageLayout);
    pageLayout->addStretch(1);
    setWidget(page);

    QList<QFormLayout *> forms{jobForm, clusterForm};
    if (metadataForm)
        forms.append(metadataForm);
    alignLabels(forms, {jobForm, clusterForm});
    bindFields();
    connectFields();
}

ConfigureFormPage::~ConfigureFormPage() = default;

QLabel *ConfigureFormPage::addErrorLabel(const QString &objectName, const QStringList &fields)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setProperty("capstanError", true); // coloured by ConfigureDialog::updateColours()
    label->hide();
    for (const QString &field : fields)
        m_errorLabels.insert(field, label);
    m_allErrorLabels.append(label);
    return label;
}

QFormLayout *ConfigureFormPage::buildMetadataGroup(QWidget *page, QVBoxLayout *pageLayout)
{
    auto *box = new QGroupBox(tr("Deployment"), page);
    QFormLayout *f = formLayout(box);
    m_nameEdit = new QLineEdit(box);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setAccessibleName(tr("Deployment name"));
    m_nameEdit->setPlaceholderText(tr("e.g. github-analytics"));
    m_namespaceEdit = new QLineEdit(box);
    m_namespaceEdit->setObjectName(QStringLiteral("namespaceEdit"));
    m_namespaceEdit->setAccessibleName(tr("Namespace"));
    m_namespaceEdit->setPlaceholderText(tr("e.g. flink"));
    f->addRow(
        tr("&Name:"),
        cell(page, m_nameEdit, addErrorLabel(QStringLiteral("nameErrorLabel"), {QStringLiteral("metadata.name")})));
    f->addRow(tr("Namespa&ce:"),
              cell(page, m_namespaceEdit,
                   addErrorLabel(QStringLiteral("namespaceErrorLabel"), {QStringLiteral("metadata.namespace")})));
    pageLayout->addWidget(box);
    return f;
}

QFormLayout *ConfigureFormPage::buildJobGroup(QWidget *page, QVBoxLayout *pageLayout)
{
    const bool platform = m_backend == Backend::Platform;
    const Fields &f = fields();
    auto *jobBox = new QGroupBox(tr("Job"), page);
    QFormLayout *jobForm = formLayout(jobBox);
    m_jarUriEdit = new QLineEdit(jobBox);
    m_jarUriEdit->setObjectName(QStringLiteral("jarUriEdit"));
    m_jarUriEdit->setAccessibleName(tr("Jar URI"));
    m_jarUriEdit->setPlaceholderText(platform ? tr("e.g. s3://artifacts/job.jar or https://…/job.jar")
                                              : tr("local:///opt/flink/usrlib/job.jar"));
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
    if (platform) {
        m_upgradeMode->setAccessibleName(tr("Upgrade strategy"));
        m_upgradeMode->addItem(tr("Stateful"), QStringLiteral("STATEFUL"));
        m_upgradeMode->addItem(tr("Stateless"), QStringLiteral("STATELESS"));
        m_upgradeMode->addItem(tr("None"), QStringLiteral("NONE"));
    } else {
        m_upgradeMode->setAccessibleName(tr("Upgrade mode"));
        m_upgradeMode->addItem(tr("Savepoint"), QStringLiteral("savepoint"));
        m_upgradeMode->addItem(tr("Last state"), QStringLiteral("last-state"));
        m_upgradeMode->addItem(tr("Stateless"), QStringLiteral("stateless"));
    }
    m_upgradeMode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_upgradeModeExplanation = new QLabel(jobBox);
    m_upgradeModeExplanation->setObjectName(QStringLiteral("upgradeModeExplanationLabel"));
    m_upgradeModeExplanation->setWordWrap(true);
    m_upgradeModeExplanation->setProperty("capstanNote", true); // muted by ConfigureDialog::updateColours()
    m_jobState = new QComboBox(jobBox);
    m_jobState->setObjectName(QStringLiteral("jobStateComboBox"));
    if (platform) {
        m_jobState->setAccessibleName(tr("Desired state"));
        m_jobState->addItem(tr("Running"), QStringLiteral("RUNNING"));
        m_jobState->addItem(tr("Suspended"), QStringLiteral("SUSPENDED"));
        m_jobState->addItem(tr("Cancelled"), QStringLiteral("CANCELLED"));
    } else {
        m_jobState->setAccessibleName(tr("Job state"));
        m_jobState->addItem(tr("Running"), QStringLiteral("running"));
        m_jobState->addItem(tr("Suspended"), QStringLiteral("suspended"));
    }
    m_jobState->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    jobForm->addRow(tr("&Jar URI:"),
                    cell(page, m_jarUriEdit, addErrorLabel(QStringLiteral("jarUriErrorLabel"), {f.jarUri})));
    jobForm->addRow(
        tr("&Entry class:"),
        cell(page, m_entryClassEdit, addErrorLabel(QStringLiteral("entryClassErrorLabel"), {f.entryClass})));
    jobForm->addRow(tr("Ar&guments:"),
                    cell(page, m_arguments, addErrorLabel(QStringLiteral("argumentsErrorLabel"), {f.arguments})));
    jobForm->addRow(tr("&Parallelism:"),
                    cell(page, leftAligned(jobBox, m_parallelism),
                         addErrorLabel(QStringLiteral("parallelismErrorLabel"), {f.parallelism})));
    jobForm->addRow(platform ? tr("&Upgrade strategy:") : tr("&Upgrade mode:"),
                    cell(page, leftAligned(jobBox, m_upgradeMode),
                         addErrorLabel(QStringLiteral("upgradeModeErrorLabel"),
                                       {f.upgrade, QStringLiteral("job.initialSavepointPath")}),
                         m_upgradeModeExplanation));
    if (platform) {
        m_restoreStrategy = new QComboBox(jobBox);
        m_restoreStrategy->setObjectName(QStringLiteral("restoreStrategyComboBox"));
        m_restoreStrategy->setAccessibleName(tr("Restore strategy"));
        m_restoreStrategy->addItem(tr("Latest state"), QStringLiteral("LATEST_STATE"));
        m_restoreStrategy->addItem(tr("Latest savepoint"), QStringLiteral("LATEST_SAVEPOINT"));
        m_restoreStrategy->addItem(tr("None"), QStringLiteral("NONE"));
        m_restoreStrategy->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_allowNonRestoredState = new QCheckBox(tr("Allow &non-restored state"), jobBox);
        m_allowNonRestoredState->setObjectName(QStringLiteral("allowNonRestoredStateCheckBox"));
        m_allowNonRestoredState->setToolTip(tr("Start even when the restored state holds operators the new job "
                                               "no longer has; their state is dropped."));
        m_restoreExplanation = new QLabel(jobBox);
        m_restoreExplanation->setObjectName(QStringLiteral("restoreStrategyExplanationLabel"));
        m_restoreExplanation->setWordWrap(true);
        m_restoreExplanation->setProperty("capstanNote", true);
        auto *restoreRow = new QWidget(jobBox);
        auto *h = new QHBoxLayout(restoreRow);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(m_restoreStrategy);
        h->addSpacing(12);
        h->addWidget(m_allowNonRestoredState);
        h->addStretch(1);
        jobForm->addRow(
            tr("&Restore strategy:"),
            cell(page, restoreRow,
                 addErrorLabel(QStringLiteral("restoreStrategyErrorLabel"), {f.restore, f.allowNonRestoredState}),
                 m_restoreExplanation));
    }
    jobForm->addRow(
        platform ? tr("Desired &state:") : tr("Job &state:"),
        cell(page, leftAligned(jobBox, m_jobState), addErrorLabel(QStringLiteral("jobStateErrorLabel"), {f.state})));
    pageLayout->addWidget(jobBox);
    return jobForm;
}

QFormLayout *ConfigureFormPage::buildClusterGroup(QWidget *page, QVBoxLayout *pageLayout)
{
    const bool platform = m_backend == Backend::Platform;
    const Fields &f = fields();
    auto *clusterBox = new QGroupBox(tr("Cluster"), page);
    clusterBox->setObjectName(QStringLiteral("clusterGroupBox"));
    QFormLayout *clusterForm = formLayout(clusterBox);
    m_flinkVersion = new QComboBox(clusterBox);
    m_flinkVersion->setObjectName(QStringLiteral("flinkVersionComboBox"));
    m_flinkVersion->setAccessibleName(tr("Flink version"));
    m_flinkVersion->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setFlinkVersions({});
    m_imageEdit = new QLineEdit(clusterBox);
    m_imageEdit->setObjectName(QStringLiteral("imageEdit"));
    m_imageEdit->setAccessibleName(tr("Container image"));
    m_imageEdit->setPlaceholderText(platform ? tr("Empty: the platform's image for the Flink version")
                                             : tr("flink:1.20"));

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
    m_taskManagerReplicas->setAccessibleName(platform ? tr("Number of TaskManagers") : tr("TaskManager replicas"));
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
    const QStringList imageFields = platform
        ? QStringList{f.image, QStringLiteral("template.spec.artifact.flinkImageRegistry"),
                      QStringLiteral("template.spec.artifact.flinkImageTag")}
        : QStringList{f.image};
    const auto resourceFields = [](const QString &cpu, const QString &memory) {
        return QStringList{cpu.section(QLatin1Char('.'), 0, -2), cpu, memory};
    };
    clusterForm->addRow(tr("Flink &version:"),
                        cell(page, leftAligned(clusterBox, m_flinkVersion),
                             addErrorLabel(QStringLiteral("flinkVersionErrorLabel"), {f.flinkVersion})));
    clusterForm->addRow(tr("&Image:"),
                        cell(page, m_imageEdit, addErrorLabel(QStringLiteral("imageErrorLabel"), imageFields)));
    clusterForm->addRow(tr("J&obManager CPU:"),
                        cell(page, resourceRow(m_jobManagerCpu, m_jobManagerMemory),
                             addErrorLabel(QStringLiteral("jobManagerResourceErrorLabel"),
                                           resourceFields(f.jobManagerCpu, f.jobManagerMemory))));
    clusterForm->addRow(tr("Task&Manager CPU:"),
                        cell(page, resourceRow(m_taskManagerCpu, m_taskManagerMemory),
                             addErrorLabel(QStringLiteral("taskManagerResourceErrorLabel"),
                                           resourceFields(f.taskManagerCpu, f.taskManagerMemory))));
    clusterForm->addRow(platform ? tr("TaskMana&gers:") : tr("TaskManager rep&licas:"),
                        cell(page, leftAligned(clusterBox, m_taskManagerReplicas),
                             addErrorLabel(QStringLiteral("taskManagerReplicasErrorLabel"), {f.taskManagers})));
    pageLayout->addWidget(clusterBox);
    return clusterForm;
}

void ConfigureFormPage::buildConfigurationGroup(QWidget *page, QVBoxLayout *pageLayout)
{
    auto *configBox = new QGroupBox(tr("Flink configuration"), page);
    auto *configLayout = new QVBoxLayout(configBox);
    m_haCheck = new QCheckBox(tr("Enable &Kubernetes HA"), configBox);
    m_haCheck->setObjectName(QStringLiteral("kubernetesHaCheckBox"));
    m_haCheck->setAccessibleName(tr("Enable Kubernetes HA"));
    m_haCheck->setToolTip(m_backend == Backend::Platform
                              ? tr("Sets high-availability: vvp-kubernetes, the platform's Kubernetes HA; needed for "
                                   "the restore strategy Latest state. The platform's blob storage keeps the HA "
                                   "metadata unless a storage directory is given.")
                              : tr("Sets high-availability.type: kubernetes and high-availability.storageDir; "
                                   "needed for last-state upgrades."));
    m_haStorageDir = new QLineEdit(configBox);
    m_haStorageDir->setObjectName(QStringLiteral("haStorageDirEdit"));
    m_haStorageDir->setAccessibleName(tr("HA storage directory"));
    m_haStorageDir->setPlaceholderText(m_backend == Backend::Platform
                                           ? tr("Optional: the platform's blob storage keeps HA metadata")
                                           : tr("Where HA metadata is kept, e.g. s3://bucket/flink/ha"));
    auto *haRow = new QHBoxLayout;
    haRow->addWidget(m_haCheck);
    auto *haDirLabel = new QLabel(tr("Storage &directory:"), configBox);
    haDirLabel->setBuddy(m_haStorageDir);
    haRow->addSpacing(12);
    haRow->addWidget(haDirLabel);
    haRow->addWidget(m_haStorageDir, 1);
    configLayout->addLayout(haRow);
    const QString configuration = fields().configuration;
    configLayout->addWidget(addErrorLabel(QStringLiteral("haErrorLabel"),
                                          {configuration + QStringLiteral(".high-availability"),
                                           configuration + QStringLiteral(".high-availability.type"),
                                           configuration + QStringLiteral(".high-availability.storageDir")}));
    m_configTable = new FlinkConfigTable(configBox);
    m_configTable->setObjectName(QStringLiteral("flinkConfigTable"));
    m_configTable->setAccessibleName(tr("Flink configuration"));
    configLayout->addWidget(m_configTable);
    configLayout->addWidget(addErrorLabel(QStringLiteral("flinkConfigErrorLabel"), {configuration}));
    pageLayout->addWidget(configBox);
}

// Each form field and the spec path it owns.
void ConfigureFormPage::bindFields()
{
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
    const Fields &f = fields();
    const bool platform = m_backend == Backend::Platform;
    // The operator keeps the arguments as a list, the platform as one string it splits itself.
    const auto readArguments = [this, platform]() -> QJsonValue {
        const QStringList args = m_arguments->arguments();
        if (args.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        return platform ? QJsonValue(VvpArtifact::joinArguments(args)) : QJsonValue(QJsonArray::fromStringList(args));
    };
    const auto writeArguments = [this, platform](const QJsonValue &v) {
        QStringList args;
        if (platform) {
            args = VvpArtifact::splitArguments(v.toString());
        } else {
            for (const QJsonValue &item : v.toArray())
                args.append(FlinkConfiguration::text(item));
        }
        m_arguments->setArguments(args);
    };
    const QString defaultUpgrade = platform ? QStringLiteral("STATEFUL") : QStringLiteral("stateless");
    const QString defaultState = platform ? QStringLiteral("RUNNING") : QStringLiteral("running");
    m_bindings = {
        {path(f.jarUri), text(m_jarUriEdit), setText(m_jarUriEdit), {}},
        {path(f.entryClass), text(m_entryClassEdit), setText(m_entryClassEdit), {}},
        {path(f.arguments), readArguments, writeArguments, {}},
        {path(f.parallelism),
         [this]() -> QJsonValue { return m_parallelism->value(); },
         [this](const QJsonValue &v) { m_parallelism->setValue(v.isDouble() ? v.toInt() : 1); },
         {}},
        {path(f.upgrade),
         combo(m_upgradeMode),
         [this, defaultUpgrade](const QJsonValue &v) {
             setComboValue(m_upgradeMode, v.isString() ? v.toString() : defaultUpgrade);
         },
         {}},
        {path(f.state),
         combo(m_jobState),
         [this, defaultState](const QJsonValue &v) {
             setComboValue(m_jobState, v.isString() ? v.toString() : defaultState);
         },
         {}},
        {path(f.flinkVersion),
         combo(m_flinkVersion),
         [this](const QJsonValue &v) { setComboValue(m_flinkVersion, v.toString()); },
         {}},
        {path(f.jobManagerCpu), cpuRead(m_jobManagerCpu), cpuWrite(m_jobManagerCpu), {}},
        {path(f.jobManagerMemory), text(m_jobManagerMemory), setText(m_jobManagerMemory), {}},
        {path(f.taskManagerCpu), cpuRead(m_taskManagerCpu), cpuWrite(m_taskManagerCpu), {}},
        {path(f.taskManagerMemory), text(m_taskManagerMemory), setText(m_taskManagerMemory), {}},
        {path(f.taskManagers),
         [this]() -> QJsonValue {
             return m_taskManagerReplicas->value() > 0 ? QJsonValue(m_taskManagerReplicas->value())
                                                       : QJsonValue(QJsonValue::Undefined);
         },
         [this](const QJsonValue &v) { m_taskManagerReplicas->setValue(v.isDouble() ? v.toInt() : 0); },
         {}},
    };
    if (!platform) {
        m_bindings.append({path(f.image), text(m_imageEdit), setText(m_imageEdit), {}});
        return;
    }
    m_bindings.append({path(f.restore),
                       combo(m_restoreStrategy),
                       [this](const QJsonValue &v) {
                           setComboValue(m_restoreStrategy, v.isString() ? v.toString() : QStringLiteral("NONE"));
                       },
                       {}});
    m_bindings.append({path(f.allowNonRestoredState),
                       [this]() -> QJsonValue { return m_allowNonRestoredState->isChecked(); },
                       [this](const QJsonValue &v) { m_allowNonRestoredState->setChecked(v.toBool()); },
                       {}});
    // One edit for the platform's three image fields: each binding writes its part of the edit's text.
    for (const QString &key : {QStringLiteral("flinkImageRegistry"), QStringLiteral("flinkImageRepository"),
                               QStringLiteral("flinkImageTag")}) {
        m_bindings.append({path(QStringLiteral("template.spec.artifact.") + key),
                           [this, key]() -> QJsonValue {
                               const QJsonValue part = VvpArtifact::withImage({}, m_imageEdit->text()).value(key);
                               return part.isUndefined() ? QJsonValue(QJsonValue::Undefined) : part;
                           },
                           [this, key](const QJsonValue &v) {
                               if (v.isString())
                                   m_imageLoaded.insert(key, v);
                               else
                                   m_imageLoaded.remove(key);
                               m_imageEdit->setText(VvpArtifact::image(m_imageLoaded));
                           },
                           {}});
    }
}

void ConfigureFormPage::connectFields()
{
    QList<QLineEdit *> edits{m_jarUriEdit, m_entryClassEdit, m_imageEdit, m_jobManagerMemory, m_taskManagerMemory};
    if (m_nameEdit)
        edits = QList<QLineEdit *>{m_nameEdit, m_namespaceEdit} + edits;
    for (QLineEdit *edit : std::as_const(edits))
        connect(edit, &QLineEdit::textChanged, this, &ConfigureFormPage::onEdited);
    connect(m_arguments, &ArgumentListEditor::changed, this, &ConfigureFormPage::onEdited);
    for (QSpinBox *spin : {m_parallelism, m_taskManagerReplicas})
        connect(spin, &QSpinBox::valueChanged, this, &ConfigureFormPage::onEdited);
    for (QDoubleSpinBox *spin : {m_jobManagerCpu, m_taskManagerCpu})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ConfigureFormPage::onEdited);
    for (QComboBox *box : {m_upgradeMode, m_jobState, m_flinkVersion})
        connect(box, &QComboBox::currentIndexChanged, this, &ConfigureFormPage::onEdited);
    connect(m_upgradeMode, &QComboBox::currentIndexChanged, this,
            [this] { m_upgradeModeExplanation->setText(upgradeExplanation()); });
    if (m_restoreStrategy) {
        connect(m_restoreStrategy, &QComboBox::currentIndexChanged, this, [this] {
            m_restoreExplanation->setText(restoreExplanation());
            onEdited();
        });
        connect(m_allowNonRestoredState, &QCheckBox::toggled, this, &ConfigureFormPage::onEdited);
    }
    connect(m_configTable, &FlinkConfigTable::changed, this, [this] {
        syncHaFromTable();
        onEdited();
    });
    connect(m_haCheck, &QCheckBox::toggled, this, &ConfigureFormPage::onHaToggled);
    connect(m_haStorageDir, &QLineEdit::textEdited, this, [this](const QString &dir) {
        if (dir.trimmed().isEmpty())
            m_configTable->removeKey(kHaStorage);
        else
            m_configTable->setValue(kHaStorage, dir.trimmed());
    });
}

void ConfigureFormPage::onEdited()
{
    if (!m_loading)
        emit edited();
}

void ConfigureFormPage::load(const QJsonObject &spec)
{
    m_loading = true;
    m_loadedSpec = spec;
    // A session job runs on its session cluster's image and resources: it has no cluster to edit.
    if (auto *clusterBox = findChild<QGroupBox *>(QStringLiteral("clusterGroupBox")))
        clusterBox->setVisible(!spec.contains(QLatin1String("deploymentName")));
    m_imageLoaded = QJsonObject();
    // All fields first: the platform's image is one edit written by three bindings.
    for (Binding &binding : m_bindings)
        binding.write(json::valueAt(spec, binding.path));
    for (Binding &binding : m_bindings)
        binding.loaded = binding.read();
    QList<FlinkConfigTable::Entry> entries;
    const QStringList configurationPath = fields().configuration.split(QLatin1Char('.'));
    const auto flat = FlinkConfiguration::flatten(json::valueAt(spec, configurationPath));
    for (const auto &entry : flat)
        entries.append({entry.first, FlinkConfiguration::text(entry.second)});
    m_configTable->setEntries(entries);
    m_configLoaded = m_configTable->entries();
    m_upgradeModeExplanation->setText(upgradeExplanation());
    if (m_restoreExplanation)
        m_restoreExplanation->setText(restoreExplanation());
    syncHaFromTable();
    m_loading = false;
}

QJsonObject ConfigureFormPage::spec() const
{
    QJsonObject spec = m_loadedSpec;
    for (const Binding &binding : m_bindings) {
        const QJsonValue value = binding.read();
        if (value != binding.loaded)
            spec = json::withValueAt(spec, binding.path, value);
    }
    const QList<FlinkConfigTable::Entry> entries = m_configTable->entries();
    if (entries != m_configLoaded) {
        // Written flat; values whose text did not change keep their type (e.g. numberOfTaskSlots: 2).
        const QStringList configurationPath = fields().configuration.split(QLatin1Char('.'));
        const auto original = FlinkConfiguration::flatten(json::valueAt(m_loadedSpec, configurationPath));
        QHash<QString, QJsonValue> typed;
        for (const auto &entry : original)
            typed.insert(entry.first, entry.second);
        QJsonObject configuration;
        for (const auto &entry : entries) {
            const QJsonValue before = typed.value(entry.first, QJsonValue(QJsonValue::Undefined));
            const bool unchanged = !before.isUndefined() && FlinkConfiguration::text(before) == entry.second;
            configuration.insert(entry.first, unchanged ? before : QJsonValue(entry.second));
        }
        spec = json::withValueAt(spec, configurationPath,
                                 configuration.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                         : QJsonValue(configuration));
    }
    return spec;
}

void ConfigureFormPage::setMetadata(const QString &name, const QString &ns)
{
    m_loading = true;
    m_nameEdit->setText(name);
    if (m_namespaceEdit->text().isEmpty())
        m_namespaceEdit->setText(ns);
    m_loading = false;
}

QString ConfigureFormPage::name() const
{
    return m_nameEdit ? m_nameEdit->text().trimmed() : QString();
}

QString ConfigureFormPage::namespaceName() const
{
    return m_namespaceEdit ? m_namespaceEdit->text().trimmed() : QString();
}

void ConfigureFormPage::setFlinkVersions(const QStringList &versions)
{
    const QString current = m_flinkVersion->currentData().toString();
    const bool wasLoading = m_loading;
    m_loading = true;
    m_flinkVersion->clear();
    const bool platform = m_backend == Backend::Platform;
    for (const QString &version :
         !versions.isEmpty() ? versions : (platform ? platformFlinkVersions() : defaultFlinkVersions())) {
        // The operator's v1_20 → "Flink 1.20"; the platform names versions as people do.
        QString readable = platform ? version : version.mid(1);
        readable.replace(QLatin1Char('_'), QLatin1Char('.'));
        m_flinkVersion->addItem(tr("Flink %1").arg(readable), version);
    }
    setComboValue(m_flinkVersion, current);
    m_loading = wasLoading;
}

void ConfigureFormPage::syncHaFromTable()
{
    QJsonObject configuration;
    for (const auto &entry : m_configTable->entries())
        configuration.insert(entry.first, entry.second);
    const bool on = FlinkConfiguration({{QStringLiteral("flinkConfiguration"), configuration}}).kubernetesHa()
        || configuration.value(kPlatformHa).toString() == kPlatformHaValue;
    const QSignalBlocker blockCheck(m_haCheck);
    m_haCheck->setChecked(on);
    m_haStorageDir->setEnabled(on);
    const QString dir = m_configTable->value(kHaStorage);
    if (m_haStorageDir->text() != dir)
        m_haStorageDir->setText(dir);
}

void ConfigureFormPage::onHaToggled(bool on)
{
    if (on && m_backend == Backend::Platform) {
        // The platform's own Kubernetes HA keeps its metadata in the platform's blob storage.
        m_configTable->setValue(kPlatformHa, kPlatformHaValue);
    } else if (on) {
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
        const QString ha = m_configTable->value(kPlatformHa);
        if (ha.compare(QLatin1String("kubernetes"), Qt::CaseInsensitive) == 0 || ha == kPlatformHaValue)
            m_configTable->removeKey(kPlatformHa);
    }
    syncHaFromTable();
}

// --- problems -------------------------------------------------------------------------------------------

QLabel *ConfigureFormPage::errorLabelFor(const QString &field) const
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

bool ConfigureFormPage::hasErrorLabelFor(const QString &field) const
{
    return errorLabelFor(field) != nullptr;
}

void ConfigureFormPage::showProblems(const QList<SpecChecks::Problem> &problems)
{
    QHash<QLabel *, QStringList> texts;
    for (const SpecChecks::Problem &p : problems) {
        QLabel *label = errorLabelFor(p.field);
        if (!label) {
            label = m_formErrorLabel;
            texts[label].append(p.field.isEmpty() ? p.message : tr("%1: %2").arg(p.field, p.message));
        } else {
            texts[label].append(p.message);
        }
    }
    for (QLabel *label : std::as_const(m_allErrorLabels)) {
        const QStringList lines = texts.value(label);
        label->setText(lines.join(QLatin1Char('\n')));
        label->setVisible(!lines.isEmpty());
    }
}

} // namespace capstan
