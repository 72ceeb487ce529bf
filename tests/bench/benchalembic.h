#pragma once

#include "benchproject.h"

// The same generated history as an Alembic project, for timing Alembic beside
// Strata on it: alembic.ini (script_location is the folder itself), Alembic's
// generic env.py (the URL from DATABASE_URL), and one Python revision file per
// revision doing with op.* what the YAML revision does. Strata runs the
// folder in place, so it is timed on it too.
namespace Bench {

GeneratedProject writeAlembicProject(const QString &directory, int revisions, Shape shape, QString *error);

} // namespace Bench
