#pragma once

#include "core/db/databaseurl.h"
#include "ui/run/databasestate.h"
#include "ui/run/runcontroller.h"

#include <QObject>

template <typename T> class QFutureWatcher;

#include <memory>
#include <optional>

namespace strata { class Project; }

namespace strata::ui {

class DatabaseWatch;

// The studio's state without any widget: the open project (shared read-only
// with the jobs), the database it is connected to, that database's state,
// and the runs. The window shows it; tests drive it.
class StudioSession : public QObject
{
    Q_OBJECT
public:
    explicit StudioSession(QObject *parent = nullptr);
    ~StudioSession() override;

    // Reads the folder. On failure the previous project stays and the error is returned.
    Status openProject(const QString &directory);
    Status reload();
    // The same on a pool thread, so a long history does not freeze the window;
    // projectChanged (and a state read) or reloadFailed follow. A newer call,
    // or openProject, makes an older one's result stale: it is dropped.
    void reloadInBackground();
    bool isReloading() const { return m_reload != nullptr; }
    std::shared_ptr<const Project> project() const { return m_project; }
    QString projectDirectory() const { return m_directory; }

    // Remembers the URL (password kept in memory only) and reads the state.
    // A relative SQLite path is taken from the folder that holds the project,
    // where `strata -d migrations` is usually run.
    void setDatabase(const DatabaseUrl &url);
    void disconnectDatabase();
    std::optional<DatabaseUrl> database() const { return m_url; }
    // The state last read; empty until the first read finishes.
    std::optional<DatabaseState> state() const { return m_state; }

    // Starts a job; false while another one runs (or nothing is connected).
    bool run(RunRequest::Kind kind, const QString &target = {}, bool onScratchCopy = true);
    // Upgrades and downgrades run all or nothing (one transaction) while set.
    void setAtomic(bool atomic) { m_atomic = atomic; }
    bool refreshState();
    bool isRunning() const { return m_runs.isRunning(); }
    // Who answers a job's question before destructive work (the window's dialog).
    void setConfirmer(RunController::Confirmer confirmer) { m_runs.setConfirmer(std::move(confirmer)); }
    void cancel() { m_runs.cancel(); }
    // Revision -> why its last round-trip in this session failed; an upgrade asks before running them.
    const QHash<QString, QString> &roundTripFailures() const { return m_roundTripFailures; }
    // Watches the database for moves made outside the studio while idle.
    DatabaseWatch *watch() const { return m_watch; }
    // Counts what replaced or may replace the state (runs started, databases
    // chosen, states taken), so a reading begun before one of them is dropped.
    quint64 stateGeneration() const { return m_generation; }
    // A state read outside the runs (the watch): shown if it is of this database.
    void acceptState(const DatabaseState &state);

Q_SIGNALS:
    void projectChanged();
    void databaseChanged();
    void stateChanged();
    void log(const QString &line, bool isError);
    void runStarted(const QString &description);
    void progress(int done, int total, const QString &what);
    void runFinished(const strata::ui::RunOutcome &outcome);
    void runningChanged(bool running);
    void reloadFailed(const QString &error);

private:
    using ProjectResult = Result<std::shared_ptr<const Project>>;
    void dropBackgroundReload();
    // The dialect a Flask-Migrate folder's scripts are read for: the database's, else SQLite's.
    DialectKind scriptDialect() const;
    void rememberRoundTrip(const RoundTripOutcome &outcome);

    RunController m_runs;
    QFutureWatcher<ProjectResult> *m_reload = nullptr;
    std::shared_ptr<const Project> m_project;
    QString m_directory;
    std::optional<DatabaseUrl> m_url;
    std::optional<DatabaseState> m_state;
    bool m_refreshPending = false;
    bool m_atomic = false;
    quint64 m_generation = 0;
    QHash<QString, QString> m_roundTripFailures;
    DatabaseWatch *m_watch;
};

} // namespace strata::ui
