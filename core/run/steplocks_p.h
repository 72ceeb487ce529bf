#pragma once

#include "core/db/connection.h"

namespace strata {

// PostgreSQL: a step's ALTER waits for the locks of every session that has
// read the table in an open transaction, and every later reader queues
// behind the ALTER. With lock_timeout (the run's --lock-timeout, the same
// limit as the run lock) the step gives up, rolls back, and says which
// session holds the lock. SQLite has its busy timeout instead: no-ops there.
class StepLockTimeout
{
public:
    explicit StepLockTimeout(Connection &connection) : m_connection(connection) {}
    ~StepLockTimeout();
    StepLockTimeout(const StepLockTimeout &) = delete;
    StepLockTimeout &operator=(const StepLockTimeout &) = delete;

    // SET lock_timeout for the session, until this object goes.
    Status apply();
    // A lock timeout error with the blocking session added (pid, application,
    // state, transaction and query start), read from pg_stat_activity after the
    // step was rolled back; any other error as it is.
    Error explained(const Error &error);

private:
    Connection &m_connection;
    bool m_set = false;
};

} // namespace strata
