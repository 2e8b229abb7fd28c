#pragma once

#include "vvp/vvpendpoint.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace capstan {

// A Ververica Platform the user names by hand: its Service, reached through a kubeconfig context and
// the API server's service proxy, or its URL with an API token. The dialog only checks what was typed;
// connecting is the session's job, so the GUI thread never waits on the network here.
class PlatformConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformConnectDialog)

public:
    struct Connection
    {
        QString kubeContext; // ServiceProxy only: the kubeconfig context whose API server proxies
        VvpEndpoint endpoint;
        QString token; // Url only; empty for a platform without authentication
    };

    // `kubeContexts` in kubeconfig order; `currentKubeContext` is preselected when among them.
    PlatformConnectDialog(const QStringList &kubeContexts, const QString &currentKubeContext,
                          QWidget *parent = nullptr);

    // Fills the dialog with a platform listed already, to connect to it again (a new token, another port).
    void setConnection(const QString &kubeContext, const VvpEndpoint &endpoint);
    // Valid only while the Connect button is enabled.
    Connection connection() const;
    bool isComplete() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    // Shows what is wrong under each field and enables Connect when nothing is.
    void validate();
    void updateColours();

    QButtonGroup *m_mode;
    QFormLayout *m_form = nullptr;
    QComboBox *m_kubeContext;
    QLineEdit *m_namespace;
    QLineEdit *m_service;
    QLineEdit *m_port;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QLabel *m_namespaceMessage;
    QLabel *m_serviceMessage;
    QLabel *m_portMessage;
    QLabel *m_urlMessage;
    QLabel *m_tokenNote;
    QPushButton *m_connect = nullptr;
    // Fields the user has typed in: an empty one is only reported once it was touched.
    QList<const QLineEdit *> m_edited;
};

} // namespace capstan
