#pragma once

#include "core/dialect/dialect.h"
#include "core/schema/schema.h"

#include <optional>

namespace strata {

// The rules that let a schema replayed from revisions, the same schema read
// back from SQLite or PostgreSQL, and models.yaml compare equal although each
// spells some things its own way.

// An SQL expression (a default, a check, an index predicate) in one spelling:
// keywords and plain identifiers lower case, quotes dropped from plain
// identifiers, casts removed ('x'::text -> 'x'), redundant outer parentheses
// removed, one blank between tokens. For comparing only, never for running.
QString canonicalExpression(const QString &expression);

// A column default for comparing: the canonical expression, with the type's
// equivalent spellings folded (false/0/'f' for a boolean, '-1' and -1 for a
// number). No default and DEFAULT NULL are both nullopt.
std::optional<QString> canonicalDefault(const std::optional<QString> &expression, const ColumnType &type);

// The expression without the casts PostgreSQL writes after literals and
// parentheses ('draft'::character varying -> 'draft'), otherwise as written.
QString withoutCasts(const QString &expression);

// The expression without parentheses around the whole of it.
QString withoutOuterParentheses(const QString &expression);

// A referential action as the ops spell it ("cascade", "set null"); NO ACTION,
// the default, is empty.
QString canonicalAction(const QString &action);

// The schema with the rules every database applies: key columns are NOT NULL,
// autoincrement only on a single-column integer primary key, NO ACTION and
// DEFAULT NULL spelled as nothing. With a dialect, also what that database cannot keep apart: SQLite declares an
// autoincrement key INTEGER whatever its width, and numbers every INTEGER
// primary key itself (the rowid), AUTOINCREMENT or not. The result is what
// reading the schema back from that database gives, so the two can be compared.
Schema normalizedSchema(Schema schema, std::optional<Dialect::Kind> dialect = std::nullopt);

} // namespace strata
