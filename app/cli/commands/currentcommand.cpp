#include "command.h"
#include "databasestate.h"
#include "revisionformat.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

class CurrentCommand : public Command
{
public:
    QString name() const override { return u"current"_s; }
    QString summary() const override { return u"Show the revision(s) the database is at"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({{u"v"_s, u"verbose"_s}, u"Show each revision in full."_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        auto heads = currentHeads(context);
        if (!heads)
            return context.report(heads.error());
        const Project *project = *context.project();
        const RevisionGraph &graph = project->graph();
        if (parser.isSet(u"verbose"_s))
            context.info(u"Current revision(s) for "_s + (*context.connection())->url().redacted() + u':');
        if (heads->isEmpty()) {
            context.info(u"The database is at base (no revision applied); `strata upgrade` applies them."_s);
            return 0;
        }
        RevisionFormat format(graph);
        for (const QString &id : *heads) {
            const Revision *revision = graph.find(id);
            context.out() << (parser.isSet(u"verbose"_s) ? format.verbose(*revision) : format.idLine(*revision))
                          << Qt::endl;
        }
        return 0;
    }
};

std::unique_ptr<Command> makeCurrentCommand() { return std::make_unique<CurrentCommand>(); }

} // namespace strata::cli
