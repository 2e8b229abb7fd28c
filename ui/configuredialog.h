#pragma once

#include "actions/actionrequest.h"
#include "flink/schemavalidator.h"
#include "flink/yamlreader.h"
#include "ui/specchecks.h"
#include "ui/widgets/flinkconfigtable.h"

#include <functional>

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace capstan {

class ArgumentListEditor;
class MessageBanner;
class YamlDiffView;
class YamlHighlighter;

// Configure Deployment and New Deployment (DESIGN §1, §4): edit a FlinkDeployment's spec in a form or
// as YAML (kept in sync), see the checks next to the fields, review the diff and what the operator will
// do, then Apply. The dialog never talks to the cluster: Apply emits applyRequested() and waits for
// showResult(); a conflict shows the other client's change and lets the user re-apply on top or discard.
class ConfigureDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigureDialog)

public:
    enum class Mode { Configure, Create };
    enum class Page { Form, Yaml, Review };

    // Configure: object is the FlinkDeployment the user looked at; its metadata.resourceVersion and spec
    // are the base of the write. Create: object is a template (apiVersion, kind, metadata, spec), e.g.
    // from DeploymentTemplates; metadata.name and metadata.namespace prefill the name and namespace.
    ConfigureDialog(Mode mode, const QJsonObject &object, QWidget *parent = nullptr);
    ~ConfigureDialog() override;

    Mode mode() const { return m_mode; }

    // The FlinkDeployment CRD's openAPIV3Schema as the cluster serves it. May arrive after the dialog
    // opened; until then only the local checks run. The Flink versions offered come from its enum.
    void setSchema(const QJsonObject &openApiV3Schema);
    bool hasSchema() const { return !m_validator.isNull(); }

    // Shows page after applying the side being left (form → spec, or YAML → spec). Returns false and
    // stays on the YAML page when its text does not parse.
    bool setCurrentPage(Page page);
    Page currentPage() const { return m_page; }

    // The spec as edited (the form or the last YAML that parsed) and the spec it started from.
    QJsonObject editedSpec() const { return m_spec; }
    QJsonObject baseSpec() const { return m_baseSpec; }
    // What blocks Apply now, one message each: YAML syntax, local checks, schema violations.
    QStringList problems() const;
    bool isApplying() const { return m_applying; }
    // Starts the edit from `spec` instead of the object's own (Reopen with My Change), on the Review page.
    void startFrom(const QJsonObject &spec);
    // The request Apply would send now.
    ActionRequest request() const;

    // The sentence the Review page shows for before → after (translated).
    static QString reviewSentence(const QJsonObject &before, const QJsonObject &after);

    QSize sizeHint() const override;

public slots:
    // The outcome of the last applyRequested() when it ended before the server accepted the change (the
    // dialog is closed once it has): Succeeded closes the dialog (accept()); Failed with field
    // causes (422) marks the fields; Conflict shows what changed on the server; anything else is shown in
    // the banner and Apply can be tried again. Ignored when nothing is being applied.
    void showResult(const capstan::ActionResult &result);

signals:
    void applyRequested(const capstan::ActionRequest &request);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Binding
    {
        QStringList path; // below spec
        std::function<QJsonValue()> read; // Undefined: the field is removed
        std::function<void(const QJsonValue &)> write;
        QJsonValue loaded;
    };
    struct Problem
    {
        QString field; // below spec: "job.parallelism"; "metadata.name" for the name
        QString message;
    };

    QWidget *buildFormPage();
    QWidget *buildYamlPage();
    QWidget *buildReviewPage();
    QWidget *buildConflictPage();
    QLabel *addErrorLabel(const QString &objectName, const QStringList &fields);

    void loadObject(const QJsonObject &object);
    void loadForm(const QJsonObject &spec);
    QJsonObject formSpec() const;
    void onFormEdited();
    void onYamlEdited();
    bool parseYaml();
    // The debounced parse while typing: large documents are parsed off the GUI thread.
    void parseYamlWhileTyping();
    bool takeParsed(Result<YamlReader::Document> parsed);
    void showParsed(bool valid);
    void syncYamlFromSpec();
    void syncHaFromTable();
    void onHaToggled(bool on);
    void onTemplateChosen(int index);
    void onTabChanged(int index);

    void revalidate();
    QList<Problem> collectProblems() const;
    QLabel *errorLabelFor(const QString &field) const;
    void showProblems(const QList<Problem> &problems);
    void refreshReview();
    void updateButtons();
    void updateColours();
    void setFlinkVersions(const QStringList &versions);

    void onApplyClicked();
    void startApply(const ActionRequest &request);
    void finishApplying();
    void showFieldErrors(const Error &error);
    void showConflict(const ActionResult &result);
    void reapplyOnTop();
    void discardMine();

    Mode m_mode;
    Page m_page = Page::Form;
    QJsonObject m_object; // Configure: the object the edit is based on; Create: the template
    QJsonObject m_baseSpec;
    QJsonObject m_spec;
    QJsonObject m_formBase;
    QList<Binding> m_bindings;
    QList<FlinkConfigTable::Entry> m_configLoaded;
    SchemaValidator m_validator;
    QStringList m_flinkVersions;
    YamlReader::Document m_yamlDocument;
    Error m_yamlError;
    bool m_yamlValid = true;
    bool m_yamlEdited = false;
    bool m_yamlParseInFlight = false;
    quint64 m_yamlTextGeneration = 0; // bumped by every change of the text; a parse of an older text is dropped
    bool m_loading = false;
    bool m_switching = false;
    bool m_yamlBlockedBanner = false;
    bool m_applying = false;
    bool m_changeSent = false; // an apply wrote the change but did not succeed: no second apply from here
    QList<Problem> m_problems;
    QList<Problem> m_serverProblems;
    QJsonObject m_conflictServer;
    QJsonObject m_conflictMine;

    MessageBanner *m_banner;
    QLabel *m_titleLabel;
    QComboBox *m_templateCombo = nullptr;
    QLabel *m_templateDescription = nullptr;
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;

    QLabel *m_formErrorLabel = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_namespaceEdit = nullptr;
    QLineEdit *m_jarUriEdit = nullptr;
    QLineEdit *m_entryClassEdit = nullptr;
    ArgumentListEditor *m_arguments = nullptr;
    QSpinBox *m_parallelism = nullptr;
    QComboBox *m_upgradeMode = nullptr;
    QLabel *m_upgradeModeExplanation = nullptr;
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

    QPlainTextEdit *m_yamlEdit = nullptr;
    YamlHighlighter *m_highlighter = nullptr;
    QLabel *m_yamlStatus = nullptr;
    QListWidget *m_yamlErrors = nullptr;
    QTimer *m_yamlTimer = nullptr;

    QLabel *m_reviewSentence = nullptr;
    QLabel *m_reviewSummary = nullptr;
    QLabel *m_reviewProblems = nullptr;
    YamlDiffView *m_reviewDiff = nullptr;

    QLabel *m_conflictSummary = nullptr;
    QLabel *m_conflictOverlap = nullptr;
    YamlDiffView *m_conflictDiff = nullptr;
    YamlDiffView *m_conflictMineDiff = nullptr;
    QPushButton *m_reapplyButton = nullptr;
    QPushButton *m_discardButton = nullptr;

    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QPushButton *m_backButton;
    QPushButton *m_applyButton;
    QPushButton *m_cancelButton;
};

} // namespace capstan
