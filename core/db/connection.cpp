#include "core/db/connection.h"

#include "core/db/pghandle_p.h"
#include "core/db/sqlitehandle_p.h"

#include <QAtomicInteger>
#include <algorithm>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"strata-%1"_s.arg(counter.fetchAndAddRelaxed(1) + 1);
}

QString environment(const char *name)
{
    return qEnvironmentVariable(name);
}

QString sqlErrorText(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    return text;
}

// libpq names the server it tried; when the URL left a piece out, libpq took it
// from PG* variables or its defaults, so the message does the same.
QString postgresTarget(const DatabaseUrl &url)
{
    QString host = url.host.isEmpty() ? environment("PGHOST") : url.host;
    if (host.isEmpty())
        host = u"the local socket"_s;
    QString port = url.port ? QString::number(url.port) : environment("PGPORT");
    if (port.isEmpty())
        port = u"5432"_s;
    QString user = url.user.isEmpty() ? environment("PGUSER") : url.user;
    if (user.isEmpty())
        user = environment("USER");
    return u"%1:%2 as %3"_s.arg(host, port, user);
}

QString postgresConnectHint(const QString &serverText, const DatabaseUrl &url)
{
    if (serverText.contains(u"password authentication failed"_s) || serverText.contains(u"no password supplied"_s))
        return u"check the user and password in the database URL, or the PGPASSWORD variable"_s;
    if (serverText.contains(u"database \""_s) && serverText.contains(u"does not exist"_s)) {
        const QString name = url.database.isEmpty() ? environment("PGDATABASE") : url.database;
        return u"create the database first (`createdb %1`) or fix its name in the URL"_s.arg(name);
    }
    if (serverText.contains(u"role \""_s) && serverText.contains(u"does not exist"_s))
        return u"create the role (`createuser`) or fix the user name in the URL"_s;
    if (serverText.contains(u"Connection refused"_s) || serverText.contains(u"No such file or directory"_s)
        || serverText.contains(u"timeout expired"_s))
        return u"is the server running and accepting connections there? Check the host and port in the "
               "URL, or PGHOST and PGPORT"_s;
    return u"check the database URL (host, port, user, password, database) or the PG* variables"_s;
}

// libpq keyword=value with the value single-quoted, as its connection strings allow.
QString libpqOption(const QString &key, QString value)
{
    value.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return key + u"='"_s + value + u'\'';
}

} // namespace

Connection::Connection(DatabaseUrl url, QString connectionName, std::unique_ptr<Dialect> dialect, Options options)
    : m_url(std::move(url)), m_name(std::move(connectionName)), m_dialect(std::move(dialect)),
      m_options(options)
{
}

