#pragma once

#include <QColor>
#include <QPalette>

namespace strata::ui {

// Colours derived from the widget palette, so light and dark themes both
// read well: tints are blends of a hue into the palette's own base colour.
namespace ThemeColors {

bool isDark(const QPalette &palette);
// a moved towards b by amount (0..1).
QColor blend(const QColor &a, const QColor &b, qreal amount);
// Text that is there but not in focus (pending revisions, dates).
QColor dimText(const QPalette &palette);

// The colour of graph lane i: distinct hues, bright enough on either theme.
QColor lane(const QPalette &palette, int index);

// Badges
QColor current(const QPalette &palette);   // "database is here"
QColor warning(const QPalette &palette);   // edited after apply, lint warnings
QColor error(const QPalette &palette);     // lint errors, failed round-trip steps
QColor info(const QPalette &palette);      // lint notes
QColor success(const QPalette &palette);   // passed round-trip steps, "no drift"

// Diff pane: whole-line tints and stronger word tints.
QColor removedLine(const QPalette &palette);
QColor addedLine(const QPalette &palette);
QColor removedWords(const QPalette &palette);
QColor addedWords(const QPalette &palette);
QColor filler(const QPalette &palette);    // the side of a row that has no line
QColor fold(const QPalette &palette);

// Syntax highlighting
QColor keyword(const QPalette &palette);
QColor string(const QPalette &palette);
QColor number(const QPalette &palette);
QColor comment(const QPalette &palette);
QColor identifier(const QPalette &palette);

} // namespace ThemeColors

} // namespace strata::ui
