#pragma once

#include <QObject>

class QWidget;

namespace strata::ui {

class DiffPane;
class FlaskGeneration;
class GenerateMigrationDialog;
class StudioSession;
class TimelinePanel;

// "Generate migration": from models.yaml with a preview (a Strata project), or
// through the team's own `flask db migrate` (a Flask-Migrate folder). Either
// way the project reloads and the new revision is selected for review.
class GenerateCommands : public QObject
{
    Q_OBJECT
public:
    GenerateCommands(StudioSession *session, TimelinePanel *timeline, DiffPane *diff, QWidget *window);

    // The dialog of a Strata project (window-modal, not blocking); null for a
    // Flask-Migrate folder (flask runs in the background) or without a project.
    GenerateMigrationDialog *open();
    FlaskGeneration *flask() const { return m_flask; }

Q_SIGNALS:
    void log(const QString &line, bool isError = false);
    void failed(const QString &error);

private:
    void showWritten(const QString &path);

    StudioSession *m_session;
    TimelinePanel *m_timeline;
    DiffPane *m_diff;
    QWidget *m_window;
    FlaskGeneration *m_flask;
};

} // namespace strata::ui
