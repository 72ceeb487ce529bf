#include "app/mainwindow.h"

#include "strata_buildinfo.h"

#include "app/bundledexample.h"
#include "app/logpane.h"
#include "app/projectwatcher.h"
#include "app/statuspanel.h"
#include "app/studioactions.h"
#include "app/studiosession.h"
#include "app/studioresources.h"
#include "connection/connectiondialog.h"
#include "diff/diffpane.h"
#include "diff/previewloader.h"
#include "diff/revisionpreview.h"
#include "generate/generatedialog.h"
#include "dialect/dialect.h"
#include "run/downgradewarning.h"
#include "safety/lintrunner.h"
#include "safety/roundtripview.h"
#include "project/project.h"
#include "theme/themecolors.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepanel.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace strata::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new StudioSession(this)), m_actions(std::make_unique<StudioActions>(this)),
      m_model(new TimelineModel(this)), m_timeline(new TimelinePanel(m_model, this)), m_diff(new DiffPane(this)),
      m_preview(new PreviewLoader(this)), m_log(new LogPane(this)), m_roundtrip(new RoundtripView(this)), m_bottom(new QTabWidget(this)),
      m_lint(new LintRunner(this)), m_status(new StatusPanel(this)), m_watcher(new ProjectWatcher(this)),
      m_banner(new QLabel(this)), m_sides(new QSplitter(Qt::Horizontal, this)),
      m_main(new QSplitter(Qt::Vertical, this))
{
    initStudioResources();
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Strata Studio"));
    setWindowIcon(QIcon(u":/icons/strata.svg"_s));
    setAcceptDrops(true);
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };

    m_banner->setObjectName(u"errorBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setVisible(false);
    m_banner->setMargin(6);
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, ThemeColors::removedLine(palette()));
    m_banner->setPalette(bannerPalette);
    m_banner->setToolTip(tr("Click to hide"));

    m_sides->addWidget(m_timeline);
    m_sides->addWidget(m_diff);
    m_sides->setStretchFactor(0, 2);
    m_sides->setStretchFactor(1, 3);
    m_sides->setChildrenCollapsible(false);
    m_bottom->setObjectName(u"bottomTabs"_s);
    m_bottom->setDocumentMode(true);
    m_bottom->addTab(m_log, tr("Log"));
    m_bottom->addTab(m_roundtrip, tr("Round-trip"));
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
    buildToolBar();
    connectSession();
    restoreLayout();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions->openProject);
    m_recentProjects = file->addMenu(tr("Open &recent"));
    file->addAction(m_actions->openExample);
    file->addSeparator();
    file->addAction(m_actions->quit);

    QMenu *database = menuBar()->addMenu(tr("&Database"));
    database->addAction(m_actions->connectDatabase);
    m_recentConnections = database->addMenu(tr("Recent &connections"));
    database->addSeparator();
    database->addAction(m_actions->refresh);

    QMenu *revision = menuBar()->addMenu(tr("&Revision"));
    for (QAction *action : m_actions->revisionActions()) {
        if (action)
            revision->addAction(action);
        else
            revision->addSeparator();
    }
    revision->addSeparator();
    revision->addAction(m_actions->cancel);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_actions->about);

    connect(file, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenus);
    connect(database, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenus);
    connect(m_actions->openProject, &QAction::triggered, this, &MainWindow::chooseProject);
    connect(m_actions->openExample, &QAction::triggered, this, &MainWindow::openBundledExample);
    connect(m_actions->connectDatabase, &QAction::triggered, this, &MainWindow::chooseDatabase);
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->refresh, &QAction::triggered, this, &MainWindow::reloadProject);
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::about);
    connect(m_actions->upgradeToSelected, &QAction::triggered, this, [this] { runOnSelected(RunRequest::Kind::Upgrade); });
    connect(m_actions->downgradeToSelected, &QAction::triggered, this,
            [this] { runOnSelected(RunRequest::Kind::Downgrade); });
    connect(m_actions->roundTrip, &QAction::triggered, this, [this] { runOnSelected(RunRequest::Kind::RoundTrip); });
    connect(m_actions->stamp, &QAction::triggered, this, [this] { runOnSelected(RunRequest::Kind::Stamp); });
    connect(m_actions->generateMigration, &QAction::triggered, this, &MainWindow::openGenerateDialog);
    connect(m_actions->upgradeToHead, &QAction::triggered, this,
            [this] { m_session->run(RunRequest::Kind::Upgrade, u"heads"_s); });
    connect(m_actions->cancel, &QAction::triggered, m_session, &StudioSession::cancel);
    connect(m_actions->copyId, &QAction::triggered, this, [this] {
        if (!m_timeline->currentRevision().isEmpty())
            QApplication::clipboard()->setText(m_timeline->currentRevision());
    });
}

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    bar->addAction(m_actions->openProject);
    bar->addAction(m_actions->connectDatabase);
    bar->addSeparator();
    bar->addAction(m_actions->upgradeToHead);
    bar->addAction(m_actions->upgradeToSelected);
    bar->addAction(m_actions->downgradeToSelected);
    bar->addAction(m_actions->roundTrip);
    bar->addAction(m_actions->stamp);
    bar->addAction(m_actions->generateMigration);
    bar->addSeparator();
    bar->addAction(m_actions->refresh);
}

