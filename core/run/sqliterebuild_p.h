#pragma once

#include "core/db/connection.h"
#include "core/run/offlinescript.h"

#include <functional>

namespace strata {

// Runs SQLite table rebuilds so that they cannot lose data, whatever the
// revisions' `execute:` statements did to the database before:
// - foreign keys are off while the old table is dropped (PRAGMA foreign_keys
//   is a no-op inside a transaction, so it is set before BEGIN) and put back
//   as they were afterwards;
// - the rebuild starts from the table as the database holds it: a column or
//   constraint the replayed schema does not know stops the step before
//   anything changes, naming the differences; indexes, triggers and views the
//   revisions never declared are carried over;
// - rows of other tables that point at the rebuilt one are checked before commit.
class SqliteRebuildGuard
{
public:
    using Execute = std::function<Status(const Statement &statement)>;

    explicit SqliteRebuildGuard(Connection &connection) : m_connection(connection) {}
    ~SqliteRebuildGuard();
    SqliteRebuildGuard(const SqliteRebuildGuard &) = delete;
    SqliteRebuildGuard &operator=(const SqliteRebuildGuard &) = delete;

    // Outside a transaction: foreign keys off; true when they were on.
    Result<bool> foreignKeysOff();
    // Outside a transaction: foreign keys on again when foreignKeysOff() found them on.
    Status restoreForeignKeys(bool wereOn);

    // Runs the statements of an operation that rebuilds tables; one that is not
    // inside the step's transaction (a non-transactional revision) gets its own.
    Status run(const RenderedOperation &operation, bool inTransaction, const Execute &execute);

private:
    struct SchemaObject
    {
        QString type;   // index, trigger, view
        QString name;
        QString sql;
    };
    Status checkLiveTable(const RenderedOperation::Rebuild &rebuild);
    Result<QList<SchemaObject>> objectsToCarry(const RenderedOperation::Rebuild &rebuild);
    Status runInside(const RenderedOperation &operation, const Execute &execute);
    Result<QList<QVariantList>> referencesTo(const QString &table);
    Status checkReferences(const QString &table, qsizetype brokenBefore);

    Connection &m_connection;
};

} // namespace strata
