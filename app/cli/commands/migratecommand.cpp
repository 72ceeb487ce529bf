#include "command.h"
#include "databasestate.h"

#include "printingobserver.h"
#include "../interruptguard.h"

#include "core/dialect/dialect.h"
#include "core/workflow/offlinemigration.h"
#include "core/workflow/migrator.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

// `upgrade` and `downgrade`: the same walk in two directions, online through
// the Migrator use case, or offline (--sql) through the same Plan and Dialect.
class MigrateCommand : public Command
{
public:
    explicit MigrateCommand(Direction direction) : m_direction(direction) {}

    QString name() const override { return isUp() ? u"upgrade"_s : u"downgrade"_s; }
    QString summary() const override
    {
        return isUp() ? u"Upgrade the database to a later revision (default: head)"_s
                      : u"Revert the database to an earlier revision (default: -1)"_s;
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(
            u"TARGET"_s,
            isUp() ? u"head, heads, a revision id or prefix, +N, REV+N, LABEL@head; with --sql also FROM:TO"_s
                   : u"-N, base, a revision id or prefix; with --sql also FROM:TO"_s,
            u"[TARGET]"_s);
        parser.addOption({u"sql"_s, u"Print the SQL instead of running it (offline mode)."_s});
        parser.addOption({u"atomic"_s, u"All or nothing: every step in one transaction; a failure anywhere rolls "
                                       "all of them back (with --sql: one BEGIN ... COMMIT)."_s});
        parser.addOption({u"allow-unversioned"_s,
                          u"Run even though the database has tables but no version table."_s});
        if (isUp())
            parser.addOption({u"allow-edited"_s,
                              u"Run even though applied revision files were edited after they ran."_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() > 2)
            return context.report(Error::make(Error::Code::Usage, u"too many arguments"_s, {},
                                              u"give one TARGET, e.g. `strata %1 head`"_s.arg(name())));
        const QString target = args.size() > 1 ? args.at(1) : (isUp() ? u"head"_s : u"-1"_s);
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        const bool atomic = parser.isSet(u"atomic"_s);
        return parser.isSet(u"sql"_s) ? runOffline(context, **project, target, atomic)
                                      : runOnline(context, **project, target, parser.isSet(u"allow-unversioned"_s),
                                                  isUp() && parser.isSet(u"allow-edited"_s), atomic);
    }

private:
    bool isUp() const { return m_direction == Direction::Upgrade; }

    int runOffline(Context &context, const Project &project, const QString &target, bool atomic) const
    {
        auto url = context.databaseUrl();
        if (!url)
            return context.report(url.error());
        auto script = offlineMigrationScript(project, m_direction, target, *Dialect::forKind(url->dialect), atomic);
        if (!script)
            return context.report(script.error());
        context.writeOut(*script);
        return 0;
    }

    int runOnline(Context &context, const Project &project, const QString &target, bool allowUnversioned,
                  bool allowEdited, bool atomic) const
    {
        auto connection = context.connection();
        if (!connection)
            return context.report(connection.error());
        PrintingObserver observer(context);
        Migrator migrator(**connection, project, &observer);
        MigrateOptions options;
        options.direction = m_direction;
        options.target = target;
        options.allowEdited = allowEdited;
        options.allowUnversioned = allowUnversioned;
        options.atomic = atomic;
        const InterruptGuard interrupts;
        options.stopRequested = interrupts.stopFlag();
        const MigrateOutcome outcome = migrator.run(options);
        if (outcome.ok()) {
            context.out() << outcome.summary() << Qt::endl;
            return 0;
        }
        const int code = context.report(*outcome.error);
        if (outcome.stepsPlanned > 0 || !outcome.headsAfterProblem.isEmpty())
            context.err() << outcome.positionAfterFailure() << Qt::endl;
        return code;
    }

    Direction m_direction;
};

std::unique_ptr<Command> makeUpgradeCommand() { return std::make_unique<MigrateCommand>(Direction::Upgrade); }
std::unique_ptr<Command> makeDowngradeCommand() { return std::make_unique<MigrateCommand>(Direction::Downgrade); }

} // namespace strata::cli
