#include "core/workflow/migrator.h"

#include "core/db/connection.h"
#include "core/run/runner.h"
#include "core/project/project.h"
#include "core/workflow/databasestatus.h"
#include "core/workflow/databaseheads.h"
#include "core/workflow/workflowobserver.h"

#include <QElapsedTimer>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace strata {

QString headsText(const QStringList &heads) { return heads.isEmpty() ? u"base"_s : heads.join(u", "_s); }

QString MigrateOutcome::summary() const
{
    if (!ok())
        return error->toString();
    if (stepsPlanned == 0)
        return u"Nothing to do: the database is already at %1."_s.arg(headsText(headsBefore));
    return u"%1 to %2 in %3 %4, %5 ms."_s.arg(direction == Direction::Upgrade ? u"Upgraded"_s : u"Downgraded"_s,
                                              headsText(targetHeads))
        .arg(stepsRun)
        .arg(stepsRun == 1 ? u"step"_s : u"steps"_s)
        .arg(milliseconds);
}

QString MigrateOutcome::positionAfterFailure() const
{
    if (ok())
        return {};
    if (!headsAfter)
        return u"Where the database is now could not be read (%1); run `strata current` to see it."_s.arg(
            headsAfterProblem);
    QStringList before = headsBefore, after = *headsAfter;
    before.sort();
    after.sort();
    if (before == after)
        return u"The database is still at %1; nothing was changed."_s.arg(headsText(*headsAfter));
    return u"The database is at %1; the steps before the failing one are kept."_s.arg(headsText(*headsAfter));
}

int MigrateOutcome::exitCode() const { return error ? error->exitCode() : 0; }

Migrator::Migrator(Connection &connection, const Project &project, WorkflowObserver *observer)
    : m_connection(connection), m_project(project), m_observer(observer)
{
}

void Migrator::cancel()
{
    m_cancelled = true;
    const std::lock_guard lock(m_runnerMutex);
    if (m_runner)
        m_runner->cancel();
}

Result<QStringList> Migrator::knownHeads() { return knownDatabaseHeads(m_connection, m_project); }

