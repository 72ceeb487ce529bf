#include "command.h"
#include "databasestate.h"

#include "db/versionstore.h"

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
        const QStringList args = parser.positionalArguments().mid(1);
        if (args.isEmpty())
            return context.report(Error::make(Error::Code::Usage, u"stamp needs a revision"_s, {},
                                              u"e.g. `strata stamp head` or `strata stamp base`"_s));
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        const RevisionGraph &graph = (*project)->graph();
        QStringList target;
        if (args != QStringList{u"base"_s}) {
            if (args.contains(u"head"_s) && graph.heads().size() > 1)
                return context.report(Error::make(Error::Code::Ambiguous,
                    u"Multiple head revisions are present: %1"_s.arg(graph.heads().join(u", "_s)), {},
                    u"name one, or stamp `heads` for all of them"_s));
            auto ids = lookupAll(graph, args);
            if (!ids)
                return context.report(ids.error());
            target = graph.headsOf(graph.ancestorsOf(*ids));
        }
        if (!parser.isSet(u"purge"_s)) {
            auto heads = currentHeads(context);
            if (!heads)
                return context.report(heads.error());
        }
        auto connection = context.connection();
        if (!connection)
            return context.report(connection.error());
        const ProjectConfig &config = (*project)->config();
        VersionStore store(**connection, config.versionTable, config.historyTable);
        if (auto done = store.stamp(target, parser.isSet(u"purge"_s)); !done)
            return context.report(done.error());
        context.info(u"Stamped "_s + (*connection)->url().redacted() + u" at "_s
                     + (target.isEmpty() ? u"base"_s : target.join(u", "_s)));
        return 0;
    }
};

std::unique_ptr<Command> makeStampCommand() { return std::make_unique<StampCommand>(); }

} // namespace strata::cli
