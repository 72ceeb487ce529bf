#pragma once

#include "core/db/databaseurl.h"
#include "core/dialect/dialect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QVariant>

#include <memory>

namespace strata {

class PgHandle;
class SqliteHandle;

// One open database connection with its dialect. Belongs to the thread that
// opened it (a QSqlDatabase rule). Every failure is copied out of QSqlError
// at once, with the statement that caused it.
class Connection
{
public:
    struct Options {
        int busyTimeoutMs = 5000;          // SQLite: how long to wait for another writer
        int connectTimeoutSeconds = 10;    // PostgreSQL
    };

    static Result<std::unique_ptr<Connection>> open(const DatabaseUrl &url, Options options);
    static Result<std::unique_ptr<Connection>> open(const DatabaseUrl &url) { return open(url, Options{}); }
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    const DatabaseUrl &url() const { return m_url; }
    const Dialect &dialect() const { return *m_dialect; }
    QSqlDatabase database() const;

    const Options &options() const { return m_options; }

    // Runs one statement; "where" in an error is the statement.
    Status exec(const QString &sql);
    // Runs statements in order, in one round trip on PostgreSQL (SQLite has
    // none to save), stopping at the first that fails: its index goes to
    // `failedAt`, its text is the error's "where". Each must be one
    // statement. Returns the rows each INSERT, UPDATE or DELETE changed.
    Result<QList<qint64>> execBatch(const QStringList &statements, qsizetype *failedAt = nullptr);
    // Runs a query and returns every row, each as a list of values.
    Result<QList<QVariantList>> select(const QString &sql);
    // The same with '?' placeholders bound to the values, in order.
    Result<QList<QVariantList>> select(const QString &sql, const QVariantList &bindings);
    // The first column of every row, as text. On SQLite straight from the
    // driver's handle: a run asks for its version rows once per step.
    Result<QStringList> selectColumn(const QString &sql);

    Status begin();          // SQLite: BEGIN IMMEDIATE, so a second writer waits on the lock at once
    Status commit();
    Status rollback();

    bool tableExists(const QString &table);

    // A failed statement as an Error (Locked for a lock timeout), the
    // password redacted: for code that runs its own QSqlQuery.
    Error statementError(const QString &sql, const QSqlError &error) const { return databaseError({}, sql, error); }
    // User tables, excluding sqlite_* and the given bookkeeping tables.
    Result<QStringList> userTables(const QStringList &exclude);

    // The lock one migration run holds from start to end, so two runs never
    // interleave. PostgreSQL: a session advisory lock named after the version
    // table, waited for up to busyTimeoutMs; a timeout says which process holds it.
    // SQLite: nothing to do here, each step's BEGIN IMMEDIATE takes the write lock.
    Status acquireRunLock(const QString &versionTable);
    void releaseRunLock();

private:
    Connection(DatabaseUrl url, QString connectionName, std::unique_ptr<Dialect> dialect, Options options);
    Error databaseError(const QString &what, const QString &sql, const class QSqlError &error) const;
    Error databaseError(const QString &sql, const QString &text, const QString &nativeCode) const;
    // A statement the SQLite handle ran and SQLite refused.
    Error sqliteError(const QString &sql, const QString &message, int code) const;
    bool isSqlite() const;

    DatabaseUrl m_url;
    QString m_name;
    std::unique_ptr<Dialect> m_dialect;
    Options m_options;
    qint64 m_runLockKey = 0;     // non-zero while the PostgreSQL advisory lock is held
    std::unique_ptr<SqliteHandle> m_sqlite;   // SQLite: exec() runs statements on the driver's handle
    std::unique_ptr<PgHandle> m_pg;           // PostgreSQL: the same on libpq's connection
};

} // namespace strata
