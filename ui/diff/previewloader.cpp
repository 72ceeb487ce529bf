#include "ui/diff/previewloader.h"

#include "ui/app/workerpools.h"
#include "core/dialect/dialect.h"
#include "core/project/project.h"
#include "core/project/schemacheckpoints.h"

#include <QtConcurrent/QtConcurrentRun>

namespace strata::ui {

namespace {

Result<RevisionPreview> computePreview(const Project &project, SchemaCheckpoints &checkpoints,
                                       const QString &current, const QStringList &selected,
                                       DialectKind dialectKind)
{
    const auto dialect = Dialect::forKind(dialectKind);
    return selected.size() >= 2 ? previewRange(project, selected.last(), selected.first(), *dialect, &checkpoints)
                                : previewRevision(project, current, *dialect, &checkpoints);
}

} // namespace

PreviewLoader::PreviewLoader(QObject *parent)
    : QObject(parent)
{
}

void PreviewLoader::request(std::shared_ptr<const Project> project, const QString &current,
                            const QStringList &selected, DialectKind dialect)
{
    std::shared_ptr<SchemaCheckpoints> checkpoints = checkpointsFor(project);
    if (project->graph().size() <= backgroundThreshold) {
        deliver(++m_ticket, computePreview(*project, *checkpoints, current, selected, dialect));
        return;
    }
    // A click moves the current row and the selection: two asks for one preview.
    const Request asked{project.get(), current, selected, dialect};
    if (m_pending > 0 && asked == m_inFlight)
        return;
    m_inFlight = asked;
    const quint64 ticket = ++m_ticket;
    ++m_pending;
    Q_EMIT started(current);
    // The shared_ptrs keep the project and its checkpoints alive while the
    // pool thread reads them, even if a reload replaces them meanwhile.
    QtConcurrent::run(previewPool(), [project, checkpoints, current, selected, dialect] {
        return computePreview(*project, *checkpoints, current, selected, dialect);
    }).then(this, [this, ticket](const Result<RevisionPreview> &preview) {
        --m_pending;
        deliver(ticket, preview);
    });
}

std::shared_ptr<SchemaCheckpoints> PreviewLoader::checkpointsFor(const std::shared_ptr<const Project> &project)
{
    if (project != m_project) {
        // A reloaded project is another history: its replays start afresh.
        m_project = project;
        m_checkpoints = project ? std::make_shared<SchemaCheckpoints>(*project) : nullptr;
    }
    return m_checkpoints;
}

void PreviewLoader::deliver(quint64 ticket, const Result<RevisionPreview> &preview)
{
    if (ticket != m_ticket)
        return;   // a newer request is on its way
    if (preview)
        Q_EMIT loaded(*preview);
    else
        Q_EMIT failed(preview.error().toString());
}

} // namespace strata::ui
