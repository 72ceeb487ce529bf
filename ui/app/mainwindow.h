#pragma once

#include "ui/app/studiosettings.h"
#include "ui/run/runrequest.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;

namespace strata { struct DatabaseUrl; }

namespace strata::ui {

class DiffPane;
class ErrorBanner;
class GenerateCommands;
class RunCommands;
class SelectionPreview;
class StudioConnections;
class GenerateMigrationDialog;
class LintRunner;
class LogPane;
class PreviewLoader;
class ProjectWatcher;
class RoundtripView;
class StatusPanel;
class StudioSession;
class TimelineModel;
class TimelinePanel;
struct StudioActions;

// The studio's window: timeline on the left, diff pane on the right, log
// below, status bar at the bottom. It wires the session to the widgets and
// turns actions into runs; the work itself happens in the session's jobs.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a migrations folder. databaseUrl empty: the connection last used
    // with it, else strata.yaml's `database`, else none.
    bool openProject(const QString &directory, const QString &databaseUrl = {});
    // The bundled example on a SQLite file in the user's data folder,
    // created and upgraded to head the first time.
    bool openBundledExample();
    // Selects a revision by id or unique prefix; false when there is none.
    bool selectRevision(const QString &idOrPrefix);

    // Opens Generate migration (window-modal, not blocking); once it writes
    // a file the project reloads and the new revision is selected. Null without a project.
    GenerateMigrationDialog *openGenerateDialog();

    // Asked before destructive actions; the default shows a question box.
    using Confirmer = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmer(Confirmer confirmer);

    // Nothing runs or reloads and the database state (if connected) has been
    // read. Lint may still run: see lint(). settled() says when it becomes true.
    bool isSettled() const;

    StudioSession *session() const { return m_session; }
    TimelineModel *timelineModel() const { return m_model; }
    TimelinePanel *timeline() const { return m_timeline; }
    DiffPane *diffPane() const { return m_diff; }
    LogPane *logPane() const { return m_log; }
    RoundtripView *roundtripView() const { return m_roundtrip; }
    // The tabs below the timeline and the diff pane: the log and the round-trip result.
    QTabWidget *bottomTabs() const { return m_bottom; }
    LintRunner *lint() const { return m_lint; }
    StatusPanel *statusPanel() const { return m_status; }
    const StudioActions &actions() const { return *m_actions; }
    QString errorBanner() const;
    RunCommands *runCommands() const { return m_runs; }
    GenerateCommands *generateCommands() const { return m_generate; }

Q_SIGNALS:
    // Emitted when, after some work ended, nothing runs, reloads or previews any more.
    void settled();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    void connectSession();
    void fillRecentMenus();

    void onProjectChanged();
    void onStateChanged();
    void onRunFinished();
    void showRoundTripTab();
    void growBottomTabs();
    void checkSettled();
    void reloadProject();
    void updateActions();
    void showError(const QString &text);

    void chooseProject();

    StudioSettings m_settings;
    StudioSession *m_session;
    std::unique_ptr<StudioActions> m_actions;
    TimelineModel *m_model;
    TimelinePanel *m_timeline;
    DiffPane *m_diff;
    PreviewLoader *m_preview;
    LogPane *m_log;
    RoundtripView *m_roundtrip;
    QTabWidget *m_bottom;
    LintRunner *m_lint;
    StatusPanel *m_status;
    ProjectWatcher *m_watcher;
    ErrorBanner *m_banner;
    QSplitter *m_sides;
    QSplitter *m_main;
    QMenu *m_recentProjects = nullptr;
    QMenu *m_recentConnections = nullptr;
    RunCommands *m_runs = nullptr;
    SelectionPreview *m_selection = nullptr;
    GenerateCommands *m_generate = nullptr;
    StudioConnections *m_connections = nullptr;
    bool m_stateRead = false;
    bool m_shownBefore = false;
    bool m_closeWhenStopped = false;   // asked to close during a run: close once it has stopped
};

} // namespace strata::ui
