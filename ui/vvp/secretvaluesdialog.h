#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace capstan {

struct Error;
class SessionHost;

// View → Secret Values of a Ververica Platform namespace: their names and kinds, a new one created
// from a name and a value typed into a password field, and deletion after a confirmation that names
// it. Values are write-only: the field is cleared as soon as the value is sent, and nothing shows one.
class SecretValuesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretValuesDialog)

public:
    SecretValuesDialog(SessionHost *host, const QString &ns, QWidget *parent = nullptr);
    ~SecretValuesDialog() override;

    QString ns() const { return m_ns; }
    QStringList names() const { return m_names; }
    QString statusText() const;

private:
    void onListed(const QString &ns, const QStringList &names, const QStringList &kinds);
    void onFailed(const QString &ns, int request, const Error &error);
    void create();
    void confirmDelete();
    void updateButtons();

    SessionHost *m_host;
    QString m_ns;
    QStringList m_names;
    QString m_pending; // created or deleted, awaiting the list that shows it
    bool m_pendingDelete = false;
    QTreeWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_value;
    QPushButton *m_create;
    QPushButton *m_delete;
    QLabel *m_status;
};

} // namespace capstan
