#pragma once

#include "core/ops/operation.h"

namespace strata {

// The operation that undoes `op`, given the schema just before `op` ran: a
// drop becomes a create of exactly what was dropped, an alter_column puts the
// old type, nullability, default and name back. Execute has no inverse.
Result<OperationPtr> inverseOf(const Operation &op, const Schema &before);

} // namespace strata
