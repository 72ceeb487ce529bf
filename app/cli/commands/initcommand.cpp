#include "command.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

class InitCommand : public Command
{
public:
    QString name() const override { return u"init"_s; }
    QString summary() const override { return u"Create a new migrations folder"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(u"DIRECTORY"_s, u"Where to create it (default: --directory, migrations)."_s,
                                     u"[DIRECTORY]"_s);
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        const QStringList args = parser.positionalArguments();
        const QString directory = args.size() > 1 ? args.at(1) : context.options().directory;
        auto project = Project::init(directory, context.options().databaseUrl);
        if (!project)
            return context.report(project.error());
        const QDir dir = project->directory();
        context.info(u"Creating directory "_s + dir.absolutePath() + u" ...  done"_s);
        context.info(u"Creating directory "_s + project->versionsPath() + u" ...  done"_s);
        context.info(u"Generating "_s + dir.absoluteFilePath(u"strata.yaml"_s) + u" ...  done"_s);
        context.info(u"Generating "_s + project->modelsPath() + u" ...  done"_s);
        context.out() << "The database is " << (project->config().database) << " (set `database:` in "
                      << dir.absoluteFilePath(u"strata.yaml"_s)
                      << ", DATABASE_URL or --database to change it).\n"
                      << "Next: describe your tables in " << project->modelsPath()
                      << ", or write a revision with `strata revision -m MESSAGE`." << Qt::endl;
        return 0;
    }
};

std::unique_ptr<Command> makeInitCommand() { return std::make_unique<InitCommand>(); }

} // namespace strata::cli
