#pragma once

#include "core/graph/plan.h"
#include "core/safety/issue.h"

#include <QStringList>

#include <atomic>
#include <mutex>
#include <optional>

namespace strata {

class Connection;
class Project;
class Runner;
class WorkflowObserver;

struct MigrateOptions
{
    Direction direction = Direction::Upgrade;
    QString target;                 // empty: head for an upgrade, -1 for a downgrade
    bool allowEdited = false;       // run although applied files were edited after they ran
    bool allowUnversioned = false;  // run although the database has tables but no version table
    int maxReplans = 20;            // times to plan again when another process moved the heads
    bool atomic = false;            // all or nothing: every step in one transaction
    // Set (by a signal handler, say) to stop before the next step.
    const std::atomic_bool *stopRequested = nullptr;
};

// How a migration ended: what both faces print, in the same words.
struct MigrateOutcome
{
    Direction direction = Direction::Upgrade;
    QStringList headsBefore;
    QStringList targetHeads;                   // the plan's destination
    std::optional<QStringList> headsAfter;     // re-read after a failure; nullopt when it could not be
    QString headsAfterProblem;                 // why they could not be re-read
    int stepsPlanned = 0;
    int stepsRun = 0;
    qint64 milliseconds = 0;
    std::optional<Error> error;
    QList<Issue> issues;                       // what a refusal was about (edited files)

    bool ok() const { return !error.has_value(); }
    bool nothingToDo() const { return ok() && stepsPlanned == 0; }
    // Success: "Upgraded to X in N steps, T ms." or "Nothing to do: the database is already at X."
    QString summary() const;
    // Failure: where the database is now, read after the failure
    // ("The database is still at X; nothing was changed.").
    QString positionAfterFailure() const;
    int exitCode() const;
};

// Upgrade and downgrade, with every precondition in one place: a database at
// a revision the project lacks, applied files edited since, tables without a
// version table, several heads for "head", and another process moving the
// heads meanwhile (it plans again from where that process left the database).
class Migrator
{
public:
    Migrator(Connection &connection, const Project &project, WorkflowObserver *observer = nullptr);

    MigrateOutcome run(const MigrateOptions &options);
    // Stops before the next step; safe from any thread.
    void cancel();

private:
    Result<QStringList> knownHeads();
    Status refuseEdited(const QStringList &heads, MigrateOutcome &outcome);
    void readPositionAfterFailure(MigrateOutcome &outcome);

    Connection &m_connection;
    const Project &m_project;
    WorkflowObserver *m_observer;
    std::atomic_bool m_cancelled = false;
    std::mutex m_runnerMutex;
    Runner *m_runner = nullptr;
};

} // namespace strata
