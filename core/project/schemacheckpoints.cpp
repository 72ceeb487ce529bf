#include "core/project/schemacheckpoints.h"

#include "core/project/project.h"

#include <QMutexLocker>

namespace strata {

namespace {

// Two independent digests of an ordered list of ids, extended one id at a
// time: 128 bits, so two different prefixes of equal length never meet in practice.
struct PrefixDigest
{
    quint64 a = 0x243F6A8885A308D3ULL;
    quint64 b = 0x13198A2E03707344ULL;

    void add(const QString &id)
    {
        constexpr quint64 prime = 0x9E3779B97F4A7C15ULL;
        a = (a ^ quint64(qHash(id, size_t(0x5bd1e995)))) * prime;
        a ^= a >> 31;
        b = (b ^ quint64(qHash(id, size_t(0x27d4eb2f165667c5ULL)))) * 0xC2B2AE3D27D4EB4FULL;
        b ^= b >> 29;
    }
};

} // namespace

SchemaCheckpoints::SchemaCheckpoints(const Project &project, qsizetype interval)
    : m_project(project),
      m_interval(interval > 0 ? interval : std::max<qsizetype>(64, project.graph().size() / 32))
{
}

qsizetype SchemaCheckpoints::size() const
{
    const QMutexLocker lock(&m_mutex);
    return m_kept.size();
}

qsizetype SchemaCheckpoints::lastReplayedSteps() const
{
    const QMutexLocker lock(&m_mutex);
    return m_lastReplayed;
}

Result<Schema> SchemaCheckpoints::schemaAt(const QStringList &revisionIds)
{
    if (auto known = m_project.checkRevisionsKnown(revisionIds); !known)
        return std::unexpected(known.error());
    const RevisionGraph &graph = m_project.graph();
    const QStringList order = graph.topologicalOrder(graph.ancestorsOf(revisionIds));

    // The key of every interval-th prefix of this order.
    QList<Key> keys;
    keys.reserve(order.size() / m_interval + 1);
    PrefixDigest digest;
    for (qsizetype i = 0; i < order.size(); ++i) {
        digest.add(order.at(i));
        if ((i + 1) % m_interval == 0)
            keys << Key{i + 1, digest.a, digest.b};
    }

    Schema schema;
    QString untranslated;
    qsizetype from = 0;
    {
        const QMutexLocker lock(&m_mutex);
        for (qsizetype k = keys.size() - 1; k >= 0; --k) {
            if (const auto it = m_kept.constFind(keys.at(k)); it != m_kept.cend()) {
                schema = it->schema;
                untranslated = it->untranslated;
                from = keys.at(k).steps;
                break;
            }
        }
    }
    const qsizetype start = from;
    for (qsizetype k = from / m_interval; k < keys.size(); ++k) {
        const qsizetype to = keys.at(k).steps;
        if (auto replayed = m_project.replay(schema, order, from, to, untranslated); !replayed)
            return std::unexpected(replayed.error());
        keep(keys.at(k), schema, untranslated);
        from = to;
    }
    if (auto replayed = m_project.replay(schema, order, from, order.size(), untranslated); !replayed)
        return std::unexpected(replayed.error());
    const QMutexLocker lock(&m_mutex);
    m_lastReplayed = order.size() - start;
    return schema;
}

void SchemaCheckpoints::keep(const Key &key, const Schema &schema, const QString &untranslated)
{
    const QMutexLocker lock(&m_mutex);
    if (m_kept.contains(key))
        return;
    while (m_keptOrder.size() >= kMaxKept)
        m_kept.remove(m_keptOrder.takeFirst());
    m_kept.insert(key, Kept{schema, untranslated});
    m_keptOrder << key;
}

} // namespace strata
