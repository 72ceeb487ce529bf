#include "databasestate.h"

#include "db/versionstore.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

Result<QStringList> currentHeads(Context &context)
{
    auto project = context.project();
    if (!project)
        return std::unexpected(project.error());
    auto connection = context.connection();
    if (!connection)
        return std::unexpected(connection.error());
    const ProjectConfig &config = (*project)->config();
    VersionStore store(**connection, config.versionTable, config.historyTable);
    auto heads = store.heads();
    if (!heads)
        return heads;
    const RevisionGraph &graph = (*project)->graph();
    for (const QString &id : *heads) {
        if (!graph.find(id)) {
            return fail(Error::Code::NotFound,
                        u"Can't locate revision identified by '%1': the database %2 is at a revision "
                        "this project does not have"_s.arg(id, (*connection)->url().redacted()),
                        u"table "_s + config.versionTable,
                        u"the project's heads are %1. The database was probably upgraded from another "
                        "branch or checkout: switch to it, or, if that revision is gone for good and the "
                        "schema matches one of yours, run `strata stamp <revision> --purge`."_s
                            .arg(graph.heads().isEmpty() ? u"(none)"_s : graph.heads().join(u", "_s)));
        }
    }
    return heads;
}

Result<QStringList> lookupAll(const RevisionGraph &graph, const QStringList &idsOrPrefixes)
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

} // namespace strata::cli
