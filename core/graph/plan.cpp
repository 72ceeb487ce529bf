#include "plan.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

QString listOrNone(const QStringList &ids)
{
    return ids.isEmpty() ? u"(base)"_s : ids.join(u", "_s);
}

QStringList sortedList(const QSet<QString> &ids)
{
    QStringList list(ids.cbegin(), ids.cend());
    std::sort(list.begin(), list.end());
    return list;
}

Status checkKnown(const RevisionGraph &graph, const QStringList &currentHeads)
{
    for (const QString &id : currentHeads) {
        if (!graph.find(id))
            return fail(Error::Code::NotFound,
                        u"Can't locate revision identified by '%1': the database is at a revision this "
                        "project does not have"_s.arg(id),
                        {}, u"the project's heads are %1; check out the branch that has it, or "
                            "`strata stamp` the database to a known revision"_s.arg(listOrNone(graph.heads())));
    }
    return {};
}

// Rows in the version table that another row already implies (left by an
// older tool or a hand-made stamp); the first step removes them.
QStringList redundantRows(const RevisionGraph &graph, const QStringList &currentHeads)
{
    const QStringList normal = graph.headsOf(graph.ancestorsOf(currentHeads));
    QStringList extra;
    for (const QString &id : currentHeads) {
        if (!normal.contains(id) && !extra.contains(id))
            extra << id;
    }
    return extra;
}

// The one revision an upgrade from these heads to these targets applies,
// found without walking the history (the studio previews one step of a
// 100,000-revision project per click): the target sits right on the heads,
// which are all it needs. At most one head, so no row is redundant, and a
// target above its own parents is never below them. Nothing otherwise: the
// plan is worked out in full.
std::optional<QString> oneStepUp(const RevisionGraph &graph, const QStringList &sortedHeads,
                                 const QStringList &targets)
{
    if (targets.size() != 1 || sortedHeads.size() > 1)
        return std::nullopt;
    const Revision *target = graph.find(targets.first());
    if (!target)
        return std::nullopt;
    QStringList below = target->downRevisions + target->dependsOn;
    below.removeDuplicates();
    return below == sortedHeads ? std::optional<QString>(target->id) : std::nullopt;
}

// The same for a downgrade from one head to its only parent (to base for a
// base): that head alone goes, since nothing else above the parent is below it.
std::optional<QString> oneStepDown(const RevisionGraph &graph, const QStringList &currentHeads,
                                   const QStringList &targets)
{
    if (currentHeads.size() != 1 || targets.size() > 1)
        return std::nullopt;
    const Revision *head = graph.find(currentHeads.first());
    if (!head || !head->dependsOn.isEmpty() || head->downRevisions != targets)
        return std::nullopt;
    return head->id;
}

} // namespace

QString PlanStep::arrow() const
{
    const QString below = revision->isBase() ? u"<base>"_s : revision->downRevisions.join(u", "_s);
    return direction == Direction::Upgrade ? below + u" -> "_s + revision->id
                                           : revision->id + u" -> "_s + below;
}

