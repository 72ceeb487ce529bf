#include "core/revision/revisioncache.h"

#include "core/revision/cachefile.h"
#include "core/revision/revisioncodec.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace strata {

namespace {

constexpr quint32 kMagic = 0x53545243;      // "STRC"
constexpr qint32 kFormat = 5;      // bump when the layout below or in revisioncodec.cpp changes (2: normalised checksums; 3: new column types, generated constraint names; 4: serial columns; 5: entries in name order)

template <typename Stream>
Stream &writeStamp(Stream &out, const FileStamp &s)
{
    return out << s.size << s.mtimeNs << s.ctimeNs << s.inode << s.device << s.isRegularFile;
}

template <typename Stream>
Stream &readStamp(Stream &in, FileStamp &s)
{
    return in >> s.size >> s.mtimeNs >> s.ctimeNs >> s.inode >> s.device >> s.isRegularFile;
}

} // namespace

#ifdef Q_OS_UNIX
namespace {

FileStamp stampOf(const struct stat &st)
{
    FileStamp s;
    s.size = st.st_size;
    s.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    s.ctimeNs = qint64(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
    s.inode = st.st_ino;
    s.device = st.st_dev;
    s.isRegularFile = S_ISREG(st.st_mode);
    return s;
}

} // namespace

std::optional<FileStamp> FileStamp::at(int folderFd, const char *name)
{
    struct stat st = {};
    if (::fstatat(folderFd, name, &st, 0) != 0)
        return std::nullopt;
    return stampOf(st);
}
#endif

std::optional<FileStamp> FileStamp::of(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return stampOf(st);
#else
    const QFileInfo info(path);
    if (!info.exists())
        return std::nullopt;
    FileStamp s;
    s.size = info.size();
    s.mtimeNs = info.lastModified().toMSecsSinceEpoch() * 1'000'000;
    s.ctimeNs = info.metadataChangeTime().toMSecsSinceEpoch() * 1'000'000;
    s.isRegularFile = info.isFile();
    return s;
#endif
}

QString RevisionCache::pathFor(const QString &projectDirectory)
{
    return cachefile::pathFor(projectDirectory, u"revisions"_s);
}

bool RevisionCache::disabled()
{
    const QString value = qEnvironmentVariable("STRATA_NO_CACHE");
    return !value.isEmpty() && value != u"0"_s;
}

RevisionCache RevisionCache::read(const QString &cachePath)
{
    RevisionCache cache;
    const std::optional<QByteArray> payload = cachefile::read(cachePath, kMagic, kFormat);
    if (!payload)
        return cache;
    ByteReader entries(*payload);
    qint32 count = 0;
    entries >> count;
    if (count < 0 || count > payload->size())
        return cache;
    QList<Entry> decoded;
    decoded.reserve(count);
    for (qint32 i = 0; i < count && entries.ok(); ++i) {
        Entry &entry = decoded.emplaceBack();
        readStamp(entries >> entry.name, entry.stamp);
        if (!decodeRevision(entries, entry.revision))
            return cache;
    }
    if (!entries.ok() || !entries.atEnd() || decoded.size() != count)
        return cache;
    // write() keeps names in order and unique; a file that breaks that is not ours.
    const auto notBefore = [](const Entry &a, const Entry &b) { return !(a.name < b.name); };
    if (std::adjacent_find(decoded.cbegin(), decoded.cend(), notBefore) != decoded.cend())
        return cache;
    cache.m_entries = std::move(decoded);
    return cache;
}

qsizetype RevisionCache::locate(const QString &fileName) const
{
    if (m_cursor < m_entries.size() && m_entries[m_cursor].name == fileName)
        return m_cursor++;
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), fileName,
                                     [](const Entry &entry, const QString &name) { return entry.name < name; });
    if (it == m_entries.cend() || it->name != fileName)
        return -1;
    m_cursor = (it - m_entries.cbegin()) + 1;
    return m_cursor - 1;
}

std::optional<Revision> RevisionCache::find(const QString &fileName, const FileStamp &stamp) const
{
    const qsizetype at = locate(fileName);
    if (at < 0 || m_entries[at].taken || m_entries[at].stamp != stamp)
        return std::nullopt;
    return m_entries[at].revision;
}

std::optional<Revision> RevisionCache::take(const QString &fileName, const FileStamp &stamp)
{
    const qsizetype at = locate(fileName);
    if (at < 0 || m_entries[at].taken || m_entries[at].stamp != stamp)
        return std::nullopt;
    Entry &entry = m_entries[at];
    entry.taken = true;
    ++m_taken;
    return std::optional<Revision>(std::move(entry.revision));
}

void RevisionCache::insert(const QString &fileName, const FileStamp &stamp, const Revision &revision,
                           qint64 scanStartNs, qint64 racyWindowNs)
{
    const qsizetype at = locate(fileName);
    const bool racy = !cachefile::settled(stamp, scanStartNs, racyWindowNs);
    if (racy) {
        if (at >= 0 && !m_entries[at].taken) {
            m_entries.removeAt(at);
            m_cursor = at;
            m_modified = true;
        }
        return;
    }
    m_modified = true;
    if (at >= 0) {
        Entry &entry = m_entries[at];
        m_taken -= entry.taken ? 1 : 0;
        entry = Entry{fileName, stamp, revision, false};
        return;
    }
    // Names given in order (as the loader does) are appended.
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), fileName,
                                     [](const Entry &entry, const QString &name) { return entry.name < name; });
    const qsizetype place = it - m_entries.cbegin();
    m_entries.insert(place, Entry{fileName, stamp, revision, false});
    m_cursor = place + 1;
}

void RevisionCache::retainOnly(const QStringList &fileNames)
{
    const QSet<QString> keep(fileNames.begin(), fileNames.end());
    qsizetype dropped = 0;
    m_entries.removeIf([&](const Entry &entry) {
        if (keep.contains(entry.name))
            return false;
        if (entry.taken)
            --m_taken;
        else
            ++dropped;
        return true;
    });
    m_cursor = 0;
    m_modified = dropped > 0 || m_modified;
}

bool RevisionCache::write(const QString &cachePath) const
{
    ByteWriter entries;
    entries << qint32(size());
    for (const Entry &entry : m_entries) {
        if (entry.taken)
            continue;
        writeStamp(entries << entry.name, entry.stamp);
        encodeRevision(entries, entry.revision);
    }
    return cachefile::write(cachePath, kMagic, kFormat, entries.bytes());
}

} // namespace strata
