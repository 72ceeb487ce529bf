#pragma once

#include "core/dialect/dialect.h"
#include "core/graph/plan.h"

namespace strata {

class Project;

// One operation of a step with the statements it renders to.
struct RenderedOperation
{
    const Operation *operation = nullptr;
    StatementList statements;
    // SQLite: each table the statements rebuild, as the replayed schema has it
    // before and after the operation; the runner compares `before` with the
    // live table and carries over what the revisions do not know.
    struct Rebuild
    {
        Table before;
        Table after;
    };
    QList<Rebuild> rebuilds;
};

// A step rendered for one dialect: what the runner executes and the offline
// writer prints, so the two can never differ.
struct RenderedStep
{
    QList<RenderedOperation> operations;
    StatementList versionMoves;   // the version-row statements (Statement::Kind::Data)
    Schema after;                 // the schema once the step's operations are applied
    // "file:line: kind: why; ..." for each call of an Alembic script that runs
    // as Alembic's own SQL because the replay lacks its object (see AlembicCall).
    QStringList warnings;
};

// "migrations/versions/3f2a.._add_notes.yaml:12: create_table": where an operation lives.
QString operationLocation(const Project &project, const PlanStep &step, const Operation &operation);

// Renders each operation against the schema just before it, then the version moves
// (one UPDATE when exactly one row is replaced, else DELETEs and INSERTs).
// `before` is taken by value: a caller that moves its schema in saves a copy
// of every table per step (the operations change it in place).
Result<RenderedStep> renderStep(const Project &project, const PlanStep &step, const Dialect &dialect, Schema before);

// The statements of one step: its operations rendered against the schema just
// before it, then the version-row moves. No BEGIN/COMMIT, no history row.
Result<QStringList> stepStatements(const Project &project, const PlanStep &step,
                                   const Dialect &dialect, const Schema &before);

// The SQL a run would execute, as a script: the version tables' DDL, then each
// step in BEGIN ... COMMIT with its version-row moves and history row. The
// same Plan and Dialect as a real run, so the preview is exactly what runs.
// The schema the first step starts from is the project's schema at plan.fromHeads.
// atomic: one BEGIN before the first step and one COMMIT after the last (see checkAtomicPlan).
Result<QString> offlineScript(const Project &project, const Plan &plan, const Dialect &dialect, bool atomic = false);
// The same from `start`, the project's schema at plan.fromHeads, already
// replayed (the studio's preview keeps replayed schemas; see SchemaCheckpoints).
Result<QString> offlineScript(const Project &project, const Plan &plan, const Dialect &dialect, bool atomic,
                              const Schema &start);

// All-or-nothing runs hold every step in one transaction: a revision that
// cannot run in a transaction (transactional: false, a data step run by
// Alembic on its own connection) is refused before anything runs, naming its file.
Status checkAtomicPlan(const Project &project, const Plan &plan);

} // namespace strata