Result<QStringList> Planner::resolve(const QString &target, const QStringList &currentHeads,
                                     Direction direction) const
{
    const QString t = target.trimmed();
    if (t.isEmpty())
        return fail(Error::Code::Usage, u"an empty target"_s, {},
                    u"targets: head, heads, base, a revision id or prefix, +N, -N, REV+N, LABEL@head"_s);
    if (t == u"heads"_s)
        return m_graph.heads();
    if (t == u"base"_s)
        return QStringList();
    if (t == u"head"_s) {
        const QStringList heads = m_graph.heads();
        if (heads.size() > 1)
            return fail(Error::Code::Ambiguous,
                        u"Multiple head revisions are present; please specify a specific target revision, "
                        "'<branchname>@head' to narrow to a specific head, or 'heads' for all heads"_s,
                        {}, u"the heads are "_s + heads.join(u", "_s));
        return heads;
    }
    // An exact id or label wins over the patterns below: "abc-1" may be an id.
    if (m_graph.find(t) || m_graph.branchLabels().contains(t))
        return QStringList{*m_graph.lookup(t)};

    static const QRegularExpression relativeToCurrent(u"^([+-])([0-9]+)$"_s);
    static const QRegularExpression branchHead(u"^(.+)@head$"_s);
    static const QRegularExpression relativeToRevision(u"^(.+)([+-])([0-9]+)$"_s);

    if (const auto m = relativeToCurrent.match(t); m.hasMatch()) {
        const bool up = m.captured(1) == u"+"_s;
        if (up != (direction == Direction::Upgrade))
            return fail(Error::Code::Usage,
                        u"'%1' goes %2, but this is %3"_s.arg(t, up ? u"up"_s : u"down"_s,
                                                              up ? u"a downgrade"_s : u"an upgrade"_s),
                        {}, up ? u"use `strata upgrade %1`"_s.arg(t) : u"use `strata downgrade %1`"_s.arg(t));
        const int steps = m.captured(2).toInt();
        return relative(QString(), up ? steps : -steps, currentHeads, t);
    }
    if (const auto m = branchHead.match(t); m.hasMatch()) {
        auto start = m_graph.lookup(m.captured(1));
        if (!start)
            return std::unexpected(start.error());
        const QStringList leaves = m_graph.headsAbove(*start);
        if (leaves.size() > 1)
            return fail(Error::Code::Ambiguous,
                        u"'%1' has several heads: %2"_s.arg(t, leaves.join(u", "_s)), {},
                        u"name one of them, or join them with `strata merge`"_s);
        return leaves;
    }
    if (const auto m = relativeToRevision.match(t); m.hasMatch()) {
        auto from = resolve(m.captured(1), currentHeads, direction);
        if (!from)
            return from;
        if (from->size() != 1)
            return fail(Error::Code::Ambiguous,
                        u"'%1' needs one revision to count from, but '%2' names %3"_s.arg(
                            t, m.captured(1), listOrNone(*from)),
                        {}, u"count from a single revision id or LABEL@head"_s);
        const int steps = m.captured(3).toInt();
        return relative(from->first(), m.captured(2) == u"+"_s ? steps : -steps, currentHeads, t);
    }
    auto id = m_graph.lookup(t);
    if (!id)
        return std::unexpected(id.error());
    return QStringList{*id};
}

Result<QStringList> Planner::relative(const QString &from, int steps, const QStringList &currentHeads,
                                      const QString &target) const
{
    QStringList at;   // the current position as a set of heads; empty is base
    if (from.isEmpty()) {
        at = m_graph.headsOf(m_graph.ancestorsOf(currentHeads));
        if (at.size() > 1)
            return fail(Error::Code::Ambiguous,
                        u"'%1' counts from the current head, but the database is at several: %2"_s.arg(
                            target, at.join(u", "_s)),
                        {}, u"name the target instead: a revision id, REV%1, LABEL@head or heads"_s.arg(
                                target));
    } else {
        at = {from};
    }

    for (int done = 0; done < std::abs(steps); ++done) {
        if (steps > 0) {
            const QStringList next = at.isEmpty() ? m_graph.bases() : m_graph.children(at.first());
            if (next.isEmpty())
                return fail(Error::Code::NotFound,
                            u"'%1' goes past the top: %2 has no revision above it"_s.arg(
                                target, at.isEmpty() ? u"the project"_s : at.first()),
                            {}, u"the heads are "_s + listOrNone(m_graph.heads()));
            if (next.size() > 1)
                return fail(Error::Code::Ambiguous,
                            u"'%1' is ambiguous: %2 is followed by %3"_s.arg(
                                target, at.isEmpty() ? u"base"_s : at.first(), next.join(u", "_s)),
                            {}, u"name the target: a revision id or LABEL@head"_s);
            at = {next.first()};
        } else {
            if (at.isEmpty())
                return fail(Error::Code::NotFound, u"'%1' goes below base"_s.arg(target), {},
                            u"use base to remove every revision"_s);
            if (at.size() > 1)
                return fail(Error::Code::Ambiguous,
                            u"'%1' is ambiguous: the step before it reaches the merge parents %2"_s.arg(
                                target, at.join(u", "_s)),
                            {}, u"name the target: a revision id"_s);
            at = m_graph.find(at.first())->downRevisions;
        }
    }
    return at;
}

