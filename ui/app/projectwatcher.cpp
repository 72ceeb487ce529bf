#include "ui/app/projectwatcher.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace strata::ui {

ProjectWatcher::ProjectWatcher(QObject *parent) : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(300);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_settle, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_settle, qOverload<>(&QTimer::start));
    connect(&m_settle, &QTimer::timeout, this, [this] {
        rewatch();
        Q_EMIT changed();
    });
}

void ProjectWatcher::watch(const QString &projectDirectory, const QString &versionsDirectory,
                           const QString &modelsPath)
{
    m_project = projectDirectory;
    m_versions = versionsDirectory;
    m_models = modelsPath;
    rewatch();
}

void ProjectWatcher::stop()
{
    m_settle.stop();
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
}

void ProjectWatcher::rewatch()
{
    stop();
    if (m_project.isEmpty())
        return;
    QStringList paths{m_project, m_versions, m_models, QDir(m_project).filePath(u"strata.yaml"_s)};
    // Beyond this many revision files only the folders are watched: QFileSystemWatcher
    // checks each new path against all it has (100,000 files froze the studio for
    // minutes), and inotify's per-user limit is a few thousand on many systems.
    // Edits saved by replacing the file, as most editors do, still show in the folder.
    // The listing stops there too: listing 100,000 files delayed the first paint.
    QStringList files;
    QDirIterator it(m_versions, {u"*.yaml"_s, u"*.yml"_s}, QDir::Files);
    while (it.hasNext() && files.size() <= maxWatchedFiles)
        files << it.nextFileInfo().absoluteFilePath();
    if (files.size() <= maxWatchedFiles)
        paths << files;
    QStringList existing;
    for (const QString &path : std::as_const(paths)) {
        if (QFileInfo::exists(path))
            existing << path;
    }
    if (!existing.isEmpty())
        m_watcher.addPaths(existing);
}

} // namespace strata::ui
