#include "ui/run/runjob.h"

#include "core/db/connection.h"
#include "core/project/project.h"
#include "core/workflow/downgradeimpact.h"
#include "core/workflow/migrator.h"
#include "core/workflow/checksumrepair.h"
#include "core/workflow/revisionauthor.h"
#include "core/workflow/stamper.h"
#include "core/workflow/upgradeconcerns.h"
#include "core/workflow/workflowobserver.h"

using namespace Qt::StringLiterals;

namespace strata::ui {

// The use cases' progress as the job's signals: the same lines the CLI prints.
class RunJob::Observer : public WorkflowObserver
{
public:
    explicit Observer(RunJob &job) : m_job(job) {}
    void info(const QString &line) override { m_job.emitLog(line, false); }
    void problem(const Issue &issue) override { m_job.emitLog(issue.toString(), true); }
    void stepStarted(int index, int count, const PlanStep &step) override
    {
        // Plain values only: PlanStep points into this job's project.
        const QString what = (step.direction == Direction::Upgrade ? u"upgrade "_s : u"downgrade "_s)
            + step.arrow() + u", "_s + step.revision->message;
        m_job.emitProgress(index, count, what);
    }
    void statementStarted(const QString &sql) override { m_job.emitLog(u"    "_s + sql.simplified(), false); }
    void stepFinished(int index, int count, const PlanStep &, qint64 ms) override
    {
        m_job.emitLog(tr("  done in %1 ms").arg(ms), false);
        m_job.emitProgress(index + 1, count, {});
    }

private:
    RunJob &m_job;
};

RunJob::RunJob(RunRequest request, QObject *parent) : QObject(parent), m_request(std::move(request))
{
    m_sinceFlush.start();
    m_sinceProgress.start();
}

// Thousands of fast steps must not flood the window's thread with one queued
// signal per statement: lines are sent in batches, at most every 100 ms (an
// error at once), and progress at most every 50 ms (the last step always).
void RunJob::emitLog(const QString &line, bool isError)
{
    if (isError) {
        flushLog();
        Q_EMIT log(line, true);
        return;
    }
    m_pendingLog << line;
    if (m_sinceFlush.elapsed() >= 100)
        flushLog();
}

void RunJob::flushLog()
{
    if (!m_pendingLog.isEmpty())
        Q_EMIT log(m_pendingLog.join(u'\n'), false);
    m_pendingLog.clear();
    m_sinceFlush.restart();
}

void RunJob::emitProgress(int done, int total, const QString &what)
{
    if (done < total && m_sinceProgress.elapsed() < 50)
        return;
    m_sinceProgress.restart();
    Q_EMIT progress(done, total, what);
}

RunJob::~RunJob() = default;

void RunJob::cancel()
{
    m_cancelled = true;
    const std::lock_guard lock(m_cancelMutex);
    if (m_cancelHook)
        m_cancelHook();
}

void RunJob::setCancelHook(std::function<void()> hook)
{
    const std::lock_guard lock(m_cancelMutex);
    m_cancelHook = std::move(hook);
    if (m_cancelHook && m_cancelled)
        m_cancelHook();
}

void RunJob::start()
{
    RunOutcome outcome;
    outcome.kind = m_request.kind;
    if (m_request.kind != RunRequest::Kind::ReadState)
        emitLog(m_request.describe() + u" on "_s + m_request.url.redacted(), false);
    Observer observer(*this);
    execute(observer, outcome);
    // The state is read after a failure too: the window must show where the database is now.
    if (auto read = readState(); !read && outcome.ok) {
        outcome.ok = false;
        outcome.errorText = read.error().toString();
        emitLog(outcome.errorText, true);
    }
    outcome.cancelled = !outcome.ok && m_cancelled;
    const QString what = m_request.describe();
    outcome.summary = outcome.ok ? tr("%1: done").arg(what)
                                 : (outcome.cancelled ? tr("%1: cancelled").arg(what) : tr("%1: failed").arg(what));
    if (m_request.kind != RunRequest::Kind::ReadState)
        emitLog(outcome.summary, !outcome.ok);
    flushLog();
    Q_EMIT finished(outcome);
}

void RunJob::failWith(RunOutcome &outcome, const Error &error)
{
    outcome.ok = false;
    outcome.errorText = error.toString();
    emitLog(outcome.errorText, true);
}

void RunJob::execute(WorkflowObserver &observer, RunOutcome &outcome)
{
    if (!m_request.project)
        return failWith(outcome, Error::make(Error::Code::Usage, tr("no project is open"), {},
                                             tr("open a migrations folder first")));
    if (m_request.kind == RunRequest::Kind::ReadState)
        return;
    // Never act on a stale picture: the files are read again here, and a file
    // that no longer parses stops the run, as it stops the CLI.
    auto reread = Project::open(m_request.project->directory().path());
    if (!reread)
        return failWith(outcome, reread.error().wrappedIn(
                                     tr("the project's files changed since they were shown and no longer read; "
                                        "nothing was run")));
    // A Flask-Migrate folder's scripts are read for the database they run on, as the CLI reads them.
    for (const QString &note : reread->evaluateFor(m_request.url.dialect))
        emitLog(note, false);
    const Project &project = *reread;
    if (m_request.kind == RunRequest::Kind::RoundTrip) {
        RoundTrip roundTrip(project, &observer);
        setCancelHook([&roundTrip] { roundTrip.cancel(); });
        RoundTripOptions options;
        options.target = m_request.target;
        options.onScratchCopy = m_request.onScratchCopy;
        emitProgress(0, 0, tr("verifying"));
        outcome.roundtrip = roundTrip.run(m_request.url, options);
        setCancelHook({});
        for (const RoundtripStep &step : std::as_const(outcome.roundtrip->steps)) {
            emitLog((step.passed ? u"pass  %1, %2"_s : u"FAIL  %1, %2"_s).arg(step.arrow, step.message),
                       !step.passed);
            for (const QString &problem : step.problems)
                emitLog(u"      "_s + problem, true);
        }
        if (!outcome.roundtrip->ok())
            return failWith(outcome, *outcome.roundtrip->error);
        emitLog(outcome.roundtrip->summary(), false);
        return;
    }
    auto connection = Connection::open(m_request.url);
    if (!connection)
        return failWith(outcome, connection.error());
    if (m_request.kind == RunRequest::Kind::Repair) {
        auto repaired = repairChecksums(**connection, project);
        if (!repaired)
            return failWith(outcome, repaired.error());
        for (const QString &line : repaired->lines())
            emitLog(line, false);
        return;
    }
    if (m_request.kind == RunRequest::Kind::DeleteRevision)
        return deleteRevision(**connection, project, outcome);
    if (m_request.kind == RunRequest::Kind::Stamp) {
        if (!confirmStamp(**connection, project, outcome))
            return;
        auto stamped = Stamper(**connection, project).run({{m_request.target}, false});
        if (!stamped)
            return failWith(outcome, stamped.error());
        emitLog(stamped->summary((*connection)->url().redacted()), false);
        return;
    }
    if (m_request.kind == RunRequest::Kind::Downgrade && !confirmDowngrade(**connection, project, outcome))
        return;
    if (m_request.kind == RunRequest::Kind::Upgrade && !confirmUpgrade(**connection, project, outcome))
        return;
    Migrator migrator(**connection, project, &observer);
    setCancelHook([&migrator] { migrator.cancel(); });
    MigrateOptions options;
    options.direction = m_request.kind == RunRequest::Kind::Downgrade ? Direction::Downgrade : Direction::Upgrade;
    options.target = m_request.target;
    options.allowEdited = m_request.allowEdited;
    options.atomic = m_request.atomic;
    const MigrateOutcome migrated = migrator.run(options);
    setCancelHook({});
    if (migrated.ok()) {
        emitLog(migrated.summary(), false);
        return;
    }
    failWith(outcome, *migrated.error);
    if (migrated.stepsPlanned > 0 || !migrated.headsAfterProblem.isEmpty())
        emitLog(migrated.positionAfterFailure(), true);
}

bool RunJob::confirmDowngrade(Connection &connection, const Project &project, RunOutcome &outcome)
{
    // Built from the database as it is now, not from what the window last showed.
    auto atRisk = dataDroppedByDowngrade(connection, project, m_request.target);
    if (!atRisk || atRisk->isEmpty() || !m_asker)
        return true;   // a planning error is reported by the run itself, in the CLI's words
    QStringList lines;
    for (const DataAtRisk &risk : std::as_const(*atRisk))
        lines << u"• "_s + risk.toString();
    const QString text = tr("Downgrading to %1 deletes, as the database holds them now:")
                             .arg(m_request.target.left(12))
        + u"\n\n"_s + lines.join(u'\n') + u"\n\n"_s + tr("Go ahead?");
    return ask(tr("Downgrade drops data"), text, tr("Downgrade declined: nothing was run."), outcome);
}

bool RunJob::confirmUpgrade(Connection &connection, const Project &project, RunOutcome &outcome)
{
    if (!m_asker)
        return true;
    auto concerns = upgradeConcerns(connection, project, m_request.target, m_request.roundTripFailures);
    if (!concerns || concerns->isEmpty())
        return true;   // a planning error is reported by the run itself
    QStringList lines;
    for (const UpgradeConcern &concern : std::as_const(*concerns))
        lines << concern.toString();
    const QString text = tr("Upgrading to %1 runs revisions that need a look first:").arg(m_request.target.left(12))
        + u"\n\n"_s + lines.join(u'\n') + u"\n\n"_s + tr("Upgrade anyway?");
    return ask(tr("Pending revisions have problems"), text, tr("Upgrade declined: nothing was run."), outcome);
}

bool RunJob::confirmStamp(Connection &connection, const Project &project, RunOutcome &outcome)
{
    if (!m_asker)
        return true;
    // Planned from the version rows as they are now, with the rule the stamp itself applies.
    auto planned = Stamper(connection, project).plan({{m_request.target}, false});
    if (!planned)
        return true;   // the stamp reports the same error
    const QString text = tr("Stamp %1 at %2 without running any migration?")
                             .arg(m_request.url.redacted(), m_request.target.left(12))
        + u"\n\n"_s + planned->explanation();
    return ask(tr("Stamp"), text, tr("Stamp declined: nothing was changed."), outcome);
}

void RunJob::deleteRevision(Connection &connection, const Project &project, RunOutcome &outcome)
{
    auto deletion = planRevisionDeletion(project, m_request.target, &connection);
    if (!deletion)
        return failWith(outcome, deletion.error());
    if (m_asker
        && !ask(tr("Delete revision"),
                tr("Delete revision %1 (%2)?\n\nIts file %3 goes to the trash (or is deleted where there is "
                   "none). No revision builds on it and %4 has not applied it.")
                    .arg(deletion->revisionId.left(12), deletion->message, deletion->path, m_request.url.redacted()),
                tr("Delete declined: the file stays."), outcome))
        return;
    auto deleted = deleteRevisionFile(*deletion);
    if (!deleted)
        return failWith(outcome, deleted.error());
    emitLog(deleted->summary(), false);
}

bool RunJob::ask(const QString &title, const QString &text, const QString &declined, RunOutcome &outcome)
{
    if (m_asker(title, text, m_cancelled))
        return true;
    outcome.ok = false;
    outcome.errorText = declined;
    emitLog(declined, false);
    m_cancelled = true;
    return false;
}

Status RunJob::readState()
{
    if (!m_request.project)
        return {};
    auto connection = Connection::open(m_request.url);
    if (!connection)
        return std::unexpected(connection.error());
    // Introspects the live schema: here, in the worker, never on the window's thread.
    auto state = readDatabaseState(**connection, *m_request.project);
    if (!state)
        return std::unexpected(state.error());
    Q_EMIT stateRead(*state);
    return {};
}

} // namespace strata::ui
