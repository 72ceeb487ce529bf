#pragma once

#include "core/error.h"

#include <QObject>

#include <functional>
#include <optional>

class QWidget;

namespace strata {
class Project;
struct AuthoredRevision;
}

namespace strata::ui {

class StudioSession;
class TimelinePanel;
struct StudioActions;

// The revision file commands of the window: new revision, merge heads, repair
// checksums, open in the user's editor, delete. Each goes through the same
// core/workflow use case as the CLI (`strata revision`, `merge`, `repair`,
// `delete`); what touches the database runs as a job of the session. In a
// Flask-Migrate / Alembic folder new revision and merge run the team's own
// `flask db` / `alembic` on a pool thread. It keeps its actions enabled as
// the project, database and selection change.
class RevisionCommands : public QObject
{
    Q_OBJECT
public:
    RevisionCommands(StudioSession *session, TimelinePanel *timeline, const StudioActions &actions, QWidget *window);

    // Asks for a revision message; nullopt: cancelled. The default is an input dialog.
    using MessageAsker = std::function<std::optional<QString>(const QString &title, const QString &label,
                                                              const QString &suggested)>;
    void setMessageAsker(MessageAsker asker) { m_askMessage = std::move(asker); }
    // Opens a file for editing; the default: $VISUAL, else $EDITOR, else the desktop's choice.
    using EditorLauncher = std::function<bool(const QString &path)>;
    void setEditorLauncher(EditorLauncher launcher) { m_launchEditor = std::move(launcher); }

    // Each returns the new revision's id, or the error (also shown through
    // failed()). In an Alembic folder the id is empty: the tool runs in the
    // background, and authored() or failed() follows.
    Result<QString> newRevision();
    Result<QString> mergeHeads();
    bool isAuthoring() const { return m_authoring; }
    // Starts the job; false when it could not start.
    bool repairChecksums();
    bool deleteSelected();
    bool openSelected();

    static bool openWithUserEditor(const QString &path);

Q_SIGNALS:
    void log(const QString &line, bool isError = false);
    void failed(const QString &error);
    // A new revision is written and shown selected.
    void authored(const QString &revisionId);

private:
    void updateActions();
    Result<QString> author(const QString &title, const QString &label, const QString &suggested,
                           std::function<Result<AuthoredRevision>(Project &, const QString &message)> write);
    Result<QString> written(const Result<AuthoredRevision> &made);

    StudioSession *m_session;
    TimelinePanel *m_timeline;
    const StudioActions &m_actions;
    QWidget *m_window;
    MessageAsker m_askMessage;
    EditorLauncher m_launchEditor;
    bool m_authoring = false;
};

} // namespace strata::ui
