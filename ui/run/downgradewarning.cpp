#include "run/downgradewarning.h"

#include "graph/plan.h"
#include "project/project.h"

using namespace Qt::StringLiterals;

namespace strata::ui {

QStringList droppedByDowngrade(const Project &project, const QStringList &currentHeads, const QString &target)
{
    auto plan = Planner(project.graph()).downgrade(currentHeads, target);
    if (!plan)
        return {};
    QStringList drops;
    for (const PlanStep &step : std::as_const(plan->steps)) {
        for (const OperationPtr &op : step.operations()) {
            if (op->kind() == u"drop_table"_s || op->kind() == u"drop_column"_s)
                drops << op->describe() + u" ("_s + step.revision->id.left(12) + u')';
        }
    }
    return drops;
}

} // namespace strata::ui
