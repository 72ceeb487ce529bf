#pragma once

#include "core/db/connection.h"

namespace strata {

// How much one table holds: its rows and the bytes it takes on disk with its
// indexes (and, on PostgreSQL, its TOAST data).
struct TableFootprint
{
    QString name;
    qint64 rows = -1;           // -1: not counted
    bool rowsEstimated = false; // PostgreSQL's planner estimate, for a table too large to count
    qint64 bytes = -1;          // -1: the database cannot tell (SQLite without the dbstat table)
};

// Views and triggers: objects a revision can only create through raw SQL,
// which the replayed history therefore does not model.
struct UntrackedObject
{
    QString kind;    // "view" or "trigger"
    QString name;
    QString table;   // a trigger's table; empty for a view
};

struct DatabaseFootprint
{
    QList<TableFootprint> tables;    // by name
    QList<UntrackedObject> untracked;
    qint64 totalBytes = -1;          // the whole database (file or pg_database_size)
    QString sizeSource;              // where the sizes come from, for people
};

struct FootprintOptions
{
    QString schema;                  // PostgreSQL schema; empty: the connection's current one
    // Tables larger than this (by the planner's estimate) are not counted row
    // by row on PostgreSQL; their estimate is shown instead.
    qint64 exactCountLimit = 1'000'000;
};

// One set-based query for the sizes, one for the row counts, one for views
// and triggers. SQLite sizes come from the dbstat table when the library has
// it; otherwise only the file's size is known.
Result<DatabaseFootprint> readFootprint(Connection &connection, const FootprintOptions &options = {});

} // namespace strata
