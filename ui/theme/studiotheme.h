#pragma once

#include <QString>

namespace strata::ui {

// "light" or "dark": the Fusion style with a palette of that kind, so the
// studio looks the same on every desktop; "system" (or anything else) keeps
// the platform's style and palette.
void applyTheme(const QString &name);

} // namespace strata::ui
