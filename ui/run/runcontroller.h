#pragma once

#include "ui/run/databasestate.h"
#include "ui/run/runrequest.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QThread;

namespace strata::ui {

class RunJob;

// Starts one RunJob at a time on its own thread and hands its reports to
// the window's thread. The window never waits on the database.
class RunController : public QObject
{
    Q_OBJECT
public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    bool isRunning() const { return m_thread != nullptr; }
    // Asked on this (the window's) thread when a job needs consent.
    using Confirmer = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmer(Confirmer confirmer) { m_confirmer = std::move(confirmer); }
    // False (and nothing starts) while another job runs.
    bool start(const RunRequest &request);
    void cancel();

Q_SIGNALS:
    void started(const QString &description);
    void log(const QString &line, bool isError);
    void progress(int done, int total, const QString &what);
    void stateRead(const strata::ui::DatabaseState &state);
    void finished(const strata::ui::RunOutcome &outcome);
    void runningChanged(bool running);

private:
    QThread *m_thread = nullptr;
    QPointer<RunJob> m_job;
    Confirmer m_confirmer;
};

} // namespace strata::ui
