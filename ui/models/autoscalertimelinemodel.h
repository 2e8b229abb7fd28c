#pragma once

#include "flink/autoscalerreport.h"

#include <QAbstractTableModel>

namespace capstan {

// The autoscaler's decisions, newest first: scalingHistory merged with its Events, each saying why it
// scaled or did not (AutoscalerReport::Decision).
class AutoscalerTimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoscalerTimelineModel)

public:
    enum Column { Time, Decision, Why, Source, ColumnCount };

    explicit AutoscalerTimelineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setDecisions(const QList<AutoscalerReport::Decision> &decisions);
    const QList<AutoscalerReport::Decision> &decisions() const { return m_decisions; }
    // "Scaled up", "Recommended", … for the kind.
    static QString kindText(AutoscalerReport::Decision::Kind kind);

private:
    QList<AutoscalerReport::Decision> m_decisions;
};

} // namespace capstan
