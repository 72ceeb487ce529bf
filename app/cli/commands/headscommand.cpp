#include "command.h"
#include "revisionformat.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

class HeadsCommand : public Command
{
public:
    QString name() const override { return u"heads"_s; }
    QString summary() const override { return u"Show the head revision(s) of the project"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({{u"v"_s, u"verbose"_s}, u"Show each revision in full."_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        const RevisionGraph &graph = (*project)->graph();
        RevisionFormat format(graph);
        for (const QString &id : graph.heads()) {
            const Revision &revision = *graph.find(id);
            context.out() << (parser.isSet(u"verbose"_s) ? format.verbose(revision) : format.idLine(revision))
                          << '\n';
        }
        if (graph.heads().size() > 1)
            context.info(u"%1 heads: join them with `strata merge heads -m \"merge\"`"_s.arg(graph.heads().size()));
        context.out().flush();
        return 0;
    }
};

class BranchesCommand : public Command
{
public:
    QString name() const override { return u"branches"_s; }
    QString summary() const override { return u"Show the revisions where the history branches"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({{u"v"_s, u"verbose"_s}, u"Show each revision in full."_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        const RevisionGraph &graph = (*project)->graph();
        RevisionFormat format(graph);
        for (const QString &id : graph.branchPoints()) {
            const Revision &revision = *graph.find(id);
            context.out() << (parser.isSet(u"verbose"_s) ? format.verbose(revision) : format.idLine(revision))
                          << '\n';
            const QString indent(revision.id.size() + 1, u' ');
            for (const QString &child : graph.children(id)) {
                const Revision &c = *graph.find(child);
                context.out() << indent << "-> " << format.idLine(c) << ", " << c.message << '\n';
            }
        }
        context.out().flush();
        return 0;
    }
};

std::unique_ptr<Command> makeHeadsCommand() { return std::make_unique<HeadsCommand>(); }
std::unique_ptr<Command> makeBranchesCommand() { return std::make_unique<BranchesCommand>(); }

} // namespace strata::cli
