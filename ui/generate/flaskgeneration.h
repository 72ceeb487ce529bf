#pragma once

#include <QObject>

class QWidget;

namespace strata::ui {

// "Generate migration" in a Flask-Migrate project: the models are the app's,
// so the team's own `flask db migrate -m MESSAGE` writes the revision (on a
// worker thread; it imports the app). The window then reloads and shows the
// new file for review, with its SQL.
class FlaskGeneration : public QObject
{
    Q_OBJECT
public:
    explicit FlaskGeneration(QObject *parent = nullptr) : QObject(parent) {}

    // Asks for the message, then runs flask; false when there is nothing to run (declined, or busy).
    bool start(QWidget *parent, const QString &migrationsDirectory);
    // Runs `flask db migrate -m message` on a worker thread; false while one runs.
    bool run(const QString &migrationsDirectory, const QString &message);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void log(const QString &line, bool isError);
    void written(const QString &path);
    void failed(const QString &error);

private:
    bool m_running = false;
};

} // namespace strata::ui
