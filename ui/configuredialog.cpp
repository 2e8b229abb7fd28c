#include "ui/configuredialog.h"

#include "actions/actionplan.h"
#include "flink/deployment.h"
#include "vvp/vvpobjects.h"

#include "ui/configure/configureconflictpage.h"
#include "ui/configure/configureformpage.h"
#include "ui/configure/configurereviewpage.h"
#include "ui/configure/configureyamlpage.h"
#include "ui/deploymenttemplates.h"
#include "ui/widgets/messagebanner.h"
#include "json/jsontools.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace capstan {

namespace {
const QLatin1String kSpec("spec");
const QLatin1String kMetadata("metadata");

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

quint64 nextRequestId()
{
    static quint64 id = 0;
    return ++id;
}
} // namespace

ConfigureDialog::ConfigureDialog(Mode mode, const QJsonObject &object, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
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
        for (const DeploymentTemplates::Template &t : DeploymentTemplates::forObject(object))
            m_templateCombo->addItem(t.title, t.id);
        m_templateDescription = new QLabel(this);
        m_templateDescription->setWordWrap(true);
        m_templateDescription->setProperty("capstanNote", true); // muted by updateColours()
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

    m_formPage = new ConfigureFormPage(m_mode == Mode::Create, ConfigureFormPage::Backend::Operator, this);
    m_yamlPage = new ConfigureYamlPage(this);
    m_reviewPage = new ConfigureReviewPage(this);
    m_conflictPage = new ConfigureConflictPage(this);
    m_tabs->setObjectName(QStringLiteral("configureTabs"));
    m_tabs->setDocumentMode(false);
    m_tabs->addTab(m_formPage, tr("&Form"));
    m_tabs->addTab(m_yamlPage, tr("&YAML"));
    m_tabs->addTab(m_reviewPage, tr("&Review"));
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_conflictPage);
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

    connect(m_formPage, &ConfigureFormPage::edited, this, &ConfigureDialog::onFormEdited);
    connect(m_yamlPage, &ConfigureYamlPage::edited, this, [this] { m_serverProblems.clear(); });
    connect(m_yamlPage, &ConfigureYamlPage::parsed, this, &ConfigureDialog::onYamlParsed);
    connect(m_conflictPage, &ConfigureConflictPage::reapplyRequested, this, &ConfigureDialog::reapplyOnTop);
    connect(m_conflictPage, &ConfigureConflictPage::discardRequested, this, &ConfigureDialog::discardMine);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ConfigureDialog::onTabChanged);
    connect(m_applyButton, &QPushButton::clicked, this, &ConfigureDialog::onApplyClicked);
    connect(m_backButton, &QPushButton::clicked, this, [this] { setCurrentPage(Page::Form); });
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);

    if (m_templateCombo) {
        const QList<DeploymentTemplates::Template> templates = DeploymentTemplates::forObject(object);
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

// --- flow -----------------------------------------------------------------------------------------------

void ConfigureDialog::setState(State state)
{
    m_state = state;
    const bool sending = state == State::Sending;
    if (sending) {
        m_progressLabel->setText(m_mode == Mode::Create ? tr("Creating the deployment\u2026")
                                                        : tr("Sending your change to the cluster\u2026"));
    }
    m_progress->setVisible(sending);
    m_progressLabel->setVisible(sending);
    m_stack->setCurrentWidget(state == State::Conflict ? static_cast<QWidget *>(m_conflictPage) : m_tabs);
    updateButtons();
}

// The one place the buttons and tabs follow the state, the page and the problems.
void ConfigureDialog::updateButtons()
{
    const bool blocked = !m_yamlPage->isValid() || !m_problems.isEmpty();
    const bool onReview = m_page == Page::Review;
    const bool editing = m_state == State::Editing || m_state == State::Reviewing;
    const bool sending = m_state == State::Sending;
    const bool conflict = m_state == State::Conflict;
    m_applyButton->setText(onReview ? (m_mode == Mode::Create ? tr("&Create") : tr("&Apply")) : tr("Ne&xt"));
    m_applyButton->setToolTip(onReview ? tr("Send the change to the cluster")
                                       : tr("Review the change before applying it"));
    bool enabled = editing && !blocked;
    if (onReview && m_mode == Mode::Configure && enabled)
        enabled = m_spec != m_baseSpec;
    m_applyButton->setEnabled(enabled);
    m_applyButton->setVisible(!conflict);
    m_backButton->setVisible(onReview && !conflict);
    m_backButton->setEnabled(!sending);
    m_tabs->setEnabled(!sending);
    if (m_templateCombo)
        m_templateCombo->setEnabled(!sending);
}

// --- loading and syncing ----------------------------------------------------------------------------------

void ConfigureDialog::loadObject(const QJsonObject &object)
{
    m_object = object;
    m_platform = VvpObjects::isPlatformDeployment(object);
    useFormPage(m_platform ? ConfigureFormPage::Backend::Platform : ConfigureFormPage::Backend::Operator);
    const QJsonObject metadata = object.value(kMetadata).toObject();
    m_spec = Deployment::editableSpec(object);
    m_baseSpec = m_mode == Mode::Configure ? m_spec : QJsonObject();
    m_serverProblems.clear();
    if (m_mode == Mode::Configure) {
        m_titleLabel->setText(tr("%1 in namespace %2")
                                  .arg(metadata.value(QLatin1String("name")).toString(),
                                       metadata.value(QLatin1String("namespace")).toString()));
    } else {
        m_titleLabel->setText(m_platform ? tr("A new Ververica Platform Deployment") : tr("A new FlinkDeployment"));
        m_formPage->setMetadata(metadata.value(QLatin1String("name")).toString(),
                                metadata.value(QLatin1String("namespace")).toString());
    }
    m_formPage->load(m_spec);
    m_yamlPage->replaceSpec(m_spec);
    revalidate();
}

// The Form page of the object's backend: the operator's and the platform's specs have their fields at
// different paths and with different choices.
void ConfigureDialog::useFormPage(ConfigureFormPage::Backend backend)
{
    if (m_formPage->backend() == backend)
        return;
    const QSignalBlocker blocker(m_tabs);
    const int index = static_cast<int>(Page::Form);
    const bool wasCurrent = m_tabs->currentIndex() == index;
    m_tabs->removeTab(index);
    delete m_formPage;
    m_formPage = new ConfigureFormPage(m_mode == Mode::Create, backend, this);
    connect(m_formPage, &ConfigureFormPage::edited, this, &ConfigureDialog::onFormEdited);
    m_tabs->insertTab(index, m_formPage, tr("&Form"));
    if (wasCurrent)
        m_tabs->setCurrentIndex(index);
    updateColours();
}

void ConfigureDialog::onFormEdited()
{
    m_spec = m_formPage->spec();
    m_serverProblems.clear();
    revalidate();
}

void ConfigureDialog::onYamlParsed(bool valid)
{
    if (valid) {
        m_spec = m_yamlPage->spec();
        revalidate();
    } else {
        showProblems({});
        updateButtons();
    }
}

void ConfigureDialog::onTemplateChosen(int index)
{
    const DeploymentTemplates::Template chosen = DeploymentTemplates::byId(m_templateCombo->itemData(index).toString());
    m_templateDescription->setText(chosen.description);
    loadObject(chosen.object);
    m_banner->hide();
}

void ConfigureDialog::onTabChanged(int index)
{
    const Page target = static_cast<Page>(index);
    if (m_page == Page::Yaml && target != Page::Yaml && m_yamlPage->isEdited()) {
        if (!m_yamlPage->commit()) {
            {
                // Back to the YAML page, which is not a page change to handle.
                const QSignalBlocker blocker(m_tabs);
                m_tabs->setCurrentIndex(static_cast<int>(Page::Yaml));
            }
            const Error error = m_yamlPage->error();
            m_yamlBlockedBanner = true;
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The YAML does not parse (line %1, column %2: %3). Fix it before leaving "
                                     "the YAML page.")
                                      .arg(error.line)
                                      .arg(error.column)
                                      .arg(error.message));
            showProblems({});
            updateButtons();
            return;
        }
        m_spec = m_yamlPage->spec();
        m_formPage->load(m_spec);
        revalidate();
    }
    m_page = target;
    if (m_state == State::Editing || m_state == State::Reviewing)
        setState(editingState());
    if (target == Page::Yaml)
        m_yamlPage->setSpec(m_spec);
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

