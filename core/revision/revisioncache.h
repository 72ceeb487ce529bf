#pragma once

#include "core/revision/revision.h"

#include <QList>

#include <optional>

namespace strata {

// What stat() says about a file: enough to tell that it changed without
// reading it. Any write changes mtime and ctime; a replaced file (editors
// save by rename) has a new inode; ctime cannot be set back by `touch -d`.
struct FileStamp
{
    qint64 size = -1;
    qint64 mtimeNs = 0;
    qint64 ctimeNs = 0;
    quint64 inode = 0;
    quint64 device = 0;
    bool isRegularFile = true;     // not a folder, socket or device (links are followed)

    // The stamp of the file at path; nullopt when it can't be read (missing).
    static std::optional<FileStamp> of(const QString &path);
#ifdef Q_OS_UNIX
    // The same for an entry of an open folder (a listing of 100,000 files
    // stats each one by its name, without building and walking its path).
    static std::optional<FileStamp> at(int folderFd, const char *name);
#endif
    friend bool operator==(const FileStamp &, const FileStamp &) = default;
};

// Parsed revision files, keyed by file name and stamp, kept in one file
// between runs (like Python's __pycache__) so `history`, `heads`, `current`
// and `upgrade` skip the YAML parser for files that did not change.
//
// It never serves a stale revision: an entry is used only when the file's
// stamp is the one it had when it was parsed, and a file changed within the
// racy window before it was read is not stored at all: file times come from
// a coarse clock (a kernel tick, or whole seconds on some file systems), so a
// second write in the same tick would keep the stamp. The cache file is tied
// to the executable that wrote it (path, size, mtime), so a rebuilt or
// upgraded Strata never reads another build's parse. A cache file that is
// missing, torn, corrupt or another build's is ignored and rewritten.
class RevisionCache
{
public:
    // Ten kernel ticks at the coarsest (100 Hz) clock; whole-second stamps get two seconds.
    static constexpr qint64 kRacyWindowNs = 100'000'000;
    static constexpr qint64 kCoarseRacyWindowNs = 2'000'000'000;

    // The cache file of a project folder: .strata-cache/revisions.bin.
    static QString pathFor(const QString &projectDirectory);
    // Whether STRATA_NO_CACHE turns caching off (set to anything but 0 or empty).
    static bool disabled();

    // Reads the cache file; an unusable one gives an empty cache.
    static RevisionCache read(const QString &cachePath);

    // The revision parsed from fileName when its stamp was this one. Not for
    // concurrent use, const as it is: a lookup moves the cursor (m_cursor).
    std::optional<Revision> find(const QString &fileName, const FileStamp &stamp) const;
    // The same, moved out of the cache: the entry is gone afterwards (the
    // loader takes 100,000 entries at once, and copying them cost more than the rest).
    std::optional<Revision> take(const QString &fileName, const FileStamp &stamp);
    // Records a parse; ignored when the file changed too recently to trust
    // its stamp (scanStartNs: wall-clock time taken before the file was
    // stat'ed; racyWindowNs: kRacyWindowNs, or kCoarseRacyWindowNs used instead
    // when the stamp has no fraction of a second).
    void insert(const QString &fileName, const FileStamp &stamp, const Revision &revision, qint64 scanStartNs,
                qint64 racyWindowNs = kRacyWindowNs);
    // Drops every entry whose file name is not in the list (deleted files).
    void retainOnly(const QStringList &fileNames);

    qsizetype size() const { return m_entries.size() - m_taken; }
    bool isModified() const { return m_modified; }
    // Writes atomically (a temporary file renamed over the old one), creating
    // .strata-cache/ with a .gitignore that keeps it out of version control.
    // Failure is not an error for the caller: the cache is only a shortcut.
    bool write(const QString &cachePath) const;

private:
    struct Entry {
        QString name;
        FileStamp stamp;
        Revision revision;
        bool taken = false;     // moved out by take(): as if gone
    };
    // The entry named fileName, taken or not, or -1.
    qsizetype locate(const QString &fileName) const;

    // In file-name order, as the loader lists the folder and asks: each
    // lookup starts where the last one ended, so 100,000 of them compare
    // names once each and hash none.
    QList<Entry> m_entries;
    qsizetype m_taken = 0;
    mutable qsizetype m_cursor = 0;
    bool m_modified = false;
};

} // namespace strata
