#include "ui/app/studiosession.h"

#include "ui/app/databasewatch.h"
#include "ui/app/workerpools.h"
#include "core/project/project.h"

#include <QDir>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace strata::ui {

StudioSession::StudioSession(QObject *parent) : QObject(parent), m_watch(new DatabaseWatch(this))
{
    connect(&m_runs, &RunController::log, this, &StudioSession::log);
    connect(&m_runs, &RunController::progress, this, &StudioSession::progress);
    connect(&m_runs, &RunController::started, this, &StudioSession::runStarted);
    connect(&m_runs, &RunController::runningChanged, this, &StudioSession::runningChanged);
    connect(&m_runs, &RunController::started, this, [this] { ++m_generation; });
    connect(&m_runs, &RunController::stateRead, this, &StudioSession::acceptState);
    connect(&m_runs, &RunController::finished, this, [this](const RunOutcome &outcome) {
        if (outcome.roundtrip)
            rememberRoundTrip(*outcome.roundtrip);
        Q_EMIT runFinished(outcome);
        if (m_refreshPending) {
            m_refreshPending = false;
            refreshState();
        }
    });
}

StudioSession::~StudioSession() { dropBackgroundReload(); }

Status StudioSession::openProject(const QString &directory)
{
    dropBackgroundReload();
    auto opened = Project::open(directory);
    if (!opened)
        return std::unexpected(opened.error());
    m_project = std::make_shared<const Project>(std::move(*opened));
    m_directory = QDir::cleanPath(QDir(directory).absolutePath());
    m_roundTripFailures.clear();
    Q_EMIT projectChanged();
    // A Flask-Migrate folder opens at once with its scripts read statically; the
    // exact reading (its Python, for the database's dialect) follows in the background.
    if (m_project->isAlembic())
        reloadInBackground();
    return {};
}

DialectKind StudioSession::scriptDialect() const { return m_url ? m_url->dialect : DialectKind::Sqlite; }

Status StudioSession::reload()
{
    if (m_directory.isEmpty())
        return {};
    dropBackgroundReload();
    auto opened = Project::open(m_directory);
    if (!opened)
        return std::unexpected(opened.error());
    for (const QString &note : opened->evaluateFor(scriptDialect()))
        Q_EMIT log(note, false);
    m_project = std::make_shared<const Project>(std::move(*opened));
    Q_EMIT projectChanged();
    refreshState();
    return {};
}

void StudioSession::reloadInBackground()
{
    if (m_directory.isEmpty())
        return;
    dropBackgroundReload();
    auto *watcher = new QFutureWatcher<ProjectResult>(this);
    m_reload = watcher;
    connect(watcher, &QFutureWatcher<ProjectResult>::finished, this, [this, watcher] {
        m_reload = nullptr;
        watcher->deleteLater();
        const ProjectResult opened = watcher->result();
        if (!opened) {
            Q_EMIT reloadFailed(opened.error().toString());
            return;
        }
        m_project = *opened;
        Q_EMIT projectChanged();
        refreshState();
    });
    watcher->setFuture(QtConcurrent::run(previewPool(), [directory = m_directory, dialect = scriptDialect()]() -> ProjectResult {
        auto opened = Project::open(directory);
        if (!opened)
            return std::unexpected(opened.error());
        opened->evaluateFor(dialect);
        return std::make_shared<const Project>(std::move(*opened));
    }));
}

void StudioSession::dropBackgroundReload()
{
    if (!m_reload)
        return;
    // The task runs to its end on the pool; nobody collects its result.
    m_reload->disconnect(this);
    m_reload->deleteLater();
    m_reload = nullptr;
}

void StudioSession::setDatabase(const DatabaseUrl &url)
{
    DatabaseUrl resolved = url;
    if (resolved.dialect == DialectKind::Sqlite && !resolved.isMemory() && QDir::isRelativePath(resolved.path)
        && !m_directory.isEmpty()) {
        QDir base(m_directory);
        base.cdUp();
        resolved.path = QDir::cleanPath(base.absoluteFilePath(resolved.path));
    }
    m_url = resolved;
    m_state.reset();
    ++m_generation;
    Q_EMIT databaseChanged();
    Q_EMIT stateChanged();
    // Scripts that branch on the dialect are read again for this database's.
    if (m_project && m_project->isAlembic() && m_project->evaluatedDialect() != resolved.dialect)
        reloadInBackground();
    refreshState();
}

void StudioSession::disconnectDatabase()
{
    m_url.reset();
    m_state.reset();
    ++m_generation;
    Q_EMIT databaseChanged();
    Q_EMIT stateChanged();
}

bool StudioSession::run(RunRequest::Kind kind, const QString &target, bool onScratchCopy)
{
    if (!m_url || !m_project || m_runs.isRunning())
        return false;
    RunRequest request;
    request.kind = kind;
    request.target = target;
    request.url = *m_url;
    request.project = m_project;
    request.onScratchCopy = onScratchCopy;
    request.atomic = m_atomic;
    request.roundTripFailures = m_roundTripFailures;
    return m_runs.start(request);
}

void StudioSession::rememberRoundTrip(const RoundTripOutcome &outcome)
{
    for (const RoundtripStep &step : outcome.steps) {
        if (step.passed)
            m_roundTripFailures.remove(step.revision);
        else
            m_roundTripFailures.insert(step.revision, step.problems.isEmpty() ? step.arrow : step.problems.join(u"; "_s));
    }
}

void StudioSession::acceptState(const DatabaseState &state)
{
    // A job started before the user switched databases reports the old one: not ours any more.
    if (!m_url || state.displayUrl != m_url->redacted())
        return;
    ++m_generation;
    m_state = state;
    Q_EMIT stateChanged();
}

bool StudioSession::refreshState()
{
    if (!m_url || !m_project)
        return false;
    if (m_runs.isRunning()) {
        m_refreshPending = true;   // every job reads the state at its end; read once more after it
        return false;
    }
    return run(RunRequest::Kind::ReadState);
}

} // namespace strata::ui
