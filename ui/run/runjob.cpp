#include "run/runjob.h"

#include "db/connection.h"
#include "db/runner.h"
#include "db/versionstore.h"
#include "project/project.h"
#include "safety/roundtrip.h"


using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

QString headsText(const QStringList &heads) { return heads.isEmpty() ? u"base"_s : heads.join(u", "_s); }

} // namespace

RunJob::RunJob(RunRequest request, QObject *parent) : QObject(parent), m_request(std::move(request)) {}

void RunJob::cancel()
{
    m_cancelled = true;
    const std::lock_guard lock(m_runnerMutex);
    if (m_runner)
        m_runner->cancel();
}

void RunJob::start()
{
    RunOutcome outcome;
    outcome.kind = m_request.kind;
    if (m_request.kind != RunRequest::Kind::ReadState)
        Q_EMIT log(m_request.describe() + u" on "_s + m_request.url.redacted(), false);
    auto done = execute();
    // The state is read after a failure too: the window must show where the database is now.
    auto read = readState();
    if (done && !read)
        done = read;
    if (!done) {
        outcome.ok = false;
        outcome.cancelled = m_cancelled;
        outcome.errorText = done.error().toString();
        outcome.summary = m_cancelled ? tr("%1: cancelled").arg(m_request.describe())
                                      : tr("%1: failed").arg(m_request.describe());
        Q_EMIT log(outcome.errorText, true);
    } else {
        outcome.summary = tr("%1: done").arg(m_request.describe());
    }
    if (m_request.kind != RunRequest::Kind::ReadState)
        Q_EMIT log(outcome.summary, !outcome.ok);
    outcome.roundtrip = m_roundtrip;
    Q_EMIT finished(outcome);
}

Status RunJob::execute()
{
    if (!m_request.project)
        return fail(Error::Code::Usage, tr("no project is open"), {}, tr("open a migrations folder first"));
    switch (m_request.kind) {
    case RunRequest::Kind::ReadState:
        return {};
    case RunRequest::Kind::RoundTrip:
        return roundTrip();
    default:
        break;
    }
    auto connection = Connection::open(m_request.url);
    if (!connection)
        return std::unexpected(connection.error());
    if (m_request.kind == RunRequest::Kind::Stamp)
        return stamp(**connection);
    return migrate(**connection, m_request.kind, m_request.target, {});
}

Status RunJob::migrate(Connection &connection, RunRequest::Kind kind, const QString &target, const QString &phase)
{
    const Project &project = *m_request.project;
    const ProjectConfig &config = project.config();
    VersionStore store(connection, config.versionTable, config.historyTable);
    auto heads = store.heads();
    if (!heads)
        return std::unexpected(heads.error());
    Planner planner(project.graph());
    auto plan = kind == RunRequest::Kind::Downgrade ? planner.downgrade(*heads, target)
                                                    : planner.upgrade(*heads, target);
    if (!plan)
        return std::unexpected(plan.error());
    if (plan->isEmpty()) {
        Q_EMIT log(phase + tr("Nothing to do: the database is already at %1.").arg(headsText(*heads)), false);
        return {};
    }
    return runPlan(connection, *plan, phase);
}

Status RunJob::runPlan(Connection &connection, const Plan &plan, const QString &phase)
{
    Runner runner(connection, *m_request.project);
    m_stepsTotal += int(plan.steps.size());
    // The runner emits from this thread; the job re-emits plain values, never
    // PlanStep, whose revision pointer belongs to this job's project.
    connect(&runner, &Runner::stepStarted, this, [&](int, int, const PlanStep &step) {
        const QString what = (step.direction == Direction::Upgrade ? u"upgrade "_s : u"downgrade "_s)
            + step.arrow() + u", "_s + step.revision->message;
        Q_EMIT log(phase + tr("Running %1").arg(what), false);
        Q_EMIT progress(m_stepsDone, m_stepsTotal, what);
    });
    connect(&runner, &Runner::statementStarted, this,
            [&](const QString &sql) { Q_EMIT log(u"    "_s + sql.simplified(), false); });
    connect(&runner, &Runner::stepFinished, this, [&](int, int, const PlanStep &, qint64 ms) {
        ++m_stepsDone;
        Q_EMIT log(phase + tr("  done in %1 ms").arg(ms), false);
        Q_EMIT progress(m_stepsDone, m_stepsTotal, {});
    });
    {
        const std::lock_guard lock(m_runnerMutex);
        if (m_cancelled)
            return fail(Error::Code::Conflict, tr("cancelled before the first step"), connection.url().redacted());
        m_runner = &runner;
    }
    auto done = runner.run(plan);
    const std::lock_guard lock(m_runnerMutex);
    m_runner = nullptr;
    return done;
}

