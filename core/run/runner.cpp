#include "core/run/runner.h"

#include "core/run/datastep_p.h"
#include "core/run/offlinescript.h"
#include "core/run/renderahead_p.h"
#include "core/run/sqliterebuild_p.h"
#include "core/run/steplocks_p.h"
#include "core/run/stepopening_p.h"
#include "core/db/versionstore.h"
#include "core/run/identifierlimit_p.h"
#include "core/ops/tableops.h"
#include "core/project/project.h"

#include <QElapsedTimer>
#include <algorithm>
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

    auto schema = m_project.schemaAt(plan.fromHeads);
    if (!schema)
        return std::unexpected(schema.error());
    m_foreignKeysKnownOff = false;
    m_foreignKeysWereOn = false;
    m_headsChecked = false;
    m_pendingHistory.clear();
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
    QStringList closing = std::exchange(m_pendingHistory, {});
    const qsizetype historyRows = closing.size();
    closing << m_connection.dialect().commitTransaction();
    for (const QString &sql : std::as_const(closing))
        Q_EMIT statementStarted(sql);
    qsizetype failedAt = -1;
    if (auto committed = m_connection.execBatch(closing, &failedAt); !committed)
        return rolledBack(committed.error(), failedAt < historyRows ? u"writing the history rows failed"_s
                                                                    : u"the commit failed"_s);
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
        return std::unexpected(heads.error());
    QStringList actual = std::move(*heads);
    actual.sort();
    QStringList expected = expectedHeads;
    expected.sort();
    if (actual == expected)
        return {};
    return headsMoved(actual, expected);
}

Status Runner::headsMoved(const QStringList &actual, const QStringList &expected)
{
    m_headsMoved = true;
    return fail(Error::Code::Locked,
                u"the database is being migrated by another process: it moved to %1 while this run expected %2"_s
                    .arg(headsText(actual), headsText(expected)),
                m_connection.url().redacted(), u"run the command again; it starts from where the database is now"_s);
}

Result<QStringList> Runner::readHeads()
{
    auto heads = m_connection.selectColumn(m_headsSql);
    if (!heads)
        return std::unexpected(heads.error().wrappedIn(
            u"could not read the version table %1"_s.arg(m_project.config().versionTable),
            m_connection.url().redacted()));
    return heads;
}

Status Runner::sendOpening(StepOpening &opening, const Statement *rider)
{
    // A foreign key check is a query: it goes on its own, after the opening.
    const bool withRider = rider && rider->kind != Statement::Kind::ForeignKeyCheck;
    if (withRider)
        Q_EMIT statementStarted(rider->sql);
    if (auto sent = opening.send(m_connection, withRider ? rider->sql : QString()); !sent)
        return sent;
    if (rider && !withRider)
        return execute(*rider);
    return {};
}

std::optional<Error> Runner::openingError(const StepOpening &opening, const Error &error, const PlanStep &step,
                                          const QStringList &expectedHeads)
{
    using Outcome = StepOpening::Outcome;
    switch (opening.outcome()) {
    case Outcome::Pending:
        return std::nullopt;
    case Outcome::BeginFailed:
        return error;
    case Outcome::MoveFailed:
        return stepError(error, step, u"version table "_s + m_project.config().versionTable);
    case Outcome::Moved:
    case Outcome::RiderFailed:
        break;
    }
    // After the rollback: did another process move the version meanwhile (and, say, create the table first)?
    const bool moved = opening.outcome() == Outcome::Moved;
    if (auto same = checkHeads(expectedHeads); !same) {
        // A statement's own failure stays its own when the rows cannot be read.
        if (moved || m_headsMoved)
            return same.error();
        return std::nullopt;
    }
    if (!moved)
        return std::nullopt;
    // The rows read as planned, yet a move found none: they moved and came back.
    QStringList expected = expectedHeads;
    expected.sort();
    return headsMoved(expected, expected).error();
}

