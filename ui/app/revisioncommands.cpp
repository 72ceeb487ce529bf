#include "ui/app/revisioncommands.h"

#include "ui/app/studioactions.h"
#include "ui/app/studiosession.h"
#include "core/project/project.h"
#include "ui/timeline/timelinepanel.h"
#include "core/alembic/scriptcommand.h"
#include "core/workflow/revisionauthor.h"

#include <QAction>
#include <QDesktopServices>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QProcess>
#include <QUrl>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace strata::ui {

RevisionCommands::RevisionCommands(StudioSession *session, TimelinePanel *timeline, const StudioActions &actions,
                                   QWidget *window)
    : QObject(window), m_session(session), m_timeline(timeline), m_actions(actions), m_window(window),
      m_launchEditor(&RevisionCommands::openWithUserEditor)
{
    setObjectName(u"revisionCommands"_s);
    m_askMessage = [this](const QString &title, const QString &label, const QString &suggested) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getText(m_window, title, label, QLineEdit::Normal, suggested, &ok);
        return ok ? std::optional<QString>(text) : std::nullopt;
    };
    connect(actions.newRevision, &QAction::triggered, this, [this] { newRevision(); });
    connect(actions.mergeHeads, &QAction::triggered, this, [this] { mergeHeads(); });
    connect(actions.repairChecksums, &QAction::triggered, this, &RevisionCommands::repairChecksums);
    connect(actions.openInEditor, &QAction::triggered, this, &RevisionCommands::openSelected);
    connect(actions.deleteRevision, &QAction::triggered, this, &RevisionCommands::deleteSelected);
    for (const auto signal : {&StudioSession::projectChanged, &StudioSession::databaseChanged})
        connect(m_session, signal, this, &RevisionCommands::updateActions);
    connect(m_session, &StudioSession::runningChanged, this, &RevisionCommands::updateActions);
    connect(m_timeline, &TimelinePanel::currentRevisionChanged, this, &RevisionCommands::updateActions);
    // A deleted or repaired file changes what the window shows: read the folder again.
    connect(m_session, &StudioSession::runFinished, this, [this](const RunOutcome &outcome) {
        if (outcome.ok && outcome.kind == RunRequest::Kind::DeleteRevision)
            m_session->reloadInBackground();
    });
    updateActions();
}

void RevisionCommands::updateActions()
{
    const auto project = m_session->project();
    const bool writable = project && !m_authoring;
    const bool idle = !m_session->isRunning();
    const Revision *selected = project ? project->graph().find(m_timeline->currentRevision()) : nullptr;
    m_actions.newRevision->setEnabled(writable);
    m_actions.mergeHeads->setEnabled(writable && project->graph().heads().size() > 1);
    m_actions.repairChecksums->setEnabled(project && m_session->database() && idle);
    m_actions.openInEditor->setEnabled(selected && !selected->filePath.isEmpty());
    m_actions.deleteRevision->setEnabled(writable && selected && idle && m_session->database());
}

Result<QString> RevisionCommands::written(const Result<AuthoredRevision> &made)
{
    if (!made) {
        Q_EMIT failed(made.error().toString());
        return std::unexpected(made.error());
    }
    if (made->command.isEmpty())
        Q_EMIT log(tr("Generating %1 ...  done").arg(made->path));
    else
        Q_EMIT log(tr("Ran %1").arg(made->command));
    // The tool's own lines (Alembic's "Generating ... done").
    for (const QString &line : made->toolOutput.split(u'\n', Qt::SkipEmptyParts))
        Q_EMIT log(line);
    if (auto reloaded = m_session->reload(); !reloaded) {
        Q_EMIT failed(reloaded.error().toString());
        return std::unexpected(reloaded.error());
    }
    m_timeline->selectRevision(made->revisionId);
    Q_EMIT authored(made->revisionId);
    return made->revisionId;
}

Result<QString> RevisionCommands::author(const QString &title, const QString &label, const QString &suggested,
                                         std::function<Result<AuthoredRevision>(Project &, const QString &)> write)
{
    const auto shown = m_session->project();
    if (!shown)
        return fail(Error::Code::Usage, tr("no project is open"));
    if (m_authoring)
        return fail(Error::Code::Conflict, tr("a revision is being written already"));
    const auto message = m_askMessage(title, label, suggested);
    if (!message)
        return fail(Error::Code::Usage, tr("cancelled"));
    // The folder as it is now, not as it was last shown: the new file goes on today's heads.
    const QString directory = shown->directory().path();
    const auto run = [directory, message = *message, write]() -> Result<AuthoredRevision> {
        auto project = Project::open(directory);
        if (!project)
            return std::unexpected(project.error());
        return write(*project, message);
    };
    if (!shown->isAlembic())
        return written(run());
    // The team's flask or alembic starts Python and may import their app: not on this thread.
    Q_EMIT log(tr("Running %1 in %2 …").arg(alembic::scriptToolFor(directory) == alembic::ScriptTool::FlaskDb
                                                ? u"flask db"_s : u"alembic"_s,
                                            directory));
    m_authoring = true;
    updateActions();
    auto *watcher = new QFutureWatcher<Result<AuthoredRevision>>(this);
    connect(watcher, &QFutureWatcher<Result<AuthoredRevision>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_authoring = false;
        written(watcher->result());
        updateActions();
    });
    watcher->setFuture(QtConcurrent::run(run));
    return QString();
}

Result<QString> RevisionCommands::newRevision()
{
    return author(tr("New revision"), tr("What the revision does (strata revision -m …):"), {},
                  [](Project &project, const QString &message) {
                      NewRevisionOptions options;
                      options.message = message;
                      return createRevision(project, options);
                  });
}

Result<QString> RevisionCommands::mergeHeads()
{
    return author(tr("Merge heads"), tr("What the merge does (strata merge heads -m …):"), tr("Merge heads"),
                  [](Project &project, const QString &message) {
                      MergeOptions options;
                      options.revisions = {u"heads"_s};
                      options.message = message;
                      return mergeRevisions(project, options);
                  });
}

bool RevisionCommands::repairChecksums()
{
    return m_session->run(RunRequest::Kind::Repair);
}

bool RevisionCommands::deleteSelected()
{
    const QString id = m_timeline->currentRevision();
    return !id.isEmpty() && m_session->run(RunRequest::Kind::DeleteRevision, id);
}

bool RevisionCommands::openSelected()
{
    const auto project = m_session->project();
    const Revision *revision = project ? project->graph().find(m_timeline->currentRevision()) : nullptr;
    if (!revision || revision->filePath.isEmpty())
        return false;
    if (m_launchEditor(revision->filePath)) {
        Q_EMIT log(tr("Opened %1 in the editor.").arg(revision->filePath));
        return true;
    }
    Q_EMIT failed(tr("Could not open %1 in an editor\nhint: set $VISUAL or $EDITOR to the command of your editor")
                      .arg(revision->filePath));
    return false;
}

bool RevisionCommands::openWithUserEditor(const QString &path)
{
    for (const char *variable : {"VISUAL", "EDITOR"}) {
        QStringList command = QProcess::splitCommand(qEnvironmentVariable(variable));
        if (command.isEmpty())
            continue;
        const QString program = command.takeFirst();
        return QProcess::startDetached(program, command << path);
    }
    return QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

} // namespace strata::ui
