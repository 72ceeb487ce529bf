#include "ui/app/mainwindow.h"

#include "ui/app/bundledexample.h"
#include "ui/app/confirmbox.h"
#include "ui/app/databasewatch.h"
#include "ui/app/errorbanner.h"
#include "ui/app/generatecommands.h"
#include "ui/app/logpane.h"
#include "ui/app/projecttitle.h"
#include "ui/app/projectwatcher.h"
#include "ui/app/revisioncommands.h"
#include "ui/app/runcommands.h"
#include "ui/app/selectionpreview.h"
#include "ui/app/statuspanel.h"
#include "ui/app/studioactions.h"
#include "ui/app/studiosession.h"
#include "ui/app/studioconnections.h"
#include "ui/app/studiomenus.h"
#include "ui/app/studioresources.h"
#include "ui/app/windowlayout.h"
#include "ui/database/databaseview.h"
#include "ui/diff/diffpane.h"
#include "ui/diff/previewloader.h"
#include "ui/safety/lintrunner.h"
#include "ui/safety/roundtripview.h"
#include "core/project/project.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinepanel.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QSplitter>
#include <QTimer>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace strata::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new StudioSession(this)), m_actions(std::make_unique<StudioActions>(this)),
      m_model(new TimelineModel(this)), m_timeline(new TimelinePanel(m_model, this)), m_diff(new DiffPane(this)),
      m_preview(new PreviewLoader(this)), m_log(new LogPane(this)), m_roundtrip(new RoundtripView(this)), m_bottom(new QTabWidget(this)),
      m_lint(new LintRunner(this)), m_status(new StatusPanel(this)), m_watcher(new ProjectWatcher(this)),
      m_banner(new ErrorBanner(this)), m_sides(new QSplitter(Qt::Horizontal, this)),
      m_main(new QSplitter(Qt::Vertical, this))
{
    initStudioResources();
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Strata Studio"));
    setWindowIcon(QIcon(u":/icons/strata.svg"_s));
    setAcceptDrops(true);
    m_selection = new SelectionPreview(m_session, m_timeline, m_model, m_diff, m_preview, m_lint, this);
    m_runs = new RunCommands(m_session, m_timeline, m_roundtrip, *m_actions, this);
    m_connections = new StudioConnections(m_session, m_settings, this);
    m_generate = new GenerateCommands(m_session, m_timeline, m_diff, this);
    connect(m_generate, &GenerateCommands::log, m_log, &LogPane::appendLine);
    connect(m_generate, &GenerateCommands::failed, this, &MainWindow::showError);
    connect(m_connections, &StudioConnections::failed, this, &MainWindow::showError);
    auto *revisions = new RevisionCommands(m_session, m_timeline, *m_actions, this);
    connect(revisions, &RevisionCommands::log, m_log, &LogPane::appendLine);
    connect(revisions, &RevisionCommands::failed, this, &MainWindow::showError);
    connect(m_connections, &StudioConnections::note, m_log, [this](const QString &text) { m_log->appendLine(text); });
    setConfirmer([this](const QString &title, const QString &text) { return askToConfirm(this, title, text); });

    m_sides->addWidget(m_timeline);
    m_sides->addWidget(m_diff);
    m_sides->setStretchFactor(0, 2);
    m_sides->setStretchFactor(1, 3);
    m_sides->setChildrenCollapsible(false);
    m_bottom->setObjectName(u"bottomTabs"_s);
    m_bottom->setDocumentMode(true);
    m_bottom->addTab(m_log, tr("Log"));
    m_bottom->addTab(m_roundtrip, tr("Round-trip"));
    m_bottom->addTab(new DatabaseView(m_session, this), tr("Database"));
    connect(m_bottom, &QTabWidget::currentChanged, this, &MainWindow::growBottomTabs);
    m_main->addWidget(m_sides);
    m_main->addWidget(m_bottom);
    m_main->setStretchFactor(0, 4);
    m_main->setStretchFactor(1, 1);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_main, 1);
    setCentralWidget(central);
    // Permanent but not stretched: the left of the bar stays free for action tips.
    statusBar()->addPermanentWidget(m_status);
    statusBar()->setSizeGripEnabled(true);

    buildMenus();
    connectSession();
    restoreWindowLayout(*this, *m_sides, *m_main, m_settings);
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    const StudioMenus menus = buildStudioMenus(*this, *m_actions);
    m_recentProjects = menus.recentProjects;
    m_recentConnections = menus.recentConnections;
    buildStudioToolBar(*this, *m_actions);
    connect(menus.file, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenus);
    connect(menus.database, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenus);
    connect(m_actions->openProject, &QAction::triggered, this, &MainWindow::chooseProject);
    connect(m_actions->openExample, &QAction::triggered, this, &MainWindow::openBundledExample);
    connect(m_actions->connectDatabase, &QAction::triggered, this, [this] { m_connections->choose(this); });
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->refresh, &QAction::triggered, this, &MainWindow::reloadProject);
    connect(m_actions->about, &QAction::triggered, this, [this] { showAboutBox(this); });
    const QList<std::pair<QAction *, RunRequest::Kind>> runs{{m_actions->upgradeToSelected, RunRequest::Kind::Upgrade},
                                                             {m_actions->downgradeToSelected, RunRequest::Kind::Downgrade},
                                                             {m_actions->roundTrip, RunRequest::Kind::RoundTrip},
                                                             {m_actions->stamp, RunRequest::Kind::Stamp}};
    for (const auto &[action, kind] : runs)
        connect(action, &QAction::triggered, m_runs, [this, kind] { m_runs->runOnSelected(kind); });
    connect(m_actions->generateMigration, &QAction::triggered, this, &MainWindow::openGenerateDialog);
    connect(m_actions->upgradeToHead, &QAction::triggered, m_runs, &RunCommands::upgradeToHeads);
    connect(m_actions->cancel, &QAction::triggered, m_session, &StudioSession::cancel);
    connect(m_actions->copyId, &QAction::triggered, this, [this] {
        if (!m_timeline->currentRevision().isEmpty())
            QApplication::clipboard()->setText(m_timeline->currentRevision());
    });
}

