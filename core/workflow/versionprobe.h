#pragma once

#include "core/db/databaseurl.h"
#include "core/error.h"

#include <QStringList>

namespace strata {

class Project;

// The version rows a database holds right now, read through a connection of
// its own that waits for a lock at most `lockWaitMs`. Sorted, so two readings
// compare equal exactly when nothing moved. A SQLite file that does not exist
// holds none and is not created. Cheap enough to ask every few seconds: it
// reads one small table, never introspects (the studio's idle watch).
Result<QStringList> probeVersionRows(const DatabaseUrl &url, const Project &project, int lockWaitMs = 200);

} // namespace strata
