#include "core/project/modelscache.h"

#include "core/project/models.h"
#include "core/project/project.h"
#include "core/revision/cachefile.h"
#include "core/revision/revisioncodec.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

constexpr quint32 kMagic = 0x5354524D;   // "STRM"
constexpr qint32 kFormat = 1;            // bump with the layout below (the schema's own layout follows the executable)

void writeStamp(ByteWriter &out, const FileStamp &s)
{
    out << s.size << s.mtimeNs << s.ctimeNs << s.inode << s.device << s.isRegularFile;
}

void readStamp(ByteReader &in, FileStamp &s)
{
    in >> s.size >> s.mtimeNs >> s.ctimeNs >> s.inode >> s.device >> s.isRegularFile;
}

std::optional<Schema> cached(const QString &cachePath, const QString &modelsPath, const FileStamp &stamp)
{
    const std::optional<QByteArray> payload = cachefile::read(cachePath, kMagic, kFormat);
    if (!payload)
        return std::nullopt;
    ByteReader in(*payload);
    QString path;
    FileStamp cachedStamp;
    in >> path;
    readStamp(in, cachedStamp);
    if (!in.ok() || path != modelsPath || cachedStamp != stamp)
        return std::nullopt;
    Schema schema;
    if (!decodeSchema(in, schema) || !in.atEnd())
        return std::nullopt;
    return schema;
}

} // namespace

QString ModelsCache::pathFor(const QString &projectDirectory)
{
    return cachefile::pathFor(projectDirectory, u"models"_s);
}

ModelsCache::ModelsCache(QString cachePath)
    : m_cachePath(std::move(cachePath)), m_racyWindowNs(RevisionCache::kRacyWindowNs)
{
}

Result<Schema> ModelsCache::read(const QString &modelsPath)
{
    m_lastCached = false;
    if (m_cachePath.isEmpty())
        return readModels(modelsPath);
    // Taken before the file is stat'ed, the stamp taken before it is read: a
    // write in between leaves a stamp older than the content, which the next
    // run sees as a change, never the reverse.
    const qint64 scanStart = cachefile::wallClockNs();
    const QString path = QFileInfo(modelsPath).absoluteFilePath();
    const std::optional<FileStamp> stamp = FileStamp::of(path);
    if (!stamp || !stamp->isRegularFile)
        return readModels(modelsPath);
    if (std::optional<Schema> hit = cached(m_cachePath, path, *stamp)) {
        m_lastCached = true;
        return std::move(*hit);
    }
    Result<Schema> parsed = readModels(modelsPath);
    if (parsed && cachefile::settled(*stamp, scanStart, m_racyWindowNs)) {
        ByteWriter out;
        out << path;
        writeStamp(out, *stamp);
        encodeSchema(out, *parsed);
        // Failure to write is no error: the cache is only a shortcut.
        cachefile::write(m_cachePath, kMagic, kFormat, out.bytes());
    }
    return parsed;
}

Result<Schema> readProjectModels(const Project &project)
{
    const QString cachePath = RevisionCache::disabled() ? QString() : ModelsCache::pathFor(project.directory().path());
    return ModelsCache(cachePath).read(project.modelsPath());
}

} // namespace strata
