#include "core/run/offlinescript.h"

#include "core/run/datastep_p.h"
#include "core/run/identifierlimit_p.h"
#include "core/project/project.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

QString headsText(const QStringList &heads)
{
    return heads.isEmpty() ? u"<base>"_s : heads.join(u", "_s);
}

StatementList versionMoves(const Dialect &dialect, const QString &versionTable, const PlanStep &step)
{
    constexpr auto data = Statement::Kind::Data;
    if (step.deleteVersions.size() == 1 && step.insertVersions.size() == 1)
        return {Statement(dialect.updateVersion(versionTable, step.deleteVersions.first(), step.insertVersions.first()), data)};
    StatementList moves;
    for (const QString &id : step.deleteVersions)
        moves << Statement(dialect.deleteVersion(versionTable, id), data);
    for (const QString &id : step.insertVersions)
        moves << Statement(dialect.insertVersion(versionTable, id), data);
    return moves;
}

StatementList typed(const Dialect &dialect, const QStringList &statements)
{
    StatementList list;
    list.reserve(statements.size());
    for (const QString &sql : statements)
        list << dialect.typed(sql);
    return list;
}

// A statement as a script line: a trailing ';' unless it already has one.
QString terminated(const QString &sql)
{
    const QString trimmed = sql.trimmed();
    return trimmed.endsWith(u';') ? trimmed : trimmed + u';';
}

// A data step has no SQL to show: its Python, commented out, with what it is.
QStringList dataStepComment(const Project &project, const PlanStep &step)
{
    const DataStep &data = step.revision->dataStep(step.direction == Direction::Upgrade);
    const QString file = project.directory().dirName() + u'/' + project.directory().relativeFilePath(step.revision->filePath);
    QStringList lines{
        u"-- ==== DATA STEP: Python, not SQL. `strata upgrade` runs it through Alembic, in one"_s,
        u"-- transaction with its version move; this script does not run it. %1:%2 ===="_s.arg(file).arg(data.line)};
    for (const QString &use : data.uses)
        lines << u"-- needs a live connection: "_s + project.directory().relativeFilePath(use);
    if (data.partial)
        lines << u"-- (recording it stopped on a query result: the schema replay may miss DDL it makes)"_s;
    for (const QString &source : data.source.split(u'\n')) {
        if (!source.trimmed().isEmpty())
            lines << u"--   "_s + source;
    }
    return lines << u"-- ==== END DATA STEP ===="_s;
}

QString fitHint()
{
    return u"fix the operation so it matches the schema the earlier revisions build "
           "(check the table and column names), or run `strata history` to see the order"_s;
}

} // namespace

QString operationLocation(const Project &project, const PlanStep &step, const Operation &operation)
{
    const QString &path = step.revision->filePath;
    const QDir dir = project.directory();
    QString where = path.isEmpty() ? QString(u"revision "_s + step.revision->id)
                                   : QString(dir.dirName() + u'/' + dir.relativeFilePath(path));
    // file:line first, the shape editors and terminals turn into a link.
    if (operation.line > 0)
        where += u":%1"_s.arg(operation.line);
    return where + u": "_s + operation.kind();
}