void MainWindow::connectSession()
{
    connect(m_session, &StudioSession::projectChanged, this, &MainWindow::onProjectChanged);
    connect(m_session, &StudioSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &StudioSession::log, m_log, &LogPane::appendLine);
    connect(m_session, &StudioSession::runStarted, m_status, &StatusPanel::showRun);
    connect(m_session, &StudioSession::progress, m_status, &StatusPanel::showProgress);
    connect(m_session->watch(), &DatabaseWatch::stale, m_status, &StatusPanel::markStale);
    connect(m_session, &StudioSession::runFinished, this, &MainWindow::onRunFinished);
    connect(m_runs, &RunCommands::runAboutToStart, m_banner, &ErrorBanner::clear);
    connect(m_runs, &RunCommands::failed, this, &MainWindow::showError);
    connect(m_runs, &RunCommands::succeeded, this, [this](const QString &summary) {
        statusBar()->showMessage(summary, 8000);
    });
    connect(m_runs, &RunCommands::roundTripShown, this, &MainWindow::showRoundTripTab);
    // Whatever may end a wait: the window says when it has settled, nobody polls.
    connect(m_session, &StudioSession::runFinished, this, &MainWindow::checkSettled, Qt::QueuedConnection);
    for (const auto signal : {&StudioSession::stateChanged, &StudioSession::projectChanged,
                              &StudioSession::databaseChanged})
        connect(m_session, signal, this, &MainWindow::checkSettled, Qt::QueuedConnection);
    connect(m_session, &StudioSession::reloadFailed, this, &MainWindow::checkSettled, Qt::QueuedConnection);
    connect(m_preview, &PreviewLoader::loaded, this, &MainWindow::checkSettled, Qt::QueuedConnection);
    connect(m_preview, &PreviewLoader::failed, this, &MainWindow::checkSettled, Qt::QueuedConnection);
    connect(m_session, &StudioSession::runningChanged, this, &MainWindow::updateActions);
    connect(m_session, &StudioSession::reloadFailed, this, [this](const QString &error) {
        showError(error);
        m_log->appendLine(error, true);
    });
    connect(m_session, &StudioSession::databaseChanged, m_banner, &ErrorBanner::clear);
    connect(m_session, &StudioSession::projectChanged, m_banner, &ErrorBanner::clear);
    connect(m_session, &StudioSession::databaseChanged, this, [this] {
        if (const auto url = m_session->database()) {
            m_diff->setDialect(url->dialect);
            m_selection->startLint();   // the rules follow the database's dialect
            m_status->showConnecting(url->dialect, url->isMemory() ? url->redacted() : QFileInfo(url->path).fileName());
            m_log->appendLine(tr("Connecting to %1").arg(url->redacted()));
            m_selection->updatePreview();
        } else {
            m_status->showDisconnected();
        }
        m_stateRead = false;
    });
    connect(m_status, &StatusPanel::cancelRequested, m_session, &StudioSession::cancel);
    connect(m_timeline, &TimelinePanel::currentRevisionChanged, this, &MainWindow::updateActions);
    connect(m_timeline, &TimelinePanel::contextMenuRequested, this, [this](const QString &, const QPoint &pos) {
        QMenu menu(this);
        for (QAction *action : m_actions->revisionActions()) {
            if (action)
                menu.addAction(action);
            else
                menu.addSeparator();
        }
        menu.exec(pos);
    });
    connect(m_watcher, &ProjectWatcher::changed, this, [this] {
        m_log->appendLine(tr("The project folder changed; reloading."));
        reloadProject();
    });
}

