#pragma once

#include "context.h"

#include "core/workflow/databaseheads.h"

namespace strata::cli {

// The database's version rows, each known to the project (else Alembic's
// "Can't locate revision", with what to do): core/workflow's answer.
Result<QStringList> currentHeads(Context &context);

} // namespace strata::cli
