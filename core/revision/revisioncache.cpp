#include "core/revision/revisioncache.h"

#include "core/revision/cachefile.h"
#include "core/revision/revisioncodec.h"

#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace strata {

namespace {

constexpr quint32 kMagic = 0x53545243;      // "STRC"
constexpr qint32 kFormat = 4;      // bump when the layout below or in revisioncodec.cpp changes (2: normalised checksums; 3: new column types, generated constraint names; 4: serial columns)

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

std::optional<FileStamp> FileStamp::of(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    FileStamp s;
    s.size = st.st_size;
    s.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    s.ctimeNs = qint64(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
    s.inode = st.st_ino;
    s.device = st.st_dev;
    s.isRegularFile = S_ISREG(st.st_mode);
    return s;
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
    QHash<QString, Entry> decoded;
    decoded.reserve(count);
    for (qint32 i = 0; i < count && entries.ok(); ++i) {
        QString name;
        Entry entry;
        readStamp(entries >> name, entry.stamp);
        if (!decodeRevision(entries, entry.revision))
            return cache;
        decoded.emplace(std::move(name), std::move(entry));
    }
    if (!entries.ok() || !entries.atEnd() || decoded.size() != count)
        return cache;
    cache.m_entries = std::move(decoded);
    return cache;
}

std::optional<Revision> RevisionCache::find(const QString &fileName, const FileStamp &stamp) const
{
    const auto it = m_entries.constFind(fileName);
    if (it == m_entries.constEnd() || it->stamp != stamp)
        return std::nullopt;
    return it->revision;
}

std::optional<Revision> RevisionCache::take(const QString &fileName, const FileStamp &stamp)
{
    const auto it = m_entries.find(fileName);
    if (it == m_entries.end() || it->stamp != stamp)
        return std::nullopt;
    std::optional<Revision> revision(std::move(it->revision));
    m_entries.erase(it);
    return revision;
}

void RevisionCache::insert(const QString &fileName, const FileStamp &stamp, const Revision &revision,
                           qint64 scanStartNs, qint64 racyWindowNs)
{
    const bool racy = !cachefile::settled(stamp, scanStartNs, racyWindowNs);
    if (racy) {
        m_modified = m_entries.remove(fileName) || m_modified;
        return;
    }
    m_entries.insert(fileName, Entry{stamp, revision});
    m_modified = true;
}

void RevisionCache::retainOnly(const QStringList &fileNames)
{
    const QSet<QString> keep(fileNames.begin(), fileNames.end());
    m_modified = m_entries.removeIf([&](const auto &it) { return !keep.contains(it.key()); }) > 0 || m_modified;
}

bool RevisionCache::write(const QString &cachePath) const
{
    ByteWriter entries;
    entries << qint32(m_entries.size());
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        writeStamp(entries << it.key(), it->stamp);
        encodeRevision(entries, it->revision);
    }
    return cachefile::write(cachePath, kMagic, kFormat, entries.bytes());
}

} // namespace strata
