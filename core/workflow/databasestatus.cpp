#include "core/workflow/databasestatus.h"

#include "core/db/versionstore.h"
#include "core/diff/autogenerate.h"
#include "core/diff/schemasource.h"
#include "core/project/project.h"
#include "core/workflow/viewtriggerdrift.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

QString displayPath(const Revision &revision)
{
    return revision.filePath.isEmpty() ? revision.id : QDir::current().relativeFilePath(revision.filePath);
}

// "2026-11-24T21:06:20.000Z" -> "2026-11-24 21:06:20 UTC"
QString displayTime(const QString &isoUtc)
{
    const QDateTime time = QDateTime::fromString(isoUtc, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s
                          : (isoUtc.isEmpty() ? u"an unrecorded time"_s : isoUtc);
}

QStringList knownHeads(const RevisionGraph &graph, const QStringList &heads)
{
    QStringList known;
    for (const QString &id : heads) {
        if (graph.find(id))
            known << id;
    }
    return known;
}

Status addDrift(Connection &connection, const Project &project, DatabaseStatus &report)
{
    auto drift = driftFrom(connection, project, report.heads);
    if (!drift)
        return std::unexpected(drift.error());
    report.drift = *drift;
    const QString at = report.heads.isEmpty() ? u"base"_s : report.heads.join(u", "_s);
    for (const QString &line : std::as_const(*drift)) {
        report.issues << Issue{Issue::Severity::Warning, u"drift"_s,
                               u"drift from %1: %2 (read as: the replayed revisions -> the live database; "
                               "write a revision for it or undo the change by hand)"_s.arg(at, line),
                               {}, connection.url().redacted()};
    }
    report.driftChecked = true;
    return {};
}

} // namespace

QList<Issue> DatabaseStatus::issuesWithCode(const QString &code) const
{
    QList<Issue> found;
    for (const Issue &issue : issues) {
        if (issue.code == code)
            found << issue;
    }
    return found;
}

QHash<QString, QString> DatabaseStatus::appliedChecksums() const
{
    QHash<QString, QString> checksums;
    for (auto it = applied.cbegin(); it != applied.cend(); ++it) {
        if (!it->checksum.isEmpty())
            checksums.insert(it.key(), it->checksum);
    }
    return checksums;
}

Result<QList<Issue>> editedAfterApply(Connection &connection, const Project &project, const QStringList &heads,
                                      QHash<QString, QString> *currentChecksums)
{
    AppliedHistory history(connection, project.config().historyTable);
    auto applied = history.applied();
    if (!applied)
        return std::unexpected(applied.error());
    const RevisionGraph &graph = project.graph();
    QList<Issue> issues;
    const QSet<QString> ancestors = graph.ancestorsOf(knownHeads(graph, heads));
    for (const QString &id : graph.topologicalOrder(ancestors)) {
        const Revision *revision = graph.find(id);
        const auto record = applied->constFind(id);
        if (!revision || record == applied->cend() || record->checksum.isEmpty()
            || record->checksum == revision->checksum)
            continue;
        const QString file = displayPath(*revision);
        issues << Issue{Issue::Severity::Error, u"edited-after-apply"_s,
                        u"%1 was edited after it was applied on %2 (checksum %3 then, %4 now); review the "
                        "change, then run `strata repair` to accept it, or restore the file"_s
                            .arg(file, displayTime(record->appliedAt), record->checksum.left(12),
                                 revision->checksum.left(12)),
                        id, file};
        if (currentChecksums)
            currentChecksums->insert(id, revision->checksum);
    }
    return issues;
}

Result<QStringList> driftFrom(Connection &connection, const Project &project, const QStringList &heads)
{
    auto replayed = revisionSource(project, heads);
    if (!replayed)
        return std::unexpected(replayed.error());
    auto live = databaseSource(connection, project);
    if (!live)
        return std::unexpected(live.error());
    auto diff = diffSources(*replayed, *live);
    if (!diff)
        return std::unexpected(diff.error());
    // Triggers and views: the Schema does not hold them, drift must see them.
    auto objects = viewTriggerDrift(connection, project, heads);
    if (!objects)
        return std::unexpected(objects.error());
    return detectedChanges(*diff) + *objects + diff->unsupported;
}

Result<DatabaseStatus> readDatabaseStatus(Connection &connection, const Project &project,
                                          const StatusOptions &options)
{
    const ProjectConfig &config = project.config();
    const RevisionGraph &graph = project.graph();
    const DatabaseUrl &url = connection.url();
    DatabaseStatus report;
    report.dialect = url.dialect;
    report.displayUrl = url.redacted();
    report.databaseName = url.isMemory() ? u":memory:"_s
        : connection.dialect().kind() == Dialect::Kind::Sqlite ? QFileInfo(url.path).fileName()
                                                                : url.database;
    VersionStore store(connection, config.versionTable, config.historyTable);
    report.versioned = store.exists();
    auto heads = store.heads();
    if (!heads)
        return std::unexpected(heads.error());
    report.heads = *heads;

    for (const QString &id : std::as_const(report.heads)) {
        if (graph.find(id))
            continue;
        report.unknownHeads << id;
        report.issues << Issue{Issue::Severity::Error, u"unknown-revision"_s,
                               u"the database is at %1, a revision this project does not have; switch to the "
                               "branch or checkout that has it, or `strata stamp <revision> --purge` if it is "
                               "gone for good"_s.arg(id),
                               id, u"table "_s + config.versionTable};
    }
    const bool headsKnown = report.unknownHeads.isEmpty();

    AppliedHistory history(connection, config.historyTable);
    auto applied = history.applied();
    if (!applied)
        return std::unexpected(applied.error());
    report.applied = *applied;
    QStringList vanished;
    for (auto it = applied->cbegin(); it != applied->cend(); ++it) {
        if (!graph.find(it.key()) && !report.heads.contains(it.key()))
            vanished << it.key();
    }
    vanished.sort();
    for (const QString &id : std::as_const(vanished)) {
        report.issues << Issue{Issue::Severity::Warning, u"missing-revision"_s,
                               u"revision %1 was applied on %2 but the project no longer has its file; "
                               "restore it if the database still depends on what it did"_s
                                   .arg(id, displayTime(applied->value(id).appliedAt)),
                               id, u"table "_s + config.historyTable};
    }

    auto edited = editedAfterApply(connection, project, report.heads, &report.editedChecksums);
    if (!edited)
        return std::unexpected(edited.error());
    report.issues << *edited;

    if (!headsKnown) {
        report.driftProblem = u"drift not checked: the database is at a revision this project does not have"_s;
        return report;
    }
    if (!graph.isEmpty()) {
        auto plan = Planner(graph).upgrade(report.heads, u"heads"_s);
        if (!plan)
            return std::unexpected(plan.error());
        report.pending = plan->steps;
    }
    if (options.drift) {
        if (auto drift = addDrift(connection, project, report); !drift) {
            report.driftProblem = u"drift not checked: %1"_s.arg(drift.error().message);
            report.issues << Issue{Issue::Severity::Warning, u"drift-unchecked"_s,
                                   u"drift was not checked: %1"_s.arg(drift.error().message), {},
                                   connection.url().redacted()};
        }
    }
    return report;
}

} // namespace strata