Result<Plan> Planner::upgrade(const QStringList &currentHeads, const QString &target) const
{
    if (auto ok = checkKnown(m_graph, currentHeads); !ok)
        return std::unexpected(ok.error());
    auto targets = resolve(target, currentHeads, Direction::Upgrade);
    if (!targets)
        return std::unexpected(targets.error());

    Plan plan;
    plan.direction = Direction::Upgrade;
    plan.fromHeads = sortedList(QSet<QString>(currentHeads.cbegin(), currentHeads.cend()));
    QSet<QString> heads(plan.fromHeads.cbegin(), plan.fromHeads.cend());
    const std::optional<QString> single = oneStepUp(m_graph, plan.fromHeads, *targets);
    QStringList stale = single ? QStringList() : redundantRows(m_graph, currentHeads);
    const QSet<QString> needed = single ? QSet<QString>{*single}
                                      : m_graph.ancestorsOf(*targets) - m_graph.ancestorsOf(currentHeads);
    for (const QString &id : m_graph.topologicalOrder(needed)) {
        PlanStep step;
        step.revision = m_graph.find(id);
        step.direction = Direction::Upgrade;
        step.deleteVersions = std::exchange(stale, {});
        for (const QString &below : m_graph.find(id)->downRevisions + step.revision->dependsOn) {
            if (heads.contains(below) && !step.deleteVersions.contains(below))
                step.deleteVersions << below;
        }
        for (const QString &gone : std::as_const(step.deleteVersions))
            heads.remove(gone);
        heads.insert(id);
        step.insertVersions = {id};
        step.headsAfter = sortedList(heads);
        plan.steps << step;
    }
    plan.toHeads = plan.steps.isEmpty() ? plan.fromHeads : plan.steps.last().headsAfter;
    return plan;
}

Result<Plan> Planner::downgrade(const QStringList &currentHeads, const QString &target) const
{
    if (auto ok = checkKnown(m_graph, currentHeads); !ok)
        return std::unexpected(ok.error());
    auto targets = resolve(target, currentHeads, Direction::Downgrade);
    if (!targets)
        return std::unexpected(targets.error());

    // One step down (see oneStepDown): the target is the head's parent, and
    // of what is applied only the head sits on it.
    const std::optional<QString> single = oneStepDown(m_graph, currentHeads, *targets);
    QSet<QString> remaining = single ? QSet<QString>{*single} : m_graph.ancestorsOf(currentHeads);
    for (const QString &id : *targets) {
        if (single || remaining.contains(id))
            continue;
        const bool above = currentHeads.isEmpty() || m_graph.descendantsOf(currentHeads).contains(id);
        return fail(Error::Code::Conflict,
                    u"Destination %1 is not an ancestor of the current head(s) %2: %3"_s.arg(
                        id, listOrNone(currentHeads),
                        above ? u"it is above them, not applied yet"_s : u"it is on another branch"_s),
                    {}, above ? u"to move up to it, use `strata upgrade %1`"_s.arg(id)
                              : u"downgrade to a revision listed by `strata history` below the current head"_s);
    }

    // Everything above the targets goes; a revision that merely depends on a
    // target stays, since the target stays.
    QStringList childrenOfTargets;
    for (const QString &id : *targets)
        childrenOfTargets << m_graph.children(id);
    const QSet<QString> removed = single            ? QSet<QString>{*single}
                                : targets->isEmpty() ? remaining
                                                     : (m_graph.descendantsOf(childrenOfTargets) & remaining)
                                                           - m_graph.ancestorsOf(*targets);

    Plan plan;
    plan.direction = Direction::Downgrade;
    plan.fromHeads = sortedList(QSet<QString>(currentHeads.cbegin(), currentHeads.cend()));
    QSet<QString> heads(plan.fromHeads.cbegin(), plan.fromHeads.cend());
    QStringList stale = single ? QStringList() : redundantRows(m_graph, currentHeads);

    QStringList order = m_graph.topologicalOrder(removed);
    std::reverse(order.begin(), order.end());
    for (const QString &id : std::as_const(order)) {
        PlanStep step;
        step.revision = m_graph.find(id);
        step.direction = Direction::Downgrade;
        step.deleteVersions = std::exchange(stale, {});
        if (!step.deleteVersions.contains(id))
            step.deleteVersions << id;
        remaining.remove(id);
        for (const QString &gone : std::as_const(step.deleteVersions))
            heads.remove(gone);
        // A parent becomes a version row again once nothing applied sits on it.
        for (const QString &below : step.revision->downRevisions + step.revision->dependsOn) {
            const auto stillCovered = [&](const QString &kid) { return remaining.contains(kid); };
            const QStringList kids = m_graph.children(below) + m_graph.dependents(below);
            if (!heads.contains(below) && !step.insertVersions.contains(below)
                && std::none_of(kids.cbegin(), kids.cend(), stillCovered)) {
                step.insertVersions << below;
                heads.insert(below);
            }
        }
        step.headsAfter = sortedList(heads);
        plan.steps << step;
    }
    plan.toHeads = plan.steps.isEmpty() ? plan.fromHeads : plan.steps.last().headsAfter;
    return plan;
}

} // namespace strata
