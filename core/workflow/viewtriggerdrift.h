#pragma once

#include "core/error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

class Connection;
class Dialect;
class Project;

// A trigger or a view: objects the replayed Schema does not model, which a
// revision makes with `execute:` (or a person makes by hand). Drift must see
// them all the same: a rebuild carries them over, a hand-made one is a change
// nobody reviewed.
struct SchemaObject
{
    enum class Kind { Trigger, View };
    Kind kind = Kind::View;
    QString name;
    QString table;       // a trigger's table (or view); empty for a view
    QString origin;      // "file:line" of the statement that made it; empty for a live object

    QString kindName() const { return kind == Kind::Trigger ? QStringLiteral("trigger") : QStringLiteral("view"); }
    // The name as the database compares it: SQLite ignores case; PostgreSQL
    // folds unquoted names when the statement is read, so it is kept as is.
    QString key(bool caseInsensitive) const;
};

// What the history leaves at `heads`: every upgrade of every applied revision
// in graph order, its `execute:` statements for `dialect` read with the SQL
// tokenizer (CREATE / DROP TRIGGER and VIEW, temporary ones left out), and a
// trigger gone with its table when a step drops the table.
struct HistoryObjects
{
    QList<SchemaObject> objects;
    // False when an applied step's SQL is not all known (an Alembic data step
    // whose recording stopped early, a statement Strata could not translate):
    // then an object the history does not name may still be the history's.
    bool complete = true;
};
Result<HistoryObjects> historyObjects(const Project &project, const QStringList &heads, const Dialect &dialect);

// The triggers and views the database holds: SQLite's sqlite_master; on
// PostgreSQL, pg_trigger without the internal ones (foreign keys) and views
// and materialized views of the project's schema, neither owned by an extension.
Result<QList<SchemaObject>> liveObjects(Connection &connection, const Project &project);

// Drift lines, the replayed history -> the live database: objects the
// database has that no applied revision makes, and the reverse.
Result<QStringList> viewTriggerDrift(Connection &connection, const Project &project, const QStringList &heads);

} // namespace strata
