#include "core/workflow/checksumrepair.h"

#include "core/project/project.h"
#include "core/safety/appliedhistory.h"
#include "core/workflow/databasestatus.h"

using namespace Qt::StringLiterals;

namespace strata {

QStringList RepairOutcome::lines() const
{
    if (files.isEmpty())
        return {u"Nothing to repair: every applied file matches its recorded checksum."_s};
    QStringList lines;
    for (const QString &file : files)
        lines << u"Recorded the new checksum of "_s + file;
    return lines;
}

Result<RepairOutcome> repairChecksums(Connection &connection, const Project &project)
{
    StatusOptions options;
    options.drift = false;
    auto report = readDatabaseStatus(connection, project, options);
    if (!report)
        return std::unexpected(report.error());
    RepairOutcome outcome;
    if (report->editedChecksums.isEmpty())
        return outcome;
    AppliedHistory history(connection, project.config().historyTable);
    if (auto done = history.recordRepairs(report->editedChecksums); !done)
        return std::unexpected(done.error());
    for (const Issue &issue : std::as_const(report->issues)) {
        if (issue.code == u"edited-after-apply"_s)
            outcome.files << issue.file;
    }
    return outcome;
}

} // namespace strata
