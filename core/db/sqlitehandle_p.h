#pragma once

#include <QSqlDatabase>
#include <QString>

struct sqlite3;

namespace strata {

// The sqlite3 connection under Qt's QSQLITE driver, for the statements a run
// executes by the thousand: prepared from UTF-8 and stepped directly, without
// a QSqlQuery (a connection lookup, a result object and a UTF-16 prepare per
// statement). Debian's driver links the system libsqlite3, the library this
// code calls, so the handle is the same connection Qt's queries use: its busy
// timeout, its transaction, its pragmas.
class SqliteHandle
{
public:
    // The driver's handle, or an empty SqliteHandle when the database is not QSQLITE.
    static SqliteHandle of(const QSqlDatabase &database);

    bool isValid() const { return m_db != nullptr; }

    struct Outcome
    {
        enum class Kind { Done, Failed, NotHandled };
        Kind kind = Kind::Done;
        QString message;      // sqlite3_errmsg when Failed
        int code = 0;         // the primary result code when Failed (SQLITE_BUSY = 5, ...)
    };
    // Runs one statement as QSqlQuery::exec() does: prepared, stepped once,
    // finalized. NotHandled when the text is not exactly one statement (empty,
    // or several): the caller runs it through Qt, which reports those cases.
    Outcome exec(const QString &sql) const;

private:
    sqlite3 *m_db = nullptr;
};

} // namespace strata