QList<SpecChecks::Problem> ConfigureDialog::collectProblems(QStringList *unknownFields) const
{
    QList<SpecChecks::Problem> problems;
    if (m_mode == Mode::Create) {
        const QString nameProblem = SpecChecks::checkName(m_formPage->name());
        if (!nameProblem.isEmpty())
            problems.append({QStringLiteral("metadata.name"), nameProblem});
        if (m_formPage->namespaceName().isEmpty())
            problems.append({QStringLiteral("metadata.namespace"), tr("Choose the namespace to create it in.")});
    }
    if (m_platform) {
        const QList<SpecChecks::Problem> rules = SpecChecks::checkPlatform(m_spec);
        problems.append(rules);
        // The platform's rules say more than a type does; a field they flag is said once.
        QSet<QString> flagged;
        for (const SpecChecks::Problem &p : rules)
            flagged.insert(p.field);
        const VvpApiDescription::Check check
            = m_apiDescription.check(QStringLiteral("Deployment"), QJsonObject{{QString(kSpec), m_spec}});
        for (const VvpApiDescription::Finding &f : check.errors) {
            if (!flagged.contains(specField(f.field)))
                problems.append({specField(f.field), f.message});
        }
        for (const QString &field : check.unknownFields)
            unknownFields->append(specField(field));
        return problems;
    }
    problems.append(SpecChecks::check(m_spec));
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
    if (!m_yamlPage->isValid())
        messages.append(m_yamlPage->error().message);
    for (const SpecChecks::Problem &p : m_problems)
        messages.append(p.message);
    return messages;
}

