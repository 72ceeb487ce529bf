#pragma once

#include <QStringList>

namespace strata { class Project; }

namespace strata::ui {

// What a downgrade from the current heads to the target would drop with its
// rows: "drop table daily_mood (3f2a9c1b7d10)", one line per operation that
// loses data (drop_table, drop_column). Empty when nothing is lost or the
// target cannot be planned (the run then reports the planner's error).
QStringList droppedByDowngrade(const Project &project, const QStringList &currentHeads, const QString &target);

} // namespace strata::ui
