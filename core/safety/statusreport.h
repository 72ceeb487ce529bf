#pragma once

#include "graph/plan.h"
#include "safety/issue.h"

namespace strata {

class Connection;
class Project;

struct StatusOptions
{
    // Compare the schema replayed at the database's revision with the live one.
    bool drift = true;
};

// Where a database stands against a project: what `strata status` prints
// and the studio's status bar and badges show.
struct StatusReport
{
    QStringList heads;               // the version rows, as stored
    QList<PlanStep> pending;         // upgrade steps to the project's heads; pointers into the project
    bool driftChecked = false;       // false when the heads are unknown or drift was not asked for
    QList<Issue> issues;
    // Revision -> the file's checksum now, for every applied file edited since (what `repair` records).
    QHash<QString, QString> editedChecksums;
};

// Applied revisions whose file changed after the upgrade (checksum in the
// history table vs the file now), one Error issue each naming the file and
// when it was applied. `heads` are the database's version rows.
Result<QList<Issue>> editedAfterApply(Connection &connection, const Project &project, const QStringList &heads,
                                      QHash<QString, QString> *currentChecksums = nullptr);

// Drift: how the live schema differs from the one replayed at `heads`, one
// line each ("Detected added table 'x'"), read as revisions -> database.
Result<QStringList> driftFrom(Connection &connection, const Project &project, const QStringList &heads);

Result<StatusReport> inspectStatus(Connection &connection, const Project &project,
                                   const StatusOptions &options = {});

} // namespace strata