MigrateOutcome Migrator::run(const MigrateOptions &options)
{
    const bool up = options.direction == Direction::Upgrade;
    const QString target = options.target.isEmpty() ? (up ? u"head"_s : u"-1"_s) : options.target;
    MigrateOutcome outcome;
    outcome.direction = options.direction;
    QElapsedTimer timer;
    timer.start();
    const auto finish = qScopeGuard([&] { outcome.milliseconds = timer.elapsed(); });

    auto heads = knownHeads();
    if (!heads) {
        outcome.error = heads.error();
        return outcome;
    }
    outcome.headsBefore = *heads;
    if (up && !options.allowEdited) {
        if (auto clean = refuseEdited(*heads, outcome); !clean) {
            outcome.error = clean.error();
            outcome.headsAfter = *heads;
            return outcome;
        }
    }
    // A named target means the same thing from wherever the database is, so a
    // run that lost the race to another process plans again from the rows that
    // process left. A relative one (+1, -2) does not.
    const bool replannable = !target.contains(u'+') && !target.contains(u'-');
    const Planner planner(m_project.graph());
    for (int attempt = 1;; ++attempt) {
        auto plan = up ? planner.upgrade(*heads, target) : planner.downgrade(*heads, target);
        if (!plan) {
            outcome.error = plan.error();
            outcome.headsAfter = *heads;
            return outcome;
        }
        outcome.targetHeads = plan->toHeads;
        outcome.stepsPlanned = int(plan->steps.size());
        if (plan->isEmpty())
            return outcome;
        if (m_observer && attempt == 1) {
            m_observer->info(u"Context impl %1, database %2"_s.arg(m_connection.dialect().name(),
                                                                  m_connection.url().redacted()));
            m_observer->info(options.atomic ? u"All or nothing: the %1 steps run in one transaction."_s.arg(
                                                  plan->steps.size())
                                            : u"Will assume transactional DDL."_s);
            // An Alembic folder on SQLite: no schema to keep Strata's history out of Alembic's sight.
            const Dialect &dialect = m_connection.dialect();
            if (m_project.isAlembic() && dialect.historyLocation(m_project.config().historyTable).isEmpty()) {
                m_observer->info(u"Strata keeps no history table in this Alembic database (Alembic's autogenerate "
                                 "would drop it); edited revision files will not be detected: set STRATA_HISTORY=on "
                                 "to keep one"_s);
            }
        }
        Runner runner(m_connection, m_project);
        runner.setAllowUnversioned(options.allowUnversioned);
        runner.setStopFlag(options.stopRequested);
        runner.setAtomic(options.atomic);
        int stepsRun = 0;
        QObject::connect(&runner, &Runner::stepStarted, [&](int index, int count, const PlanStep &step) {
            if (!m_observer)
                return;
            m_observer->info(u"Running %1 %2, %3"_s.arg(up ? u"upgrade"_s : u"downgrade"_s, step.arrow(),
                                                         step.revision->message));
            if (!step.revision->transactional)
                m_observer->info(u"Revision %1 is not transactional: its statements run alone, one by one."_s.arg(
                    step.revision->id));
            m_observer->stepStarted(index, count, step);
        });
        QObject::connect(&runner, &Runner::statementStarted, [&](const QString &sql) {
            if (m_observer)
                m_observer->statementStarted(sql);
        });
        QObject::connect(&runner, &Runner::warning, [&](const QString &text) {
            if (m_observer)
                m_observer->problem(Issue{Issue::Severity::Warning, u"replay-unknown-object"_s, text, {}, {}, 0});
        });
        QObject::connect(&runner, &Runner::stepFinished,
                         [&](int index, int count, const PlanStep &step, qint64 ms) {
                             ++stepsRun;
                             if (m_observer)
                                 m_observer->stepFinished(index, count, step, ms);
                         });
        {
            const std::lock_guard lock(m_runnerMutex);
            m_runner = &runner;
            if (m_cancelled)
                runner.cancel();
        }
        auto done = runner.run(*plan);
        if (m_observer && attempt == 1 && !runner.historyNote().isEmpty())
            m_observer->info(runner.historyNote());
        {
            const std::lock_guard lock(m_runnerMutex);
            m_runner = nullptr;
        }
        outcome.stepsRun += stepsRun;
        if (done)
            return outcome;
        const bool stopping = m_cancelled || (options.stopRequested && options.stopRequested->load());
        if (runner.headsMoved() && replannable && attempt < options.maxReplans && !stopping) {
            auto now = knownHeads();
            if (now) {
                if (m_observer)
                    m_observer->info(u"Another process migrated the database meanwhile; it is at %1 now, "
                                     "planning again."_s.arg(headsText(*now)));
                heads = now;
                continue;
            }
        }
        outcome.error = done.error();
        readPositionAfterFailure(outcome);
        return outcome;
    }
}

// An applied file that changed since it ran means the database and the files
// disagree about history: stop until a person looks (`status`, `repair`).
Status Migrator::refuseEdited(const QStringList &heads, MigrateOutcome &outcome)
{
    auto edited = editedAfterApply(m_connection, m_project, heads);
    if (!edited)
        return std::unexpected(edited.error());
    if (edited->isEmpty())
        return {};
    outcome.issues = *edited;
    if (m_observer) {
        for (const Issue &issue : std::as_const(*edited))
            m_observer->problem(issue);
    }
    return fail(Error::Code::Conflict,
                u"%1 applied revision file(s) changed after they ran; refusing to upgrade"_s.arg(edited->size()),
                m_connection.url().redacted(),
                u"review the edits; `strata repair` accepts them, `--allow-edited` runs anyway"_s);
}

// The last line must be true: the heads are read again on a connection of
// their own, so a connection the failure broke cannot answer "base".
void Migrator::readPositionAfterFailure(MigrateOutcome &outcome)
{
    std::unique_ptr<Connection> fresh;
    Connection *reader = &m_connection;
    if (!m_connection.url().isMemory()) {
        auto opened = Connection::open(m_connection.url(), m_connection.options());
        if (!opened) {
            outcome.headsAfterProblem = opened.error().message;
            return;
        }
        fresh = std::move(*opened);
        reader = fresh.get();
    }
    auto now = knownDatabaseHeads(*reader, m_project);
    if (now)
        outcome.headsAfter = *now;
    else
        outcome.headsAfterProblem = now.error().message;
}

} // namespace strata
