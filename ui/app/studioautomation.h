#pragma once

#include <QObject>

#include <functional>

namespace strata::ui {

class MainWindow;

// What the studio's command line (--screenshot, --round-trip) and the UI
// tests ask of a window once it has settled, kept out of the window class.
// Waits on the window's settled() signal, never by polling.
class StudioAutomation : public QObject
{
    Q_OBJECT
public:
    explicit StudioAutomation(MainWindow &window);

    // Calls then once the window is settled and, for up to lintWaitMs, lint's first batch is in.
    void whenSettled(std::function<void()> then, int lintWaitMs = 0);
    // Saves a picture of the window once it is settled, then calls done.
    void grabWhenSettled(const QString &path, std::function<void(bool saved)> done);
    // Once settled, round-trips the selected revision and calls done when it has ended.
    void roundTripWhenSettled(std::function<void()> done);
    // Shows a tab by name: a diff tab (schema, upgrade, downgrade, file, lint) or
    // a bottom one (log, round-trip, database), or "unified" (the schema tab in
    // one column). False for an unknown name.
    bool showTab(const QString &name);
    // Once settled, selects a revision (id or prefix) and calls done with the
    // milliseconds from the click to its preview painted in the diff pane, or
    // -1 when there is no such revision or its preview failed (for the benchmarks).
    void timeSelectionWhenSettled(const QString &idOrPrefix, std::function<void(qint64 ms)> done);

private:
    MainWindow &m_window;
};

} // namespace strata::ui