Status RunJob::stamp(Connection &connection)
{
    const Project &project = *m_request.project;
    const RevisionGraph &graph = project.graph();
    QStringList heads;
    if (m_request.target != u"base"_s) {
        auto id = m_request.target == u"head"_s || m_request.target == u"heads"_s
            ? Result<QString>(graph.heads().join(u' '))
            : graph.lookup(m_request.target);
        if (!id)
            return std::unexpected(id.error());
        heads = graph.headsOf(graph.ancestorsOf(id->split(u' ', Qt::SkipEmptyParts)));
    }
    const ProjectConfig &config = project.config();
    VersionStore store(connection, config.versionTable, config.historyTable);
    if (auto done = store.stamp(heads, false); !done)
        return done;
    Q_EMIT log(tr("Stamped %1 at %2").arg(connection.url().redacted(), headsText(heads)), false);
    return {};
}

QString RunJob::downgradeTarget() const
{
    const Revision *revision = m_request.project->graph().find(m_request.target);
    if (!revision || revision->isBase())
        return u"base"_s;
    return revision->downRevisions.size() == 1 ? revision->downRevisions.first() : u"-1"_s;
}

Status RunJob::roundTrip()
{
    RoundtripReport &report = m_roundtrip.emplace();
    report.target = m_request.target;
    report.onScratchCopy = m_request.onScratchCopy;
    Status done;
    if (m_request.onScratchCopy) {
        // SQLite: a copy of the file; PostgreSQL: a temporary database on the same server, dropped after.
        auto scratch = ScratchCopy::create(m_request.url);
        if (!scratch) {
            done = std::unexpected(scratch.error().wrappedIn(tr("could not make a scratch copy for the round-trip"),
                                                             m_request.url.redacted()));
        } else {
            report.where = m_request.url.dialect == u"sqlite"_s
                ? tr("scratch copy %1").arg((*scratch)->description())
                : tr("temporary database %1 (it starts empty)").arg((*scratch)->description());
            Q_EMIT log(tr("Working on a scratch copy: %1").arg((*scratch)->description()), false);
            if (m_request.url.dialect != u"sqlite"_s)
                Q_EMIT log(tr("The temporary database starts empty: every step from base is verified."), false);
            done = verifyRoundTrip((*scratch)->connection(), report);
        }
    } else {
        report.where = m_request.url.redacted();
        auto connection = Connection::open(m_request.url);
        done = connection ? verifyRoundTrip(**connection, report) : Status(std::unexpected(connection.error()));
    }
    // Failed steps are the report itself; an error is only what stopped it before any step.
    if (!done && report.steps.isEmpty())
        report.error = done.error().toString();
    return done;
}

Status RunJob::verifyRoundTrip(Connection &connection, RoundtripReport &report)
{
    const Project &project = *m_request.project;
    const ProjectConfig &config = project.config();
    // The selected step must be part of the run: a database at or past it goes down to its parent first.
    auto heads = VersionStore(connection, config.versionTable, config.historyTable).heads();
    if (!heads)
        return std::unexpected(heads.error());
    if (project.graph().ancestorsOf(*heads).contains(m_request.target)) {
        if (auto down = migrate(connection, RunRequest::Kind::Downgrade, downgradeTarget(), tr("[prepare] ")); !down)
            return down;
    }
    if (m_cancelled)
        return fail(Error::Code::Conflict, tr("round-trip cancelled"), connection.url().redacted());
    Q_EMIT log(tr("Verifying every step up to %1: upgrade, compare; downgrade, compare; upgrade again, compare")
                   .arg(m_request.target.left(12)),
               false);
    Q_EMIT progress(0, 0, tr("verifying"));
    RoundtripVerifier verifier(connection, project);
    auto steps = verifier.run(m_request.target);
    if (!steps)
        return std::unexpected(steps.error());
    report.steps = *steps;
    report.driftBefore = verifier.driftBefore();
    for (const QString &line : std::as_const(report.driftBefore))
        Q_EMIT log(tr("The database had drifted before the round-trip (left out of the checks): %1").arg(line), false);
    for (const RoundtripStep &step : std::as_const(report.steps)) {
        Q_EMIT log((step.passed ? tr("pass  %1, %2") : tr("FAIL  %1, %2")).arg(step.arrow, step.message), !step.passed);
        for (const QString &problem : step.problems)
            Q_EMIT log(u"      "_s + problem, true);
    }
    const int failed = report.failedCount();
    if (failed > 0)
        return fail(Error::Code::Conflict,
                    tr("round-trip: %1 of %2 steps failed").arg(failed).arg(report.steps.size()), report.where,
                    tr("see the Round-trip tab for what differed; fix the revision's downgrade"));
    Q_EMIT log(tr("Round-trip: all %1 steps passed").arg(report.steps.size()), false);
    return {};
}

Status RunJob::readState()
{
    if (!m_request.project)
        return {};
    auto connection = Connection::open(m_request.url);
    if (!connection)
        return std::unexpected(connection.error());
    auto state = readDatabaseState(**connection, *m_request.project);
    if (!state)
        return std::unexpected(state.error());
    // Introspects the live schema: here, in the worker, never on the window's thread.
    state->safety = readSafetySummary(**connection, *m_request.project);
    Q_EMIT stateRead(*state);
    return {};
}

} // namespace strata::ui
