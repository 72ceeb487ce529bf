#pragma once

#include "core/diff/schemacompare_p.h"
#include "core/ops/operation.h"

namespace strata {

struct DiffOptions
{
    CompareRules rules;
};

// A dropped and an added column of the same type in one table: perhaps a
// rename, which drop + add would turn into lost data.
struct PossibleRename
{
    QString table;
    QString dropped;
    QString added;
};

// The operations that turn one schema into another, and back.
struct SchemaDiff
{
    // In dependency order: foreign keys that go away are dropped before the
    // tables they point at, a referenced table is created before its
    // referrers, a cycle of foreign keys is closed with create_foreign_key.
    OperationList upgrade;
    // The exact inverse: replaying upgrade then downgrade gives the first
    // schema back (column order aside).
    OperationList downgrade;
    QList<PossibleRename> possibleRenames;
    // Things a person should look at before running the upgrade.
    QStringList warnings;
    // Differences no operation expresses (a primary key change); they are
    // not in `upgrade` and need a hand-written migration.
    QStringList unsupported;

    bool isEmpty() const { return upgrade.isEmpty() && unsupported.isEmpty(); }
};

// from -> to. Both are normalised first (normalizedSchema() without a
// dialect); a caller comparing with a live database normalises for its
// dialect beforehand. Column order is not a difference. The result is
// checked by replaying it: an operation that does not fit is an Internal error.
Result<SchemaDiff> diffSchemas(const Schema &from, const Schema &to, const DiffOptions &options = {});

// Whether two schemas are the same once normalised: the diff is empty.
Result<bool> sameSchema(const Schema &a, const Schema &b, const DiffOptions &options = {});

} // namespace strata
