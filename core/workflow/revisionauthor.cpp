#include "core/workflow/revisionauthor.h"

#include "core/db/connection.h"
#include "core/db/versionstore.h"
#include "core/graph/plan.h"
#include "core/project/project.h"
#include "core/workflow/alembicauthor_p.h"
#include "core/workflow/databaseheads.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

Status requireMessage(const QString &message, const QString &command)
{
    if (!message.trimmed().isEmpty())
        return {};
    return fail(Error::Code::Usage, command + u" needs a message"_s, {}, u"pass -m \"what this revision does\""_s);
}

Result<AuthoredRevision> write(Project &project, Revision revision)
{
    revision.created = QDateTime::currentDateTimeUtc();
    if (revision.id.isEmpty())
        revision.id = newRevisionId();
    if (project.isAlembic())
        return writeAlembicRevision(project, revision);
    auto path = project.writeRevision(revision);
    if (!path)
        return std::unexpected(path.error());
    return AuthoredRevision{revision.id, *path, {}, {}};
}

} // namespace

Result<AuthoredRevision> createRevision(Project &project, const NewRevisionOptions &options)
{
    if (auto ok = requireMessage(options.message, u"revision"_s); !ok)
        return std::unexpected(ok.error());
    const RevisionGraph &graph = project.graph();
    Revision revision;
    revision.id = options.revisionId;
    revision.message = options.message.trimmed();
    revision.branchLabels = options.branchLabels;
    if (options.head.isEmpty()) {
        if (graph.heads().size() > 1)
            return fail(Error::Code::Ambiguous, u"Multiple heads are present: %1"_s.arg(graph.heads().join(u", "_s)),
                        {}, u"pass --head REV to choose the parent, or join them first with `strata merge heads -m MSG`"_s);
        revision.downRevisions = graph.heads();
    } else if (options.head != u"base"_s) {
        auto parents = Planner(graph).resolve(options.head, {}, Direction::Upgrade);
        if (!parents)
            return std::unexpected(parents.error());
        revision.downRevisions = *parents;
    }
    if (!options.dependsOn.isEmpty()) {
        auto deps = lookupRevisions(graph, options.dependsOn);
        if (!deps)
            return std::unexpected(deps.error());
        revision.dependsOn = *deps;
    }
    return write(project, revision);
}

Result<AuthoredRevision> mergeRevisions(Project &project, const MergeOptions &options)
{
    if (auto ok = requireMessage(options.message, u"merge"_s); !ok)
        return std::unexpected(ok.error());
    auto parents = lookupRevisions(project.graph(), options.revisions);
    if (!parents)
        return std::unexpected(parents.error());
    if (parents->size() < 2)
        return fail(Error::Code::Usage, u"merge needs at least two revisions, got %1"_s.arg(parents->size()), {},
                    u"`strata heads` lists them; `strata merge heads -m MSG` joins all"_s);
    Revision revision;
    revision.id = options.revisionId;
    revision.message = options.message.trimmed();
    revision.downRevisions = *parents;
    return write(project, revision);
}

Result<RevisionDeletion> planRevisionDeletion(const Project &project, const QString &idOrPrefix,
                                              Connection *connection)
{
    const RevisionGraph &graph = project.graph();
    auto ids = lookupRevisions(graph, {idOrPrefix});
    if (!ids)
        return std::unexpected(ids.error());
    if (ids->size() != 1)
        return fail(Error::Code::Ambiguous, u"delete takes one revision, '%1' names %2"_s.arg(idOrPrefix).arg(ids->size()));
    const Revision &revision = *graph.find(ids->first());
    if (revision.filePath.isEmpty())
        return fail(Error::Code::NotFound, u"revision %1 has no file"_s.arg(revision.shortId()));
    const QStringList builtOn = graph.children(revision.id) + graph.dependents(revision.id);
    if (!builtOn.isEmpty()) {
        QStringList names;
        for (const QString &id : builtOn)
            names << id.left(12);
        return fail(Error::Code::Usage,
                    u"%1 can't be deleted: %2 build%3 on it"_s.arg(revision.shortId(), names.join(u", "_s),
                                                                  builtOn.size() == 1 ? u"s"_s : QString()),
                    revision.filePath, u"only a head that nothing depends on can be deleted; delete those first"_s);
    }
    if (connection) {
        // Any version row at or above it means the database ran it: deleting the file
        // would leave that database at a revision no file describes.
        const ProjectConfig &config = project.config();
        auto heads = VersionStore(*connection, config.versionTable, config.historyTable).heads();
        if (!heads)
            return std::unexpected(heads.error());
        QStringList known;
        for (const QString &head : std::as_const(*heads)) {
            if (graph.find(head))
                known << head;
        }
        if (graph.ancestorsOf(known).contains(revision.id))
            return fail(Error::Code::Conflict,
                        u"%1 can't be deleted: %2 has applied it"_s.arg(revision.shortId(), connection->url().redacted()),
                        revision.filePath,
                        u"downgrade that database below it first (`strata downgrade %1`)"_s.arg(
                            revision.downRevisions.isEmpty() ? u"base"_s : revision.downRevisions.first().left(12)));
    }
    return RevisionDeletion{revision.id, revision.filePath, revision.message};
}

QString DeletedRevision::summary() const
{
    return trashPath.isEmpty() ? u"Deleted %1."_s.arg(path) : u"Moved %1 to the trash (%2)."_s.arg(path, trashPath);
}

Result<DeletedRevision> deleteRevisionFile(const RevisionDeletion &deletion)
{
    QFile file(deletion.path);
    if (!file.exists())
        return fail(Error::Code::NotFound, u"the revision file is gone already"_s, deletion.path);
    // Qt (6.4) puts the trash in the working directory ("./files", "./info")
    // when the data folder that holds it is missing: make that folder first.
    QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
    if (file.moveToTrash())
        return DeletedRevision{deletion.path, QFileInfo(file.fileName()).absoluteFilePath()};
    if (!QFile::remove(deletion.path))
        return fail(Error::Code::Io, u"can't delete the revision file: "_s + file.errorString(), deletion.path,
                    u"check the folder's permissions"_s);
    return DeletedRevision{deletion.path, {}};
}

} // namespace strata
