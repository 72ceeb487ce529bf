#include "command.h"

#include "core/workflow/revisionauthor.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

// `strata delete REV`: the studio's Delete revision. Only a revision nothing
// builds on and the database has not applied; its file goes to the trash.
class DeleteCommand : public Command
{
public:
    QString name() const override { return u"delete"_s; }
    QString summary() const override { return u"Delete a revision nothing builds on and the database has not run"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(u"REV"_s, u"Revision id or unique prefix."_s);
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        const QStringList revisions = parser.positionalArguments().mid(1);
        if (revisions.size() != 1)
            return context.report(Error::make(Error::Code::Usage, u"delete takes one revision"_s, {},
                                              u"e.g. `strata delete 3f2a9c1b7d10`; `strata heads` lists the heads"_s));
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        auto connection = context.connection();
        if (!connection)
            return context.report(connection.error());
        auto deletion = planRevisionDeletion(**project, revisions.first(), *connection);
        if (!deletion)
            return context.report(deletion.error());
        auto deleted = deleteRevisionFile(*deletion);
        if (!deleted)
            return context.report(deleted.error());
        context.out() << deleted->summary() << Qt::endl;
        return 0;
    }
};

std::unique_ptr<Command> makeDeleteCommand() { return std::make_unique<DeleteCommand>(); }

} // namespace strata::cli
