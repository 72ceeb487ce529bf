#include "command.h"
#include "schemareport.h"

#include "core/diff/autogenerate.h"
#include "core/workflow/generator.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

namespace {

void listDifferences(Context &context, const QString &title, const SchemaDiff &diff)
{
    context.out() << title << Qt::endl;
    for (const QString &line : detectedChanges(diff))
        context.out() << "  " << line << Qt::endl;
    for (const QString &line : diff.unsupported)
        context.out() << "  " << line << Qt::endl;
}

} // namespace

// `strata check`: the CI gate. Exit 0 when models.yaml matches the replayed
// head and, unless --offline or no database is configured, the database is
// at head with the schema models.yaml describes; else 1 with the differences.
class CheckCommand : public Command
{
public:
    QString name() const override { return u"check"_s; }
    QString summary() const override { return u"Exit 1 if models.yaml and head (or the database) differ"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({u"offline"_s, u"Compare models.yaml with the replayed head only; no database."_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        auto heads = generationParents(**project);
        if (!heads)
            return context.report(heads.error());
        auto models = loadSchemaSource(u"models"_s, **project);
        if (!models)
            return context.report(models.error());
        auto diff = modelChanges(**project, *models);
        if (!diff)
            return context.report(diff.error());
        if (!diff->isEmpty()) {
            listDifferences(context, u"New upgrade operations detected (run `strata migrate -m MSG`):"_s, *diff);
            return 1;
        }
        if (!parser.isSet(u"offline"_s)) {
            if (const int code = checkDatabase(context, **project, *models); code != 0)
                return code;
        }
        context.out() << "No new upgrade operations detected." << Qt::endl;
        return 0;
    }

private:
    static int checkDatabase(Context &context, const Project &project, const SchemaSource &models)
    {
        const bool configured = !context.options().databaseUrl.isEmpty()
            || !qEnvironmentVariable("DATABASE_URL").isEmpty() || !project.config().database.isEmpty();
        if (!configured) {
            context.info(u"No database configured: compared models.yaml with the replayed head only."_s);
            return 0;
        }
        if (auto atHead = requireDatabaseAtHead(context, u"pass --offline to check the files only"_s); !atHead)
            return context.report(atHead.error());
        auto live = databaseSource(**context.connection(), project);
        if (!live)
            return context.report(live.error());
        printNotes(context, *live);
        auto drift = diffSources(*live, models);
        if (!drift)
            return context.report(drift.error());
        if (!drift->isEmpty()) {
            listDifferences(context, u"The database %1 differs from models.yaml:"_s.arg(live->label), *drift);
            return 1;
        }
        return 0;
    }
};

std::unique_ptr<Command> makeCheckCommand() { return std::make_unique<CheckCommand>(); }

} // namespace strata::cli
