#include "core/revision/cachefile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <chrono>
#include <cstring>

using namespace Qt::StringLiterals;

namespace strata::cachefile {

namespace {

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

// The running executable: its path names the cache file and its stamp is
// checked, so a rebuilt or upgraded program never reads what another build parsed.
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

QString pathFor(const QString &projectDirectory, const QString &kind)
{
    const auto &exe = executable();
    if (!exe)
        return {};
    const QByteArray tag = QCryptographicHash::hash(exe->path.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    return QDir(projectDirectory).filePath(u".strata-cache/%1-%2.bin"_s.arg(kind, QString::fromLatin1(tag)));
}

std::optional<QByteArray> read(const QString &path, quint32 magic, qint32 format)
{
    const auto &exe = executable();
    QFile file(path);
    if (!exe || path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream in(&file);
    in.setVersion(kStreamVersion);
    quint32 fileMagic = 0;
    qint32 fileFormat = 0;
    QString exePath;
    FileStamp exeStamp;
    QByteArray payload;
    quint64 sum = 0;
    in >> fileMagic >> fileFormat;
    if (fileMagic != magic || fileFormat != format)
        return std::nullopt;
    in >> exePath;
    readStamp(in, exeStamp) >> payload >> sum;
    if (in.status() != QDataStream::Ok || exePath != exe->path || exeStamp != exe->stamp || sum != digest(payload))
        return std::nullopt;
    return payload;
}

bool write(const QString &path, quint32 magic, qint32 format, const QByteArray &payload)
{
    const auto &exe = executable();
    if (!exe || path.isEmpty())
        return false;
    const QDir folder = QFileInfo(path).absoluteDir();
    if (!folder.exists()) {
        if (!folder.mkpath(u"."_s))
            return false;
        // As pytest and mypy do: the folder ignores itself, so nobody commits it.
        QSaveFile ignore(folder.filePath(u".gitignore"_s));
        const QByteArray text = "# Written by Strata: parsed project files, safe to delete.\n*\n";
        if (!QFileInfo::exists(ignore.fileName()) && ignore.open(QIODevice::WriteOnly)
            && ignore.write(text) == text.size() && ignore.flush())
            ignore.commit();
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QDataStream out(&file);
    out.setVersion(kStreamVersion);
    out << magic << format << exe->path;
    writeStamp(out, exe->stamp) << payload << digest(payload);
    return out.status() == QDataStream::Ok && file.flush() && file.commit();
}

bool settled(const FileStamp &stamp, qint64 scanStartNs, qint64 racyWindowNs)
{
    constexpr qint64 second = 1'000'000'000;
    const bool wholeSeconds = stamp.mtimeNs % second == 0 && stamp.ctimeNs % second == 0;
    if (wholeSeconds && racyWindowNs == RevisionCache::kRacyWindowNs)
        racyWindowNs = RevisionCache::kCoarseRacyWindowNs;
    return std::max(stamp.mtimeNs, stamp.ctimeNs) <= scanStartNs - racyWindowNs;
}

qint64 wallClockNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace strata::cachefile