bool MainWindow::openProject(const QString &directory, const QString &databaseUrl)
{
    QElapsedTimer timer;
    timer.start();
    if (auto opened = m_session->openProject(directory); !opened) {
        showError(opened.error().toString());
        m_log->appendLine(opened.error().toString(), true);
        return false;
    }
    const QString dir = m_session->projectDirectory();
    m_settings.addRecentProject(dir);
    m_roundtrip->clear();   // a result of another project's history
    setWindowTitle(tr("%1 — Strata Studio").arg(projectTitle(dir)));
    m_log->appendLine(tr("Opened %1: %2 revisions in %3 ms")
                          .arg(dir)
                          .arg(m_session->project()->graph().size())
                          .arg(timer.elapsed()));

    if (auto connected = m_connections->connectForProject(dir, databaseUrl, m_session->project()->config().database);
        !connected)
        showError(connected.error().toString());
    return true;
}

bool MainWindow::openBundledExample()
{
    const QString database = bundledExampleDatabase();
    const bool isNew = !QFileInfo::exists(database);
    DatabaseUrl url;
    url.dialect = DialectKind::Sqlite;
    url.path = database;
    if (!openProject(bundledExampleDirectory(), url.toString()))
        return false;
    if (isNew) {
        m_log->appendLine(tr("First start: created %1; upgrading it to head.").arg(database));
        m_runs->upgradeWhenIdle();
    }
    return true;
}

void MainWindow::onProjectChanged()
{
    const QString keep = m_timeline->currentRevision();
    const auto project = m_session->project();
    m_model->setGraph(project->graph());
    if (const auto state = m_session->state())
        m_model->setDatabaseState(state->heads, state->appliedChecksums);
    m_watcher->watch(project->directory().absolutePath(), project->versionsPath(), project->modelsPath());
    m_selection->startLint();
    // Keep the selection across a reload; else show the newest revision.
    if (keep.isEmpty() || !m_timeline->selectRevision(keep)) {
        if (m_model->rowCount() > 0)
            m_timeline->selectRevision(m_model->revisionAt(0));
        else
            m_diff->showMessage(tr("This project has no revisions yet."));
    }
    m_selection->updatePreview();
    updateActions();
}

void MainWindow::onStateChanged()
{
    const auto state = m_session->state();
    if (!state) {
        m_model->clearDatabaseState();
        updateActions();
        return;
    }
    m_stateRead = true;
    m_model->setDatabaseState(state->heads, state->appliedChecksums);
    m_status->showState(*state, m_model->pendingCount());
    m_timeline->view()->viewport()->update();
    updateActions();
}

