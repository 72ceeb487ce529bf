#include "core/db/pghandle_p.h"

#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

#include <cstdlib>

namespace strata {

PgHandle PgHandle::of(const QSqlDatabase &database)
{
    PgHandle handle;
    if (!database.driver() || database.driverName() != QLatin1String("QPSQL"))
        return handle;
    const QVariant value = database.driver()->handle();
    // Qt 6.4 names the type by libpq's struct (PGconn is a typedef of it).
    if (!value.isValid()
        || (qstrcmp(value.typeName(), "PGconn*") != 0 && qstrcmp(value.typeName(), "pg_conn*") != 0))
        return handle;
    handle.m_conn = *static_cast<PGconn *const *>(value.data());
    return handle;
}

PgHandle::Outcome PgHandle::run(const QStringList &statements) const
{
    Outcome outcome;
    if (statements.isEmpty())
        return outcome;
    // Whatever a QSqlQuery left unread (libpq refuses a new query until it is
    // read); PQexec, which QPSQL also calls, drops it the same way.
    while (PGresult *stale = PQgetResult(m_conn))
        PQclear(stale);
    QByteArray text;
    for (const QString &statement : statements) {
        text += statement.toUtf8();
        // On a line of its own: a statement may end in a -- comment.
        text += "\n;\n";
    }
    if (!PQsendQuery(m_conn, text.constData())) {
        outcome.ok = false;
        outcome.failedAt = 0;
        outcome.message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        return outcome;
    }
    const qsizetype last = statements.size() - 1;
    qsizetype index = 0;
    while (PGresult *result = PQgetResult(m_conn)) {
        const ExecStatusType status = PQresultStatus(result);
        // COPY ... STDIN has no data to read here: ended, so the server reports it and moves on.
        if (status == PGRES_COPY_IN)
            PQputCopyEnd(m_conn, "strata sends no COPY data: use INSERT statements");
        if (status == PGRES_COPY_OUT) {
            char *row = nullptr;
            while (PQgetCopyData(m_conn, &row, 0) > 0)
                PQfreemem(row);
        }
        const bool succeeded = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK
            || status == PGRES_EMPTY_QUERY;
        if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT) {
            PQclear(result);
            continue;   // the COPY's own result follows
        }
        if (outcome.ok && succeeded) {
            if (index <= last)
                outcome.changed << std::atoll(PQcmdTuples(result));
            else
                outcome.changed.last() += std::atoll(PQcmdTuples(result));
        } else if (outcome.ok) {
            outcome.ok = false;
            outcome.failedAt = std::min(index, last);
            const char *state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
            outcome.sqlState = QString::fromLatin1(state ? state : "");
            outcome.message = QString::fromUtf8(PQresultErrorMessage(result))
                + (state ? QStringLiteral("(%1)").arg(outcome.sqlState) : QString());
            outcome.message = outcome.message.trimmed();
        }
        ++index;
        PQclear(result);
    }
    return outcome;
}

} // namespace strata
