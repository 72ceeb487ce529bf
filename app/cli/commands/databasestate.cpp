#include "databasestate.h"

#include "core/workflow/databaseheads.h"

namespace strata::cli {

Result<QStringList> currentHeads(Context &context)
{
    auto project = context.project();
    if (!project)
        return std::unexpected(project.error());
    auto connection = context.connection();
    if (!connection)
        return std::unexpected(connection.error());
    return knownDatabaseHeads(**connection, **project);
}

} // namespace strata::cli
