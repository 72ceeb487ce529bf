#include "core/revision/revisioncache.h"

#include "core/revision/revisioncodec.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace strata {

namespace {

constexpr quint32 kMagic = 0x53545243;      // "STRC"
constexpr qint32 kFormat = 4;      // bump when the layout below or in revisioncodec.cpp changes (2: normalised checksums; 3: new column types, generated constraint names; 4: serial columns)
constexpr auto kStreamVersion = QDataStream::Qt_6_4;

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

// The running executable: its path names the cache file (the CLI and the
// studio keep one each) and its stamp is checked, so a rebuilt or upgraded
// program never reads what another build parsed.
struct Executable
{
    QString path;
    FileStamp stamp;
};

std::optional<Executable> runningExecutable()
{
    QString path = QFileInfo(u"/proc/self/exe"_s).symLinkTarget();
    if (path.isEmpty() && QCoreApplication::instance())
        path = QCoreApplication::applicationFilePath();
    if (path.isEmpty())
        return std::nullopt;
    const auto stamp = FileStamp::of(path);
    if (!stamp)
        return std::nullopt;
    return Executable{path, *stamp};
}

const std::optional<Executable> &executable()
{
    static const std::optional<Executable> exe = runningExecutable();
    return exe;
}

// Catches a damaged file (a torn write is already ruled out by the atomic
// rename). Word by word, multiply and fold: a few instructions per 8 bytes,
// and, unlike qHashBits, the same in every process.
quint64 digest(const QByteArray &payload)
{
    constexpr quint64 prime = 0x9E3779B97F4A7C15ULL;
    quint64 h = quint64(payload.size()) * prime;
    const char *p = payload.constData();
    const qsizetype words = payload.size() / 8;
    for (qsizetype i = 0; i < words; ++i) {
        quint64 w;
        std::memcpy(&w, p + i * 8, 8);
        h = (h ^ w) * prime;
        h ^= h >> 29;
    }
    for (qsizetype i = words * 8; i < payload.size(); ++i)
        h = (h ^ quint8(p[i])) * prime;
    return h ^ (h >> 32);
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
    const auto &exe = executable();
    if (!exe)
        return {};
    const QByteArray tag = QCryptographicHash::hash(exe->path.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    return QDir(projectDirectory).filePath(u".strata-cache/revisions-%1.bin"_s.arg(QString::fromLatin1(tag)));
}

bool RevisionCache::disabled()
{
    const QString value = qEnvironmentVariable("STRATA_NO_CACHE");
    return !value.isEmpty() && value != u"0"_s;
}

RevisionCache RevisionCache::read(const QString &cachePath)
{
    RevisionCache cache;
    const auto &exe = executable();
    QFile file(cachePath);
    if (!exe || cachePath.isEmpty() || !file.open(QIODevice::ReadOnly))
        return cache;
    QDataStream in(&file);
    in.setVersion(kStreamVersion);
    quint32 magic = 0;
    qint32 format = 0;
    QString exePath;
    FileStamp exeStamp;
    QByteArray payload;
    quint64 sum = 0;
    in >> magic >> format;
    if (magic != kMagic || format != kFormat)
        return cache;
    in >> exePath;
    readStamp(in, exeStamp) >> payload >> sum;
    if (in.status() != QDataStream::Ok || exePath != exe->path || exeStamp != exe->stamp || sum != digest(payload))
        return cache;

    ByteReader entries(payload);
    qint32 count = 0;
    entries >> count;
    if (count < 0 || count > payload.size())
        return cache;
    QHash<QString, Entry> decoded;
    decoded.reserve(count);
    for (qint32 i = 0; i < count && entries.ok(); ++i) {
        QString name;
        Entry entry;
        readStamp(entries >> name, entry.stamp);
        if (!decodeRevision(entries, entry.revision))
            return cache;
        decoded.insert(name, std::move(entry));
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

void RevisionCache::insert(const QString &fileName, const FileStamp &stamp, const Revision &revision,
                           qint64 scanStartNs, qint64 racyWindowNs)
{
    constexpr qint64 second = 1'000'000'000;
    const bool wholeSeconds = stamp.mtimeNs % second == 0 && stamp.ctimeNs % second == 0;
    if (wholeSeconds && racyWindowNs == kRacyWindowNs)
        racyWindowNs = kCoarseRacyWindowNs;
    const bool racy = std::max(stamp.mtimeNs, stamp.ctimeNs) > scanStartNs - racyWindowNs;
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
    const auto &exe = executable();
    if (!exe || cachePath.isEmpty())
        return false;
    const QDir folder = QFileInfo(cachePath).absoluteDir();
    if (!folder.exists()) {
        if (!folder.mkpath(u"."_s))
            return false;
        // As pytest and mypy do: the folder ignores itself, so nobody commits it.
        QSaveFile ignore(folder.filePath(u".gitignore"_s));
        const QByteArray text = "# Written by Strata: parsed revision files, safe to delete.\n*\n";
        if (!QFileInfo::exists(ignore.fileName()) && ignore.open(QIODevice::WriteOnly)
            && ignore.write(text) == text.size() && ignore.flush())
            ignore.commit();
    }

    ByteWriter entries;
    entries << qint32(m_entries.size());
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        writeStamp(entries << it.key(), it->stamp);
        encodeRevision(entries, it->revision);
    }
    const QByteArray payload = entries.bytes();
    QSaveFile file(cachePath);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QDataStream out(&file);
    out.setVersion(kStreamVersion);
    out << kMagic << kFormat << exe->path;
    writeStamp(out, exe->stamp) << payload << digest(payload);
    return out.status() == QDataStream::Ok && file.flush() && file.commit();
}

} // namespace strata
