#include "command.h"

#include "core/alembic/flaskmigrate.h"
#include "schemareport.h"

#include "core/dialect/dialect.h"
#include "core/diff/autogenerate.h"
#include "core/workflow/generator.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

// `strata migrate -m MSG`: Alembic's autogenerate. Compares the schema
// replayed at head with models.yaml and writes the difference as a new
// revision for a person to review. The database must be at head (as
// Alembic requires), and if it has drifted from the replayed head, says so.
class AutogenerateCommand : public Command
{
public:
    QString name() const override { return u"migrate"_s; }
    QString summary() const override { return u"Generate a revision from the changes in models.yaml"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({{u"m"_s, u"message"_s}, u"What the revision does."_s, u"MESSAGE"_s});
        parser.addOption({u"offline"_s, u"Compare with the replayed head without asking the database."_s});
        parser.addOption({u"rev-id"_s, u"Use this id instead of a random one."_s, u"ID"_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        const QString message = parser.value(u"message"_s).trimmed();
        if (message.isEmpty())
            return context.report(Error::make(Error::Code::Usage, u"migrate needs a message"_s, {},
                                              u"pass -m \"what changed\", e.g. -m \"Add streaks\""_s));
        auto opened = context.project();
        if (!opened)
            return context.report(opened.error());
        const Project &project = **opened;
        // In a Flask-Migrate folder the models are the app's: Flask-Migrate writes the revision.
        if (project.isAlembic()) {
            auto made = alembic::runFlaskMigrate(project.directory().path(), message);
            if (!made)
                return context.report(made.error());
            context.err() << made->output;
            context.out() << "Generated " << made->path << Qt::endl;
            return 0;
        }
        auto heads = generationParents(project);
        if (!heads)
            return context.report(heads.error());
        if (!parser.isSet(u"offline"_s)) {
            if (auto atHead = requireDatabaseAtHead(context,
                                                    u"pass --offline to compare models.yaml with the replayed head"_s);
                !atHead)
                return context.report(atHead.error());
            auto head = revisionSource(project, *heads);
            if (!head)
                return context.report(head.error());
            warnAboutDrift(context, project, *head);
        }
        auto url = context.databaseUrl();
        const auto dialect = Dialect::forKind(url ? url->dialect : DialectKind::Sqlite);
        auto draft = draftMigration(project, *dialect);
        if (!draft)
            return context.report(draft.error());
        printNotes(context, draft->diff);
        if (!draft->hasChanges()) {
            context.out() << "No changes detected"
                          << (draft->diff.unsupported.isEmpty() ? "." : " that an operation can express.") << Qt::endl;
            return draft->diff.unsupported.isEmpty() ? 0 : 1;
        }
        printDetected(context, draft->diff);
        auto written = writeMigration(project, *draft, message, parser.value(u"rev-id"_s));
        if (!written)
            return context.report(written.error());
        context.info(u"Generating "_s + written->path + u" ...  done"_s);
        if (!draft->diff.possibleRenames.isEmpty())
            context.info(u"Review the possible renames marked in the file before you run upgrade."_s);
        context.out() << written->revisionId << Qt::endl;
        return 0;
    }

private:
    // Not an error: the revision is generated from the replayed head either way.
    static void warnAboutDrift(Context &context, const Project &project, const SchemaSource &head)
    {
        auto connection = context.connection();
        if (!connection)
            return;
        auto live = databaseSource(**connection, project);
        if (!live) {
            context.err() << "WARNING could not read the database's schema: " << live.error().toString() << Qt::endl;
            return;
        }
        printNotes(context, *live);
        if (project.graph().isEmpty() && !live->schema.tables.isEmpty()) {
            context.err() << "WARNING the database already has tables but the project has no revisions; "
                             "adopt them first with `strata baseline -m MSG`" << Qt::endl;
            return;
        }
        auto drift = diffSources(head, *live);
        if (!drift || drift->isEmpty())
            return;
        context.err() << "WARNING the database differs from the schema its revisions describe (drift); "
                         "the new revision is based on the revisions:" << Qt::endl;
        for (const QString &line : detectedChanges(*drift))
            context.err() << "WARNING   " << line << Qt::endl;
        for (const QString &line : drift->unsupported)
            context.err() << "WARNING   " << line << Qt::endl;
    }
};

std::unique_ptr<Command> makeAutogenerateCommand() { return std::make_unique<AutogenerateCommand>(); }

} // namespace strata::cli
