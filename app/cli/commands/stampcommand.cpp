#include "command.h"

#include "core/workflow/stamper.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

// Marks the database as being at a revision without running anything: the
// way to adopt a database whose tables already match a revision.
class StampCommand : public Command
{
public:
    QString name() const override { return u"stamp"_s; }
    QString summary() const override { return u"Set the database's revision without running migrations"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(u"REV"_s, u"Revision id or prefix, head, heads or base."_s);
        parser.addOption({u"purge"_s, u"Replace the version rows even if they name unknown revisions."_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        auto connection = context.connection();
        if (!connection)
            return context.report(connection.error());
        Stamper stamper(**connection, **project);
        auto stamped = stamper.run({parser.positionalArguments().mid(1), parser.isSet(u"purge"_s)});
        if (!stamped)
            return context.report(stamped.error());
        context.info(stamped->summary((*connection)->url().redacted()));
        return 0;
    }
};

std::unique_ptr<Command> makeStampCommand() { return std::make_unique<StampCommand>(); }

} // namespace strata::cli
