#pragma once

#include <QString>

namespace strata::ui {

// The example project that ships with Strata (Habitz): installed beside the
// program, else the source tree's migrations/ folder the build was made from.
QString bundledExampleDirectory();
// The SQLite file the example runs against: habitz.db in the user's data folder.
QString bundledExampleDatabase();

} // namespace strata::ui
