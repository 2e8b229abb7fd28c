#pragma once

#include "flink/yamlreader.h"
#include "ui/specchecks.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTimer;

namespace capstan {

class YamlHighlighter;

// The YAML page of ConfigureDialog: the spec as highlighted YAML text. A pause in typing parses the text
// (a large document off the GUI thread); the page lists the syntax error or the problems found in the spec
// with their line and column, and marks those lines in the editor.
class ConfigureYamlPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigureYamlPage)

public:
    explicit ConfigureYamlPage(QWidget *parent = nullptr);
    ~ConfigureYamlPage() override;

    // Shows spec as YAML; the user's text (comments, order) stays when it already says the same.
    void setSpec(const QJsonObject &spec);
    // Shows spec as YAML written anew, whatever the user's text was.
    void replaceSpec(const QJsonObject &spec);
    // What the status says when nothing is wrong, instead of the schema's words (a spec that is not
    // checked against a CRD schema).
    void setValidNote(const QString &note) { m_validNote = note; }

    // Whether the user typed since the text was last set or committed.
    bool isEdited() const { return m_edited; }
    // Parses the text now (before leaving the page). True when it parses: spec() is then its spec and the
    // text no longer counts as edited.
    bool commit();
    // The spec of the text that parsed last.
    QJsonObject spec() const { return m_document.value.toObject(); }
    // Whether the text parsed at its last parse; error() says why not.
    bool isValid() const { return m_valid; }
    Error error() const { return m_error; }

    // Lists problems (fields below spec) at their lines; while the text does not parse, its syntax error
    // instead. hasSchema: the cluster's schema took part in the checks.
    void showProblems(const QList<SpecChecks::Problem> &problems, bool hasSchema);

signals:
    // The user typed; a parse follows after a pause.
    void edited();
    // The parse after a pause finished: valid means spec() is the text's spec.
    void parsed(bool valid);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onTextChanged();
    void parseWhileTyping();
    bool takeParsed(Result<YamlReader::Document> parsed);
    void goToProblem(int line, int column);

    YamlReader::Document m_document;
    Error m_error;
    bool m_valid = true;
    bool m_edited = false;
    bool m_parseInFlight = false; // one background parse at a time
    quint64 m_textGeneration = 0; // bumped by every change of the text; a parse of an older text is dropped
    // Not flow state: set while the page sets the text itself, so that change is no edit.
    bool m_settingText = false;

    QString m_validNote;
    QPlainTextEdit *m_editor;
    YamlHighlighter *m_highlighter;
    QLabel *m_status;
    QListWidget *m_errors;
    QTimer *m_timer;
};

} // namespace capstan
