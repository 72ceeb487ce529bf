#include "core/diff/schemacompare_p.h"

#include "core/introspect/schemanormalize.h"

#include <algorithm>

namespace strata {

namespace {

bool sameExpression(const QString &a, const QString &b, const CompareRules &rules)
{
    if (!rules.compareExpressions)
        return a.trimmed().isEmpty() == b.trimmed().isEmpty();
    return a == b || canonicalExpression(a) == canonicalExpression(b);
}

} // namespace

namespace {

// An enum type whose list only loses values: no operation can express that
// (PostgreSQL cannot take a value out of a type, so the replay keeps them too).
bool onlyLosesValues(const ColumnType &from, const ColumnType &to)
{
    if (!from.isNativeEnum() || !to.isNativeEnum() || from.name != to.name)
        return false;
    ColumnType kept = to;
    kept.values = from.values;
    return kept == from && std::ranges::all_of(to.values, [&from](const QString &v) { return from.values.contains(v); });
}

} // namespace

ColumnChange compareColumns(const Column &from, const Column &to)
{
    ColumnChange change;
    change.type = from.type != to.type && !onlyLosesValues(from.type, to.type);
    change.nullable = from.nullable != to.nullable;
    // Equal text needs no canonical form: the common case, and the cheap one.
    change.defaultValue = (from.defaultValue != to.defaultValue || from.type != to.type)
        && canonicalDefault(from.defaultValue, from.type) != canonicalDefault(to.defaultValue, to.type);
    change.autoincrement = from.autoincrement != to.autoincrement || from.serial != to.serial;
    return change;
}

bool sameIndex(const Index &a, const Index &b, const CompareRules &rules)
{
    return a.columns == b.columns && a.unique == b.unique && sameExpression(a.where, b.where, rules);
}

bool sameUnique(const UniqueConstraint &a, const UniqueConstraint &b, const CompareRules &)
{
    return a.columns == b.columns;
}

bool sameForeignKey(const ForeignKey &a, const ForeignKey &b, const CompareRules &)
{
    return a.columns == b.columns && a.refTable == b.refTable && a.refColumns == b.refColumns
        && canonicalAction(a.onDelete) == canonicalAction(b.onDelete)
        && canonicalAction(a.onUpdate) == canonicalAction(b.onUpdate);
}

bool sameCheck(const CheckConstraint &a, const CheckConstraint &b, const CompareRules &rules)
{
    return sameExpression(a.expression, b.expression, rules);
}

} // namespace strata
