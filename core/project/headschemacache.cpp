#include "core/project/headschemacache.h"

#include "core/revision/cachefile.h"
#include "core/revision/revisioncodec.h"
#include "core/graph/revisiongraph.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

constexpr quint32 kMagic = 0x53545248;   // "STRH"
constexpr qint32 kFormat = 1;            // bump with the layout below (the schema's own layout follows the executable)

} // namespace

QString HeadSchemaCache::pathFor(const QString &projectDirectory)
{
    return cachefile::pathFor(projectDirectory, u"heads"_s);
}

QString HeadSchemaCache::keyOf(const RevisionGraph &graph, const QStringList &order)
{
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (const QString &id : order) {
        const Revision *revision = graph.find(id);
        if (!revision || revision->checksum.isEmpty())
            return {};
        digest.addData(QByteArrayView(reinterpret_cast<const char *>(id.constData()), id.size() * 2));
        digest.addData(QByteArrayView(reinterpret_cast<const char *>(revision->checksum.constData()),
                                      revision->checksum.size() * 2));
        digest.addData("\n");
    }
    return QString::fromLatin1(digest.result().toHex());
}

std::optional<Schema> HeadSchemaCache::read(const QString &key) const
{
    if (m_cachePath.isEmpty() || key.isEmpty())
        return std::nullopt;
    const std::optional<QByteArray> payload = cachefile::read(m_cachePath, kMagic, kFormat);
    if (!payload)
        return std::nullopt;
    ByteReader in(*payload);
    QString cachedKey;
    in >> cachedKey;
    if (!in.ok() || cachedKey != key)
        return std::nullopt;
    Schema schema;
    if (!decodeSchema(in, schema) || !in.atEnd())
        return std::nullopt;
    return schema;
}

void HeadSchemaCache::write(const QString &key, const Schema &schema) const
{
    if (m_cachePath.isEmpty() || key.isEmpty())
        return;
    ByteWriter out;
    out << key;
    encodeSchema(out, schema);
    cachefile::write(m_cachePath, kMagic, kFormat, out.bytes());
}

} // namespace strata
