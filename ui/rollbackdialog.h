#pragma once

#include "flink/snapshot.h"

#include <QDialog>
#include <QJsonObject>

namespace capstan {

class YamlDiffView;

// "Rollback to this snapshot": shows the spec revision that was live when the snapshot was taken
// against today's spec, and the state path the job will restore, before anything is sent.
class RollbackDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RollbackDialog)

public:
    // revisionSpec empty: the revision is unknown, only the state is restored.
    RollbackDialog(const Snapshot &snapshot, const QJsonObject &currentSpec, const QJsonObject &revisionSpec,
                   QWidget *parent = nullptr);

    // The spec the deployment will have: the revision (or today's spec), today's nonces, job state
    // and upgrade mode, initialSavepointPath := the snapshot, savepointRedeployNonce + 1.
    static QJsonObject targetSpec(const QJsonObject &currentSpec, const QJsonObject &revisionSpec, const QString &path);

    const Snapshot &snapshot() const { return m_snapshot; }
    bool revisionKnown() const { return m_revisionKnown; }

private:
    Snapshot m_snapshot;
    bool m_revisionKnown;
};

} // namespace capstan
