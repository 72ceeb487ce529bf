#include "run/databasestate.h"

#include "db/connection.h"
#include "db/versionstore.h"
#include "project/project.h"

#include <QFileInfo>

namespace strata::ui {

Result<DatabaseState> readDatabaseState(Connection &connection, const Project &project)
{
    const DatabaseUrl &url = connection.url();
    DatabaseState state;
    state.dialect = url.dialect;
    state.displayUrl = url.redacted();
    state.databaseName = url.dialect == QStringLiteral("sqlite")
        ? (url.isMemory() ? QStringLiteral(":memory:") : QFileInfo(url.path).fileName())
        : url.database;
    const ProjectConfig &config = project.config();
    VersionStore store(connection, config.versionTable, config.historyTable);
    state.versioned = store.exists();
    if (!state.versioned)
        return state;
    auto heads = store.heads();
    if (!heads)
        return std::unexpected(heads.error());
    for (const QString &id : std::as_const(*heads))
        (project.graph().find(id) ? state.heads : state.unknownHeads) << id;
    auto checksums = store.appliedChecksums();
    if (!checksums)
        return std::unexpected(checksums.error());
    state.appliedChecksums = *checksums;
    return state;
}

} // namespace strata::ui