Connection::~Connection()
{
    releaseRunLock();
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase Connection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool Connection::isSqlite() const
{
    return m_dialect->kind() == Dialect::Kind::Sqlite;
}

Result<std::unique_ptr<Connection>> Connection::open(const DatabaseUrl &url, Options options)
{
    std::unique_ptr<Dialect> dialect = Dialect::forKind(url.dialect);
    const bool sqlite = dialect->kind() == Dialect::Kind::Sqlite;
    if (sqlite && !url.isMemory()) {
        const QDir parent = QFileInfo(url.path).absoluteDir();
        if (!parent.exists())
            return fail(Error::Code::Io,
                        u"the folder '%1' for the SQLite database does not exist"_s.arg(parent.path()),
                        url.redacted(), u"create the folder first, or fix the path in the URL "
                                        "(sqlite:///relative.db or sqlite:////absolute/path.db)"_s);
    }

    const QString name = uniqueConnectionName();
    std::unique_ptr<Connection> connection(new Connection(url, name, std::move(dialect), options));
    QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? u"QSQLITE"_s : u"QPSQL"_s, name);
    if (!db.isValid())
        return fail(Error::Code::Database,
                    u"the Qt SQL driver %1 is not installed"_s.arg(sqlite ? u"QSQLITE"_s : u"QPSQL"_s), {},
                    sqlite ? u"install libqt6sql6-sqlite"_s : u"install libqt6sql6-psql"_s);
    if (sqlite) {
        db.setDatabaseName(url.isMemory() ? u":memory:"_s : url.path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(options.busyTimeoutMs));
    } else {
        // Empty pieces are left out of libpq's connection string, so PG* variables fill them.
        db.setHostName(url.host);
        if (url.port)
            db.setPort(url.port);
        db.setUserName(url.user);
        db.setPassword(url.password);
        db.setDatabaseName(url.database);
        QStringList connectOptions;
        if (!url.options.contains(u"connect_timeout"_s))
            connectOptions << libpqOption(u"connect_timeout"_s, QString::number(options.connectTimeoutSeconds));
        for (auto it = url.options.cbegin(); it != url.options.cend(); ++it) {
            if (it.key() != u"schema"_s)           // Strata's own option, applied below
                connectOptions << libpqOption(it.key(), it.value());
        }
        db.setConnectOptions(connectOptions.join(u';'));
    }

    if (sqlite)
        SqliteHandle::configureLibrary();
    if (!db.open()) {
        // libpq's text spans lines ("...failed: Connection refused\n\tIs the server running..."): one line here.
        const QString serverText = sqlErrorText(db.lastError()).simplified();
        Error error = sqlite
            ? Error::make(Error::Code::Database, u"could not open the SQLite database: "_s + serverText,
                          url.redacted(), u"check that the file is readable and writable"_s)
            : Error::make(Error::Code::Database,
                          u"could not connect to PostgreSQL at %1: %2"_s.arg(postgresTarget(url), serverText),
                          url.redacted(), postgresConnectHint(serverText, url));
        if (!url.password.isEmpty())
            error.message.replace(url.password, u"***"_s);
        return std::unexpected(error);
    }
    if (sqlite) {
        if (SqliteHandle handle = SqliteHandle::of(db); handle.isValid())
            connection->m_sqlite = std::make_unique<SqliteHandle>(handle);
    } else if (PgHandle handle = PgHandle::of(db); handle.isValid()) {
        connection->m_pg = std::make_unique<PgHandle>(handle);
    }
    QStringList setup;
    if (sqlite) {
        // Foreign keys stay off: a table rebuild drops the old table, which must cascade nothing.
        // The rebuild checks them itself with PRAGMA foreign_key_check.
        setup << u"PRAGMA foreign_keys = OFF"_s
              << u"SELECT count(*) FROM sqlite_master"_s;   // SQLite reads the file lazily: is it one?
    } else if (url.options.contains(u"schema"_s)) {
        setup << u"SET search_path TO "_s + connection->dialect().quote(url.options.value(u"schema"_s));
    }
    for (const QString &sql : std::as_const(setup)) {
        if (auto done = connection->exec(sql); !done)
            return std::unexpected(done.error().wrappedIn(
                sqlite ? u"could not use the SQLite database (is it an SQLite file?)"_s
                       : u"could not select the schema given in the URL"_s,
                url.redacted()));
    }
    return connection;
}

Error Connection::databaseError(const QString &what, const QString &sql, const QSqlError &error) const
{
    const QString text = sqlErrorText(error);
    return databaseError(sql, what.isEmpty() ? text : what + u": "_s + text, error.nativeErrorCode());
}

Error Connection::sqliteError(const QString &sql, const QString &message, int code) const
{
    return databaseError(sql, message.trimmed(), QString::number(code));
}

Error Connection::databaseError(const QString &sql, const QString &text, const QString &code) const
{
    // SQLITE_BUSY (5) / SQLITE_LOCKED (6); PostgreSQL lock_not_available.
    const bool locked = isSqlite() ? (code == u"5"_s || code == u"6"_s) : code == u"55P03"_s;
    Error e = Error::make(locked ? Error::Code::Locked : Error::Code::Database, text, sql);
    if (!m_url.password.isEmpty())
        e.message.replace(m_url.password, u"***"_s);
    return e;
}

Status Connection::exec(const QString &sql)
{
    auto done = execBatch({sql});
    return done ? Status() : std::unexpected(done.error());
}

