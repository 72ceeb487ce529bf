#include "core/workflow/databaseoverview.h"

#include "core/db/versionstore.h"
#include "core/diff/schemasource.h"
#include "core/project/project.h"

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// The history replayed at the database's heads against the live schema,
// prepared the way `strata status` compares them.
Result<QList<ObjectDrift>> driftAt(Connection &connection, const Project &project, const QStringList &heads)
{
    auto replayed = revisionSource(project, heads);
    if (!replayed)
        return std::unexpected(replayed.error());
    auto live = databaseSource(connection, project);
    if (!live)
        return std::unexpected(live.error());
    const Comparison comparison = prepareComparison(*replayed, *live);
    return objectDrift(comparison.from, comparison.to, comparison.options.rules);
}

} // namespace

Result<DatabaseOverview> readDatabaseOverview(Connection &connection, const Project &project)
{
    const ProjectConfig &config = project.config();
    DatabaseOverview overview;
    overview.displayUrl = connection.url().redacted();
    auto footprint = readFootprint(connection, FootprintOptions{config.schema});
    if (!footprint)
        return std::unexpected(footprint.error());
    overview.footprint = *footprint;
    for (const TableFootprint &table : std::as_const(overview.footprint.tables)) {
        if (table.name == config.versionTable || table.name == config.historyTable)
            overview.bookkeepingTables << table.name;
    }

    VersionStore store(connection, config.versionTable, config.historyTable);
    auto heads = store.heads();
    if (!heads)
        return std::unexpected(heads.error());
    overview.heads = *heads;
    for (const QString &head : std::as_const(overview.heads)) {
        if (!project.graph().find(head)) {
            overview.driftProblem = u"drift not read: the database is at %1, a revision this project does not "
                                    "have (another branch or checkout?)"_s.arg(head);
            return overview;
        }
    }
    auto drift = driftAt(connection, project, overview.heads);
    if (!drift) {
        overview.driftProblem = u"drift not read: %1"_s.arg(drift.error().message);
        return overview;
    }
    overview.drift = *drift;
    overview.driftChecked = true;
    return overview;
}

} // namespace strata
