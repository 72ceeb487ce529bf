#pragma once

#include "core/dialect/dialect.h"

namespace strata {

// The dialect of a kind, for code that holds only the kind (a schema source
// read from a database): the one place a kind turns back into a renderer.
std::unique_ptr<Dialect> dialectFor(Dialect::Kind kind);

} // namespace strata
