#pragma once

#include <QString>

namespace strata::ui {

// The name the window title gives a project: its folder's name, or for a
// folder called "migrations" (Flask-Migrate's and Strata's default, which
// names nothing) the name of the application folder that holds it.
QString projectTitle(const QString &directory);

} // namespace strata::ui
