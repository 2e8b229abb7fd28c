#pragma once

#include "session/historystore.h"

#include <QAbstractTableModel>

#include <memory>

namespace capstan {

class ServerClock;

// The jobs a deployment has run, newest first (the list is small and replaced as a whole).
class JobRunTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunTableModel)

public:
    enum Column { JobId, Start, End, Duration, FinalState, Generation, RestoredFrom, Intended, ColumnCount };

    explicit JobRunTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A running job's duration is counted on the cluster's clock; without one, on the local clock.
    void setClock(std::shared_ptr<const ServerClock> clock);
    void setJobs(const QList<JobRun> &jobs);
    const QList<JobRun> &jobs() const { return m_rows; }

private:
    QList<JobRun> m_rows;
    std::shared_ptr<const ServerClock> m_clock;
};

} // namespace capstan