Result<QList<qint64>> Connection::execBatch(const QStringList &statements, qsizetype *failedAt)
{
    if (m_pg) {
        const PgHandle::Outcome done = m_pg->run(statements);
        if (done.ok)
            return done.changed;
        if (failedAt)
            *failedAt = done.failedAt;
        return std::unexpected(databaseError(statements.value(done.failedAt), done.message, done.sqlState));
    }
    QList<qint64> changed;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const QString &sql = statements.at(i);
        Status done;
        if (m_sqlite) {
            const SqliteHandle::Outcome outcome = m_sqlite->exec(sql);
            if (outcome.kind == SqliteHandle::Outcome::Kind::Done) {
                changed << outcome.changed;
                continue;
            }
            if (outcome.kind == SqliteHandle::Outcome::Kind::Failed)
                done = std::unexpected(sqliteError(sql, outcome.message, outcome.code));
        }
        if (done) {
            QSqlQuery query(database());
            query.setForwardOnly(true);
            if (query.exec(sql))
                changed << query.numRowsAffected();
            else
                done = std::unexpected(databaseError({}, sql, query.lastError()));
        }
        if (!done) {
            if (failedAt)
                *failedAt = i;
            return std::unexpected(done.error());
        }
    }
    return changed;
}

Result<QList<QVariantList>> Connection::select(const QString &sql)
{
    if (m_sqlite) {
        QList<QVariantList> rows;
        const SqliteHandle::Outcome done = m_sqlite->selectRows(sql, rows);
        if (done.kind == SqliteHandle::Outcome::Kind::Done)
            return rows;
        if (done.kind == SqliteHandle::Outcome::Kind::Failed)
            return std::unexpected(sqliteError(sql, done.message, done.code));
    }
    return select(sql, {});
}

Result<QList<QVariantList>> Connection::select(const QString &sql, const QVariantList &bindings)
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    bool ok = false;
    if (bindings.isEmpty()) {
        ok = query.exec(sql);
    } else if (query.prepare(sql)) {
        for (const QVariant &value : bindings)
            query.addBindValue(value);
        ok = query.exec();
    }
    if (!ok)
        return std::unexpected(databaseError({}, sql, query.lastError()));
    QList<QVariantList> rows;
    // Once, not per row: QSqlQuery::record() builds every field's description
    // anew, which cost more than the values on a catalog read of 50,000 rows.
    const int columns = query.record().count();
    while (query.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row << query.value(i);
        rows << row;
    }
    return rows;
}

Result<QStringList> Connection::selectColumn(const QString &sql)
{
    if (m_sqlite) {
        QStringList column;
        const SqliteHandle::Outcome done = m_sqlite->selectColumn(sql, column);
        if (done.kind == SqliteHandle::Outcome::Kind::Done)
            return column;
        if (done.kind == SqliteHandle::Outcome::Kind::Failed)
            return std::unexpected(sqliteError(sql, done.message, done.code));
    }
    // Not select(sql): on SQLite the handle has just said it does not take this text.
    auto rows = select(sql, {});
    if (!rows)
        return std::unexpected(rows.error());
    QStringList column;
    column.reserve(rows->size());
    for (const QVariantList &row : std::as_const(*rows))
        column << row.value(0).toString();
    return column;
}

Status Connection::begin()
{
    const QString sql = isSqlite() ? u"BEGIN IMMEDIATE"_s : m_dialect->beginTransaction();
    auto done = exec(sql);
    if (!done && done.error().code == Error::Code::Locked) {
        return fail(Error::Code::Locked,
                    u"database is locked by another process (waited %1 ms)"_s.arg(m_options.busyTimeoutMs),
                    m_url.redacted(),
                    u"try again later or with a longer --lock-timeout; to find the other process: `fuser %1`"_s
                        .arg(m_url.path));
    }
    return done;
}

Status Connection::commit()
{
    return exec(m_dialect->commitTransaction());
}

Status Connection::rollback()
{
    return exec(u"ROLLBACK"_s);
}

