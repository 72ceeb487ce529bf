#pragma once

#include <QObject>

namespace strata::ui {

class DiffPane;
class LintRunner;
class PreviewLoader;
class StudioSession;
class TimelineModel;
class TimelinePanel;

// Keeps the diff pane on what the timeline has selected: the preview of the
// revision (or range) for the pane's dialect, and its lint findings as they
// come in. Lint restarts when the project or the dialect changes.
class SelectionPreview : public QObject
{
    Q_OBJECT
public:
    SelectionPreview(StudioSession *session, TimelinePanel *timeline, TimelineModel *model, DiffPane *diff,
                     PreviewLoader *preview, LintRunner *lint, QObject *parent = nullptr);

    void updatePreview();
    void startLint();

private:
    void updateLint();

    StudioSession *m_session;
    TimelinePanel *m_timeline;
    TimelineModel *m_model;
    DiffPane *m_diff;
    PreviewLoader *m_preview;
    LintRunner *m_lint;
};

} // namespace strata::ui
