#pragma once

#include "core/schema/schema.h"

#include <QHash>
#include <QMutex>

namespace strata {

class Project;

// Project::schemaAt() for a long history asked again and again (the studio's
// preview of each selected revision): the schema replayed at every
// interval-th step of a replay is kept, so a later request replays only
// from the nearest kept schema, at most `interval` steps.
//
// Exact for any graph: a replay applies the ancestors of the requested
// revisions in graph order, and a kept schema is reused only when the first
// k revisions of that order are the very ones it was replayed from (its key
// is k and two 64-bit digests of those k ids). On a linear history every
// request shares the same prefixes; branches and merges get their own.
// Thread-safe: requests may run on several pool threads at once. The
// project must outlive this object and not change under it (a reloaded
// project gets new checkpoints).
class SchemaCheckpoints
{
public:
    // interval 0: one kept schema per 1/32 of the history, at least every
    // 64 steps, so memory stays a small multiple of one schema.
    explicit SchemaCheckpoints(const Project &project, qsizetype interval = 0);

    // The same result (schema or error) as project.schemaAt(revisionIds).
    Result<Schema> schemaAt(const QStringList &revisionIds);

    qsizetype interval() const { return m_interval; }
    qsizetype size() const;
    // Steps the last schemaAt() replayed (the tests check that a kept schema was used).
    qsizetype lastReplayedSteps() const;

    // Kept schemas at most; past it the oldest kept is dropped first.
    static constexpr qsizetype kMaxKept = 96;

private:
    struct Key
    {
        qsizetype steps = 0;
        quint64 a = 0;
        quint64 b = 0;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0) noexcept { return size_t(key.a) ^ seed; }
    };
    struct Kept
    {
        Schema schema;
        QString untranslated;
    };

    void keep(const Key &key, const Schema &schema, const QString &untranslated);

    const Project &m_project;
    qsizetype m_interval = 0;
    mutable QMutex m_mutex;
    QHash<Key, Kept> m_kept;
    QList<Key> m_keptOrder;   // oldest first
    qsizetype m_lastReplayed = 0;
};

} // namespace strata
