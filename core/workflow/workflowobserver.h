#pragma once

#include "core/graph/plan.h"
#include "core/safety/issue.h"

namespace strata {

// Hears what a use case does while it does it. The CLI prints, the studio's
// jobs emit signals, tests record; the use case is the same for all three.
// Called on the thread the use case runs on.
class WorkflowObserver
{
public:
    virtual ~WorkflowObserver() = default;

    // A line for people about what happens next ("Running upgrade a -> b, ...").
    virtual void info(const QString &line) { Q_UNUSED(line); }
    // A problem found before or during the work (an edited file, drift).
    virtual void problem(const Issue &issue) { Q_UNUSED(issue); }
    virtual void stepStarted(int index, int count, const PlanStep &step)
    { Q_UNUSED(index); Q_UNUSED(count); Q_UNUSED(step); }
    virtual void statementStarted(const QString &sql) { Q_UNUSED(sql); }
    virtual void stepFinished(int index, int count, const PlanStep &step, qint64 milliseconds)
    { Q_UNUSED(index); Q_UNUSED(count); Q_UNUSED(step); Q_UNUSED(milliseconds); }
};

// "base" for no heads, else the heads joined: how every use case names a position.
QString headsText(const QStringList &heads);

} // namespace strata
