#include "core/workflow/versionprobe.h"

#include "core/db/connection.h"
#include "core/db/versionstore.h"
#include "core/project/project.h"

#include <QFileInfo>

namespace strata {

Result<QStringList> probeVersionRows(const DatabaseUrl &url, const Project &project, int lockWaitMs)
{
    if (url.dialect == DialectKind::Sqlite && !url.isMemory() && !QFileInfo::exists(url.path))
        return QStringList();
    Connection::Options options;
    options.busyTimeoutMs = lockWaitMs;
    options.connectTimeoutSeconds = 3;
    auto connection = Connection::open(url, options);
    if (!connection)
        return std::unexpected(connection.error());
    const ProjectConfig &config = project.config();
    VersionStore store(**connection, config.versionTable, config.historyTable);
    auto rows = store.heads();
    if (rows)
        rows->sort();
    return rows;
}

} // namespace strata
