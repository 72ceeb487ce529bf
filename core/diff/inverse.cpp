#include "core/diff/inverse.h"

namespace strata {

Result<OperationPtr> inverseOf(const Operation &op, const Schema &before)
{
    return op.inverse(before);
}

} // namespace strata
