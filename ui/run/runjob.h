#pragma once

#include "ui/run/databasestate.h"
#include "ui/run/runrequest.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <functional>
#include <mutex>

namespace strata {
class Connection;
class Project;
class WorkflowObserver;
}

namespace strata::ui {

// Does one RunRequest in the thread it lives in, through a connection it
// opens there (a QSqlDatabase belongs to the thread that opened it), by
// calling the same core/workflow use cases as the command line. It reports
// through signals only, so the window can live in another thread.
class RunJob : public QObject
{
    Q_OBJECT
public:
    explicit RunJob(RunRequest request, QObject *parent = nullptr);
    ~RunJob() override;

    // Stops before the next step; safe from any thread.
    void cancel();

    // Asks the person before destructive work, with what the database holds
    // at that moment. Called on the job's thread; returns false when declined
    // or cancelled. Without one, the request itself is the consent (tests).
    using Asker = std::function<bool(const QString &title, const QString &text, const std::atomic_bool &cancelled)>;
    void setAsker(Asker asker) { m_asker = std::move(asker); }

public Q_SLOTS:
    void start();

Q_SIGNALS:
    void log(const QString &line, bool isError);
    // done of total steps finished; what: the step in flight ("" when none).
    void progress(int done, int total, const QString &what);
    // The state of the real database after the job (also after a failure).
    void stateRead(const strata::ui::DatabaseState &state);
    void finished(const strata::ui::RunOutcome &outcome);

private:
    class Observer;

    void execute(WorkflowObserver &observer, RunOutcome &outcome);
    void failWith(RunOutcome &outcome, const Error &error);
    void emitLog(const QString &line, bool isError);
    void flushLog();
    void emitProgress(int done, int total, const QString &what);
    void setCancelHook(std::function<void()> hook);
    // False when the downgrade would drop data and the person said no.
    bool confirmDowngrade(Connection &connection, const Project &project, RunOutcome &outcome);
    // False when a pending revision has lint errors or failed its round-trip and the person said no.
    bool confirmUpgrade(Connection &connection, const Project &project, RunOutcome &outcome);
    // False when the person said no to what the stamp does to the version rows.
    bool confirmStamp(Connection &connection, const Project &project, RunOutcome &outcome);
    void deleteRevision(Connection &connection, const Project &project, RunOutcome &outcome);
    bool ask(const QString &title, const QString &text, const QString &declined, RunOutcome &outcome);
    Status readState();

    RunRequest m_request;
    std::atomic_bool m_cancelled = false;
    std::mutex m_cancelMutex;
    std::function<void()> m_cancelHook;   // cancels the use case in flight
    Asker m_asker;
    QStringList m_pendingLog;      // lines not sent yet (see emitLog)
    QElapsedTimer m_sinceFlush;
    QElapsedTimer m_sinceProgress;
};

} // namespace strata::ui
