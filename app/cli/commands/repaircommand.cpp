#include "command.h"

#include "core/workflow/checksumrepair.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

// `strata repair`: core/workflow's repairChecksums, printed.
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
        auto repaired = repairChecksums(**connection, **project);
        if (!repaired)
            return context.report(repaired.error());
        for (const QString &line : repaired->lines())
            context.out() << line << Qt::endl;
        return 0;
    }
};

std::unique_ptr<Command> makeRepairCommand() { return std::make_unique<RepairCommand>(); }

} // namespace strata::cli