void MainWindow::onRunFinished()
{
    m_status->showIdle();
    if (!m_session->state())
        m_status->showDisconnected();
    updateActions();
}

void MainWindow::showRoundTripTab() { m_bottom->setCurrentWidget(m_roundtrip); }

void MainWindow::growBottomTabs()
{
    if (m_bottom->currentWidget() == m_log || m_main->count() < 2)
        return;
    // Chosen before the window is shown (--tab): showEvent() comes back once the splitter has real sizes.
    if (!m_main->isVisible())
        return;
    // Room for a table, leaving most of the height to the timeline and the diff.
    const QList<int> sizes = m_main->sizes();
    const int wanted = std::min(300, (sizes[0] + sizes[1]) / 2);
    if (sizes[1] < wanted)
        m_main->setSizes({sizes[0] + sizes[1] - wanted, wanted});
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (std::exchange(m_shownBefore, true))
        return;
    QTimer::singleShot(0, this, &MainWindow::growBottomTabs);
}

void MainWindow::checkSettled()
{
    if (isSettled())
        Q_EMIT settled();
}

void MainWindow::reloadProject() { m_session->reloadInBackground(); }

void MainWindow::updateActions()
{
    const bool selected = !m_timeline->currentRevision().isEmpty();
    const bool canRun = m_session->database().has_value() && m_session->project() && !m_session->isRunning();
    m_actions->upgradeToSelected->setEnabled(canRun && selected);
    m_actions->downgradeToSelected->setEnabled(canRun && selected);
    m_actions->roundTrip->setEnabled(canRun && selected);
    m_actions->stamp->setEnabled(canRun && selected);
    m_actions->upgradeToHead->setEnabled(canRun);
    m_actions->refresh->setEnabled(!m_session->isRunning());
    m_actions->cancel->setEnabled(m_session->isRunning());
    m_actions->copyId->setEnabled(selected);
    m_actions->generateMigration->setEnabled(m_session->project() != nullptr);
}

GenerateMigrationDialog *MainWindow::openGenerateDialog() { return m_generate->open(); }
void MainWindow::showError(const QString &text) { m_banner->showError(text); }
QString MainWindow::errorBanner() const { return m_banner->shownText(); }
void MainWindow::setConfirmer(Confirmer confirmer) { m_runs->setConfirmer(std::move(confirmer)); }

bool MainWindow::selectRevision(const QString &idOrPrefix)
{
    const auto project = m_session->project();
    if (!project)
        return false;
    auto id = project->graph().lookup(idOrPrefix);
    return id && m_timeline->selectRevision(*id);
}

void MainWindow::chooseProject()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a migrations folder"),
                                                          m_session->projectDirectory());
    if (!dir.isEmpty())
        openProject(dir);
}

void MainWindow::fillRecentMenus()
{
    m_recentProjects->clear();
    for (const QString &dir : m_settings.recentProjects())
        m_recentProjects->addAction(dir, this, [this, dir] { openProject(dir); });
    m_recentProjects->setEnabled(!m_recentProjects->isEmpty());
    m_connections->fillRecentMenu(m_recentConnections);
}

bool MainWindow::isSettled() const
{
    return !m_session->isRunning() && !m_session->isReloading() && !m_runs->upgradePending() && !m_preview->isBusy()
        && (!m_session->database() || m_stateRead);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The window stays until the run has stopped: a hidden window must not go on migrating.
    if (m_session->isRunning()) {
        event->ignore();
        if (m_closeWhenStopped
            || !m_runs->confirm(tr("A migration is running"),
                                tr("Stop it after the step in flight and close? The database stays at the last "
                                   "finished step.")))
            return;
        m_closeWhenStopped = true;
        m_log->appendLine(tr("Closing: stopping after the step in flight; the window closes once it has stopped."));
        m_session->cancel();
        connect(m_session, &StudioSession::runFinished, this, &QWidget::close,
                Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
        return;
    }
    saveWindowLayout(*this, *m_sides, *m_main, m_settings);
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() && QFileInfo(urls.first().toLocalFile()).isDir())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    openProject(event->mimeData()->urls().first().toLocalFile());
}

} // namespace strata::ui
