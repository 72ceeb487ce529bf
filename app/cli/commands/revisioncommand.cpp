#include "command.h"
#include "databasestate.h"

#include "core/workflow/revisionauthor.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

namespace {

int report(Context &context, const Result<AuthoredRevision> &written)
{
    if (!written)
        return context.report(written.error());
    if (!written->command.isEmpty()) {
        // An Alembic folder: the team's tool wrote the script and said so.
        context.info(u"Ran "_s + written->command);
        context.err() << written->toolOutput;
        context.out() << written->revisionId << Qt::endl;
        return 0;
    }
    context.info(u"Generating "_s + written->path + u" ...  done"_s);
    context.out() << written->revisionId << Qt::endl;
    return 0;
}

} // namespace

// A new, empty revision for a person to fill in (in an Alembic folder, a
// script written by the team's `flask db revision` / `alembic revision`).
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
        auto opened = context.project();
        if (!opened)
            return context.report(opened.error());
        Project project = **opened;
        NewRevisionOptions options;
        options.message = parser.value(u"message"_s);
        options.head = parser.value(u"head"_s);
        if (parser.isSet(u"branch-label"_s))
            options.branchLabels << parser.value(u"branch-label"_s);
        options.dependsOn = parser.values(u"depends-on"_s);
        options.revisionId = parser.value(u"rev-id"_s);
        return report(context, createRevision(project, options));
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
        auto opened = context.project();
        if (!opened)
            return context.report(opened.error());
        Project project = **opened;
        MergeOptions options;
        options.revisions = parser.positionalArguments().mid(1);
        options.message = parser.value(u"message"_s);
        options.revisionId = parser.value(u"rev-id"_s);
        return report(context, mergeRevisions(project, options));
    }
};

std::unique_ptr<Command> makeRevisionCommand() { return std::make_unique<RevisionCommand>(); }
std::unique_ptr<Command> makeMergeCommand() { return std::make_unique<MergeCommand>(); }

} // namespace strata::cli
