#pragma once

#include <QString>

namespace Bench {

// Markdown list items: CPU model and cores, RAM, OS and kernel, the Qt,
// SQLite and PostgreSQL versions, the build type and the date (UTC).
QString machineSection();

} // namespace Bench
