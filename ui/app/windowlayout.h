#pragma once

class QMainWindow;
class QSplitter;

namespace strata::ui {

class StudioSettings;

// The window's geometry, docks and the two splitters, kept between sessions.
// A first start gets a size that fits the screen (a 2x-scaled laptop included).
void restoreWindowLayout(QMainWindow &window, QSplitter &sides, QSplitter &main, const StudioSettings &settings);
void saveWindowLayout(const QMainWindow &window, const QSplitter &sides, const QSplitter &main,
                      StudioSettings &settings);

} // namespace strata::ui
