#pragma once

#include "core/error.h"

namespace strata {

class Dialect;
class Project;
struct Plan;

// PostgreSQL keeps the first 63 bytes of a name (NAMEDATALEN - 1) and drops
// the rest without an error, so `status` reports drift right after a clean
// upgrade, and two long names sharing those bytes collide only at run time.
// Every name the plan's operations create is checked before the first step
// runs; the error names the operation's file:line, the name and its length.
// Other dialects have no limit to check.
Status checkIdentifierLengths(const Project &project, const Plan &plan, const Dialect &dialect);

} // namespace strata
