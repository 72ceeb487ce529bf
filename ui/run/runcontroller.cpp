#include "ui/run/runcontroller.h"

#include "ui/run/runjob.h"

#include <QThread>

#include <future>

namespace strata::ui {

RunController::RunController(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<DatabaseState>();
    qRegisterMetaType<RunOutcome>();
}

RunController::~RunController()
{
    if (!m_thread)
        return;
    // Closing mid-run: stop before the next step and let the one in flight
    // finish (it is one transaction); its queued reports die with us.
    cancel();
    m_thread->quit();
    m_thread->wait();
    delete m_job.data();
}

bool RunController::start(const RunRequest &request)
{
    if (m_thread)
        return false;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("strata-run"));
    auto *job = new RunJob(request);
    if (m_confirmer) {
        // The job waits for the answer on its thread, and stops waiting when cancelled
        // (the window closing cancels first, so nobody waits for a dialog that never comes).
        job->setAsker([this](const QString &title, const QString &text, const std::atomic_bool &cancelled) {
            auto answer = std::make_shared<std::promise<bool>>();
            std::future<bool> answered = answer->get_future();
            QMetaObject::invokeMethod(this, [this, title, text, answer] { answer->set_value(m_confirmer(title, text)); },
                                      Qt::QueuedConnection);
            while (answered.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
                if (cancelled)
                    return false;
            }
            return answered.get();
        });
    }
    job->moveToThread(m_thread);
    m_job = job;
    // Queued: the job emits from its thread, these run in ours.
    connect(job, &RunJob::log, this, &RunController::log, Qt::QueuedConnection);
    connect(job, &RunJob::progress, this, &RunController::progress, Qt::QueuedConnection);
    connect(job, &RunJob::stateRead, this, &RunController::stateRead, Qt::QueuedConnection);
    connect(job, &RunJob::finished, this, [this, job](const RunOutcome &outcome) {
        QThread *thread = m_thread;
        m_thread = nullptr;
        m_job = nullptr;
        thread->quit();
        thread->wait();
        delete job;
        thread->deleteLater();
        Q_EMIT runningChanged(false);
        Q_EMIT finished(outcome);
    }, Qt::QueuedConnection);
    connect(m_thread, &QThread::started, job, &RunJob::start);
    m_thread->start();
    Q_EMIT runningChanged(true);
    Q_EMIT started(request.describe());
    return true;
}

void RunController::cancel()
{
    if (m_job)
        m_job->cancel();
}

} // namespace strata::ui
