#pragma once

#include "actions/actionrequest.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace capstan {

// The spec a rollback to a snapshot restores: the revision Capstan recorded as live when the snapshot
// was taken (empty: none recorded, only the state is restored) and its generation (-1: unknown).
struct SpecRevision
{
    QJsonObject spec;
    qint64 generation = -1;
};

// What one action writes to a FlinkDeployment's spec, computed from the object as the server has it.
// The preview the user confirms and the action that sends the write both call make(), so the diff
// shown is the change written.
struct ActionPlan
{
    QJsonObject patch; // JSON merge patch of the spec
    QString refusal; // non-empty: the action refuses, translated
    QString note; // an extra step for the Activity panel ("restartNonce 3 → 4"), translated
    bool nothingToDo = false;

    bool refused() const { return !refusal.isEmpty(); }
    // The spec as it will be after the write.
    QJsonObject specAfter(const QJsonObject &currentSpec) const;

    // Whether `kind` is written as a merge patch of the spec (everything but Create, Delete and the
    // snapshot actions).
    static bool patchesSpec(ActionKind kind);
    // The plan for `request` on `current` (the whole FlinkDeployment). RollbackToSnapshot reads the
    // spec to restore from `revision`.
    // A FlinkBlueGreenDeployment's plan is made on its template's spec and written below spec.template.
    static ActionPlan make(const ActionRequest &request, const QJsonObject &current, const SpecRevision &revision = {});
    // What a change of a blue/green deployment's template sets off, in one sentence (translated).
    static QString blueGreenTransition(const QJsonObject &templateSpecAfter);

    Q_DECLARE_TR_FUNCTIONS(capstan::ActionPlan)

private:
    static ActionPlan make(const ActionRequest &request, const QJsonObject &current, const QJsonObject &spec,
                           const SpecRevision &revision);
};

} // namespace capstan
