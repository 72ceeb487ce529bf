#include "core/run/datastep_p.h"

#include "core/alembic/alembictranslate.h"
#include "core/alembic/pythonbridge.h"
#include "core/db/connection.h"
#include "core/project/project.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace strata::alembic {

namespace {

QString headsText(const QStringList &heads)
{
    return heads.isEmpty() ? u"base"_s : heads.join(u", "_s);
}

// The URL as SQLAlchemy wants it: an absolute SQLite path (the bridge runs
// from the project's root), no Strata-only options.
Result<QString> sqlalchemyUrl(const DatabaseUrl &url)
{
    DatabaseUrl copy = url;
    if (copy.dialect == DialectKind::Sqlite) {
        if (copy.isMemory())
            return fail(Error::Code::Usage, u"a data step can't run on an in-memory SQLite database"_s,
                        url.redacted(), u"use a database file: Alembic runs the step over its own connection"_s);
        copy.path = QFileInfo(copy.path).absoluteFilePath();
        copy.options.clear();
    }
    copy.options.remove(u"schema"_s);
    return copy.toString();
}

QString location(const QJsonObject &problem)
{
    const int line = problem.value(u"line"_s).toInt();
    const QString file = problem.value(u"file"_s).toString();
    return line > 0 ? u"%1:%2"_s.arg(file).arg(line) : file;
}

} // namespace

DataStepRunner::DataStepRunner(Connection &connection, const Project &project)
    : m_connection(connection), m_project(project)
{
}

bool DataStepRunner::applies(const Project &project, const PlanStep &step)
{
    return project.isAlembic() && step.revision->dataStep(step.direction == Direction::Upgrade).needed;
}

Status DataStepRunner::preflight(const Project &project, const Plan &plan)
{
    if (!project.isAlembic())
        return {};
    for (const PlanStep &step : plan.steps) {
        const Revision &revision = *step.revision;
        if (revision.pythonError.isEmpty())
            continue;
        const bool placeholders = std::ranges::any_of(step.operations(), [](const OperationPtr &op) {
            return isPlaceholder(*op);
        });
        if (!placeholders)
            continue;   // the static reading is whole: it runs without Python
        return fail(Error::Code::Input,
                    u"revision %1 needs Python, which could not load it: %2"_s.arg(revision.id, revision.pythonError),
                    revision.filePath,
                    u"nothing was run; fix the import (run `python3 %1` in the project's environment to see it), "
                    "or point STRATA_PYTHON at the interpreter that has the project's packages"_s
                        .arg(QFileInfo(revision.filePath).fileName()));
    }
    return {};
}

Result<Schema> DataStepRunner::run(const PlanStep &step, const Schema &before, const QStringList &expectedHeads)
{
    QElapsedTimer timer;
    timer.start();
    const bool upgrade = step.direction == Direction::Upgrade;
    const ProjectConfig &config = m_project.config();
    auto url = sqlalchemyUrl(m_connection.url());
    if (!url)
        return std::unexpected(url.error());
    const QJsonObject request{{u"versions"_s, m_project.versionsPath()},
                              {u"script"_s, step.revision->filePath},
                              {u"direction"_s, upgrade ? u"upgrade"_s : u"downgrade"_s},
                              {u"from"_s, QJsonArray::fromStringList(expectedHeads)},
                              {u"to"_s, QJsonArray::fromStringList(step.headsAfter)},
                              {u"version_table"_s, config.versionTable}};
    QProcessEnvironment env;
    env.insert(u"STRATA_BRIDGE_URL"_s, *url);
    auto answer = PythonBridge::call(u"run"_s, request, env, -1);
    if (!answer)
        return std::unexpected(answer.error().wrappedIn(
            u"data step %1 %2 could not run"_s.arg(upgrade ? u"upgrade"_s : u"downgrade"_s, step.arrow()),
            step.revision->filePath));
    const QJsonObject &json = answer->json;
    if (!json.value(u"ok"_s).toBool()) {
        const QJsonObject problem = json.value(u"error"_s).toObject();
        const QString stage = json.value(u"stage"_s).toString();
        const bool moved = stage == u"heads"_s;
        Error error = Error::make(moved ? Error::Code::Locked : Error::Code::Database,
                                  u"data step %1 %2 failed: %3"_s.arg(upgrade ? u"upgrade"_s : u"downgrade"_s,
                                                                      step.arrow(),
                                                                      problem.value(u"message"_s).toString()),
                                  location(problem));
        error.hint = moved ? u"another process moved the database; run the command again"_s
                           : u"Alembic rolled the step back, the database is still at %1; fix the revision and run "
                             "again"_s.arg(headsText(expectedHeads));
        return std::unexpected(error);
    }

    // The rows moved with the step; Strata's history row follows in its own transaction.
    HistoryEntry entry;
    entry.revision = step.revision->id;
    entry.direction = upgrade ? u"upgrade"_s : u"downgrade"_s;
    entry.checksum = step.revision->checksum;
    entry.appliedAt = QDateTime::currentDateTimeUtc();
    entry.durationMs = timer.elapsed();
    entry.appliedBy = qEnvironmentVariable("USER") + u'@' + QSysInfo::machineHostName();
    // No history table (an Alembic folder on SQLite, a role without CREATE SCHEMA): nothing to record.
    if (m_connection.tableExists(m_connection.dialect().historyLocation(config.historyTable))) {
        if (auto begun = m_connection.begin(); !begun)
            return std::unexpected(begun.error());
        if (auto done = m_connection.exec(m_connection.dialect().insertHistory(config.historyTable, entry)); !done) {
            (void)m_connection.rollback();
            return std::unexpected(done.error());
        }
        if (auto committed = m_connection.commit(); !committed)
            return std::unexpected(committed.error());
    }
    auto after = replayRevision(before, *step.revision, upgrade, m_project.isAlembic());
    if (!after)
        return std::unexpected(after.error().wrappedIn(
            u"the data step ran, but its recorded operations don't fit Strata's replay"_s,
            step.revision->filePath));
    return after;
}

} // namespace strata::alembic
