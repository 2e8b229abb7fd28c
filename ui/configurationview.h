#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSplitter;

namespace capstan {

class MessageBanner;
class YamlDiffView;
class YamlHighlighter;

// The configuration page of a FlinkDeployment: a banner while a spec change waits to be reconciled,
// the current spec as YAML, and how the last reconciled spec differs from the last stable one.
class ConfigurationView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigurationView)

public:
    explicit ConfigurationView(QWidget *parent = nullptr);

    // The whole FlinkDeployment resource as the API server returned it. Called again on every update;
    // views whose text did not change keep their scroll position.
    void setObject(const QJsonObject &flinkDeployment);

    QString specYaml() const;
    // The diff as shown: one line per entry, prefixed "+ ", "− " or "  ", or the sentence that replaces it.
    QString diffText() const;
    // The line above the diff: what differs, and whose the parallelism overrides are.
    QString diffSummary() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateBanner(const QJsonObject &object);
    void updateDiff(const QJsonObject &status);
    void renderDiff();
    static void setTextKeepingScroll(QPlainTextEdit *edit, const QString &text);

    MessageBanner *m_banner;
    QSplitter *m_splitter;
    QPlainTextEdit *m_specView;
    YamlHighlighter *m_highlighter;
    QLabel *m_diffSummary;
    YamlDiffView *m_diffView;
    QString m_bannerText;
    QString m_diffBefore;
    QString m_diffAfter;
    QString m_diffMessage;
    QString m_autoscalerNote; // the reconciled spec carries parallelism overrides the autoscaler set
    bool m_diffKnown = false;
};

} // namespace capstan
