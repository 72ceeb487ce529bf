#pragma once

#include "core/graph/plan.h"

namespace strata {

class Dialect;
class Project;

// `upgrade --sql` / `downgrade --sql`: the script a run would execute, with no
// database to ask. The range starts from base, or from the FROM of FROM:TO,
// as `alembic upgrade A:B --sql` does; a downgrade needs FROM:TO, and relative
// targets (+1, -2) need a database, so they are refused with what to write.
Result<QString> offlineMigrationScript(const Project &project, Direction direction, const QString &target,
                                       const Dialect &dialect, bool atomic);

} // namespace strata
