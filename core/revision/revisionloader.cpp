#include "core/revision/revisionloader.h"

#include "core/revision/cachefile.h"
#include "core/revision/revisioncache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#ifdef Q_OS_UNIX
#include <dirent.h>
#endif

#include <atomic>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// Below this many files per thread, starting threads costs more than it saves.
constexpr qsizetype kFilesPerThread = 16;

// Runs work(0..count-1) on up to one thread per core; returns when all are done.
template <typename Work>
void parallelFor(qsizetype count, Work &&work)
{
    const qsizetype threads = std::clamp<qsizetype>(count / kFilesPerThread, 1, QThread::idealThreadCount());
    std::atomic<qsizetype> next = 0;
    const auto worker = [&] {
        for (qsizetype i = next++; i < count; i = next++)
            work(i);
    };
    std::vector<std::jthread> pool;
    for (qsizetype t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
}

struct ListedFile
{
    QString name;
    std::optional<FileStamp> stamp;
};

// The revision files of a folder, sorted by name: what
// QDir::entryList({"*.yaml", "*.yml"}, QDir::Files, QDir::Name) returns
// (regular files or links to them, not hidden, suffix in any case), each
// stat'ed once. On Unix without QDir's per-entry QFileInfo, which costs more
// than everything else on a warm 10,000-revision run.
// A missing folder is a project without revisions yet; one that cannot be
// read is an error, never an empty project (lint would pass with 0 revisions).
Result<QList<ListedFile>> listRevisionFiles(const QString &folder)
{
    QList<ListedFile> files;
#ifdef Q_OS_UNIX
    DIR *dir = ::opendir(QFile::encodeName(folder).constData());
    if (!dir) {
        if (errno == ENOENT)
            return files;
        return fail(Error::Code::Io, u"can't read the versions folder: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))),
                    folder, u"check the folder's permissions (it needs read and execute for you)"_s);
    }
    while (const dirent *entry = ::readdir(dir)) {
        const QString name = QFile::decodeName(entry->d_name);
        if (name.startsWith(u'.')
            || !(name.endsWith(u".yaml"_s, Qt::CaseInsensitive) || name.endsWith(u".yml"_s, Qt::CaseInsensitive)))
            continue;
        // stat() follows a link; a broken one, a folder or a socket is not a revision file.
        auto stamp = FileStamp::at(::dirfd(dir), entry->d_name);
        if (stamp && stamp->isRegularFile)
            files << ListedFile{name, stamp};
    }
    ::closedir(dir);
    std::sort(files.begin(), files.end(), [](const ListedFile &a, const ListedFile &b) { return a.name < b.name; });
#else
    if (const QFileInfo info(folder); info.exists() && (!info.isDir() || !info.isReadable()))
        return fail(Error::Code::Io, u"can't read the versions folder"_s, folder,
                    u"check the folder's permissions"_s);
    for (const QString &name : QDir(folder).entryList({u"*.yaml"_s, u"*.yml"_s}, QDir::Files, QDir::Name))
        files << ListedFile{name, FileStamp::of(folder + u'/' + name)};
#endif
    return files;
}

qint64 wallClockNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

RevisionLoader::RevisionLoader(QString versionsPath, QString cachePath)
    : m_versionsPath(std::move(versionsPath)), m_cachePath(std::move(cachePath)),
      m_racyWindowNs(RevisionCache::kRacyWindowNs)
{
}

Result<QList<Revision>> RevisionLoader::load()
{
    m_parsed = 0;
    m_cached = 0;
    // Taken before any file is looked at: a file written after it is too new to cache.
    const qint64 scanStart = wallClockNs();
    // Absolute and clean, as readRevisionFile() makes Revision::filePath.
    const QString folder = QFileInfo(m_versionsPath).absoluteFilePath();
    // The cache file is decoded beside the listing (entries are matched by
    // stamp, so the order of the two does not matter): on a large history
    // both take a while.
    RevisionCache cache;
    std::jthread decoding;
    if (!m_cachePath.isEmpty())
        decoding = std::jthread([&cache, path = m_cachePath] { cache = RevisionCache::read(path); });
    // Stamp first (the listing stats each file), read after: a write in
    // between makes the stamp old, never the content.
    auto listing = listRevisionFiles(folder);
    if (decoding.joinable())
        decoding.join();
    if (!listing)
        return std::unexpected(listing.error());
    const QList<ListedFile> listed = std::move(*listing);

    const qsizetype n = listed.size();
    QStringList files;
    files.reserve(n);
    std::vector<QString> paths(n);
    std::vector<Result<Revision>> results(n);
    std::vector<qsizetype> misses;
    for (qsizetype i = 0; i < n; ++i) {
        files << listed[i].name;
        paths[i] = folder + u'/' + listed[i].name;
        const std::optional<FileStamp> &stamp = listed[i].stamp;
        std::optional<Revision> hit = stamp ? cache.take(files[i], *stamp) : std::nullopt;
        if (!hit) {
            misses.push_back(i);
            continue;
        }
        // The folder may have moved since the entry was written.
        hit->filePath = paths[i];
        results[i] = std::move(*hit);
    }
    parallelFor(qsizetype(misses.size()), [&](qsizetype m) {
        results[misses[m]] = readRevisionFile(paths[misses[m]]);
    });
    m_parsed = qsizetype(misses.size());
    m_cached = n - m_parsed;

    // What is left in the cache are entries of deleted or changed files: with
    // those, or with a file just parsed that may be cached, the cache is
    // written again, from the revisions in hand (the hits were taken out of
    // it), inserted in name order so that each one is appended.
    if (!m_cachePath.isEmpty()) {
        bool rewrite = cache.size() > 0;
        for (qsizetype m = 0; m < qsizetype(misses.size()) && !rewrite; ++m) {
            const qsizetype i = misses[m];
            rewrite = results[i] && listed[i].stamp && cachefile::settled(*listed[i].stamp, scanStart, m_racyWindowNs);
        }
        if (rewrite) {
            RevisionCache fresh;
            for (qsizetype i = 0; i < n; ++i) {
                if (results[i] && listed[i].stamp)
                    fresh.insert(files[i], *listed[i].stamp, *results[i], scanStart, m_racyWindowNs);
            }
            fresh.write(m_cachePath);
        }
    }

    QList<Revision> revisions;
    revisions.reserve(n);
    for (Result<Revision> &result : results) {
        if (!result)
            return std::unexpected(result.error());
        revisions << std::move(*result);
    }
    return revisions;
}

} // namespace strata
