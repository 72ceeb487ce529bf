#pragma once

#include "core/db/connection.h"

#include <QHash>

namespace strata {

// What the history table says about one revision that is applied: the
// checksum of its file when it was applied (or re-recorded by `repair`)
// and when the upgrade ran.
struct AppliedRecord
{
    QString revision;
    QString checksum;      // empty for a row written without one
    QString appliedAt;     // ISO-8601 UTC text as the runner wrote it
};

// Reads the history table of a connection, oldest row first: an upgrade
// records a revision, a downgrade forgets it, a "repair" row replaces the
// recorded checksum and keeps the time of the upgrade.
class AppliedHistory
{
public:
    AppliedHistory(Connection &connection, QString historyTable)
        : m_connection(connection), m_historyTable(std::move(historyTable)) {}

    // Revisions whose last upgrade was not undone; empty when there is no history table.
    Result<QHash<QString, AppliedRecord>> applied();

    // Writes one "repair" row per revision with the file's checksum now, in one
    // transaction. The upgrade rows stay, so the history shows what happened.
    Status recordRepairs(const QHash<QString, QString> &checksumByRevision);

private:
    Connection &m_connection;
    QString m_historyTable;
};

} // namespace strata
