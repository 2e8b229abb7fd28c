#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;

namespace capstan {

class MessageBanner;
class YamlDiffView;
class YamlHighlighter;

// The configuration page of a FlinkDeployment: a banner while a spec change waits to be reconciled,
// the current spec as YAML, and how the last reconciled spec differs from the last stable one. For a
// Ververica Platform deployment, which keeps no earlier spec of its own: the platform's spec as YAML
// and how it differs from the revision Capstan recorded before it (setPreviousRevision).
class ConfigurationView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigurationView)

public:
    explicit ConfigurationView(QWidget *parent = nullptr);

    // The whole FlinkDeployment resource as the API server returned it. Called again on every update;
    // views whose text did not change keep their scroll position.
    void setObject(const QJsonObject &flinkDeployment);
    // A platform deployment's revision before its current spec (spec empty: none recorded yet): when it
    // became the spec, when it was replaced, and the audit log's key of the action that replaced it
    // ("": not known to be one of Capstan's).
    void setPreviousRevision(const QJsonObject &spec, const QDateTime &since, const QDateTime &until,
                             const QString &action);

    QString specYaml() const;
    // What "Roll Back to This Revision…" proposes: the previous revision's spec with the current desired
    // state (a rollback changes what runs, not whether it runs); empty when there is no revision.
    QJsonObject revisionRollbackSpec() const;

signals:
    // The user asked to go back to the previous revision (the spec to propose in Configure's review).
    void rollbackToRevisionRequested(const QJsonObject &spec);

public:
    // The diff as shown: one line per entry, prefixed "+ ", "− " or "  ", or the sentence that replaces it.
    QString diffText() const;
    // The line above the diff: what differs, and whose the parallelism overrides are.
    QString diffSummary() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateBanner(const QJsonObject &object);
    void updateDiff(const QJsonObject &status);
    void updatePlatformDiff();
    void setDiffTexts(const QString &before, const QString &after);
    void renderDiff();
    void fitDiffPane();
    static void setTextKeepingScroll(QPlainTextEdit *edit, const QString &text);

    MessageBanner *m_banner;
    QSplitter *m_splitter;
    QPlainTextEdit *m_specView;
    YamlHighlighter *m_highlighter;
    QLabel *m_diffHeading;
    QLabel *m_diffSummary;
    YamlDiffView *m_diffView;
    QPushButton *m_rollbackButton;
    QJsonObject m_currentSpec;
    QString m_bannerText;
    QString m_diffBefore;
    QString m_diffAfter;
    QString m_diffMessage;
    QString m_autoscalerNote; // the reconciled spec carries parallelism overrides the autoscaler set
    bool m_diffKnown = false;
    bool m_platform = false;
    // The platform's revision before the current spec, as the session last answered.
    bool m_previousKnown = false;
    QJsonObject m_previousSpec;
    QDateTime m_previousSince;
    QDateTime m_previousUntil;
    QString m_previousAction;
};

} // namespace capstan
