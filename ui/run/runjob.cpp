#include "run/runjob.h"

#include "db/connection.h"
#include "db/runner.h"
#include "db/versionstore.h"
#include "project/project.h"

#include <QFile>
#include <QTemporaryDir>

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
    DatabaseUrl url = m_request.url;
    QTemporaryDir scratch;
    if (m_request.onScratchCopy && url.dialect == u"sqlite"_s && !url.isMemory()) {
        if (!scratch.isValid())
            return fail(Error::Code::Io, tr("cannot make a temporary folder: %1").arg(scratch.errorString()));
        const QString copy = scratch.filePath(u"scratch.db"_s);
        if (QFile::exists(url.path) && !QFile::copy(url.path, copy))
            return fail(Error::Code::Io, tr("cannot copy %1 to %2").arg(url.path, copy), url.path,
                        tr("check that the file is readable and the disk has room"));
        Q_EMIT log(tr("Working on a scratch copy: %1").arg(copy), false);
        url.path = copy;
    }
    auto connection = Connection::open(url);
    if (!connection)
        return std::unexpected(connection.error());
    const QString target = m_request.target;
    const QString down = downgradeTarget();
    const struct
    {
        RunRequest::Kind kind;
        QString target;
        QString phase;
    } phases[] = {
        {RunRequest::Kind::Upgrade, target, tr("[1/3 up] ")},
        {RunRequest::Kind::Downgrade, down, tr("[2/3 down] ")},
        {RunRequest::Kind::Upgrade, target, tr("[3/3 up again] ")},
    };
    for (const auto &phase : phases) {
        if (m_cancelled)
            return fail(Error::Code::Conflict, tr("round-trip cancelled"), url.redacted());
        if (auto done = migrate(**connection, phase.kind, phase.target, phase.phase); !done)
            return std::unexpected(done.error().wrappedIn(tr("round-trip failed in phase %1").arg(phase.phase.trimmed())));
        Q_EMIT log(phase.phase + tr("ok"), false);
    }
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
    Q_EMIT stateRead(*state);
    return {};
}

} // namespace strata::ui