void ConfigureDialog::revalidate()
{
    QStringList unknownFields;
    m_problems = collectProblems(&unknownFields);
    if (m_platform)
        m_yamlPage->setValidNote(platformNote(unknownFields));
    showProblems(m_problems + m_serverProblems);
    updateButtons();
}

void ConfigureDialog::showProblems(const QList<SpecChecks::Problem> &problems)
{
    m_formPage->showProblems(problems);
    m_yamlPage->showProblems(problems, hasSchema());
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
    if (!m_platform) // the operator's CRD names the operator's versions
        m_formPage->setFlinkVersions(versions);
    revalidate();
    if (m_page == Page::Review)
        refreshReview();
}

void ConfigureDialog::setApiDescription(const VvpApiDescription &description)
{
    m_apiDescription = description;
    revalidate();
    if (m_page == Page::Review)
        refreshReview();
}

// What the YAML page says of a platform spec without problems: which checks it passed, and the
// fields the platform's description does not name (it leaves out some the platform takes).
QString ConfigureDialog::platformNote(const QStringList &unknownFields) const
{
    if (m_apiDescription.isNull())
        return tr("The YAML parses and follows Ververica Platform's rules for the desired state, the strategies and "
                  "the parallelism.");
    QString note = tr("The YAML parses, fits the platform's API description (%1 %2) and follows its rules for the "
                      "desired state, the strategies and the parallelism.")
                       .arg(m_apiDescription.title(), m_apiDescription.version());
    if (!unknownFields.isEmpty())
        note += QLatin1Char(' ')
            + tr("Not in the description, which leaves out a few fields the platform takes; check the spelling: %1.")
                  .arg(unknownFields.join(QStringLiteral(", ")));
    return note;
}

// --- review ---------------------------------------------------------------------------------------------

QString ConfigureDialog::reviewSentence(const QJsonObject &before, const QJsonObject &after)
{
    return ConfigureReviewPage::sentence(before, after);
}

void ConfigureDialog::refreshReview()
{
    if (m_mode == Mode::Create)
        m_reviewPage->showCreation(m_formPage->name(), m_formPage->namespaceName(), m_spec);
    else if (resourceKindFromName(m_object.value(QLatin1String("kind")).toString())
                 == ResourceKind::FlinkBlueGreenDeployment
             && m_baseSpec != m_spec)
        // The template changes, not a running job: the operator moves to the other child.
        m_reviewPage->showChange(m_baseSpec, m_spec, ActionPlan::blueGreenTransition(m_spec));
    else
        m_reviewPage->showChange(m_baseSpec, m_spec);
    m_reviewPage->showProblems(problems());
}

// --- applying -----------------------------------------------------------------------------------------------

