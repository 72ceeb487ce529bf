#include "command.h"
#include "databasestate.h"
#include "revisionformat.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

class HistoryCommand : public Command
{
public:
    QString name() const override { return u"history"_s; }
    QString summary() const override { return u"List revisions, newest first"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({{u"r"_s, u"rev-range"_s},
                          u"Only revisions in START:END (either side may be empty, base, head or current)."_s,
                          u"RANGE"_s});
        parser.addOption({{u"v"_s, u"verbose"_s}, u"Show each revision in full."_s});
        parser.addOption({{u"i"_s, u"indicate-current"_s}, u"Mark the database's current revision(s)."_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        const RevisionGraph &graph = (*project)->graph();
        QStringList current;
        const QString range = parser.value(u"rev-range"_s);
        if (parser.isSet(u"indicate-current"_s) || range.contains(u"current"_s)) {
            auto heads = currentHeads(context);
            if (!heads)
                return context.report(heads.error());
            current = *heads;
        }
        auto selected = select(graph, range, current);
        if (!selected)
            return context.report(selected.error());
        RevisionFormat format(graph, QSet<QString>(current.begin(), current.end()));
        const bool verbose = parser.isSet(u"verbose"_s);
        const QList<Revision> &all = graph.revisions();
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            if (selected->has_value() && !(*selected)->contains(it->id))
                continue;
            context.out() << (verbose ? format.verbose(*it) : format.historyLine(*it)) << '\n';
        }
        context.out().flush();
        return 0;
    }

private:
    // START:END keeps revisions that are descendants of START and ancestors of END; no range keeps all (nullopt).
    static Result<std::optional<QSet<QString>>> select(const RevisionGraph &graph, const QString &range,
                                                       const QStringList &current)
    {
        if (range.isEmpty())
            return std::nullopt;
        QSet<QString> all;
        for (const Revision &r : graph.revisions())
            all.insert(r.id);
        if (!range.contains(u':'))
            return fail(Error::Code::Usage, u"bad range '%1'"_s.arg(range), u"-r"_s,
                        u"write START:END, e.g. -r 9b1e:head, -r :current or -r current:"_s);
        auto ends = [&](const QString &text) -> Result<QStringList> {
            if (text.isEmpty() || text == u"base"_s)
                return QStringList{};
            if (text == u"current"_s)
                return current;
            return lookupRevisions(graph, {text});
        };
        auto start = ends(range.section(u':', 0, 0));
        auto end = ends(range.section(u':', 1));
        if (!start)
            return std::unexpected(start.error());
        if (!end)
            return std::unexpected(end.error());
        QSet<QString> keep = range.section(u':', 1).isEmpty() ? all : graph.ancestorsOf(*end);
        if (!start->isEmpty())
            keep &= graph.descendantsOf(*start);
        return keep;
    }
};

std::unique_ptr<Command> makeHistoryCommand() { return std::make_unique<HistoryCommand>(); }

} // namespace strata::cli
