#include "core/workflow/roundtrip.h"

#include "core/project/project.h"
#include "core/workflow/databaseheads.h"
#include "core/workflow/migrator.h"
#include "core/workflow/workflowobserver.h"

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// The observer of the preparing downgrade: its lines are marked as such.
class PrepareObserver : public WorkflowObserver
{
public:
    explicit PrepareObserver(WorkflowObserver *inner) : m_inner(inner) {}
    void info(const QString &line) override
    {
        if (m_inner)
            m_inner->info(u"[prepare] "_s + line);
    }
    void statementStarted(const QString &sql) override
    {
        if (m_inner)
            m_inner->statementStarted(sql);
    }

private:
    WorkflowObserver *m_inner;
};

} // namespace

int RoundTripOutcome::failedCount() const
{
    return int(std::count_if(steps.cbegin(), steps.cend(), [](const RoundtripStep &s) { return !s.passed; }));
}

QString RoundTripOutcome::summary() const
{
    if (steps.isEmpty() && !error)
        return u"Nothing to verify: the database is already at %1."_s.arg(target);
    if (steps.isEmpty())
        return error->toString();
    return u"%1 of %2 steps passed."_s.arg(steps.size() - failedCount()).arg(steps.size());
}

QString RoundTrip::parentOfTarget(const QString &target) const
{
    const Revision *revision = m_project.graph().find(target);
    if (!revision || revision->isBase())
        return u"base"_s;
    return revision->downRevisions.size() == 1 ? revision->downRevisions.first() : u"-1"_s;
}

RoundTripOutcome RoundTrip::run(const DatabaseUrl &url, const RoundTripOptions &options)
{
    RoundTripOutcome outcome;
    outcome.onScratchCopy = options.onScratchCopy;
    auto resolved = m_project.graph().lookup(options.target);
    outcome.target = resolved ? *resolved : options.target;
    Status done;
    if (options.onScratchCopy) {
        auto scratch = ScratchCopy::create(url);
        if (!scratch) {
            outcome.error = scratch.error().wrappedIn(u"could not make a scratch copy for the round-trip"_s,
                                                      url.redacted());
            return outcome;
        }
        outcome.where = u"scratch copy %1"_s.arg((*scratch)->description());
        if (m_observer) {
            m_observer->info(u"Round trip on a scratch copy: "_s + (*scratch)->description());
            if (url.dialect != DialectKind::Sqlite)
                m_observer->info(u"The temporary database starts empty: every step from base is verified."_s);
        }
        done = verify((*scratch)->connection(), outcome);
    } else {
        outcome.where = url.redacted();
        auto connection = Connection::open(url);
        done = connection ? verify(**connection, outcome) : Status(std::unexpected(connection.error()));
    }
    if (!done) {
        outcome.error = done.error();
        return outcome;
    }
    if (const int failed = outcome.failedCount(); failed > 0) {
        outcome.error = Error::make(Error::Code::Conflict,
                                    u"round-trip: %1 of %2 steps failed"_s.arg(failed).arg(outcome.steps.size()),
                                    outcome.where, u"see which checks failed; fix the revision's downgrade"_s);
    }
    return outcome;
}

Status RoundTrip::verify(Connection &connection, RoundTripOutcome &outcome)
{
    auto heads = knownDatabaseHeads(connection, m_project);
    if (!heads)
        return std::unexpected(heads.error());
    // One named revision the database already has: go below it, so it is verified.
    if (m_project.graph().find(outcome.target) && m_project.graph().ancestorsOf(*heads).contains(outcome.target)) {
        PrepareObserver prepare(m_observer);
        Migrator migrator(connection, m_project, &prepare);
        MigrateOptions down;
        down.direction = Direction::Downgrade;
        down.target = parentOfTarget(outcome.target);
        const MigrateOutcome prepared = migrator.run(down);
        if (!prepared.ok())
            return std::unexpected(*prepared.error);
    }
    if (m_cancelled)
        return fail(Error::Code::Conflict, u"round-trip cancelled"_s, connection.url().redacted());
    RoundtripVerifier verifier(connection, m_project);
    auto steps = verifier.run(outcome.target);
    if (!steps)
        return std::unexpected(steps.error());
    outcome.steps = *steps;
    outcome.driftBefore = verifier.driftBefore();
    return {};
}

} // namespace strata
