#pragma once

#include "run/databasestate.h"
#include "run/runrequest.h"

#include <QObject>

#include <atomic>
#include <mutex>

namespace strata {
class Connection;
class Runner;
struct Plan;
}

namespace strata::ui {

// Does one RunRequest in the thread it lives in, through a connection it
// opens there (a QSqlDatabase belongs to the thread that opened it). It
// reports through signals only, so the window can live in another thread.
class RunJob : public QObject
{
    Q_OBJECT
public:
    explicit RunJob(RunRequest request, QObject *parent = nullptr);

    // Stops before the next step; safe from any thread.
    void cancel();

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
    Status execute();
    Status migrate(Connection &connection, RunRequest::Kind kind, const QString &target, const QString &phase);
    Status stamp(Connection &connection);
    Status roundTrip();
    Status verifyRoundTrip(Connection &connection, RoundtripReport &report);
    Status runPlan(Connection &connection, const Plan &plan, const QString &phase);
    QString downgradeTarget() const;
    Status readState();

    RunRequest m_request;
    std::atomic_bool m_cancelled = false;
    std::mutex m_runnerMutex;
    Runner *m_runner = nullptr;
    int m_stepsDone = 0;
    int m_stepsTotal = 0;
    std::optional<RoundtripReport> m_roundtrip;
};

} // namespace strata::ui
