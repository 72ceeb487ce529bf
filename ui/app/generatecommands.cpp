#include "ui/app/generatecommands.h"

#include "ui/app/studiosession.h"
#include "ui/diff/diffpane.h"
#include "ui/generate/flaskgeneration.h"
#include "ui/generate/generatedialog.h"
#include "core/project/project.h"
#include "ui/timeline/timelinepanel.h"

#include <QFileInfo>

namespace strata::ui {

GenerateCommands::GenerateCommands(StudioSession *session, TimelinePanel *timeline, DiffPane *diff, QWidget *window)
    : QObject(window), m_session(session), m_timeline(timeline), m_diff(diff), m_window(window),
      m_flask(new FlaskGeneration(this))
{
    connect(m_flask, &FlaskGeneration::log, this, &GenerateCommands::log);
    connect(m_flask, &FlaskGeneration::failed, this, &GenerateCommands::failed);
    connect(m_flask, &FlaskGeneration::written, this, &GenerateCommands::showWritten);
}

GenerateMigrationDialog *GenerateCommands::open()
{
    const auto project = m_session->project();
    if (!project)
        return nullptr;
    if (project->isAlembic()) {
        m_flask->start(m_window, project->directory().path());
        return nullptr;
    }
    auto *dialog = new GenerateMigrationDialog(project, m_diff->dialect(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GenerateMigrationDialog::migrationWritten, this, [this](const QString &id, const QString &path) {
        Q_EMIT log(tr("Generated %1 (%2).").arg(path, id));
        if (auto reloaded = m_session->reload(); !reloaded)
            return Q_EMIT failed(reloaded.error().toString());
        m_timeline->selectRevision(id);
    });
    dialog->open();
    return dialog;
}

void GenerateCommands::showWritten(const QString &path)
{
    Q_EMIT log(tr("Generated %1.").arg(path));
    if (auto reloaded = m_session->reload(); !reloaded)
        return Q_EMIT failed(reloaded.error().toString());
    for (const Revision &revision : m_session->project()->graph().revisions()) {
        if (QFileInfo(revision.filePath) == QFileInfo(path))
            m_timeline->selectRevision(revision.id);
    }
}

} // namespace strata::ui
