#pragma once

#include "core/diff/objectdrift.h"
#include "core/introspect/tablefootprint.h"

namespace strata {

class Connection;
class Project;

// What the studio's database view shows: the tables with their rows and
// sizes, and drift object by object (what the database has that the history
// does not build, and the reverse), read at the database's own revision.
struct DatabaseOverview
{
    QString displayUrl;                  // redacted
    QStringList heads;                   // the version rows the drift was read at
    DatabaseFootprint footprint;
    QStringList bookkeepingTables;       // the project's version and history tables, among footprint.tables
    bool driftChecked = false;
    QString driftProblem;                // why drift was not read, when it was not
    QList<ObjectDrift> drift;
};

// Reads the footprint and the drift through a connection of this thread
// (it introspects: call it off the window's thread).
Result<DatabaseOverview> readDatabaseOverview(Connection &connection, const Project &project);

} // namespace strata
