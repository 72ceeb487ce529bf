#pragma once

#include "core/alembic/pythonsyntax_p.h"
#include "core/ops/operation.h"

namespace strata::alembic {

// One `op.X(...)` call, or `batch_op.X(...)` inside a batch block for
// batchTable, as Strata operations; an error (message only) says why it
// can't be translated faithfully.
Result<OperationList> translateOperationCall(const PyValue &call, const QString &batchTable);

// The table of `op.batch_alter_table('t', schema=None, recreate=...)`.
Result<QString> batchTableName(const PyValue &call);

} // namespace strata::alembic
