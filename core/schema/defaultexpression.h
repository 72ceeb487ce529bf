#pragma once

#include <QString>

#include <optional>

namespace strata {

// A column's `default:` is an SQL expression, copied into DEFAULT as written.
// What would run as something other than what was meant is refused before
// anything renders it: a bare word (`default: UTC` would become DEFAULT (UTC),
// a column reference that no database accepts), an unclosed quote or
// parenthesis, an empty text. Returns why it is refused and what to write
// instead; nullopt when the expression can go in.
struct DefaultProblem
{
    QString message;
    QString hint;
};
std::optional<DefaultProblem> checkDefaultExpression(const QString &expression);

} // namespace strata
