#include "core/workflow/roundtripverifier.h"

#include "core/run/runner.h"
#include "core/db/versionstore.h"
#include "core/project/project.h"
#include "core/workflow/databasestatus.h"

#include <QFile>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

QString headsText(const QStringList &heads)
{
    return heads.isEmpty() ? u"base"_s : heads.join(u", "_s);
}

Plan singleStepPlan(const PlanStep &step, const QStringList &fromHeads)
{
    Plan plan;
    plan.direction = step.direction;
    plan.fromHeads = fromHeads;
    plan.toHeads = step.headsAfter;
    plan.steps = {step};
    return plan;
}

// The downgrade that undoes one upgrade step: the same revision, the version rows moved back.
PlanStep inverseStep(const PlanStep &up, const QStringList &headsBefore)
{
    PlanStep down;
    down.revision = up.revision;
    down.direction = Direction::Downgrade;
    down.deleteVersions = up.insertVersions;
    down.insertVersions = up.deleteVersions;
    down.headsAfter = headsBefore;
    return down;
}

// Tables on both sides whose row count changed.
QStringList lostRows(const QHash<QString, qint64> &before, const QHash<QString, qint64> &after)
{
    QStringList lines;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const auto other = after.constFind(it.key());
        if (other != after.cend() && *other != it.value())
            lines << u"table %1 had %2 rows, now %3"_s.arg(it.key()).arg(it.value()).arg(*other);
    }
    lines.sort();
    return lines;
}

} // namespace

Result<QStringList> RoundtripVerifier::differencesFrom(const QStringList &heads)
{
    return driftFrom(m_connection, m_project, heads);
}

Result<QHash<QString, qint64>> RoundtripVerifier::rowCounts()
{
    const ProjectConfig &config = m_project.config();
    auto tables = m_connection.userTables({config.versionTable, config.historyTable});
    if (!tables)
        return std::unexpected(tables.error());
    QHash<QString, qint64> counts;
    for (const QString &table : std::as_const(*tables)) {
        auto rows = m_connection.select(u"SELECT COUNT(*) FROM "_s + m_connection.dialect().quote(table));
        if (!rows)
            return std::unexpected(rows.error());
        counts.insert(table, rows->isEmpty() ? 0 : rows->first().value(0).toLongLong());
    }
    return counts;
}

Result<QList<RoundtripStep>> RoundtripVerifier::run(const QString &target)
{
    const ProjectConfig &config = m_project.config();
    auto heads = VersionStore(m_connection, config.versionTable, config.historyTable).heads();
    if (!heads)
        return std::unexpected(heads.error());
    auto plan = Planner(m_project.graph()).upgrade(*heads, target);
    if (!plan)
        return std::unexpected(plan.error());

    auto drift = differencesFrom(plan->fromHeads);
    if (!drift)
        return std::unexpected(drift.error());
    m_driftBefore = *drift;

    QList<RoundtripStep> results;
    QStringList before = plan->fromHeads;
    for (const PlanStep &up : std::as_const(plan->steps)) {
        RoundtripStep result{up.revision->id, up.arrow(), up.revision->message, true, {}};
        // One move and its check; false when the move itself failed and the run must stop.
        const auto move = [&](const PlanStep &step, const QStringList &from, const QString &phase) {
            Runner runner(m_connection, m_project);
            if (auto done = runner.run(singleStepPlan(step, from)); !done) {
                result.problems << phase + u" failed: "_s + done.error().message;
                return false;
            }
            auto differences = differencesFrom(step.headsAfter);
            if (!differences) {
                result.problems << phase + u": could not compare: "_s + differences.error().message;
                return false;
            }
            for (const QString &line : std::as_const(*differences))
                if (!m_driftBefore.contains(line))
                    result.problems << u"after %1 the database differs from the replay at %2: %3"_s
                                       .arg(phase, headsText(step.headsAfter), line);
            return true;
        };
        auto countsBefore = rowCounts();
        if (!countsBefore)
            return std::unexpected(countsBefore.error());
        bool ok = move(up, before, u"upgrade"_s);
        auto countsUp = rowCounts();
        const PlanStep down = inverseStep(up, before);
        ok = ok && countsUp && move(down, up.headsAfter, u"downgrade"_s);
        if (ok) {
            auto countsDown = rowCounts();
            for (const QString &line : lostRows(*countsBefore, countsDown.value_or(QHash<QString, qint64>())))
                result.problems << u"after downgrade "_s + line;
            ok = move(up, before, u"upgrade again"_s);
            if (ok)
                for (const QString &line : lostRows(*countsUp, rowCounts().value_or(QHash<QString, qint64>())))
                    result.problems << u"after upgrade again "_s + line;
        }
        result.passed = result.problems.isEmpty();
        results << result;
        if (!ok)
            break;
        before = up.headsAfter;
    }
    return results;
}

Result<std::unique_ptr<ScratchCopy>> ScratchCopy::create(const DatabaseUrl &source)
{
    std::unique_ptr<ScratchCopy> copy(new ScratchCopy);
    copy->m_source = source;
    copy->m_copy = source;
    if (source.dialect == DialectKind::Sqlite) {
        if (source.isMemory())
            return fail(Error::Code::Usage, u"an in-memory database has nothing to copy"_s, source.redacted(),
                        u"give an SQLite file or a PostgreSQL URL"_s);
        copy->m_tempDir = std::make_unique<QTemporaryDir>();
        if (!copy->m_tempDir->isValid())
            return fail(Error::Code::Io, u"could not create a temporary folder for the scratch copy"_s,
                        copy->m_tempDir->errorString());
        copy->m_copy.path = copy->m_tempDir->filePath(u"roundtrip.db"_s);
        if (QFile::exists(source.path) && !QFile::copy(source.path, copy->m_copy.path))
            return fail(Error::Code::Io, u"could not copy %1 for the round trip"_s.arg(source.path),
                        copy->m_copy.path);
    } else {
        auto admin = Connection::open(source);
        if (!admin)
            return std::unexpected(admin.error());
        copy->m_copy.database = u"strata_roundtrip_"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
        if (auto created = (*admin)->exec(u"CREATE DATABASE "_s + (*admin)->dialect().quote(copy->m_copy.database));
            !created)
            return std::unexpected(created.error().wrappedIn(u"could not create a scratch database"_s,
                                                             source.redacted()));
    }
    auto connection = Connection::open(copy->m_copy);
    if (!connection)
        return std::unexpected(connection.error());
    copy->m_connection = std::move(*connection);
    return copy;
}

ScratchCopy::~ScratchCopy()
{
    m_connection.reset();
    if (m_source.dialect == DialectKind::Sqlite || m_copy.database == m_source.database)
        return;
    // Dropped from a connection to the original database: one cannot drop the database one is in.
    if (auto admin = Connection::open(m_source))
        (void)(*admin)->exec(u"DROP DATABASE IF EXISTS "_s + (*admin)->dialect().quote(m_copy.database));
}

QString ScratchCopy::description() const
{
    return m_copy.redacted();
}

} // namespace strata
