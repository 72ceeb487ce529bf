#include "core/ops/typenarrowing.h"

#include <algorithm>

namespace strata {

namespace {

int integerRank(ColumnType::Kind kind)
{
    switch (kind) {
    case ColumnType::Kind::SmallInt: return 1;
    case ColumnType::Kind::Integer: return 2;
    case ColumnType::Kind::BigInt: return 3;
    default: return 0;
    }
}

} // namespace

bool typeNarrows(const ColumnType &from, const ColumnType &to)
{
    using Kind = ColumnType::Kind;
    if (from.kind == Kind::String && to.kind == Kind::String)
        return to.length > 0 && (from.length == 0 || to.length < from.length);
    if (from.kind == Kind::Text && to.kind == Kind::String)
        return true;
    if (from.isInteger() && to.isInteger())
        return integerRank(to.kind) < integerRank(from.kind);
    if (from.kind == Kind::Numeric && to.kind == Kind::Numeric)
        return to.precision < from.precision || to.scale < from.scale;
    if (from.kind == Kind::Double && to.kind == Kind::Float)
        return true;
    // An enum that loses a value, or a string that becomes an enum, refuses rows it held.
    if (to.kind == Kind::Enum)
        return from.kind != Kind::Enum || !std::ranges::all_of(from.values, [&to](const QString &v) { return to.values.contains(v); });
    if (to.kind == Kind::Char && (from.kind == Kind::String || from.kind == Kind::Char)) {
        // CHAR alone is char(1); a string without a length has none to keep to.
        const int wanted = std::max(to.length, 1);
        return from.kind == Kind::String ? from.length == 0 || wanted < from.length : wanted < std::max(from.length, 1);
    }
    if ((from.kind == Kind::Numeric || from.kind == Kind::Float || from.kind == Kind::Double) && to.isInteger())
        return true;
    return from.kind != to.kind && to.kind != Kind::Text && to.kind != Kind::String;
}

} // namespace strata
