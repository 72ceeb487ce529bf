#include "command.h"

#include "safety/appliedhistory.h"
#include "workflow/databasestatus.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

// `strata repair`: after a person decided the edits to applied files were
// harmless, records each file's checksum now as a new "repair" row in the
// history table (the original upgrade rows stay for the record).
class RepairCommand : public Command
{
public:
    QString name() const override { return u"repair"_s; }
    QString summary() const override { return u"Accept edits to applied revision files (re-record checksums)"_s; }
    int run(Context &context, const QCommandLineParser &) const override
    {
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        auto connection = context.connection();
        if (!connection)
            return context.report(connection.error());
        StatusOptions options;
        options.drift = false;
        auto report = readDatabaseStatus(**connection, **project, options);
        if (!report)
            return context.report(report.error());
        if (report->editedChecksums.isEmpty()) {
            context.out() << "Nothing to repair: every applied file matches its recorded checksum." << Qt::endl;
            return 0;
        }
        AppliedHistory history(**connection, (*project)->config().historyTable);
        if (auto done = history.recordRepairs(report->editedChecksums); !done)
            return context.report(done.error());
        for (const Issue &issue : std::as_const(report->issues)) {
            if (issue.code == u"edited-after-apply"_s)
                context.out() << "Recorded the new checksum of " << issue.file << Qt::endl;
        }
        return 0;
    }
};

std::unique_ptr<Command> makeRepairCommand() { return std::make_unique<RepairCommand>(); }

} // namespace strata::cli
