#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

struct pg_conn;

namespace strata {

// The libpq connection under Qt's QPSQL driver, for what its QSqlQuery cannot
// do: several statements in one round trip, each with its own outcome. (Given
// several statements, QPSQL reads the first result and throws the others away
// unread, their errors with them.) A run's step sends BEGIN with its version
// move, and its history row with COMMIT: three round trips for a one-statement
// step where a client sending statement by statement needs five.
class PgHandle
{
public:
    // The driver's handle, or an empty PgHandle when the database is not QPSQL.
    static PgHandle of(const QSqlDatabase &database);

    bool isValid() const { return m_conn != nullptr; }

    struct Outcome
    {
        bool ok = true;
        qsizetype failedAt = -1;   // which statement failed
        QString message;           // the server's, with the SQLSTATE after it, as QPSQL words it
        QString sqlState;          // "55P03" (lock_not_available), ...
        QList<qint64> changed;     // rows each statement changed (0 for DDL), up to the failure
    };
    // Sends the statements as one simple-query message and reads every result.
    // The server stops at the first failure; the statements after it do not
    // run. Each entry should be one statement: one that holds several counts
    // as its last.
    Outcome run(const QStringList &statements) const;

private:
    pg_conn *m_conn = nullptr;
};

} // namespace strata
