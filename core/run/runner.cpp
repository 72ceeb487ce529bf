#include "core/run/runner.h"

#include "core/run/datastep_p.h"
#include "core/run/offlinescript.h"
#include "core/run/renderahead_p.h"
#include "core/db/preparedquery.h"
#include "core/run/sqliterebuild_p.h"
#include "core/run/steplocks_p.h"
#include "core/db/versionstore.h"
#include "core/run/identifierlimit_p.h"
#include "core/ops/tableops.h"
#include "core/project/project.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSet>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

QString directionName(Direction direction)
{
    return direction == Direction::Upgrade ? u"upgrade"_s : u"downgrade"_s;
}

// Asked once per process: the host name is a system call, and each step records it.
QString appliedBy()
{
    static const QString who = []() -> QString {
        QString user = qEnvironmentVariable("USER");
        if (user.isEmpty())
            user = qEnvironmentVariable("USERNAME");
        return user + u'@' + QSysInfo::machineHostName();
    }();
    return who;
}

QString headsText(const QStringList &heads)
{
    return heads.isEmpty() ? u"base"_s : heads.join(u", "_s);
}

QSet<QString> lowerNames(const QStringList &names)
{
    QSet<QString> set;
    for (const QString &name : names)
        set.insert(name.toLower());
    return set;
}

QStringList tableNames(const Schema &schema)
{
    QStringList names;
    for (const Table &table : schema.tables)
        names << table.name;
    return names;
}

// "a, b, c, ..." -- enough to recognise the database, short enough to read.
QString shortList(const QStringList &names)
{
    constexpr qsizetype shown = 8;
    return names.size() <= shown ? names.join(u", "_s) : names.first(shown).join(u", "_s) + u", ..."_s;
}

// The failing statement stays in the cause chain; the outer error says which
// operation of which file, with the database's own words.
Error stepError(const Error &statementError, const PlanStep &step, const QString &location)
{
    Error e = Error::make(statementError.code,
                          u"%1 %2 failed: %3"_s.arg(directionName(step.direction), step.arrow(),
                                                    statementError.message),
                          location);
    e.cause = std::make_shared<const Error>(statementError);
    // The rebuild guard's "the live table differs" comes before any change of a transactional step.
    if (statementError.code == Error::Code::Conflict && !statementError.hint.isEmpty()
        && step.revision->transactional) {
        e.code = Error::Code::Conflict;
        e.hint = statementError.hint;
        return e;
    }
    const bool lockHint = statementError.code == Error::Code::Locked && !statementError.hint.isEmpty();
    const QStringList before = step.direction == Direction::Upgrade ? step.revision->downRevisions
                                                                    : QStringList{step.revision->id};
    e.hint = step.revision->transactional
        ? u"the step was rolled back, the database is still at %1; fix the revision and run again"_s
              .arg(headsText(before))
        : u"this revision is not transactional: the statements before the failing one stay applied and "
          "the version rows were not moved (still %1); repair by hand, then run again"_s.arg(headsText(before));
    if (lockHint)
        e.hint += u"; "_s + statementError.hint;
    return e;
}

} // namespace

Runner::Runner(Connection &connection, const Project &project, QObject *parent)
    : QObject(parent), m_connection(connection), m_project(project)
{
}

Runner::~Runner() = default;

