#pragma once

#include "session/auditlog.h"

#include <QDialog>

class QTableWidget;

namespace capstan {

// The local audit log: every action with its time, context, namespace, deployment, outcome,
// message and the (redacted) change it sent.
class AuditLogDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogDialog)

public:
    explicit AuditLogDialog(QWidget *parent = nullptr);

    void setEntries(const QList<AuditEntry> &entries);
    int entryCount() const;

private:
    QTableWidget *m_table;
};

} // namespace capstan
