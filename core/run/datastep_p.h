#pragma once

#include "core/graph/plan.h"
#include "core/schema/schema.h"

namespace strata {

class Connection;
class Project;

namespace alembic {

// Runs a data step (see Revision's DataStep): the one revision's upgrade() or
// downgrade() through Alembic itself, in Strata's Python bridge, with the
// team's own interpreter and imports. The bridge opens its own connection
// (the URL goes in its environment, never on a command line), checks that the
// version rows are still the plan's, runs the function under Alembic's real
// Operations and moves the rows inside that same transaction. Strata holds its
// run lock meanwhile (on PostgreSQL an advisory lock the bridge does not
// need; on SQLite no transaction of Strata's is open while it runs) and
// writes its history row after.
class DataStepRunner
{
public:
    DataStepRunner(Connection &connection, const Project &project);

    // Whether this step must run through Alembic.
    static bool applies(const Project &project, const PlanStep &step);
    // Before anything runs: fails when a step of the plan needs Python that
    // can't be had (a data step, or a script only Python reads whole, that
    // Python could not load), naming the file and line.
    static Status preflight(const Project &project, const Plan &plan);

    // The schema after the step: `before` with the operations recording found.
    Result<Schema> run(const PlanStep &step, const Schema &before, const QStringList &expectedHeads);

private:
    Connection &m_connection;
    const Project &m_project;
};

} // namespace alembic
} // namespace strata
