#pragma once

#include "core/db/connection.h"

#include <QTemporaryDir>

#include <memory>

namespace strata {

class Project;

// One step of a round trip: up, compare; down, compare; up again, compare.
struct RoundtripStep
{
    QString revision;
    QString arrow;            // "9b1e0aa2c4f3 -> 3f2a9c1b7d10"
    QString message;
    bool passed = true;
    QStringList problems;     // "after upgrade: Detected added index 'ix' ..." and the like
};

// Runs every upgrade step from the connection's current revision to `target`
// (default head) up, down and up again on that connection, comparing the live
// schema with the replayed one after each move, and the row count of every
// table that exists on both sides of the step before the downgrade and after
// the second upgrade. Meant for a scratch copy: it changes the database.
class RoundtripVerifier
{
public:
    RoundtripVerifier(Connection &connection, const Project &project)
        : m_connection(connection), m_project(project) {}

    // The steps as far as they got; an Error only when the run could not start
    // (bad target, unreadable version table), not when a step fails its checks.
    Result<QList<RoundtripStep>> run(const QString &target);

    // Differences the database already had from its revisions before the
    // first step (drift); they are left out of every step's comparison.
    const QStringList &driftBefore() const { return m_driftBefore; }

private:
    // Differences between the live schema and the one replayed at `heads`, one line each.
    Result<QStringList> differencesFrom(const QStringList &heads);
    Result<QHash<QString, qint64>> rowCounts();

    Connection &m_connection;
    const Project &m_project;
    QStringList m_driftBefore;
};

// A scratch copy of a database for a round trip, removed again when destroyed:
// SQLite: a copy of the file in a temporary folder; PostgreSQL: a new database
// on the same server (CREATE DATABASE), dropped at the end.
class ScratchCopy
{
public:
    static Result<std::unique_ptr<ScratchCopy>> create(const DatabaseUrl &source);
    ~ScratchCopy();
    ScratchCopy(const ScratchCopy &) = delete;
    ScratchCopy &operator=(const ScratchCopy &) = delete;

    Connection &connection() { return *m_connection; }
    // Where it is, for people (redacted).
    QString description() const;

private:
    ScratchCopy() = default;

    DatabaseUrl m_source;
    DatabaseUrl m_copy;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<Connection> m_connection;
};

} // namespace strata
