#include "command.h"
#include "schemareport.h"

#include "core/diff/baseline.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

// `strata baseline -m MSG`: adopts a database that was made without
// migrations (the app ran create_all first): its tables become the first
// revision, the database is stamped there, and models.yaml is written from
// it when the project has none. From then on `migrate` and `upgrade` work.
class BaselineCommand : public Command
{
public:
    QString name() const override { return u"baseline"_s; }
    QString summary() const override { return u"Start the history from an existing database, and stamp it"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({{u"m"_s, u"message"_s}, u"What the revision is (e.g. \"Baseline\")."_s, u"MESSAGE"_s});
        parser.addOption({u"rev-id"_s, u"Use this id instead of a random one."_s, u"ID"_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        const QString message = parser.value(u"message"_s).trimmed();
        if (message.isEmpty())
            return context.report(Error::make(Error::Code::Usage, u"baseline needs a message"_s, {},
                                              u"pass -m \"Baseline\""_s));
        auto opened = context.project();
        if (!opened)
            return context.report(opened.error());
        Project project = **opened;
        auto connection = context.connection();
        if (!connection)
            return context.report(connection.error());
        auto done = baseline(project, **connection, message, parser.value(u"rev-id"_s));
        if (!done)
            return context.report(done.error());
        for (const QString &warning : done->warnings)
            context.err() << "WARNING " << warning << Qt::endl;
        printNotes(context, done->diff);
        printDetected(context, done->diff);
        context.info(u"Generating "_s + done->path + u" ...  done"_s);
        context.info(u"Stamped "_s + (*connection)->url().redacted() + u" at "_s + done->revision.id);
        context.info(done->wroteModels
                         ? u"Wrote "_s + project.modelsPath() + u" from the database"_s
                         : u"Kept "_s + project.modelsPath() + u"; `strata check` compares it with the database"_s);
        context.out() << done->revision.id << Qt::endl;
        return 0;
    }
};

std::unique_ptr<Command> makeBaselineCommand() { return std::make_unique<BaselineCommand>(); }

} // namespace strata::cli
