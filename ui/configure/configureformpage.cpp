#include "ui/configure/configureformpage.h"

#include "flink/flinkconfiguration.h"
#include "ui/widgets/argumentlisteditor.h"
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

ConfigureFormPage::ConfigureFormPage(bool withMetadata, QWidget *parent)
    : QScrollArea(parent)
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
    auto *jobBox = new QGroupBox(tr("Job"), page);
    QFormLayout *jobForm = formLayout(jobBox);
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
    m_upgradeModeExplanation = new QLabel(jobBox);
    m_upgradeModeExplanation->setObjectName(QStringLiteral("upgradeModeExplanationLabel"));
    m_upgradeModeExplanation->setWordWrap(true);
    m_upgradeModeExplanation->setProperty("capstanNote", true); // muted by ConfigureDialog::updateColours()
    m_jobState = new QComboBox(jobBox);
    m_jobState->setObjectName(QStringLiteral("jobStateComboBox"));
    m_jobState->setAccessibleName(tr("Job state"));
    m_jobState->addItem(tr("Running"), QStringLiteral("running"));
    m_jobState->addItem(tr("Suspended"), QStringLiteral("suspended"));
    m_jobState->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    jobForm->addRow(
        tr("&Jar URI:"),
        cell(page, m_jarUriEdit, addErrorLabel(QStringLiteral("jarUriErrorLabel"), {QStringLiteral("job.jarURI")})));
    jobForm->addRow(tr("&Entry class:"),
                    cell(page, m_entryClassEdit,
                         addErrorLabel(QStringLiteral("entryClassErrorLabel"), {QStringLiteral("job.entryClass")})));
    jobForm->addRow(
        tr("Ar&guments:"),
        cell(page, m_arguments, addErrorLabel(QStringLiteral("argumentsErrorLabel"), {QStringLiteral("job.args")})));
    jobForm->addRow(tr("&Parallelism:"),
                    cell(page, leftAligned(jobBox, m_parallelism),
                         addErrorLabel(QStringLiteral("parallelismErrorLabel"), {QStringLiteral("job.parallelism")})));
    jobForm->addRow(tr("&Upgrade mode:"),
                    cell(page, leftAligned(jobBox, m_upgradeMode),
                         addErrorLabel(QStringLiteral("upgradeModeErrorLabel"),
                                       {QStringLiteral("job.upgradeMode"), QStringLiteral("job.initialSavepointPath")}),
                         m_upgradeModeExplanation));
    jobForm->addRow(tr("Job &state:"),
                    cell(page, leftAligned(jobBox, m_jobState),
                         addErrorLabel(QStringLiteral("jobStateErrorLabel"), {QStringLiteral("job.state")})));
    pageLayout->addWidget(jobBox);
    return jobForm;
}

QFormLayout *ConfigureFormPage::buildClusterGroup(QWidget *page, QVBoxLayout *pageLayout)
{
    auto *clusterBox = new QGroupBox(tr("Cluster"), page);
    QFormLayout *clusterForm = formLayout(clusterBox);
    m_flinkVersion = new QComboBox(clusterBox);
    m_flinkVersion->setObjectName(QStringLiteral("flinkVersionComboBox"));
    m_flinkVersion->setAccessibleName(tr("Flink version"));
    m_flinkVersion->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setFlinkVersions({});
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
        cell(page, leftAligned(clusterBox, m_flinkVersion),
             addErrorLabel(QStringLiteral("flinkVersionErrorLabel"), {QStringLiteral("flinkVersion")})));
    clusterForm->addRow(
        tr("&Image:"),
        cell(page, m_imageEdit, addErrorLabel(QStringLiteral("imageErrorLabel"), {QStringLiteral("image")})));
    clusterForm->addRow(
        tr("J&obManager CPU:"),
        cell(page, resourceRow(m_jobManagerCpu, m_jobManagerMemory),
             addErrorLabel(QStringLiteral("jobManagerResourceErrorLabel"),
                           {QStringLiteral("jobManager.resource"), QStringLiteral("jobManager.resource.cpu"),
                            QStringLiteral("jobManager.resource.memory")})));
    clusterForm->addRow(
        tr("Task&Manager CPU:"),
        cell(page, resourceRow(m_taskManagerCpu, m_taskManagerMemory),
             addErrorLabel(QStringLiteral("taskManagerResourceErrorLabel"),
                           {QStringLiteral("taskManager.resource"), QStringLiteral("taskManager.resource.cpu"),
                            QStringLiteral("taskManager.resource.memory")})));
    clusterForm->addRow(
        tr("TaskManager rep&licas:"),
        cell(page, leftAligned(clusterBox, m_taskManagerReplicas),
             addErrorLabel(QStringLiteral("taskManagerReplicasErrorLabel"), {QStringLiteral("taskManager.replicas")})));
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
    connect(m_upgradeMode, &QComboBox::currentIndexChanged, this, [this] {
        m_upgradeModeExplanation->setText(upgradeModeExplanation(m_upgradeMode->currentData().toString()));
    });
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
        const auto original = FlinkConfiguration::flatten(m_loadedSpec.value(QLatin1String("flinkConfiguration")));
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
    for (const QString &version : versions.isEmpty() ? defaultFlinkVersions() : versions) {
        // v1_20 → "1.20 (v1_20)"
        QString readable = version.mid(1);
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
    const bool on = FlinkConfiguration({{QStringLiteral("flinkConfiguration"), configuration}}).kubernetesHa();
    const QSignalBlocker blockCheck(m_haCheck);
    m_haCheck->setChecked(on);
    m_haStorageDir->setEnabled(on);
    const QString dir = m_configTable->value(kHaStorage);
    if (m_haStorageDir->text() != dir)
        m_haStorageDir->setText(dir);
}

void ConfigureFormPage::onHaToggled(bool on)
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
