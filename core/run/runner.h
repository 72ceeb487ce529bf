#pragma once

#include "core/db/connection.h"
#include "core/graph/plan.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace strata {

struct AheadStep;
struct StepOpening;
class RenderAhead;
class SqliteRebuildGuard;
class StepLockTimeout;
class Project;

// Executes a plan against a connection: one transaction per step, the version
// rows and a history row written inside it. A failing statement rolls its
// step back and stops the run; earlier steps stay committed, so the database
// is always at a known revision.
class Runner : public QObject
{
    Q_OBJECT
public:
    Runner(Connection &connection, const Project &project, QObject *parent = nullptr);
    ~Runner() override;

    // Refuses to create tables over an unversioned database that already has
    // tables (the "create_all before migrations" trap) unless told to.
    void setAllowUnversioned(bool allow) { m_allowUnversioned = allow; }
    // Stops before the next step; safe from another thread.
    void cancel() { m_cancelled = true; }
    // Also stops before the next step once this flag is set: a flag a signal
    // handler may set (Ctrl-C), where calling cancel() would not be safe.
    void setStopFlag(const std::atomic_bool *flag) { m_stopFlag = flag; }
    // All or nothing: every step, its version moves and history rows in one
    // transaction; a failure anywhere rolls all of it back.
    void setAtomic(bool atomic) { m_atomic = atomic; }

    Status run(const Plan &plan);

    // True when run() stopped because another process moved the version rows
    // between planning and a step (it held the lock first): the plan is stale,
    // plan again from the rows as they are now.
    bool headsMoved() const { return m_headsMoved; }
    // Why the run keeps no history rows, when the history table could not be made; else empty.
    QString historyNote() const { return m_historyNote; }

Q_SIGNALS:
    void stepStarted(int index, int count, const strata::PlanStep &step);
    void statementStarted(const QString &sql);
    // Something people should check after the run: an Alembic call run as
    // Alembic's SQL because the replay lacks its object ("file:line: ...").
    void warning(const QString &text);
    void stepFinished(int index, int count, const strata::PlanStep &step, qint64 milliseconds);

private:
    // Runs one step as rendered ahead (see RenderAhead).
    Status runStep(const PlanStep &step, Result<AheadStep> item, const QStringList &expectedHeads);
    // Inside the step's transaction (under the write lock): the version rows are still the plan's.
    Status checkHeads(const QStringList &expectedHeads);
    Result<QStringList> readHeads();
    // The error that sends the run back to planning.
    Status headsMoved(const QStringList &actual, const QStringList &expected);
    // The step's opening (BEGIN, the version rows' check and moves) with
    // `rider`, the step's first statement, when there is one: one round trip.
    Status sendOpening(StepOpening &opening, const Statement *rider);
    // Adds the step's version moves to its opening, each reported as started.
    void queueMoves(StepOpening &opening, const StatementList &versionMoves);
    // How a failure of a step that had an opening is worded, after the
    // rollback: another process's move, the version table's own failure, or
    // (nullopt) the failing statement's, as any other.
    std::optional<Error> openingError(const StepOpening &opening, const Error &error, const PlanStep &step,
                                      const QStringList &expectedHeads);
    Status execute(const Statement &statement);
    Status runAtomically(const Plan &plan, RenderAhead &ahead);
    // A step's own transaction; in an atomic run the run's one transaction stands in for it.
    Status beginStep() { return m_atomic ? Status() : m_connection.begin(); }
    void rollbackStep() { if (!m_atomic) (void)m_connection.rollback(); }
    Status checkUnversioned(const Plan &plan);
    // SQLite: foreign keys off (outside any transaction) unless known to be off already.
    Status foreignKeysOff(SqliteRebuildGuard &guard);

    Connection &m_connection;
    const Project &m_project;
    bool m_allowUnversioned = false;
    std::atomic_bool m_cancelled = false;
    const std::atomic_bool *m_stopFlag = nullptr;
    bool m_atomic = false;
    bool m_headsMoved = false;
    bool m_keepsHistory = true;
    QString m_historyNote;
    QString m_headsSql;
    QStringList m_pendingHistory;   // --atomic on PostgreSQL: the history rows, sent with the run's COMMIT
    StepLockTimeout *m_lockTimeout = nullptr;   // during run()
    // SQLite, during run(): foreign keys stay off from the first step to the
    // end of the run and are put back then. A PRAGMA is a no-op inside a
    // transaction, so only statements run outside one (a non-transactional
    // revision) can turn them on again: after such a step they are read again.
    bool m_foreignKeysKnownOff = false;
    bool m_foreignKeysWereOn = false;
    // The run has read the version rows once and found them as planned; from
    // then on a step's own version move proves them (see runStep).
    bool m_headsChecked = false;
};

} // namespace strata
