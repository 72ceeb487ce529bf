#include "core/run/steplocks_p.h"

using namespace Qt::StringLiterals;

namespace strata {

StepLockTimeout::~StepLockTimeout()
{
    if (m_set)
        (void)m_connection.exec(u"RESET lock_timeout"_s);
}

Status StepLockTimeout::apply()
{
    if (m_connection.dialect().kind() != Dialect::Kind::Postgresql || m_connection.options().busyTimeoutMs <= 0)
        return {};
    if (auto set = m_connection.exec(u"SET lock_timeout = %1"_s.arg(m_connection.options().busyTimeoutMs)); !set)
        return set;
    m_set = true;
    return {};
}

Error StepLockTimeout::explained(const Error &error)
{
    if (!m_set || error.code != Error::Code::Locked)
        return error;
    // Our own wait is over (the statement was cancelled and rolled back), so
    // pg_blocking_pids() has nothing to say: the oldest open transaction
    // holding a table lock in this database is the one we waited for.
    const QString who = u"SELECT a.pid, a.application_name, a.state, a.xact_start, a.query_start "
                        "FROM pg_stat_activity a WHERE a.datname = current_database() "
                        "AND a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL "
                        "AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.granted "
                        "AND l.locktype = 'relation') ORDER BY a.xact_start LIMIT 1"_s;
    Error e = error;
    e.message = u"waited %1 ms for a table lock and gave up (lock_timeout): %2"_s
                    .arg(m_connection.options().busyTimeoutMs).arg(error.message);
    auto rows = m_connection.select(who);
    if (rows && !rows->isEmpty()) {
        const QVariantList &row = rows->first();
        e.message += u"; the lock is held by session %1 (application '%2', state '%3', transaction started %4, "
                     "last query started %5)"_s
                         .arg(row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                              row.value(3).toDateTime().toUTC().toString(Qt::ISODate),
                              row.value(4).toDateTime().toUTC().toString(Qt::ISODate));
        e.hint = u"end that transaction (or SELECT pg_terminate_backend(%1)), or run again with a longer "
                 "--lock-timeout"_s.arg(row.value(0).toString());
    } else {
        e.hint = u"another session held a lock on the table; run again, or with a longer --lock-timeout"_s;
    }
    return e;
}

} // namespace strata
