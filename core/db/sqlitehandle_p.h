#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

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
    // Before the first SQLite connection of the process: SQLite's memory
    // statistics off. Nothing here reads them, and keeping them takes a
    // global mutex around every allocation; once a process has a second
    // thread (the revision loader, the renderer) each of those is an atomic
    // lock, about a tenth of a run's CPU, as SQLite parses the whole schema
    // again after every ALTER TABLE.
    static void configureLibrary();

    // The driver's handle, or an empty SqliteHandle when the database is not QSQLITE.
    static SqliteHandle of(const QSqlDatabase &database);

    bool isValid() const { return m_db != nullptr; }

    struct Outcome
    {
        enum class Kind { Done, Failed, NotHandled };
        Kind kind = Kind::Done;
        QString message;      // sqlite3_errmsg when Failed
        int code = 0;         // the primary result code when Failed (SQLITE_BUSY = 5, ...)
        qint64 changed = 0;   // rows an INSERT, UPDATE or DELETE changed when Done
    };
    // Runs one statement as QSqlQuery::exec() does: prepared, stepped once,
    // finalized. NotHandled when the text is not exactly one statement (empty,
    // or several): the caller runs it through Qt, which reports those cases.
    Outcome exec(const QString &sql) const;
    // Runs one query and appends its rows' first column, as text (NULL as a
    // null QString), to `column`; NotHandled as for exec().
    Outcome selectColumn(const QString &sql, QStringList &column) const;
    // Runs one query and appends its rows, each value as QSQLITE gives it
    // (qlonglong, double, QString, QByteArray; NULL as a null QString), to
    // `rows`; NotHandled as for exec(). A catalog read of 5,000 tables is
    // 50,000 rows: Qt's cached result and QVariant list per row cost more
    // than SQLite's own work.
    Outcome selectRows(const QString &sql, QList<QVariantList> &rows) const;

private:
    struct Sink
    {
        QStringList *column = nullptr;      // the first column, as text
        QList<QVariantList> *rows = nullptr;
    };
    // Prepared, stepped to the end when there is a sink (else once), finalized.
    Outcome run(const QString &sql, Sink sink) const;

    sqlite3 *m_db = nullptr;
};

} // namespace strata
