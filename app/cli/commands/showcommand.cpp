#include "command.h"
#include "databasestate.h"
#include "revisionformat.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

class ShowCommand : public Command
{
public:
    QString name() const override { return u"show"_s; }
    QString summary() const override { return u"Show one revision in full, with its operations"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(u"REV"_s, u"A revision id, a unique prefix, or head."_s);
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 2)
            return context.report(Error::make(Error::Code::Usage, u"show takes one revision"_s, {},
                                              u"e.g. `strata show head` or `strata show 3f2a`"_s));
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        const RevisionGraph &graph = (*project)->graph();
        auto ids = lookupRevisions(graph, {args.at(1)});
        if (!ids)
            return context.report(ids.error());
        RevisionFormat format(graph);
        for (const QString &id : *ids) {
            const Revision &revision = *graph.find(id);
            context.out() << format.verbose(revision) << "\n    Upgrade:\n";
            for (const OperationPtr &op : revision.upgrade)
                context.out() << "      - " << op->describe() << '\n';
            context.out() << "    Downgrade:\n";
            for (const OperationPtr &op : revision.downgrade)
                context.out() << "      - " << op->describe() << '\n';
        }
        context.out().flush();
        return 0;
    }
};

std::unique_ptr<Command> makeShowCommand() { return std::make_unique<ShowCommand>(); }

} // namespace strata::cli
