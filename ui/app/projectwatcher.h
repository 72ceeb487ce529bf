#pragma once

#include <QFileSystemWatcher>
#include <QTimer>

namespace strata::ui {

// Says "changed" once a burst of edits in a project folder (versions/,
// strata.yaml, models.yaml) has settled. Editors often replace a file
// instead of writing it, which drops it from the watch list, so the list is
// rebuilt after every change.
class ProjectWatcher : public QObject
{
    Q_OBJECT
public:
    // Up to this many revision files each is watched; beyond, the folders only.
    static constexpr qsizetype maxWatchedFiles = 2000;

    explicit ProjectWatcher(QObject *parent = nullptr);

    void watch(const QString &projectDirectory, const QString &versionsDirectory, const QString &modelsPath);
    void stop();
    // What is watched now, files and folders (for the tests).
    QStringList watchedPaths() const { return m_watcher.files() + m_watcher.directories(); }

Q_SIGNALS:
    void changed();

private:
    void rewatch();

    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QString m_project;
    QString m_versions;
    QString m_models;
};

} // namespace strata::ui
