#include "command.h"
#include "databasestate.h"

#include "db/offlinescript.h"
#include "db/runner.h"
#include "safety/statusreport.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace strata::cli {

// `upgrade` and `downgrade`: the same walk in two directions, online through
// the Runner or offline (--sql) through the same Plan and Dialect.
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
        return parser.isSet(u"sql"_s) ? runOffline(context, **project, target)
                                      : runOnline(context, **project, target, parser.isSet(u"allow-unversioned"_s),
                                                  isUp() && parser.isSet(u"allow-edited"_s));
    }

private:
    bool isUp() const { return m_direction == Direction::Upgrade; }

    Result<Plan> plan(const Project &project, const QStringList &heads, const QString &target) const
    {
        Planner planner(project.graph());
        return isUp() ? planner.upgrade(heads, target) : planner.downgrade(heads, target);
    }

    int runOffline(Context &context, const Project &project, QString target) const
    {
        // Offline there is no database to ask: start from base, or from the
        // FROM of FROM:TO, as `alembic upgrade A:B --sql` does.
        QStringList from;
        if (target.contains(u':')) {
            const QString start = target.section(u':', 0, 0);
            target = target.section(u':', 1);
            auto ids = lookupAll(project.graph(), {start});
            if (!ids)
                return context.report(ids.error());
            from = *ids;
        } else if (!isUp()) {
            return context.report(Error::make(
                Error::Code::Usage, u"downgrade --sql needs a starting revision"_s, {},
                u"write it as FROM:TO, e.g. `strata downgrade head:base --sql`"_s));
        } else if (target.startsWith(u'-') || target.startsWith(u'+')) {
            return context.report(Error::make(Error::Code::Usage,
                                              u"relative targets need a database; offline there is none"_s,
                                              {}, u"write FROM:TO with revision ids"_s));
        }
        auto url = context.databaseUrl();
        if (!url)
            return context.report(url.error());
        auto dialect = Dialect::forName(url->dialect);
        auto planned = plan(project, from, target);
        if (!planned)
            return context.report(planned.error());
        auto script = offlineScript(project, *planned, *dialect);
        if (!script)
            return context.report(script.error());
        context.out() << *script;
        context.out().flush();
        return 0;
    }

    int runOnline(Context &context, const Project &project, const QString &target, bool allowUnversioned,
                  bool allowEdited) const
    {
        auto heads = currentHeads(context);
        if (!heads)
            return context.report(heads.error());
        if (isUp() && !allowEdited) {
            if (const int code = refuseEdited(context, project, *heads); code != 0)
                return code;
        }
        Connection *connection = *context.connection();
        context.info(u"Context impl "_s + connection->dialect().name() + u", database "_s
                     + connection->url().redacted());
        context.info(u"Will assume transactional DDL."_s);
        // A named target means the same thing from wherever the database is,
        // so a run that lost the race to another process plans again from
        // the rows that process left. A relative one (+1, -2) does not.
        const bool replannable = !target.contains(u'+') && !target.contains(u'-');
        constexpr int attempts = 20;
        QElapsedTimer timer;
        timer.start();
        for (int attempt = 1;; ++attempt) {
            auto planned = plan(project, *heads, target);
            if (!planned)
                return context.report(planned.error());
            if (planned->isEmpty()) {
                context.out() << "Nothing to do: the database is already at "
                              << (heads->isEmpty() ? u"base"_s : heads->join(u", "_s)) << "." << Qt::endl;
                return 0;
            }
            Runner runner(*connection, project);
            runner.setAllowUnversioned(allowUnversioned);
            QObject::connect(&runner, &Runner::stepStarted, [&](int, int, const PlanStep &step) {
                context.info(u"Running %1 %2, %3"_s.arg(isUp() ? u"upgrade"_s : u"downgrade"_s, step.arrow(),
                                                        step.revision->message));
                if (!step.revision->transactional)
                    context.info(u"Revision %1 is not transactional: its statements run alone, one by one."_s
                                     .arg(step.revision->id));
            });
            auto done = runner.run(*planned);
            if (done) {
                context.out() << (isUp() ? "Upgraded" : "Downgraded") << " to "
                              << (planned->toHeads.isEmpty() ? u"base"_s : planned->toHeads.join(u", "_s))
                              << " in " << planned->steps.size() << (planned->steps.size() == 1 ? " step" : " steps")
                              << ", " << timer.elapsed() << " ms." << Qt::endl;
                return 0;
            }
            auto now = currentHeads(context);
            if (runner.headsMoved() && replannable && attempt < attempts && now) {
                context.info(u"Another process migrated the database meanwhile; it is at %1 now, planning again."_s
                                 .arg(now->isEmpty() ? u"base"_s : now->join(u", "_s)));
                heads = now;
                continue;
            }
            const int code = context.report(done.error());
            if (now) {
                const QString where = now->isEmpty() ? u"base"_s : now->join(u", "_s);
                if (heads && *now == *heads)
                    context.err() << "The database is still at " << where << "; nothing was changed." << Qt::endl;
                else
                    context.err() << "The database is at " << where << "; the steps before the failing one are kept."
                                  << Qt::endl;
            }
            return code;
        }
    }

    // An applied file that changed since it ran means the database and the
    // files disagree about history: stop until a person looks (`status`, `repair`).
    static int refuseEdited(Context &context, const Project &project, const QStringList &heads)
    {
        auto edited = editedAfterApply(**context.connection(), project, heads);
        if (!edited)
            return context.report(edited.error());
        if (edited->isEmpty())
            return 0;
        for (const Issue &issue : std::as_const(*edited))
            context.err() << issue.toString() << Qt::endl;
        return context.report(Error::make(
            Error::Code::Conflict,
            u"%1 applied revision file(s) changed after they ran; refusing to upgrade"_s.arg(edited->size()),
            context.connection().value()->url().redacted(),
            u"review the edits; `strata repair` accepts them, `--allow-edited` runs anyway"_s));
    }

    Direction m_direction;
};

std::unique_ptr<Command> makeUpgradeCommand() { return std::make_unique<MigrateCommand>(Direction::Upgrade); }
std::unique_ptr<Command> makeDowngradeCommand() { return std::make_unique<MigrateCommand>(Direction::Downgrade); }

} // namespace strata::cli