Status Runner::run(const Plan &plan)
{
    // An Alembic folder runs as it is; what needs its Python must load before anything runs.
    if (auto ready = alembic::DataStepRunner::preflight(m_project, plan); !ready)
        return ready;
    // Before anything runs: a name the server would cut short.
    if (auto names = checkIdentifierLengths(m_project, plan, m_connection.dialect()); !names)
        return names;
    if (m_atomic) {
        if (auto fits = checkAtomicPlan(m_project, plan); !fits)
            return fits;
    }
    const ProjectConfig &config = m_project.config();
    VersionStore store(m_connection, config.versionTable, config.historyTable);
    if (plan.direction == Direction::Upgrade && !m_allowUnversioned && !store.exists()) {
        if (auto ok = checkUnversioned(plan); !ok)
            return ok;
    }
    if (auto locked = m_connection.acquireRunLock(config.versionTable); !locked)
        return locked;
    const auto unlock = qScopeGuard([this] { m_connection.releaseRunLock(); });
    StepLockTimeout lockTimeout(m_connection);
    if (auto set = lockTimeout.apply(); !set)
        return set;
    m_lockTimeout = &lockTimeout;
    const auto forgetLockTimeout = qScopeGuard([this] { m_lockTimeout = nullptr; });
    if (auto created = store.create(); !created)
        return created;
    m_historyNote = store.note();
    const Dialect &d = m_connection.dialect();
    m_keepsHistory = m_connection.tableExists(d.historyLocation(config.historyTable));
    m_headsSql = u"SELECT "_s + d.quote(u"version_num"_s) + u" FROM "_s + d.quote(config.versionTable);
    // SQLite re-prepares a kept statement after every step's DDL anyway: it reads through its own handle.
    if (d.kind() != Dialect::Kind::Sqlite)
        m_headsQuery = std::make_unique<PreparedQuery>(m_connection, m_headsSql);
    // Not kept past the run: the connection may be closed before the Runner goes.
    const auto dropHeadsQuery = qScopeGuard([this] { m_headsQuery.reset(); });

    auto schema = m_project.schemaAt(plan.fromHeads);
    if (!schema)
        return std::unexpected(schema.error());
    m_foreignKeysKnownOff = false;
    m_foreignKeysWereOn = false;
    m_headsConfirmed = false;
    // After the last step's commit or rollback: outside any transaction, where the pragma works.
    SqliteRebuildGuard foreignKeys(m_connection);
    const auto restoreForeignKeys = qScopeGuard([this, &foreignKeys] {
        (void)foreignKeys.restoreForeignKeys(m_foreignKeysWereOn);
    });
    RenderAhead ahead(m_project, plan, m_connection.dialect(), std::move(*schema));
    if (m_atomic)
        return runAtomically(plan, ahead);
    const int count = int(plan.steps.size());
    for (int i = 0; i < count; ++i) {
        if (m_cancelled || (m_stopFlag && m_stopFlag->load())) {
            const bool interrupted = m_stopFlag && m_stopFlag->load();
            return fail(Error::Code::Conflict,
                        (interrupted ? u"interrupted: stopped after step %1 of %2"_s : u"cancelled after step %1 of %2"_s)
                            .arg(i)
                            .arg(count),
                        m_connection.url().redacted(),
                        u"the database is at %1; run again to continue"_s
                            .arg(headsText(i == 0 ? plan.fromHeads : plan.steps.at(i - 1).headsAfter)));
        }
        const PlanStep &step = plan.steps.at(i);
        Q_EMIT stepStarted(i, count, step);
        QElapsedTimer timer;
        timer.start();
        if (auto done = runStep(step, ahead.take(i), i == 0 ? plan.fromHeads : plan.steps.at(i - 1).headsAfter); !done)
            return done;
        Q_EMIT stepFinished(i, count, step, timer.elapsed());
    }
    return {};
}

Status Runner::runAtomically(const Plan &plan, RenderAhead &ahead)
{
    // SQLite: foreign keys off before the one BEGIN (the pragma is a no-op inside it); run() puts them back.
    SqliteRebuildGuard rebuildGuard(m_connection);
    if (auto off = foreignKeysOff(rebuildGuard); !off)
        return off;
    if (auto begun = m_connection.begin(); !begun)
        return begun;
    const int count = int(plan.steps.size());
    const auto rolledBack = [&](const Error &error, const QString &why) -> Status {
        (void)m_connection.rollback();
        Error e = Error::make(error.code,
                              u"%1; all %2 steps rolled back (--atomic)"_s.arg(why).arg(count),
                              m_connection.url().redacted(),
                              u"the database is still at %1, as before the run; fix the cause and run again"_s
                                  .arg(headsText(plan.fromHeads)));
        e.cause = std::make_shared<const Error>(error);
        return std::unexpected(e);
    };
    for (int i = 0; i < count; ++i) {
        if (m_cancelled || (m_stopFlag && m_stopFlag->load()))
            return rolledBack(Error::make(Error::Code::Conflict, u"stopped before step %1"_s.arg(i + 1)),
                              u"cancelled at step %1 of %2"_s.arg(i + 1).arg(count));
        const PlanStep &step = plan.steps.at(i);
        Q_EMIT stepStarted(i, count, step);
        QElapsedTimer timer;
        timer.start();
        auto done = runStep(step, ahead.take(i), i == 0 ? plan.fromHeads : plan.steps.at(i - 1).headsAfter);
        if (!done)
            return rolledBack(done.error(), u"step %1 of %2 (%3) failed"_s.arg(i + 1).arg(count).arg(step.arrow()));
        Q_EMIT stepFinished(i, count, step, timer.elapsed());
    }
    if (auto committed = m_connection.commit(); !committed)
        return rolledBack(committed.error(), u"the commit failed"_s);
    return {};
}