ActionRequest ConfigureDialog::request() const
{
    ActionRequest request;
    request.kind = m_mode == Mode::Create ? ActionKind::Create : ActionKind::Configure;
    const QJsonObject metadata = m_object.value(kMetadata).toObject();
    if (m_mode == Mode::Configure) {
        // A platform's object has an id and a numeric resourceVersion.
        request.deploymentUid = metadata.value(QLatin1String(m_platform ? "id" : "uid")).toString();
        request.resourceKind = resourceKindFromName(m_object.value(QLatin1String("kind")).toString());
        request.ns = metadata.value(QLatin1String("namespace")).toString();
        request.name = metadata.value(QLatin1String("name")).toString();
        const QJsonValue version = metadata.value(QLatin1String("resourceVersion"));
        request.baseResourceVersion = version.isDouble() ? QString::number(version.toInteger()) : version.toString();
        request.baseSpec = m_baseSpec;
    } else {
        request.ns = m_formPage->namespaceName();
        request.name = m_formPage->name();
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
    if (!m_yamlPage->isValid() || !m_problems.isEmpty())
        return;
    ActionRequest next = request();
    next.id = nextRequestId();
    startApply(next);
}

void ConfigureDialog::startApply(const ActionRequest &request)
{
    m_banner->hide();
    setState(State::Sending);
    emit applyRequested(request);
}

void ConfigureDialog::showResult(const ActionResult &result)
{
    if (m_state != State::Sending)
        return;
    if (result.outcome != ActionResult::Outcome::Succeeded && result.writtenGeneration > 0) {
        // The change is on the server: applying it again from this dialog's base would be refused as a
        // conflict with itself. The page follows what the operator does with it.
        setState(State::Sent);
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Your change reached the cluster (generation %1), but: %2 Close this dialog to "
                                 "follow the deployment; Configure then starts from its spec as it is.")
                                  .arg(result.writtenGeneration)
                                  .arg(result.summary));
        return;
    }
    setState(editingState());
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
        if (!field.isEmpty() && m_formPage->hasErrorLabelFor(field)
            && !(m_mode == Mode::Configure && field.startsWith(kMetadata)))
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
    m_conflictPage->showConflict(
        m_baseSpec, m_object.value(kMetadata).toObject().value(QLatin1String("resourceVersion")).toString(),
        m_conflictMine, m_conflictServer);
    setState(State::Conflict);
    m_banner->showMessage(MessageBanner::Kind::Warning,
                          tr("The deployment changed on the server since you opened it; your change was not "
                             "applied."));
}

void ConfigureDialog::startFrom(const QJsonObject &spec)
{
    m_spec = spec;
    m_formPage->load(m_spec);
    m_yamlPage->replaceSpec(m_spec);
    revalidate();
    setCurrentPage(m_problems.isEmpty() ? Page::Review : Page::Form);
}

void ConfigureDialog::reapplyOnTop()
{
    const QJsonObject serverSpec = Deployment::editableSpec(m_conflictServer);
    const QJsonObject mine = json::createMergePatch(m_baseSpec, m_conflictMine);
    const QJsonObject merged = json::applyMergePatch(serverSpec, mine).toObject();

    // The server's object becomes the base; the edit is now "theirs + mine".
    m_object = m_conflictServer;
    m_baseSpec = serverSpec;
    m_spec = merged;
    m_conflictServer = QJsonObject();
    m_formPage->load(m_spec);
    m_yamlPage->replaceSpec(m_spec);
    setState(editingState());
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
    setState(editingState());
    loadObject(server);
    setCurrentPage(Page::Form);
    m_banner->showMessage(
        MessageBanner::Kind::Information,
        tr("Your change was discarded. The form shows the deployment as it is on the server now "
           "(version %1).")
            .arg(server.value(kMetadata).toObject().value(QLatin1String("resourceVersion")).toString()));
}

// --- appearance -----------------------------------------------------------------------------------------

// The pages mark their error labels "capstanError" and their explanations "capstanNote".
void ConfigureDialog::updateColours()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QColor error = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    QColor muted = palette().color(QPalette::WindowText);
    muted.setAlphaF(0.7);
    const QList<QLabel *> labels = findChildren<QLabel *>();
    for (QLabel *label : labels) {
        const bool isError = label->property("capstanError").toBool();
        if (!isError && !label->property("capstanNote").toBool())
            continue;
        QPalette pal = label->palette();
        pal.setColor(QPalette::WindowText, isError ? error : muted);
        label->setPalette(pal);
    }
}

void ConfigureDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

} // namespace capstan
