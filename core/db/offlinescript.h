#pragma once

#include "dialect/dialect.h"
#include "graph/plan.h"

namespace strata {

class Project;

// The statements of one step: its operations rendered against the schema just
// before it, then the version-row moves. No BEGIN/COMMIT, no history row.
Result<QStringList> stepStatements(const Project &project, const PlanStep &step,
                                   const Dialect &dialect, const Schema &before);

// The SQL a run would execute, as a script: the version tables' DDL, then each
// step in BEGIN ... COMMIT with its version-row moves and history row. The
// same Plan and Dialect as a real run, so the preview is exactly what runs.
// startSchema is the schema at plan.fromHeads.
Result<QString> offlineScript(const Project &project, const Plan &plan, const Dialect &dialect);

} // namespace strata