Status Runner::foreignKeysOff(SqliteRebuildGuard &guard)
{
    if (m_connection.dialect().kind() != Dialect::Kind::Sqlite || m_foreignKeysKnownOff)
        return {};
    auto off = guard.foreignKeysOff();
    if (!off)
        return std::unexpected(off.error());
    m_foreignKeysWereOn = m_foreignKeysWereOn || *off;
    m_foreignKeysKnownOff = true;
    return {};
}

Status Runner::checkHeads(const QStringList &expectedHeads)
{
    // The version table exists: run() created it before the first step.
    auto heads = readHeads();
    if (!heads)
        return std::unexpected(heads.error().wrappedIn(
            u"could not read the version table %1"_s.arg(m_project.config().versionTable),
            m_connection.url().redacted()));
    QStringList actual = std::move(*heads);
    actual.sort();
    QStringList expected = expectedHeads;
    expected.sort();
    if (actual == expected)
        return {};
    m_headsMoved = true;
    return fail(Error::Code::Locked,
                u"the database is being migrated by another process: it moved to %1 while this run expected %2"_s
                    .arg(headsText(actual), headsText(expected)),
                m_connection.url().redacted(), u"run the command again; it starts from where the database is now"_s);
}

Result<QStringList> Runner::readHeads()
{
    if (!m_headsQuery)
        return m_connection.selectColumn(m_headsSql);
    auto rows = m_headsQuery->select();
    if (!rows)
        return std::unexpected(rows.error());
    QStringList heads;
    for (const QVariantList &row : std::as_const(*rows))
        heads << row.value(0).toString();
    return heads;
}

Status Runner::runStep(const PlanStep &step, Result<AheadStep> item, const QStringList &expectedHeads)
{
    if (!item)
        return std::unexpected(item.error());
    // A revision whose Python needs a live connection runs through Alembic itself.
    if (item->dataStep) {
        auto after = alembic::DataStepRunner(m_connection, m_project).run(step, item->before, expectedHeads);
        return after ? Status() : std::unexpected(after.error());
    }
    QElapsedTimer timer;
    timer.start();
    const ProjectConfig &config = m_project.config();
    const RenderedStep &rendered = item->rendered;
    for (const QString &text : std::as_const(rendered.warnings))
        Q_EMIT warning(text);

    // A non-transactional revision (e.g. CREATE INDEX CONCURRENTLY) runs its
    // statements one by one; only the version moves get a transaction.
    const bool transactional = step.revision->transactional;
    // SQLite: foreign keys off for the whole step whatever an earlier step's
    // `execute:` set, so that a rebuild's DROP TABLE cascades nothing. It has to
    // happen before BEGIN (the pragma is a no-op inside a transaction).
    const bool sqlite = m_connection.dialect().kind() == Dialect::Kind::Sqlite;
    SqliteRebuildGuard rebuildGuard(m_connection);
    if (auto off = foreignKeysOff(rebuildGuard); !off)
        return std::unexpected(off.error());
    // Its statements run outside a transaction, where one may turn foreign keys on: read them before the next step.
    const auto recheckForeignKeys = qScopeGuard([this, transactional] {
        if (!transactional)
            m_foreignKeysKnownOff = false;
    });
    const SqliteRebuildGuard::Execute executeOne = [this](const Statement &statement) { return execute(statement); };
    if (transactional) {
        if (auto begun = beginStep(); !begun)
            return std::unexpected(begun.error());
    }
    if (!m_headsConfirmed) {
        if (auto same = checkHeads(expectedHeads); !same) {
            if (transactional)
                rollbackStep();
            return std::unexpected(same.error());
        }
        m_headsConfirmed = m_atomic && sqlite;
    }
    for (const RenderedOperation &op : rendered.operations) {
        Status done;
        if (sqlite && !op.rebuilds.isEmpty()) {
            done = rebuildGuard.run(op, transactional, executeOne);
        } else {
            for (qsizetype k = 0; k < op.statements.size(); ++k) {
                if (done = execute(op.statements.at(k)); !done) {
                    // Several statements of one execute: say which one.
                    if (op.statements.size() > 1)
                        done.error().message.prepend(u"statement %1 of %2: "_s.arg(k + 1).arg(op.statements.size()));
                    break;
                }
            }
        }
        if (!done) {
            if (transactional)
                rollbackStep();
            const Error error = m_lockTimeout ? m_lockTimeout->explained(done.error()) : done.error();
            return std::unexpected(stepError(error, step, operationLocation(m_project, step, *op.operation)));
        }
    }

    if (!transactional) {
        if (auto begun = beginStep(); !begun)
            return std::unexpected(begun.error());
    }
    HistoryEntry entry;
    entry.revision = step.revision->id;
    entry.direction = directionName(step.direction);
    entry.checksum = step.revision->checksum;
    entry.appliedAt = QDateTime::currentDateTimeUtc();
    entry.durationMs = timer.elapsed();
    entry.appliedBy = appliedBy();
    StatementList bookkeeping = rendered.versionMoves;
    if (m_keepsHistory)
        bookkeeping << Statement(m_connection.dialect().insertHistory(config.historyTable, entry), Statement::Kind::Data);
    for (const Statement &statement : std::as_const(bookkeeping)) {
        if (auto done = execute(statement); !done) {
            rollbackStep();
            return std::unexpected(stepError(done.error(), step, u"version table "_s + config.versionTable));
        }
    }
    if (auto committed = commitStep(); !committed) {
        rollbackStep();
        return std::unexpected(stepError(committed.error(), step, m_connection.url().redacted()));
    }
    return {};
}

