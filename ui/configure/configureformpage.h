#pragma once

#include "ui/specchecks.h"
#include "ui/widgets/flinkconfigtable.h"

#include <functional>

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QScrollArea>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QVBoxLayout;

namespace capstan {

class ArgumentListEditor;

// The Form page of ConfigureDialog: the fields a deployment's spec is mostly edited by, each bound to its
// path in the spec, with the checks' messages right under the fields. Fields without a widget pass
// through: spec() is the loaded spec with the fields the user changed written into it.
// The same fields serve both backends: a FlinkDeployment's spec, or a Ververica Platform Deployment's
// (its template, upgrade and restore strategy and desired state), each at its own paths and with its own
// choices and explanations.
class ConfigureFormPage final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigureFormPage)

public:
    enum class Backend { Operator, Platform };

    // withMetadata: with the name and namespace fields too (New Deployment).
    explicit ConfigureFormPage(bool withMetadata, Backend backend = Backend::Operator, QWidget *parent = nullptr);
    ~ConfigureFormPage() override;

    Backend backend() const { return m_backend; }

    // Fills the fields from spec, which spec() then starts from.
    void load(const QJsonObject &spec);
    QJsonObject spec() const;

    // New Deployment: name replaces the name; ns fills the namespace only while none is typed, so another
    // template keeps the namespace the user chose.
    void setMetadata(const QString &name, const QString &ns);
    QString name() const; // trimmed
    QString namespaceName() const; // trimmed

    // The Flink versions offered; empty: the ones the operator knew when this was written.
    void setFlinkVersions(const QStringList &versions);

    // Each problem under its field; problems of fields the form does not show at the top of the page.
    void showProblems(const QList<SpecChecks::Problem> &problems);
    bool hasErrorLabelFor(const QString &field) const;

signals:
    // The user changed a field; not emitted while the page fills its fields itself.
    void edited();

private:
    struct Binding
    {
        QStringList path; // below spec
        std::function<QJsonValue()> read; // Undefined: the field is removed
        std::function<void(const QJsonValue &)> write;
        QJsonValue loaded;
    };

    QFormLayout *buildMetadataGroup(QWidget *page, QVBoxLayout *pageLayout);
    // The spec path of each field, and where the checks report its problems.
    struct Fields
    {
        QString jarUri, entryClass, arguments, parallelism, upgrade, restore, allowNonRestoredState, state;
        QString flinkVersion, image, jobManagerCpu, jobManagerMemory, taskManagerCpu, taskManagerMemory;
        QString taskManagers, configuration;
    };
    static const Fields &fieldsOf(Backend backend);
    const Fields &fields() const { return fieldsOf(m_backend); }
    QString upgradeExplanation() const;
    QString restoreExplanation() const;

    QFormLayout *buildJobGroup(QWidget *page, QVBoxLayout *pageLayout);
    QFormLayout *buildClusterGroup(QWidget *page, QVBoxLayout *pageLayout);
    void buildConfigurationGroup(QWidget *page, QVBoxLayout *pageLayout);
    void bindFields();
    void connectFields();
    QLabel *addErrorLabel(const QString &objectName, const QStringList &fields);
    QLabel *errorLabelFor(const QString &field) const;
    void onEdited();
    void syncHaFromTable();
    void onHaToggled(bool on);

    Backend m_backend;
    QList<Binding> m_bindings;
    QJsonObject m_loadedSpec;
    QList<FlinkConfigTable::Entry> m_configLoaded;
    // Not flow state: set while the page writes its own widgets, so their change signals are no edits.
    bool m_loading = false;

    QLabel *m_formErrorLabel = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_namespaceEdit = nullptr;
    QLineEdit *m_jarUriEdit = nullptr;
    QLineEdit *m_entryClassEdit = nullptr;
    ArgumentListEditor *m_arguments = nullptr;
    QSpinBox *m_parallelism = nullptr;
    QComboBox *m_upgradeMode = nullptr;
    QLabel *m_upgradeModeExplanation = nullptr;
    QComboBox *m_restoreStrategy = nullptr; // the platform's
    QLabel *m_restoreExplanation = nullptr;
    QCheckBox *m_allowNonRestoredState = nullptr;
    QJsonObject m_imageLoaded; // the platform's image fields as they were loaded
    QComboBox *m_jobState = nullptr;
    QComboBox *m_flinkVersion = nullptr;
    QLineEdit *m_imageEdit = nullptr;
    QDoubleSpinBox *m_jobManagerCpu = nullptr;
    QLineEdit *m_jobManagerMemory = nullptr;
    QDoubleSpinBox *m_taskManagerCpu = nullptr;
    QLineEdit *m_taskManagerMemory = nullptr;
    QSpinBox *m_taskManagerReplicas = nullptr;
    QCheckBox *m_haCheck = nullptr;
    QLineEdit *m_haStorageDir = nullptr;
    FlinkConfigTable *m_configTable = nullptr;
    QHash<QString, QLabel *> m_errorLabels; // field → label
    QList<QLabel *> m_allErrorLabels;
};

} // namespace capstan
