#pragma once

#include "core/db/connection.h"

#include <optional>

namespace strata {

// The version table (one row per head the database is at) and the history
// table (one row per applied step).
class VersionStore
{
public:
    VersionStore(Connection &connection, QString versionTable, QString historyTable)
        : m_connection(connection), m_versionTable(std::move(versionTable)),
          m_historyTable(std::move(historyTable)) {}

    const QString &versionTable() const { return m_versionTable; }
    const QString &historyTable() const { return m_historyTable; }

    bool exists();
    // Idempotent. A history table in a schema of its own that cannot be
    // created is left out (note() says so): the version table is what a run needs.
    Status create();
    QString note() const { return m_note; }
    Result<QStringList> heads();             // empty when the table is missing or empty

    // Replaces every row with the given heads, in one transaction (stamp);
    // creates the tables when missing. Without purge the current rows must be
    // readable first (the caller checks them against the project); with purge
    // they are deleted whatever they hold.
    Status stamp(const QStringList &heads, bool purge);
    // The same under the run lock; with `expected`, refused unless the rows
    // inside the transaction are still those (another process did not move them).
    Status replaceHeads(const QStringList &heads, const std::optional<QStringList> &expected);

private:
    Status createTables(const QString &historyTable);

    Connection &m_connection;
    QString m_versionTable;
    QString m_historyTable;
    QString m_note;
};

} // namespace strata