Result<RenderedStep> renderStep(const Project &project, const PlanStep &step, const Dialect &dialect, Schema before)
{
    RenderedStep rendered;
    rendered.after = std::move(before);
    const OperationList &ops = step.operations();
    const QList<AlembicCall> &calls = step.revision->alembicCalls(step.direction == Direction::Upgrade);
    const auto callOf = [&](qsizetype i) { return project.isAlembic() && i < calls.size() ? calls.at(i) : AlembicCall{}; };
    // The schema and operation count where the current op.* call began, for
    // a call of several operations that may have to run as Alembic's SQL.
    Schema callStart;
    qsizetype callFirstOp = 0;
    qsizetype callFirstRendered = 0;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const OperationPtr &op = ops.at(i);
        const AlembicCall call = callOf(i);
        if (call.call == 0 || i == 0 || callOf(i - 1).call != call.call) {
            callFirstOp = i;
            callFirstRendered = rendered.operations.size();
            if (call.call != 0 && i + 1 < ops.size() && callOf(i + 1).call == call.call)
                callStart = rendered.after;
        }
        // The operation renders and changes the schema in one go, without a
        // copy of the whole schema per operation (quadratic over a long run).
        // A SQLite table rebuild needs its table as it was before: an
        // operation that names the one table it changes keeps a copy of just
        // that table; one that does not renders on a copy of the schema.
        const bool sqlite = dialect.kind() == Dialect::Kind::Sqlite;
        const QString changed = sqlite ? op->changedTable() : QString();
        const bool inPlace = !call.sql && (!sqlite || !changed.isEmpty());
        std::optional<Table> changedBefore;
        if (inPlace && sqlite) {
            if (const Table *table = rendered.after.table(changed))
                changedBefore = *table;
        }
        auto statements = inPlace ? op->renderAndApply(dialect, rendered.after) : op->render(dialect, rendered.after);
        // Both checks run against the schema the revision files build, not the
        // database: a failure is a mistake in the file (exit 2, like bad input).
        std::optional<Error> unfit;      // what the schema lacks
        QString unfitWhat;               // and what that stops
        if (!statements) {
            unfit = statements.error();
            unfitWhat = inPlace && unfit->code == Error::Code::Conflict
                ? u"%1 does not fit the schema at this point"_s.arg(op->describe())
                : u"could not render %1 for %2"_s.arg(op->describe(), dialect.name());
        }
        RenderedOperation done{op.get(), statements ? typed(dialect, *statements) : StatementList{}, {}};
        for (const Statement &statement : std::as_const(done.statements)) {
            if (statement.kind != Statement::Kind::TableRebuild)
                continue;
            if (!inPlace) {
                if (const Table *table = rendered.after.table(statement.table))
                    done.rebuilds << RenderedOperation::Rebuild{*table, *table};
            } else if (changedBefore && changedBefore->name == statement.table) {
                done.rebuilds << RenderedOperation::Rebuild{*changedBefore, *changedBefore};
            } else if (!unfit) {
                unfit = Error::make(Error::Code::Internal,
                                    u"it rebuilds table %1, not the table it names"_s.arg(statement.table));
                unfitWhat = u"could not render %1 for %2"_s.arg(op->describe(), dialect.name());
            }
        }
        // Applied to a copy only where Alembic's SQL may have to replace it:
        // a failed apply may leave the schema half changed.
        std::optional<Schema> copy;
        if (!unfit && call.sql)
            copy = rendered.after;
        if (!unfit && !inPlace) {
            if (auto fits = op->apply(copy ? *copy : rendered.after); !fits) {
                unfit = fits.error();
                unfitWhat = u"%1 does not fit the schema at this point"_s.arg(op->describe());
            }
        }
        if (unfit && call.sql) {
            // An Alembic script run in place: the replay does not know what the
            // call works on (SQL it could not read made it), so it runs as
            // Alembic runs it; the schema replay leaves it out.
            rendered.warnings << u"%1: %2; running the SQL Alembic runs for it (the schema replay does not "
                                 "follow it: check `strata drift` afterwards)"_s
                                     .arg(operationLocation(project, step, *ops.at(callFirstOp)), unfit->message);
            if (callFirstOp < i)
                rendered.after = callStart;
            rendered.operations.resize(callFirstRendered);
            rendered.operations << RenderedOperation{ops.at(callFirstOp).get(), typed(dialect, *call.sql), {}};
            while (i + 1 < ops.size() && callOf(i + 1).call == call.call)
                ++i;
            continue;
        }
        if (unfit) {
            Error error = unfit->wrappedIn(unfitWhat, operationLocation(project, step, *op));
            error.code = Error::Code::Input;
            return std::unexpected(error.withHint(fitHint()));
        }
        if (copy)
            rendered.after = std::move(*copy);
        for (RenderedOperation::Rebuild &rebuild : done.rebuilds) {
            if (const Table *table = rendered.after.table(rebuild.before.name))
                rebuild.after = *table;
        }
        rendered.operations << std::move(done);
    }
    // use_alter foreign keys: once every table of the revision exists.
    for (const OperationPtr &op : ops) {
        if (QStringList late = op->renderLate(dialect, rendered.after); !late.isEmpty())
            rendered.operations << RenderedOperation{op.get(), typed(dialect, late)};
    }
    rendered.versionMoves = versionMoves(dialect, project.config().versionTable, step);
    return rendered;
}

Result<QStringList> stepStatements(const Project &project, const PlanStep &step, const Dialect &dialect,
                                   const Schema &before)
{
    auto rendered = renderStep(project, step, dialect, before);
    if (!rendered)
        return std::unexpected(rendered.error());
    QStringList statements;
    for (const RenderedOperation &op : rendered->operations) {
        for (const Statement &statement : op.statements)
            statements << statement.sql;
    }
    for (const Statement &move : rendered->versionMoves)
        statements << move.sql;
    return statements;
}

