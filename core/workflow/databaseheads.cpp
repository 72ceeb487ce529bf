#include "core/workflow/databaseheads.h"

#include "core/db/versionstore.h"
#include "core/project/project.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace strata {

Result<QStringList> knownDatabaseHeads(Connection &connection, const Project &project)
{
    const ProjectConfig &config = project.config();
    VersionStore store(connection, config.versionTable, config.historyTable);
    auto heads = store.heads();
    if (!heads)
        return heads;
    const RevisionGraph &graph = project.graph();
    for (const QString &id : std::as_const(*heads)) {
        if (graph.find(id))
            continue;
        return fail(Error::Code::NotFound,
                    u"Can't locate revision identified by '%1': the database %2 is at a revision "
                    "this project does not have"_s.arg(id, connection.url().redacted()),
                    u"table "_s + config.versionTable,
                    u"the project's heads are %1. The database was probably upgraded from another "
                    "branch or checkout: switch to it, or, if that revision is gone for good and the "
                    "schema matches one of yours, run `strata stamp <revision> --purge`."_s
                        .arg(graph.heads().isEmpty() ? u"(none)"_s : graph.heads().join(u", "_s)));
    }
    return heads;
}

Result<QStringList> lookupRevisions(const RevisionGraph &graph, const QStringList &idsOrPrefixes)
{
    QStringList ids;
    for (const QString &text : idsOrPrefixes) {
        if (text == u"heads"_s || text == u"head"_s) {
            ids << graph.heads();
            continue;
        }
        auto id = graph.lookup(text);
        if (!id)
            return std::unexpected(id.error());
        ids << *id;
    }
    ids.removeDuplicates();
    return ids;
}

Status requireDatabaseAtHeads(Connection &connection, const Project &project, const QString &offlineHint)
{
    auto heads = knownDatabaseHeads(connection, project);
    if (!heads)
        return std::unexpected(heads.error());
    const QStringList projectHeads = project.graph().heads();
    if (QSet<QString>(heads->begin(), heads->end()) == QSet<QString>(projectHeads.begin(), projectHeads.end()))
        return {};
    const auto names = [](const QStringList &ids) { return ids.isEmpty() ? u"base"_s : ids.join(u", "_s); };
    return fail(Error::Code::Conflict, u"Target database is not up to date."_s, connection.url().redacted(),
                u"the database is at %1 and the project's head is %2: run `strata upgrade` first, or %3"_s
                    .arg(names(*heads), names(projectHeads), offlineHint));
}

} // namespace strata
