#include "core/project/schemacheckpoints.h"

#include "core/project/project.h"

#include <QMutexLocker>

#include <algorithm>
#include <utility>

namespace strata {

// Per revision, by its position in the graph order: the positions of its
// parents and dependencies, and the two hashes of its id the digests use.
// Built once, so a request walks integers instead of hashing 100,000 ids.
struct SchemaCheckpoints::GraphIndex
{
    std::vector<std::vector<qint32>> below;
    std::vector<quint64> hashA;
    std::vector<quint64> hashB;
};

namespace {

// Two independent digests of an ordered list of ids, extended one id at a
// time: 128 bits, so two different prefixes of equal length never meet in practice.
struct PrefixDigest
{
    quint64 a = 0x243F6A8885A308D3ULL;
    quint64 b = 0x13198A2E03707344ULL;

    void add(quint64 hashA, quint64 hashB)
    {
        constexpr quint64 prime = 0x9E3779B97F4A7C15ULL;
        a = (a ^ hashA) * prime;
        a ^= a >> 31;
        b = (b ^ hashB) * 0xC2B2AE3D27D4EB4FULL;
        b ^= b >> 29;
    }
};

// How far before the end of a request recent schemas are kept: the revision
// below the one asked for, and a few further down, each a replay away from
// none. 256 reaches below the studio's lint window (the newest 200), so lint
// after a preview of the head, or a preview after that lint, replays tens of
// steps, not an interval.
constexpr qsizetype kRecentDistances[] = {256, 128, 64, 32, 16, 8, 4, 2, 1, 0};

} // namespace

SchemaCheckpoints::SchemaCheckpoints(const Project &project, qsizetype interval)
    : m_project(project),
      m_interval(interval > 0 ? interval : std::max<qsizetype>(64, project.graph().size() / 32))
{
}

SchemaCheckpoints::~SchemaCheckpoints() = default;

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

const SchemaCheckpoints::GraphIndex &SchemaCheckpoints::graphIndex()
{
    if (m_index)
        return *m_index;
    const RevisionGraph &graph = m_project.graph();
    const QList<Revision> &revisions = graph.revisions();
    auto index = std::make_unique<GraphIndex>();
    const auto count = size_t(revisions.size());
    index->below.resize(count);
    index->hashA.resize(count);
    index->hashB.resize(count);
    for (size_t i = 0; i < count; ++i) {
        const Revision &r = revisions.at(qsizetype(i));
        for (const QStringList *next : {&r.downRevisions, &r.dependsOn}) {
            for (const QString &id : *next) {
                if (const Revision *parent = graph.find(id))
                    index->below[i].push_back(qint32(parent - revisions.constData()));
            }
        }
        index->hashA[i] = quint64(qHash(r.id, size_t(0x5bd1e995)));
        index->hashB[i] = quint64(qHash(r.id, size_t(0x27d4eb2f165667c5ULL)));
    }
    const QMutexLocker lock(&m_mutex);
    m_index = std::move(index);
    return *m_index;
}

Result<Schema> SchemaCheckpoints::schemaAt(const QStringList &revisionIds)
{
    if (auto known = m_project.checkRevisionsKnown(revisionIds); !known)
        return std::unexpected(known.error());
    const QMutexLocker serial(&m_replay);
    const GraphIndex &index = graphIndex();
    const QList<Revision> &revisions = m_project.graph().revisions();

    // graph.topologicalOrder(graph.ancestorsOf(ids)), by positions: the graph
    // order is parents first, so the marked positions in order are that order.
    std::vector<char> marked(revisions.size(), 0);
    std::vector<qint32> stack;
    for (const QString &id : revisionIds) {
        const auto at = qint32(m_project.graph().find(id) - revisions.constData());
        if (!std::exchange(marked[size_t(at)], 1))
            stack.push_back(at);
    }
    while (!stack.empty()) {
        const qint32 at = stack.back();
        stack.pop_back();
        for (const qint32 parent : index.below[size_t(at)]) {
            if (!std::exchange(marked[size_t(parent)], 1))
                stack.push_back(parent);
        }
    }
    std::vector<qint32> order;
    for (size_t i = 0; i < marked.size(); ++i) {
        if (marked[i])
            order.push_back(qint32(i));
    }

    // The key of every prefix of this order: keys[k] names its first k revisions.
    const auto steps = qsizetype(order.size());
    std::vector<Key> keys(size_t(steps) + 1);
    PrefixDigest digest;
    keys[0] = Key{0, digest.a, digest.b};
    for (qsizetype i = 0; i < steps; ++i) {
        digest.add(index.hashA[size_t(order[size_t(i)])], index.hashB[size_t(order[size_t(i)])]);
        keys[size_t(i) + 1] = Key{i + 1, digest.a, digest.b};
    }

    // The longest kept prefix of this order.
    Schema schema;
    QString untranslated;
    qsizetype from = 0;
    {
        const QMutexLocker lock(&m_mutex);
        for (const QList<Kept> *list : {&m_kept, &m_recent}) {
            for (const Kept &kept : *list) {
                if (kept.key.steps > from && kept.key.steps <= steps && keys[size_t(kept.key.steps)] == kept.key) {
                    schema = kept.schema;
                    untranslated = kept.untranslated;
                    from = kept.key.steps;
                }
            }
        }
    }
    const qsizetype start = from;

    // Replay the rest, stopping where a schema is to be kept.
    QList<qsizetype> stops;
    for (qsizetype k = (from / m_interval + 1) * m_interval; k <= steps; k += m_interval)
        stops << k;
    for (const qsizetype distance : kRecentDistances) {
        if (steps - distance > from)
            stops << steps - distance;
    }
    std::sort(stops.begin(), stops.end());
    stops.erase(std::unique(stops.begin(), stops.end()), stops.end());
    if (stops.isEmpty() || stops.last() != steps)
        stops << steps;
    QStringList ids;
    ids.reserve(steps - from);
    for (qsizetype i = from; i < steps; ++i)
        ids << revisions.at(order[size_t(i)]).id;
    for (const qsizetype to : std::as_const(stops)) {
        if (auto replayed = m_project.replay(schema, ids, from - start, to - start, untranslated); !replayed)
            return std::unexpected(replayed.error());
        from = to;
        if (to == 0)
            continue;
        if (to % m_interval == 0)
            keep(m_kept, kMaxKept, keys[size_t(to)], schema, untranslated);
        if (to >= steps - kRecentDistances[0])
            keep(m_recent, kMaxRecent, keys[size_t(to)], schema, untranslated);
    }
    const QMutexLocker lock(&m_mutex);
    m_lastReplayed = steps - start;
    return schema;
}

void SchemaCheckpoints::keep(QList<Kept> &kept, qsizetype limit, const Key &key, const Schema &schema,
                             const QString &untranslated)
{
    const QMutexLocker lock(&m_mutex);
    // Kept already: it moves to the newest end, the last to be dropped.
    const auto same = std::ranges::find_if(kept, [&key](const Kept &k) { return k.key == key; });
    if (same != kept.end()) {
        kept.move(std::distance(kept.begin(), same), kept.size() - 1);
        return;
    }
    while (kept.size() >= limit)
        kept.removeFirst();
    kept << Kept{key, schema, untranslated};
}

} // namespace strata
