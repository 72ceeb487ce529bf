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

QString textAt(sqlite3_stmt *statement, int i)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, i));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(statement, i)) : QString();
}

// As Qt's QSQLITE driver converts a value, so callers see no difference.
QVariant valueAt(sqlite3_stmt *statement, int i)
{
    switch (sqlite3_column_type(statement, i)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_column_int64(statement, i)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(statement, i));
    case SQLITE_BLOB: {
        const auto *bytes = static_cast<const char *>(sqlite3_column_blob(statement, i));
        return QVariant(QByteArray(bytes, sqlite3_column_bytes(statement, i)));
    }
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    default:
        return QVariant(textAt(statement, i));
    }
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
    return run(sql, {});
}

SqliteHandle::Outcome SqliteHandle::selectColumn(const QString &sql, QStringList &column) const
{
    return run(sql, {&column, nullptr});
}

SqliteHandle::Outcome SqliteHandle::selectRows(const QString &sql, QList<QVariantList> &rows) const
{
    return run(sql, {nullptr, &rows});
}

SqliteHandle::Outcome SqliteHandle::run(const QString &sql, Sink sink) const
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
        const int columns = sqlite3_column_count(statement);
        while ((sink.column || sink.rows) && rc == SQLITE_ROW) {
            if (sink.column)
                sink.column->append(textAt(statement, 0));
            if (sink.rows) {
                QVariantList row;
                row.reserve(columns);
                for (int i = 0; i < columns; ++i)
                    row << valueAt(statement, i);
                sink.rows->append(std::move(row));
            }
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
