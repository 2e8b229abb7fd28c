#pragma once

#include "flink/deployment.h"

#include "ui/models/keyedtablemodel.h"

#include <QSet>
#include <QTimer>

#include <memory>

namespace capstan {

class ServerClock;

// The deployments of one context. Observes batches from the session (never fetches); rows are
// found by uid through a hash index, so a batch costs O(changes), not O(rows).
struct DeploymentUid
{
    QString operator()(const Deployment &d) const { return d.uid; }
};

class DeploymentTableModel final : public KeyedTableModel<Deployment, DeploymentUid>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentTableModel)

public:
    enum Column {
        Name,
        Kind, // application, session cluster, session job, blue/green (and its children)
        Namespace,
        State,
        JobState,
        Parallelism,
        UpgradeMode,
        FlinkVersion,
        LastSnapshot,
        Restarts,
        Age,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, UidRole, DisplayStateRole, FailingRole };

    explicit DeploymentTableModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void applyBatch(const DeploymentBatch &batch);
    void clear();

    const Deployment *deployment(const QString &uid) const { return find(uid); }
    // Deployments ("namespace/name") whose metrics are collected while closed: marked with a pin.
    void setPinned(const QSet<QString> &keys);
    bool isPinned(const Deployment &d) const { return m_pinned.contains(d.key()); }

    // Ages are counted on the cluster's clock (SessionHost::clock()); without one, on the local clock.
    void setClock(std::shared_ptr<const ServerClock> clock);
    QDateTime now() const;

    static QString ageText(qint64 seconds);
    static QString stateText(DisplayState state);
    // "Application", "Session cluster", "Session job", "Blue/green", "Blue/green child".
    static QString kindText(const Deployment &d);

    // The cells of one deployment, shared with the lists that show deployments next to other columns
    // (the Fleet view): `column` is a Column, `now` the cluster's time the ages count to.
    static QVariant cellData(const Deployment &d, int column, int role, const QDateTime &now, bool pinned);
    static QVariant columnTitle(int column);
    // Columns whose text is a number or an age, aligned right.
    static bool isNumeric(int column);

private:
    QTimer m_ageTimer;
    QSet<QString> m_pinned;
    std::shared_ptr<const ServerClock> m_clock;
};

} // namespace capstan
