#pragma once

#include "core/workflow/revisionauthor.h"

namespace strata {

struct Revision;

// `strata revision` / `merge` in a Flask-Migrate / Alembic folder: the team's
// own tool writes the script (`flask db revision|merge`, else `alembic
// revision|merge`), given the parents, labels and dependencies revisionauthor
// resolved with the same rules as for YAML, and the id it chose. The project
// is then read again, so it holds the new script.
Result<AuthoredRevision> writeAlembicRevision(Project &project, const Revision &revision);

} // namespace strata
