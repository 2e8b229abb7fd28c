#pragma once

#include "flink/jobgraph.h"

#include <QCoreApplication>
#include <QString>

namespace capstan {

// How the job graph and its vertex details write their figures, the same in both.
class GraphText final
{
    Q_DECLARE_TR_FUNCTIONS(capstan::GraphText)

public:
    // "1.2k/s", "830/s"; empty when unknown (< 0).
    static QString rate(double perSecond);
    // "87 %"; empty when unknown.
    static QString percent(double ratio);
    // "420 ms", "3.2 s", "4 min 10 s", "2 h 5 min"; empty when unknown.
    static QString duration(qint64 ms);
    // "ok", "low", "high" as words of the back-pressure level, and what it means.
    static QString pressure(JobVertex::Pressure pressure);
    // The vertex's load in words: "busy 92 %", "back-pressured 71 %", "idle".
    static QString load(const JobVertex &vertex);
};

} // namespace capstan