Status checkAtomicPlan(const Project &project, const Plan &plan)
{
    for (const PlanStep &step : plan.steps) {
        const bool dataStep = alembic::DataStepRunner::applies(project, step);
        if (step.revision->transactional && !dataStep)
            continue;
        const QString file = step.revision->filePath.isEmpty() ? step.revision->id
                                                               : QFileInfo(step.revision->filePath).fileName();
        return fail(Error::Code::Usage,
                    dataStep ? u"revision %1 is a data step (its Python runs through Alembic on a connection of its "
                               "own), so it cannot share one transaction with the other steps"_s.arg(step.revision->id)
                             : u"revision %1 is not transactional (transactional: false), so it cannot run inside "
                               "the one transaction of an all-or-nothing run"_s.arg(step.revision->id),
                    file, u"run without --atomic (one transaction per step), or stop the atomic run before it"_s);
    }
    return {};
}

Result<QString> offlineScript(const Project &project, const Plan &plan, const Dialect &dialect, bool atomic)
{
    auto schema = project.schemaAt(plan.fromHeads);
    if (!schema)
        return std::unexpected(schema.error());
    return offlineScript(project, plan, dialect, atomic, *schema);
}

Result<QString> offlineScript(const Project &project, const Plan &plan, const Dialect &dialect, bool atomic,
                              const Schema &start)
{
    if (auto names = checkIdentifierLengths(project, plan, dialect); !names)
        return std::unexpected(names.error());
    if (atomic) {
        if (auto fits = checkAtomicPlan(project, plan); !fits)
            return std::unexpected(fits.error());
    }
    const ProjectConfig &config = project.config();
    std::optional<Schema> schema = start;

    QStringList lines;
    lines << u"-- Strata offline SQL: %1 -> %2 (%3)"_s.arg(headsText(plan.fromHeads), headsText(plan.toHeads),
                                                          dialect.name());
    for (const Statement &setting : dialect.scriptPreamble())
        lines << terminated(setting.sql);
    lines << QString();
    for (const QString &sql : dialect.createVersionTables(config.versionTable, config.historyTable))
        lines << terminated(sql);
    if (atomic)
        lines << QString() << u"-- All or nothing: every step in one transaction"_s
              << terminated(dialect.beginTransaction());

    for (const PlanStep &step : plan.steps) {
        auto rendered = renderStep(project, step, dialect, std::move(*schema));
        if (!rendered)
            return std::unexpected(rendered.error());
        *schema = std::move(rendered->after);

        const bool upgrade = step.direction == Direction::Upgrade;
        lines << QString()
              << u"-- Running %1 %2, %3"_s.arg(upgrade ? u"upgrade"_s : u"downgrade"_s, step.arrow(),
                                                // one line: a newline would end the comment
                                                step.revision->message.simplified());
        if (alembic::DataStepRunner::applies(project, step)) {
            lines << dataStepComment(project, step);
            continue;
        }
        for (const QString &warning : std::as_const(rendered->warnings))
            lines << u"-- WARNING: "_s + warning.simplified();
        const bool transactional = step.revision->transactional;
        if (transactional && !atomic)
            lines << terminated(dialect.beginTransaction());
        for (const RenderedOperation &op : rendered->operations) {
            for (const Statement &statement : op.statements)
                lines << terminated(statement.sql);
        }
        if (!transactional)
            lines << terminated(dialect.beginTransaction());
        for (const Statement &move : rendered->versionMoves)
            lines << terminated(move.sql);
        HistoryEntry entry;
        entry.revision = step.revision->id;
        entry.direction = upgrade ? u"upgrade"_s : u"downgrade"_s;
        entry.checksum = step.revision->checksum;
        entry.appliedBy = u"offline script"_s;     // applied_at stays NULL: the script's run time is unknown
        if (const QString history = dialect.insertHistory(config.historyTable, entry); !history.isEmpty())
            lines << terminated(history);
        if (!atomic)
            lines << terminated(dialect.commitTransaction());
    }
    if (atomic)
        lines << QString() << terminated(dialect.commitTransaction());
    // The empty last line ends the script with a newline, without a second copy of it all.
    lines << QString();
    return lines.join(u'\n');
}

} // namespace strata
