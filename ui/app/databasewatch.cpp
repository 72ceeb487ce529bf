#include "ui/app/databasewatch.h"

#include "ui/app/studiosession.h"
#include "core/db/connection.h"
#include "core/project/project.h"
#include "core/workflow/versionprobe.h"

#include <QFutureWatcher>
#include <QGuiApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace strata::ui {

namespace {

QStringList shownRows(const DatabaseState &state)
{
    QStringList rows = state.heads + state.unknownHeads;
    rows.sort();
    return rows;
}

// What a reading found: nothing new (no state), a new state, or an error.
using Reading = Result<std::optional<DatabaseState>>;

Reading readIfMoved(const DatabaseUrl &url, const Project &project, const QStringList &shown, bool full)
{
    if (!full) {
        auto rows = probeVersionRows(url, project);
        if (!rows)
            return std::unexpected(rows.error());
        if (*rows == shown)
            return std::nullopt;
    }
    auto connection = Connection::open(url);
    if (!connection)
        return std::unexpected(connection.error());
    auto state = readDatabaseState(**connection, project);
    if (!state)
        return std::unexpected(state.error());
    return std::optional<DatabaseState>(std::move(*state));
}

} // namespace

DatabaseWatch::DatabaseWatch(StudioSession *session)
    : QObject(session), m_session(session)
{
    m_timer.setInterval(defaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { check(); });
    m_timer.start();
    if (qGuiApp) {
        connect(qGuiApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
            if (state == Qt::ApplicationActive)
                check(true);
        });
    }
}

void DatabaseWatch::check(bool full)
{
    const std::optional<DatabaseUrl> url = m_session->database();
    const std::optional<DatabaseState> shown = m_session->state();
    const std::shared_ptr<const Project> project = m_session->project();
    // A run reads the state at its end, and a first read is still to come.
    if (m_checking || !url || url->isMemory() || !project || !shown || m_session->isRunning())
        return;
    m_checking = true;
    const quint64 generation = m_session->stateGeneration();
    auto *watcher = new QFutureWatcher<Reading>(this);
    connect(watcher, &QFutureWatcher<Reading>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_checking = false;
        // A run, a new connection or another reading changed the picture meanwhile: this one is older.
        if (generation != m_session->stateGeneration() || m_session->isRunning())
            return;
        const Reading reading = watcher->result();
        if (!reading) {
            Q_EMIT stale(reading.error().message);
        } else if (*reading) {
            m_session->acceptState(**reading);
            Q_EMIT moved(**reading);
        }
    });
    watcher->setFuture(QtConcurrent::run([url = *url, project, rows = shownRows(*shown), full] {
        return readIfMoved(url, *project, rows, full);
    }));
}

} // namespace strata::ui
