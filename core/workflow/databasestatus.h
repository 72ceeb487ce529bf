#pragma once

#include "core/dialect/dialectkind.h"
#include "core/graph/plan.h"
#include "core/safety/appliedhistory.h"
#include "core/safety/issue.h"

#include <QHash>

namespace strata {

class Connection;
class Project;

struct StatusOptions
{
    // Compare the schema replayed at the database's revision with the live one.
    bool drift = true;
};

// Where a database stands against a project: what `strata status` prints
// and what the studio's status bar, timeline badges and safety views show.
// One reading for both faces, so they cannot disagree.
struct DatabaseStatus
{
    DialectKind dialect = DialectKind::Sqlite;
    QString displayUrl;              // redacted
    QString databaseName;            // file name or database name
    bool versioned = false;          // the version table exists
    QStringList heads;               // the version rows, as stored
    QStringList unknownHeads;        // rows naming revisions the project does not have
    QList<PlanStep> pending;         // upgrade steps to the project's heads; pointers into the project
    // What the history table says is applied, `repair` rows counted: revision -> record.
    QHash<QString, AppliedRecord> applied;
    bool driftChecked = false;       // false when the heads are unknown or drift was not asked for
    QStringList drift;               // one difference per line, revisions -> live database
    QString driftProblem;            // why drift was not checked, when it was asked for
    QList<Issue> issues;             // unknown, missing and edited revisions, drift: in that order
    // Revision -> the file's checksum now, for every applied file edited since (what `repair` records).
    QHash<QString, QString> editedChecksums;

    QList<Issue> issuesWithCode(const QString &code) const;
    // Revision -> checksum recorded when applied (or accepted by repair).
    QHash<QString, QString> appliedChecksums() const;
};

// Applied revisions whose file changed after the upgrade (checksum in the
// history table vs the file now), one Error issue each naming the file and
// when it was applied. `heads` are the database's version rows.
Result<QList<Issue>> editedAfterApply(Connection &connection, const Project &project, const QStringList &heads,
                                      QHash<QString, QString> *currentChecksums = nullptr);

// Drift: how the live schema differs from the one replayed at `heads`, one
// line each ("Detected added table 'x'"), read as revisions -> database;
// triggers and views included (see objectdrift.h).
Result<QStringList> driftFrom(Connection &connection, const Project &project, const QStringList &heads);

Result<DatabaseStatus> readDatabaseStatus(Connection &connection, const Project &project,
                                          const StatusOptions &options = {});

} // namespace strata
