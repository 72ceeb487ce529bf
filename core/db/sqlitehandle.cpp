#include "core/db/sqlitehandle_p.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <mutex>

namespace strata {

namespace {

// Nothing but white space after the first statement: what Qt's driver
// accepts as one statement (it refuses any other tail, comments included).
bool blankTail(const char *tail)
{
    for (const char *p = tail; p && *p; ++p) {
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f' && *p != '\v')
            return false;
    }
    return true;
}

} // namespace

void SqliteHandle::configureLibrary()
{
    // Refused (SQLITE_MISUSE, harmless) once the library is initialised: only the first call counts.
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

SqliteHandle SqliteHandle::of(const QSqlDatabase &database)
{
    SqliteHandle handle;
    if (!database.driver() || database.driverName() != QLatin1String("QSQLITE"))
        return handle;
    const QVariant value = database.driver()->handle();
    if (!value.isValid() || qstrcmp(value.typeName(), "sqlite3*") != 0)
        return handle;
    // A driver built with a SQLite of its own (Qt's bundled copy) would hand
    // over a connection of another library: then every statement goes through
    // Qt. Another version is the sign that can be read.
    QSqlQuery version(database);
    if (!version.exec(QStringLiteral("SELECT sqlite_version()")) || !version.next()
        || version.value(0).toString() != QLatin1String(sqlite3_libversion()))
        return handle;
    handle.m_db = *static_cast<sqlite3 *const *>(value.data());
    return handle;
}

SqliteHandle::Outcome SqliteHandle::exec(const QString &sql) const
{
    return run(sql, nullptr);
}

SqliteHandle::Outcome SqliteHandle::selectColumn(const QString &sql, QStringList &column) const
{
    return run(sql, &column);
}

SqliteHandle::Outcome SqliteHandle::run(const QString &sql, QStringList *column) const
{
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    const char *tail = nullptr;
    int rc = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &statement, &tail);
    if (rc == SQLITE_OK && (!statement || !blankTail(tail))) {
        sqlite3_finalize(statement);
        return {Outcome::Kind::NotHandled, {}, 0};
    }
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(statement);
        while (column && rc == SQLITE_ROW) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
            column->append(text ? QString::fromUtf8(text, sqlite3_column_bytes(statement, 0)) : QString());
            rc = sqlite3_step(statement);
        }
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    Outcome outcome;
    if (rc == SQLITE_OK)
        outcome.changed = sqlite3_changes64(m_db);
    if (rc != SQLITE_OK) {
        // Read before finalize, which may overwrite the connection's last error.
        outcome = {Outcome::Kind::Failed, QString::fromUtf8(sqlite3_errmsg(m_db)), rc & 0xff};
    }
    sqlite3_finalize(statement);
    return outcome;
}

} // namespace strata