bool Connection::tableExists(const QString &table)
{
    if (table.isEmpty())
        return false;
    // "schema.table" on PostgreSQL: a table in that schema (Strata's history for Alembic folders).
    const qsizetype dot = isSqlite() ? -1 : table.indexOf(u'.');
    if (dot > 0) {
        auto rows = select(u"SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?"_s,
                           {table.left(dot), table.mid(dot + 1)});
        return rows && !rows->isEmpty();
    }
    const QString sql = isSqlite()
        ? u"SELECT 1 FROM sqlite_master WHERE type = 'table' AND lower(name) = lower(?)"_s
        // pg_class, not information_schema: the latter hides tables the role may not read, and a
        // version table it cannot read must be an error ("permission denied"), never "at base".
        : u"SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
          "WHERE n.nspname = current_schema() AND c.relname = ? AND c.relkind IN ('r', 'p')"_s;
    auto rows = select(sql, {table});
    return rows && !rows->isEmpty();
}

Result<QStringList> Connection::userTables(const QStringList &exclude)
{
    const QString sql = isSqlite()
        ? u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
          "ORDER BY name"_s
        : u"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
          "AND table_type = 'BASE TABLE' ORDER BY table_name"_s;
    auto rows = select(sql);
    if (!rows)
        return std::unexpected(rows.error());
    QStringList tables;
    for (const QVariantList &row : *rows) {
        const QString name = row.value(0).toString();
        // A qualified name excluded ("strata.strata_history") is excluded as the plain table too.
        const bool excluded = std::ranges::any_of(exclude, [&name](const QString &e) {
            return e.compare(name, Qt::CaseInsensitive) == 0
                || (e.contains(u'.') && e.section(u'.', -1).compare(name, Qt::CaseInsensitive) == 0);
        });
        if (!excluded)
            tables << name;
    }
    return tables;
}

Status Connection::acquireRunLock(const QString &versionTable)
{
    if (isSqlite() || m_runLockKey != 0)
        return {};
    // A stable key: the same version table in the same database is the same lock in every process.
    const QByteArray digest = QCryptographicHash::hash(QByteArray("strata:" + versionTable.toUtf8()),
                                                       QCryptographicHash::Sha256);
    qint64 key = 0;
    for (int i = 0; i < 8; ++i)
        key = (key << 8) | quint8(digest.at(i));
    if (key == 0)
        key = 1;

    const QDeadlineTimer deadline(m_options.busyTimeoutMs);
    forever {
        auto rows = select(u"SELECT pg_try_advisory_lock(%1)"_s.arg(key));
        if (!rows)
            return std::unexpected(rows.error());
        if (!rows->isEmpty() && rows->first().value(0).toBool()) {
            m_runLockKey = key;
            return {};
        }
        if (deadline.hasExpired())
            break;
        QThread::msleep(100);
    }

    QString holder = u"another process"_s;
    const QString who = u"SELECT a.pid, a.usename, a.application_name, a.client_addr, a.backend_start "
                        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                        "WHERE l.locktype = 'advisory' AND l.granted "
                        "AND l.classid = %1 AND l.objid = %2"_s
                            .arg(quint32(quint64(key) >> 32)).arg(quint32(key));
    if (auto rows = select(who); rows && !rows->isEmpty()) {
        const QVariantList &row = rows->first();
        holder = u"process %1 (user %2, application '%3', from %4, connected %5)"_s
                     .arg(row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                          row.value(3).toString().isEmpty() ? u"the local socket"_s : row.value(3).toString(),
                          row.value(4).toDateTime().toString(Qt::ISODate));
    }
    return fail(Error::Code::Locked,
                u"another migration run holds the lock on this database: %1 (waited %2 ms)"_s
                    .arg(holder).arg(m_options.busyTimeoutMs),
                m_url.redacted(),
                u"wait for it to finish and try again, or use a longer --lock-timeout; if it is stuck, "
                "end that session with SELECT pg_terminate_backend(<pid>)"_s);
}

void Connection::releaseRunLock()
{
    if (m_runLockKey == 0)
        return;
    (void)exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(m_runLockKey));
    m_runLockKey = 0;
}

} // namespace strata
