#pragma once

#include "ui/run/databasestate.h"

#include <QObject>
#include <QTimer>

namespace strata::ui {

class StudioSession;

// Keeps the session's picture of the database current while nobody runs
// anything: every few seconds it reads the version rows alone (one small
// query, see probeVersionRows) and reads the full state (drift included) only
// when they moved, e.g. after `flask db upgrade` or `strata stamp` in a
// terminal; when the window becomes active again it reads the full state.
// All of it on a worker thread and outside the session's runs, so a click on
// Upgrade is never refused because the watch was looking. A reading that
// fails marks the picture stale instead of leaving old values looking current.
class DatabaseWatch : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultIntervalMs = 3000;

    explicit DatabaseWatch(StudioSession *session);
    void setInterval(int ms) { m_timer.setInterval(ms); }
    // A reading now: the version rows, then the full state if they moved
    // (always, with `full`). Nothing while one is under way or a run goes.
    void check(bool full = false);

Q_SIGNALS:
    // The last reading failed: what is shown may be old. `why` says what failed.
    void stale(const QString &why);
    // A reading found the database elsewhere than shown and read it again.
    void moved(const strata::ui::DatabaseState &state);

private:
    StudioSession *m_session;
    QTimer m_timer;
    bool m_checking = false;
};

} // namespace strata::ui
