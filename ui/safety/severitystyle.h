#pragma once

#include "core/safety/issue.h"

#include <QColor>
#include <QIcon>

class QPalette;

namespace strata::ui {

// How the studio shows an Issue's severity: one colour per severity, read
// well on light and dark palettes, and a small round icon drawn in it.
QColor severityColour(const QPalette &palette, Issue::Severity severity);
// A filled circle with "!" (error, warning) or "i" (info), for lists.
QIcon severityIcon(const QPalette &palette, Issue::Severity severity);
// "error", "warning", "note": for tooltips and accessible names.
QString severityTitle(Issue::Severity severity);
// The most severe of the list; Info when it is empty.
Issue::Severity worstSeverity(const QList<Issue> &issues);

} // namespace strata::ui
