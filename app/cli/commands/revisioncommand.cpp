#include "command.h"
#include "databasestate.h"

#include "graph/plan.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

namespace {

int writeAndReport(Context &context, Project &project, Revision revision)
{
    auto path = project.writeRevision(revision);
    if (!path)
        return context.report(path.error());
    context.info(u"Generating "_s + *path + u" ...  done"_s);
    context.out() << revision.id << Qt::endl;
    return 0;
}

QString requireMessage(const QCommandLineParser &parser)
{
    return parser.value(u"message"_s).trimmed();
}

Error missingMessage(const QString &command)
{
    return Error::make(Error::Code::Usage, command + u" needs a message"_s, {},
                       u"pass -m \"what this revision does\""_s);
}

} // namespace

// A new, empty revision for a person to fill in.
class RevisionCommand : public Command
{
public:
    QString name() const override { return u"revision"_s; }
    QString summary() const override { return u"Create a new, empty revision file"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({{u"m"_s, u"message"_s}, u"What the revision does."_s, u"MESSAGE"_s});
        parser.addOption({u"head"_s, u"Parent revision (default: the single head; base starts a new branch)."_s,
                          u"REV"_s});
        parser.addOption({u"branch-label"_s, u"A name for the branch this revision starts."_s, u"LABEL"_s});
        parser.addOption({u"depends-on"_s, u"A revision this one needs, without being its child."_s, u"REV"_s});
        parser.addOption({u"rev-id"_s, u"Use this id instead of a random one."_s, u"ID"_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        const QString message = requireMessage(parser);
        if (message.isEmpty())
            return context.report(missingMessage(name()));
        auto opened = context.project();
        if (!opened)
            return context.report(opened.error());
        Project project = **opened;
        const RevisionGraph &graph = project.graph();

        Revision revision;
        revision.id = parser.isSet(u"rev-id"_s) ? parser.value(u"rev-id"_s) : newRevisionId();
        revision.message = message;
        revision.created = QDateTime::currentDateTimeUtc();
        if (parser.isSet(u"branch-label"_s))
            revision.branchLabels << parser.value(u"branch-label"_s);
        const QString head = parser.value(u"head"_s);
        if (head.isEmpty()) {
            if (graph.heads().size() > 1)
                return context.report(Error::make(Error::Code::Ambiguous,
                    u"Multiple heads are present: %1"_s.arg(graph.heads().join(u", "_s)), {},
                    u"pass --head REV to choose the parent, or join them first with `strata merge heads -m MSG`"_s));
            revision.downRevisions = graph.heads();
        } else if (head != u"base"_s) {
            auto parents = Planner(graph).resolve(head, {}, Direction::Upgrade);
            if (!parents)
                return context.report(parents.error());
            revision.downRevisions = *parents;
        }
        if (parser.isSet(u"depends-on"_s)) {
            auto deps = lookupRevisions(graph, parser.values(u"depends-on"_s));
            if (!deps)
                return context.report(deps.error());
            revision.dependsOn = *deps;
        }
        return writeAndReport(context, project, revision);
    }
};

// Joins several heads into one with a revision that has them all as parents.
class MergeCommand : public Command
{
public:
    QString name() const override { return u"merge"_s; }
    QString summary() const override { return u"Join two or more heads with a merge revision"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(u"REVS"_s, u"The revisions to join, or `heads` for all heads."_s, u"REVS..."_s);
        parser.addOption({{u"m"_s, u"message"_s}, u"What the merge does."_s, u"MESSAGE"_s});
        parser.addOption({u"rev-id"_s, u"Use this id instead of a random one."_s, u"ID"_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        const QString message = requireMessage(parser);
        if (message.isEmpty())
            return context.report(missingMessage(name()));
        auto opened = context.project();
        if (!opened)
            return context.report(opened.error());
        Project project = **opened;
        auto parents = lookupRevisions(project.graph(), parser.positionalArguments().mid(1));
        if (!parents)
            return context.report(parents.error());
        if (parents->size() < 2)
            return context.report(Error::make(Error::Code::Usage,
                u"merge needs at least two revisions, got %1"_s.arg(parents->size()), {},
                u"`strata heads` lists them; `strata merge heads -m MSG` joins all"_s));
        Revision revision;
        revision.id = parser.isSet(u"rev-id"_s) ? parser.value(u"rev-id"_s) : newRevisionId();
        revision.message = message;
        revision.created = QDateTime::currentDateTimeUtc();
        revision.downRevisions = *parents;
        return writeAndReport(context, project, revision);
    }
};

std::unique_ptr<Command> makeRevisionCommand() { return std::make_unique<RevisionCommand>(); }
std::unique_ptr<Command> makeMergeCommand() { return std::make_unique<MergeCommand>(); }

} // namespace strata::cli