void MainWindow::connectSession()
{
    connect(m_session, &StudioSession::projectChanged, this, &MainWindow::onProjectChanged);
    connect(m_session, &StudioSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &StudioSession::log, m_log, &LogPane::appendLine);
    connect(m_session, &StudioSession::runStarted, m_status, &StatusPanel::showRun);
    connect(m_session, &StudioSession::progress, m_status, &StatusPanel::showProgress);
    connect(m_session, &StudioSession::runFinished, this, &MainWindow::onRunFinished);
    connect(m_session, &StudioSession::runningChanged, this, &MainWindow::updateActions);
    connect(m_session, &StudioSession::reloadFailed, this, [this](const QString &error) {
        showError(error);
        m_log->appendLine(error, true);
    });
    // Lint posts its findings in batches, newest revisions first.
    for (const auto signal : {&LintRunner::progressed, &LintRunner::finished}) {
        connect(m_lint, signal, this, [this] {
            m_model->setLintFindings(m_lint->findings());
            updateLint();
        });
    }
    connect(m_session, &StudioSession::databaseChanged, this, [this] {
        if (const auto url = m_session->database()) {
            m_diff->setDialect(url->dialect);
            startLint();   // the rules follow the database's dialect
            m_status->showConnecting(url->dialect, url->isMemory() ? url->redacted() : QFileInfo(url->path).fileName());
            m_log->appendLine(tr("Connecting to %1").arg(url->redacted()));
            updatePreview();
        } else {
            m_status->showDisconnected();
        }
        m_stateRead = false;
    });
    connect(m_status, &StatusPanel::cancelRequested, m_session, &StudioSession::cancel);
    connect(m_preview, &PreviewLoader::started, this, [this](const QString &id) {
        m_diff->showMessage(tr("Replaying the schema up to %1 …").arg(id.left(12)));
    });
    connect(m_preview, &PreviewLoader::loaded, this, [this](const RevisionPreview &preview) {
        m_diff->setPreview(preview);
        updateLint();
    });
    connect(m_preview, &PreviewLoader::failed, m_diff, &DiffPane::showMessage);
    connect(m_timeline, &TimelinePanel::currentRevisionChanged, this, [this] {
        updatePreview();
        updateActions();
    });
    // Shift-click moves the current row before the selection grows; follow both.
    connect(m_timeline, &TimelinePanel::selectionChanged, this, &MainWindow::updatePreview);
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
    connect(m_diff, &DiffPane::dialectChanged, this, [this] {
        updatePreview();
        startLint();
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
    setWindowTitle(tr("%1 — Strata Studio").arg(QDir(dir).dirName()));
    m_log->appendLine(tr("Opened %1: %2 revisions in %3 ms")
                          .arg(dir)
                          .arg(m_session->project()->graph().size())
                          .arg(timer.elapsed()));

    QString urlText = databaseUrl;
    if (urlText.isEmpty())
        urlText = m_settings.connectionFor(dir);
    if (urlText.isEmpty())
        urlText = m_session->project()->config().database;
    if (urlText.isEmpty()) {
        m_session->disconnectDatabase();
        return true;
    }
    auto url = DatabaseUrl::parse(urlText);
    if (!url) {
        showError(url.error().toString());
        m_session->disconnectDatabase();
        return true;
    }
    if (url->password.isEmpty())
        url->password = m_passwords.value(StudioSettings::withoutPassword(url->toString()));
    connectTo(*url);
    return true;
}

bool MainWindow::openBundledExample()
{
    const QString database = bundledExampleDatabase();
    const bool isNew = !QFileInfo::exists(database);
    DatabaseUrl url;
    url.dialect = u"sqlite"_s;
    url.path = database;
    if (!openProject(bundledExampleDirectory(), url.toString()))
        return false;
    if (isNew) {
        m_log->appendLine(tr("First start: created %1; upgrading it to head.").arg(database));
        m_upgradeWhenIdle = true;
    }
    return true;
}

void MainWindow::connectTo(const DatabaseUrl &url)
{
    if (!url.password.isEmpty())
        m_passwords.insert(StudioSettings::withoutPassword(url.toString()), url.password);
    m_settings.addRecentConnection(url.toString());
    if (!m_session->projectDirectory().isEmpty())
        m_settings.setConnectionFor(m_session->projectDirectory(), url.toString());
    m_session->setDatabase(url);
}

void MainWindow::onProjectChanged()
{
    const QString keep = m_timeline->currentRevision();
    const auto project = m_session->project();
    m_model->setGraph(project->graph());
    if (const auto state = m_session->state())
        m_model->setDatabaseState(state->heads, state->appliedChecksums);
    m_watcher->watch(project->directory().absolutePath(), project->versionsPath(), project->modelsPath());
    startLint();
    // Keep the selection across a reload; else show the newest revision.
    if (keep.isEmpty() || !m_timeline->selectRevision(keep)) {
        if (m_model->rowCount() > 0)
            m_timeline->selectRevision(m_model->revisionAt(0));
        else
            m_diff->showMessage(tr("This project has no revisions yet."));
    }
    updatePreview();
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

void MainWindow::onRunFinished(const RunOutcome &outcome)
{
    m_status->showIdle();
    if (outcome.roundtrip) {
        m_roundtrip->setReport(*outcome.roundtrip);
        m_bottom->setCurrentWidget(m_roundtrip);
        // Room for the table of steps, leaving most of the height to the timeline and the diff.
        const QList<int> sizes = m_main->sizes();
        const int wanted = std::min(240, (sizes[0] + sizes[1]) * 2 / 5);
        if (sizes[1] < wanted)
            m_main->setSizes({sizes[0] + sizes[1] - wanted, wanted});
    }
    if (!outcome.ok)
        showError(outcome.summary + u"\n"_s + outcome.errorText);
    else if (outcome.kind != RunRequest::Kind::ReadState)
        statusBar()->showMessage(outcome.summary, 8000);
    if (!m_session->state())
        m_status->showDisconnected();
    updateActions();
    if (m_upgradeWhenIdle && outcome.ok) {
        m_upgradeWhenIdle = false;
        m_session->run(RunRequest::Kind::Upgrade, u"heads"_s);
    }
}

void MainWindow::updatePreview()
{
    const QString id = m_timeline->currentRevision();
    const auto project = m_session->project();
    if (id.isEmpty() || !project) {
        m_diff->showMessage(tr("Select a revision on the timeline."));
        return;
    }
    // Two or more rows selected: the range from the oldest to the newest of them.
    m_preview->request(project, id, m_timeline->selectedRevisions(), m_diff->dialect());
}

void MainWindow::startLint()
{
    m_lint->start(m_session->project(), m_diff->dialect());
    updateLint();
}

void MainWindow::updateLint()
{
    if (!m_diff->hasPreview())
        return;
    // A range shows the findings of every revision in it, oldest first.
    const QStringList selected = m_timeline->selectedRevisions();
    QList<Issue> findings;
    for (auto it = selected.crbegin(); it != selected.crend(); ++it) {
        if (!m_lint->isLinted(*it) && m_lint->isRunning())
            return m_diff->showLintPending();
        if (!m_lint->isLinted(*it))
            return m_diff->showLintSkipped(LintRunner::Limit, *it);
        findings << m_model->lintFindings(*it);
    }
    m_diff->setLintFindings(findings);
}

void MainWindow::reloadProject()
{
    m_session->reloadInBackground();
}

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

GenerateMigrationDialog *MainWindow::openGenerateDialog()
{
    const auto project = m_session->project();
    if (!project)
        return nullptr;
    auto *dialog = new GenerateMigrationDialog(project, m_diff->dialect(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GenerateMigrationDialog::migrationWritten, this, [this](const QString &id, const QString &path) {
        m_log->appendLine(tr("Generated %1 (%2).").arg(path, id));
        if (auto reloaded = m_session->reload(); !reloaded) {
            showError(reloaded.error().toString());
            return;
        }
        m_timeline->selectRevision(id);
    });
    dialog->open();
    return dialog;
}

void MainWindow::runOnSelected(RunRequest::Kind kind)
{
    const QString id = m_timeline->currentRevision();
    if (id.isEmpty())
        return;
    bool scratch = !m_actions->roundTripOnRealDatabase->isChecked();
    const auto url = m_session->database();
    switch (kind) {
    case RunRequest::Kind::Stamp:
        if (!m_confirm(tr("Stamp"), tr("Mark %1 as being at %2 without running any migration?\n\nThe tables are "
                                        "not changed; only the version table is rewritten.")
                                         .arg(url ? url->redacted() : QString(), id.left(12))))
            return;
        break;
    case RunRequest::Kind::Downgrade:
        if (!confirmDowngrade(id))
            return;
        break;
    case RunRequest::Kind::RoundTrip:
        // By default a scratch copy (an SQLite file copy, a temporary PostgreSQL database); the real one only on request.
        if (!scratch && !m_confirm(tr("Round-trip on the real database"),
                                   tr("Run the round-trip of %1 on %2 itself? Each step up to it is downgraded and "
                                      "upgraded again: data its downgrade drops is lost.\n\nTurn off Revision > "
                                      "Round-trip on the real database to work on a scratch copy instead.")
                                       .arg(id.left(12), url ? url->redacted() : QString())))
            return;
        m_roundtrip->showRunning(tr("Round-trip of %1 running").arg(id.left(12)));
        break;
    default:
        break;
    }
    m_banner->setVisible(false);
    m_session->run(kind, id, scratch);
}

bool MainWindow::confirmDowngrade(const QString &target)
{
    const auto state = m_session->state();
    const auto project = m_session->project();
    if (!state || !project)
        return true;
    const QStringList drops = droppedByDowngrade(*project, state->heads, target);
    if (drops.isEmpty())
        return true;
    return m_confirm(tr("Downgrade drops data"),
                     tr("Downgrading to %1 drops, with their rows:").arg(target.left(12)) + u"\n\n  • "_s
                         + drops.join(u"\n  • "_s) + u"\n\n"_s + tr("Go ahead?"));
}

void MainWindow::showError(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(true);
}

QString MainWindow::errorBanner() const { return m_banner->isHidden() ? QString() : m_banner->text(); }

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

void MainWindow::chooseDatabase()
{
    ConnectionDialog dialog(m_settings.recentConnections(), this);
    if (const auto url = m_session->database())
        dialog.setUrl(*url);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto url = dialog.url())
        connectTo(*url);
}

void MainWindow::fillRecentMenus()
{
    m_recentProjects->clear();
    for (const QString &dir : m_settings.recentProjects())
        m_recentProjects->addAction(dir, this, [this, dir] { openProject(dir); });
    m_recentProjects->setEnabled(!m_recentProjects->isEmpty());
    m_recentConnections->clear();
    for (const QString &text : m_settings.recentConnections()) {
        m_recentConnections->addAction(text, this, [this, text] {
            auto url = DatabaseUrl::parse(text);
            if (!url)
                return showError(url.error().toString());
            url->password = m_passwords.value(text);
            connectTo(*url);
        });
    }
    m_recentConnections->setEnabled(!m_recentConnections->isEmpty());
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Strata Studio"),
                       tr("<h3>Strata Studio %1</h3><p>A schema migration manager you can see: the revision "
                          "history as a timeline, the SQL of every step before it runs, and one-click upgrade, "
                          "downgrade and round-trip runs on SQLite and PostgreSQL.</p><p>Qt %2</p>")
                           .arg(QStringLiteral(STRATA_VERSION_STRING), QString::fromLatin1(qVersion())));
}

bool MainWindow::isSettled() const
{
    return !m_session->isRunning() && !m_session->isReloading() && !m_upgradeWhenIdle && !m_preview->isBusy()
        && (!m_session->database() || m_stateRead);
}

void MainWindow::whenSettled(std::function<void()> then, int lintWaitMs)
{
    auto *poll = new QTimer(this);
    poll->setInterval(100);
    QElapsedTimer waited;
    waited.start();
    connect(poll, &QTimer::timeout, this, [this, poll, then, waited, lintWaitMs] {
        if (!isSettled() || (!m_lint->hasFirstBatch() && waited.elapsed() < lintWaitMs))
            return;
        poll->deleteLater();
        then();
    });
    poll->start();
}

void MainWindow::grabWhenSettled(const QString &path, std::function<void(bool)> done)
{
    // Lint badges too, unless a long history keeps lint busy for more than a few seconds.
    whenSettled([this, path, done] {
        // One more turn of the event loop so the last repaint lands.
        QTimer::singleShot(150, this, [this, path, done] { done(grab().save(path)); });
    }, 5000);
}

void MainWindow::roundTripWhenSettled(std::function<void()> done)
{
    whenSettled([this, done] {
        const auto finished = connect(m_session, &StudioSession::runFinished, this, done, Qt::SingleShotConnection);
        m_actions->roundTrip->trigger();
        if (!m_session->isRunning()) {
            disconnect(finished);
            done();   // nothing to round-trip (no database, no selection, or declined)
        }
    });
}

void MainWindow::restoreLayout()
{
    if (!restoreGeometry(m_settings.windowState(u"geometry"_s)))
        resize(1200, 760);
    restoreState(m_settings.windowState(u"state"_s));
    if (!m_sides->restoreState(m_settings.windowState(u"sides"_s)))
        m_sides->setSizes({460, 740});
    if (!m_main->restoreState(m_settings.windowState(u"main"_s)))
        m_main->setSizes({560, 160});
}

void MainWindow::saveLayout()
{
    m_settings.setWindowState(u"geometry"_s, saveGeometry());
    m_settings.setWindowState(u"state"_s, saveState());
    m_settings.setWindowState(u"sides"_s, m_sides->saveState());
    m_settings.setWindowState(u"main"_s, m_main->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_session->isRunning()) {
        m_log->appendLine(tr("Closing: cancelling the run after the step in flight."));
        m_session->cancel();
    }
    saveLayout();
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