void Runner::queueMoves(StepOpening &opening, const StatementList &versionMoves)
{
    QStringList sql;
    for (const Statement &move : versionMoves) {
        Q_EMIT statementStarted(move.sql);
        sql << move.sql;
    }
    opening.addMoves(sql);
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
    // The version rows are proven inside the step's transaction, before its
    // first statement. Once the run has read them (its first step was planned
    // before the lock), a step that moves a row proves them by the move:
    // Alembic's UPDATE ... WHERE version_num = ... finds no row when another
    // process moved it, and keeps the row locked to the end of the step. Any
    // other step (the run's first, one that only inserts a row) checks them:
    // on PostgreSQL with a query in the same message as BEGIN, the moves and
    // the first statement; on SQLite (no round trips to save) with a read.
    // A step outside a transaction reads them first and moves them last.
    StepOpening opening;
    const bool moveProves = transactional && m_headsChecked && !step.deleteVersions.isEmpty();
    // BEGIN IMMEDIATE's lock wait has its own message (Connection::begin).
    if (transactional && (m_atomic || sqlite)) {
        if (auto begun = beginStep(); !begun)
            return std::unexpected(begun.error());
    } else if (transactional) {
        opening.addBegin(m_connection.dialect().beginTransaction());
    }
    if (!moveProves) {
        if (transactional && !sqlite) {
            opening.addHeadsCheck(headsCheckSql(m_connection.dialect(), config.versionTable, expectedHeads));
        } else if (auto same = checkHeads(expectedHeads); !same) {
            if (transactional)
                rollbackStep();
            return std::unexpected(same.error());
        }
        m_headsChecked = true;
    }
    if (transactional)
        queueMoves(opening, rendered.versionMoves);
    const SqliteRebuildGuard::Execute executeOne = [this, &opening](const Statement &statement) {
        return opening.isEmpty() ? execute(statement) : sendOpening(opening, &statement);
    };
    const auto failed = [&](const Error &error, const QString &location) -> Status {
        if (transactional)
            rollbackStep();
        if (std::optional<Error> e = openingError(opening, error, step, expectedHeads))
            return std::unexpected(*e);
        const Error explained = m_lockTimeout ? m_lockTimeout->explained(error) : error;
        return std::unexpected(stepError(explained, step, location));
    };
    for (const RenderedOperation &op : rendered.operations) {
        Status done;
        if (sqlite && !op.rebuilds.isEmpty()) {
            done = rebuildGuard.run(op, transactional, executeOne);
        } else {
            for (qsizetype k = 0; k < op.statements.size(); ++k) {
                if (done = executeOne(op.statements.at(k)); !done) {
                    // Several statements of one execute: say which one.
                    if (op.statements.size() > 1)
                        done.error().message.prepend(u"statement %1 of %2: "_s.arg(k + 1).arg(op.statements.size()));
                    break;
                }
            }
        }
        if (!done)
            return failed(done.error(), operationLocation(m_project, step, *op.operation));
    }
    // A step with no statements (a merge): its opening goes alone.
    if (!opening.isEmpty()) {
        if (auto sent = sendOpening(opening, nullptr); !sent)
            return failed(sent.error(), m_connection.url().redacted());
    }

    if (!transactional) {
        if (auto begun = beginStep(); !begun)
            return std::unexpected(begun.error());
        queueMoves(opening, rendered.versionMoves);
        if (auto sent = sendOpening(opening, nullptr); !sent) {
            rollbackStep();
            return failed(sent.error(), m_connection.url().redacted());
        }
    }
    // The history row and COMMIT in one round trip. In an atomic run on
    // PostgreSQL the history rows wait for the run's COMMIT (runAtomically):
    // a round trip a step fewer. SQLite has no round trips to save.
    QStringList closing;
    if (m_keepsHistory) {
        HistoryEntry entry;
        entry.revision = step.revision->id;
        entry.direction = directionName(step.direction);
        entry.checksum = step.revision->checksum;
        entry.appliedAt = QDateTime::currentDateTimeUtc();
        entry.durationMs = timer.elapsed();
        entry.appliedBy = appliedBy();
        closing << m_connection.dialect().insertHistory(config.historyTable, entry);
    }
    if (m_atomic && !sqlite) {
        m_pendingHistory << closing;
        return {};
    }
    const qsizetype historyRows = closing.size();
    if (!m_atomic)
        closing << m_connection.dialect().commitTransaction();
    for (const QString &sql : std::as_const(closing))
        Q_EMIT statementStarted(sql);
    qsizetype failedAt = -1;
    if (auto closed = m_connection.execBatch(closing, &failedAt); !closed) {
        rollbackStep();
        const QString where = failedAt < historyRows ? u"history table "_s + config.historyTable
                                                     : m_connection.url().redacted();
        return std::unexpected(stepError(closed.error(), step, where));
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
