#include "ui/app/selectionpreview.h"

#include "ui/app/studiosession.h"
#include "ui/diff/diffpane.h"
#include "ui/diff/previewloader.h"
#include "ui/diff/revisionpreview.h"
#include "ui/safety/lintrunner.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinepanel.h"

namespace strata::ui {

SelectionPreview::SelectionPreview(StudioSession *session, TimelinePanel *timeline, TimelineModel *model,
                                   DiffPane *diff, PreviewLoader *preview, LintRunner *lint, QObject *parent)
    : QObject(parent), m_session(session), m_timeline(timeline), m_model(model), m_diff(diff), m_preview(preview),
      m_lint(lint)
{
    // Lint posts its findings in batches, newest revisions first.
    for (const auto signal : {&LintRunner::progressed, &LintRunner::finished}) {
        connect(m_lint, signal, this, [this] {
            m_model->setLintFindings(m_lint->findings());
            updateLint();
        });
    }
    connect(m_preview, &PreviewLoader::started, this, [this](const QString &id) {
        m_diff->showMessage(tr("Replaying the schema up to %1 …").arg(id.left(12)));
    });
    connect(m_preview, &PreviewLoader::loaded, this, [this](const RevisionPreview &loaded) {
        m_diff->setPreview(loaded);
        updateLint();
    });
    connect(m_preview, &PreviewLoader::failed, m_diff, &DiffPane::showMessage);
    connect(m_timeline, &TimelinePanel::currentRevisionChanged, this, &SelectionPreview::updatePreview);
    // Shift-click moves the current row before the selection grows; follow both.
    connect(m_timeline, &TimelinePanel::selectionChanged, this, &SelectionPreview::updatePreview);
    connect(m_diff, &DiffPane::dialectChanged, this, [this] {
        updatePreview();
        startLint();
    });
}

void SelectionPreview::updatePreview()
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

void SelectionPreview::startLint()
{
    const auto project = m_session->project();
    m_lint->start(project, m_diff->dialect(), m_preview->checkpointsFor(project));
    updateLint();
}

void SelectionPreview::updateLint()
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

} // namespace strata::ui
