#include "core/diff/schemadiff.h"

#include "core/diff/diffplanner_p.h"
#include "core/introspect/schemanormalize.h"

using namespace Qt::StringLiterals;

namespace strata {

namespace {

QString describeAll(const OperationList &ops)
{
    QStringList lines;
    for (const OperationPtr &op : ops)
        lines << op->describe();
    return lines.join(u"; "_s);
}

// What is still different between two schemas that should be equal; empty when none.
Result<QString> remainingDifference(const Schema &reached, const Schema &wanted, const CompareRules &rules)
{
    DiffPlanner planner(reached, wanted, rules);
    if (auto done = planner.run(); !done)
        return std::unexpected(done.error());
    return describeAll(planner.takeResult().upgrade);
}

} // namespace

Result<SchemaDiff> diffSchemas(const Schema &from, const Schema &to, const DiffOptions &options)
{
    const Schema start = normalizedSchema(from);
    const Schema goal = normalizedSchema(to);
    DiffPlanner planner(start, goal, options.rules);
    if (auto done = planner.run(); !done)
        return std::unexpected(done.error());
    SchemaDiff diff = planner.takeResult();
    // Nothing planned: the check below would plan the same two schemas again
    // and then compare the first with itself (the common case of `check`).
    if (diff.upgrade.isEmpty() && diff.downgrade.isEmpty())
        return diff;

    // The plan is checked by running it both ways on the in-memory schema, so
    // a file that autogenerate writes always replays.
    const auto internal = [](const QString &what, const QString &rest) {
        return fail(Error::Code::Internal, u"autogenerate planned %1 that %2"_s.arg(what, rest), {},
                    u"please report this with the two schemas; meanwhile write the migration by hand"_s);
    };
    auto upLeft = remainingDifference(planner.current(), goal, options.rules);
    if (!upLeft)
        return std::unexpected(upLeft.error());
    if (!upLeft->isEmpty())
        return internal(u"an upgrade"_s, u"stops short of the target; still to do: "_s + *upLeft);
    auto back = replay(planner.current(), diff.downgrade);
    if (!back)
        return std::unexpected(back.error().wrappedIn(u"autogenerate planned a downgrade that does not replay"_s));
    auto downLeft = remainingDifference(*back, start, options.rules);
    if (!downLeft)
        return std::unexpected(downLeft.error());
    if (!downLeft->isEmpty())
        return internal(u"a downgrade"_s, u"does not give the first schema back; still to do: "_s + *downLeft);
    return diff;
}

Result<bool> sameSchema(const Schema &a, const Schema &b, const DiffOptions &options)
{
    auto diff = diffSchemas(a, b, options);
    if (!diff)
        return std::unexpected(diff.error());
    return diff->isEmpty();
}

} // namespace strata
