#include "ui/diff/previewloader.h"

#include "ui/app/workerpools.h"
#include "core/dialect/dialect.h"
#include "core/project/project.h"

#include <QtConcurrent/QtConcurrentRun>

namespace strata::ui {

namespace {

Result<RevisionPreview> computePreview(const Project &project, const QString &current, const QStringList &selected,
                                       DialectKind dialectKind)
{
    const auto dialect = Dialect::forKind(dialectKind);
    return selected.size() >= 2 ? previewRange(project, selected.last(), selected.first(), *dialect)
                                : previewRevision(project, current, *dialect);
}

} // namespace

PreviewLoader::PreviewLoader(QObject *parent)
    : QObject(parent)
{
}

void PreviewLoader::request(std::shared_ptr<const Project> project, const QString &current,
                            const QStringList &selected, DialectKind dialect)
{
    const quint64 ticket = ++m_ticket;
    if (project->graph().size() <= backgroundThreshold) {
        deliver(ticket, computePreview(*project, current, selected, dialect));
        return;
    }
    ++m_pending;
    Q_EMIT started(current);
    // The shared_ptr keeps the project alive while the pool thread reads it,
    // even if a reload replaces it meanwhile.
    QtConcurrent::run(previewPool(), [project, current, selected, dialect] {
        return computePreview(*project, current, selected, dialect);
    }).then(this, [this, ticket](const Result<RevisionPreview> &preview) {
        --m_pending;
        deliver(ticket, preview);
    });
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
