#pragma once

#include "core/schema/schema.h"

namespace strata {

// Whether values a column of type `from` holds may not fit type `to`: a
// shorter string, a smaller integer, an enum that loses a value, a number
// that becomes an integer. Lint warns about such an alter_column.
bool typeNarrows(const ColumnType &from, const ColumnType &to);

} // namespace strata
