#include "core/workflow/offlinemigration.h"

#include "core/run/offlinescript.h"
#include "core/project/project.h"
#include "core/workflow/databaseheads.h"

using namespace Qt::StringLiterals;

namespace strata {

Result<QString> offlineMigrationScript(const Project &project, Direction direction, const QString &target,
                                       const Dialect &dialect, bool atomic)
{
    const bool up = direction == Direction::Upgrade;
    QString to = target;
    QStringList from;
    if (target.contains(u':')) {
        to = target.section(u':', 1);
        auto ids = lookupRevisions(project.graph(), {target.section(u':', 0, 0)});
        if (!ids)
            return std::unexpected(ids.error());
        from = *ids;
    } else if (!up) {
        return fail(Error::Code::Usage, u"downgrade --sql needs a starting revision"_s, {},
                    u"write it as FROM:TO, e.g. `strata downgrade head:base --sql`"_s);
    } else if (target.startsWith(u'-') || target.startsWith(u'+')) {
        return fail(Error::Code::Usage, u"relative targets need a database; offline there is none"_s, {},
                    u"write FROM:TO with revision ids"_s);
    }
    const Planner planner(project.graph());
    auto plan = up ? planner.upgrade(from, to) : planner.downgrade(from, to);
    if (!plan)
        return std::unexpected(plan.error());
    return offlineScript(project, *plan, dialect, atomic);
}

} // namespace strata
