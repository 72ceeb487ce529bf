#pragma once

#include "core/db/connection.h"

#include <QTemporaryDir>

#include <memory>

// A throw-away database for one test: an SQLite file in a temporary folder,
// or a fresh database on the PostgreSQL server that `make test` starts with
// pg_virtualenv (found through the PG* variables), dropped again at the end.
// Without a server it does not skip: isValid() is false and errorString()
// says how to run the tests.
class ScratchDatabase
{
public:
    explicit ScratchDatabase(const QString &dialect);   // "sqlite" or "postgresql"
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    // The URL in full, password included: for --database and Connection::open, never for output.
    QString url() const { return m_url.toString(); }
    const strata::DatabaseUrl &databaseUrl() const { return m_url; }
    QString password() const { return m_url.password; }
    QString sqliteFile() const { return m_url.path; }    // empty for PostgreSQL
    QString dialect() const { return strata::dialectName(m_url.dialect); }

    // A new connection each call; the caller owns it and must drop it before the fixture.
    strata::Result<std::unique_ptr<strata::Connection>> connect(strata::Connection::Options options = {}) const;

private:
    void createPostgres();
    void dropPostgres();

    QTemporaryDir m_dir;
    strata::DatabaseUrl m_url;
    QString m_error;
};

// Fails the current test function (not skips) when the database could not be set up.
#define STRATA_REQUIRE_DATABASE(scratch) \
    QVERIFY2((scratch).isValid(), qPrintable((scratch).errorString()))
