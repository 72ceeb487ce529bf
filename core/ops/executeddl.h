#pragma once

#include "core/schema/schema.h"

#include <QString>

namespace strata {

// What the simple DDL statements in an execute's SQL do to the schema, so
// that a later operation finds what they made, as the database does:
// CREATE [UNIQUE] INDEX on plain columns (with a WHERE), DROP INDEX,
// ALTER TABLE ... RENAME TO / RENAME [COLUMN] ... TO, DROP TABLE. Anything
// else (views, triggers, an index on an expression, data) leaves the schema
// as it is. A statement that does not fit the schema (an index that exists)
// is left out too: the database decides when it runs.
void learnFromSql(Schema &schema, const QString &sql);

} // namespace strata
