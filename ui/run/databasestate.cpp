#include "ui/run/databasestate.h"

#include "core/workflow/databasestatus.h"

namespace strata::ui {

Result<DatabaseState> readDatabaseState(Connection &connection, const Project &project)
{
    // The same reading `strata status` prints, so the two faces cannot disagree.
    auto status = readDatabaseStatus(connection, project);
    if (!status)
        return std::unexpected(status.error());
    DatabaseState state;
    state.dialect = status->dialect;
    state.displayUrl = status->displayUrl;
    state.databaseName = status->databaseName;
    state.versioned = status->versioned;
    state.unknownHeads = status->unknownHeads;
    for (const QString &head : std::as_const(status->heads)) {
        if (!state.unknownHeads.contains(head))
            state.heads << head;
    }
    state.appliedChecksums = status->appliedChecksums();
    state.safety = safetySummaryOf(*status);
    return state;
}

} // namespace strata::ui
