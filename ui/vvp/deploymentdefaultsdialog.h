#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace capstan {

class ConfigureYamlPage;
struct Error;
class SessionHost;

// View → Deployment Defaults of a Ververica Platform namespace: the defaults as YAML, edited and
// saved with their resourceVersion (a change someone made since is reported as a conflict, never
// overwritten), and the effective configuration of a deployment: each of its settings marked as its
// own or taken from the defaults.
class DeploymentDefaultsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentDefaultsDialog)

public:
    // deployment: the platform's object of the deployment whose effective configuration is shown
    // (empty: none is selected).
    DeploymentDefaultsDialog(SessionHost *host, const QString &ns, const QJsonObject &deployment,
                             QWidget *parent = nullptr);
    ~DeploymentDefaultsDialog() override;

    QString ns() const { return m_ns; }
    // The defaults object last read or saved (metadata, spec).
    const QJsonObject &defaults() const { return m_defaults; }
    QString resourceVersion() const;
    ConfigureYamlPage *yamlPage() const { return m_yaml; }
    QString statusText() const;
    // Saves the edited YAML (what the Save button does).
    void save();
    void reload();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onDefaults(const QString &ns, const QJsonObject &object);
    void onFailed(const QString &ns, int request, const Error &error);
    void onParsed(bool valid);
    void showEffective();
    void showYamlProblems();
    void setStatus(const QString &text, bool problem);

    SessionHost *m_host;
    QString m_ns;
    QJsonObject m_defaults;
    QJsonObject m_deployment;
    bool m_saving = false;
    QTabWidget *m_tabs;
    ConfigureYamlPage *m_yaml;
    QTreeWidget *m_effective;
    QLabel *m_effectiveLabel;
    QLabel *m_status;
    QPushButton *m_save;
};

} // namespace capstan
