#pragma once

#include "actions/actionrequest.h"
#include "flink/schemavalidator.h"
#include "ui/configure/configureformpage.h"
#include "ui/specchecks.h"
#include "vvp/vvpapidescription.h"

#include <QDialog>
#include <QJsonObject>
#include <QList>
#include <QStringList>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace capstan {

class ConfigureConflictPage;
class ConfigureReviewPage;
class ConfigureYamlPage;
class MessageBanner;

// Configure Deployment and New Deployment (DESIGN §1, §4): edit a FlinkDeployment's spec in a form or
// as YAML (kept in sync), see the checks next to the fields, review the diff and what the operator will
// do, then Apply. The dialog never talks to the cluster: Apply emits applyRequested() and waits for
// showResult(); a conflict shows the other client's change and lets the user re-apply on top or discard.
// The pages (ui/configure/) show and edit; the dialog holds the spec, its checks and the flow.
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
    // A Ververica Platform's API description: a platform deployment's spec is checked against its
    // Deployment definition (types and enums as the platform reads them) besides the platform's rules.
    void setApiDescription(const VvpApiDescription &description);

    // Shows page after applying the side being left (form → spec, or YAML → spec). Returns false and
    // stays on the YAML page when its text does not parse.
    bool setCurrentPage(Page page);
    Page currentPage() const { return m_page; }

    // The spec as edited (the form or the last YAML that parsed) and the spec it started from.
    QJsonObject editedSpec() const { return m_spec; }
    QJsonObject baseSpec() const { return m_baseSpec; }
    // What blocks Apply now, one message each: YAML syntax, local checks, schema violations.
    QStringList problems() const;
    bool isApplying() const { return m_state == State::Sending; }
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
    // The flow: the user edits (Form or YAML page) and reviews (Review page), Apply sends, and the answer
    // closes the dialog or leads to a conflict to resolve, to editing again, or to Sent when the change is
    // on the server without having succeeded (no second Apply from this dialog's base).
    enum class State { Editing, Reviewing, Sending, Conflict, Sent };

    void setState(State state);
    // Editing or Reviewing, as the current page says.
    State editingState() const { return m_page == Page::Review ? State::Reviewing : State::Editing; }

    void loadObject(const QJsonObject &object);
    void useFormPage(ConfigureFormPage::Backend backend);
    void onFormEdited();
    void onYamlParsed(bool valid);
    void onTemplateChosen(int index);
    void onTabChanged(int index);

    void revalidate();
    // The problems of the spec as edited; for a platform deployment also the fields its API
    // description does not name (`unknownFields`, below spec).
    QList<SpecChecks::Problem> collectProblems(QStringList *unknownFields) const;
    QString platformNote(const QStringList &unknownFields) const;
    void showProblems(const QList<SpecChecks::Problem> &problems);
    void refreshReview();
    void updateButtons();
    void updateColours();

    void onApplyClicked();
    void startApply(const ActionRequest &request);
    void showFieldErrors(const Error &error);
    void showConflict(const ActionResult &result);
    void reapplyOnTop();
    void discardMine();

    Mode m_mode;
    State m_state = State::Editing;
    Page m_page = Page::Form;
    QJsonObject m_object; // Configure: the object the edit is based on; Create: the template
    QJsonObject m_baseSpec;
    QJsonObject m_spec;
    SchemaValidator m_validator;
    VvpApiDescription m_apiDescription;
    QList<SpecChecks::Problem> m_problems; // fields below spec; "metadata.name" for the name
    QList<SpecChecks::Problem> m_serverProblems;
    QJsonObject m_conflictServer;
    QJsonObject m_conflictMine;
    // Not flow state: the banner shows why the YAML page cannot be left, to be hidden once it can.
    bool m_yamlBlockedBanner = false;
    // A Ververica Platform deployment: its spec is edited by the platform's form and checked by the
    // platform's rules.
    bool m_platform = false;

    MessageBanner *m_banner;
    QLabel *m_titleLabel;
    QComboBox *m_templateCombo = nullptr;
    QLabel *m_templateDescription = nullptr;
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    ConfigureFormPage *m_formPage = nullptr;
    ConfigureYamlPage *m_yamlPage = nullptr;
    ConfigureReviewPage *m_reviewPage = nullptr;
    ConfigureConflictPage *m_conflictPage = nullptr;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QPushButton *m_backButton;
    QPushButton *m_applyButton;
    QPushButton *m_cancelButton;
};

} // namespace capstan
