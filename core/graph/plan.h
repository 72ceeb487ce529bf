#pragma once

#include "core/graph/revisiongraph.h"

namespace strata {

enum class Direction { Upgrade, Downgrade };

// One revision applied or reverted, with the version rows it moves.
struct PlanStep
{
    const Revision *revision = nullptr;
    Direction direction = Direction::Upgrade;
    QStringList deleteVersions;      // rows removed from the version table
    QStringList insertVersions;      // rows added
    QStringList headsAfter;          // the version rows once the step is done

    const OperationList &operations() const
    { return direction == Direction::Upgrade ? revision->upgrade : revision->downgrade; }
    // "9b1e0aa2c4f3 -> 3f2a9c1b7d10" (upgrade) or "3f2a9c1b7d10 -> 9b1e0aa2c4f3" (downgrade), "<base>" for none.
    QString arrow() const;
};

struct Plan
{
    Direction direction = Direction::Upgrade;
    QStringList fromHeads;
    QStringList toHeads;
    QList<PlanStep> steps;
    bool isEmpty() const { return steps.isEmpty(); }
};

// Resolves a target and orders the steps the way Alembic walks the graph.
// Targets: head, heads, base, an id or unique prefix, +N, -N, REV+N, REV-N,
// LABEL@head, and a branch label alone.
class Planner
{
public:
    explicit Planner(const RevisionGraph &graph) : m_graph(graph) {}

    // The revisions (a set of heads) a target names, given the current heads.
    // "head" with several heads is an error that names them.
    Result<QStringList> resolve(const QString &target, const QStringList &currentHeads,
                                Direction direction) const;

    Result<Plan> upgrade(const QStringList &currentHeads, const QString &target) const;
    Result<Plan> downgrade(const QStringList &currentHeads, const QString &target) const;

private:
    // Walks `steps` revisions up (+) or down (-) from `from`, or from the
    // current head when `from` is empty; `target` is the text for messages.
    Result<QStringList> relative(const QString &from, int steps, const QStringList &currentHeads,
                                 const QString &target) const;
    const RevisionGraph &m_graph;
};

} // namespace strata