Status Runner::execute(const Statement &statement)
{
    const QString &sql = statement.sql;
    Q_EMIT statementStarted(sql);
    // A rebuild ends with this check: any row it returns is a broken reference.
    if (statement.kind != Statement::Kind::ForeignKeyCheck)
        return m_connection.exec(sql);
    auto rows = m_connection.select(sql);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return {};
    QStringList tables;
    for (const QVariantList &row : *rows) {
        const QString table = row.value(0).toString();
        if (!tables.contains(table))
            tables << table;
    }
    const QVariantList &first = rows->first();
    return fail(Error::Code::Database,
                u"foreign key violations in table %1 after rebuild: %2 point%3 at nothing (first: %4 rowid %5 "
                "-> %6)"_s.arg(tables.join(u", "_s),
                               rows->size() == 1 ? u"1 row"_s : u"%1 rows"_s.arg(rows->size()),
                               rows->size() == 1 ? u"s"_s : QString(), first.value(0).toString(),
                               first.value(1).toString(), first.value(2).toString()),
                sql);
}

Status Runner::checkUnversioned(const Plan &plan)
{
    if (plan.steps.isEmpty())
        return {};
    const ProjectConfig &config = m_project.config();
    auto existing = m_connection.userTables({config.versionTable, config.historyTable});
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->isEmpty())
        return {};
    const QSet<QString> present = lowerNames(*existing);
    bool collides = false;
    for (const OperationPtr &op : plan.steps.first().operations()) {
        for (const QString &created : op->createdTables())
            collides = collides || present.contains(created.toLower());
    }
    if (!collides)
        return {};
    // Another runner may have created the version table, then these tables,
    // since run() looked: then this is a race, not create_all(), and the
    // per-step heads check sends this run back to planning.
    if (VersionStore(m_connection, config.versionTable, config.historyTable).exists())
        return {};

    // Guess the revision the tables came from: the last one in the plan with the same tables.
    QString match;
    auto schema = m_project.schemaAt(plan.fromHeads);
    for (const PlanStep &step : plan.steps) {
        if (!schema)
            break;
        schema = replay(*schema, step.operations());
        if (schema && lowerNames(tableNames(*schema)) == present)
            match = step.revision->id;
    }
    const QString hint = match.isEmpty()
        ? u"if its schema matches one of the revisions, adopt it with `strata stamp <revision>`; if the "
          "project has no revisions yet, `strata baseline -m MESSAGE` writes one from the database and stamps it; "
          "then run upgrade"_s
        : u"if its schema matches revision %1, adopt it with `strata stamp %1`; then run upgrade"_s.arg(match);
    return fail(Error::Code::Conflict,
                u"the database already has tables (%1) but no %2 table: it was probably created by create_all() "
                "before migrations"_s.arg(shortList(*existing), config.versionTable),
                m_connection.url().redacted(), hint);
}

} // namespace strata
