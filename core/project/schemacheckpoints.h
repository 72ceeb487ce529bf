#pragma once

#include "core/schema/schema.h"

#include <QList>
#include <QMutex>

#include <memory>
#include <vector>

namespace strata {

class Project;

// Project::schemaAt() for a long history asked again and again (the studio's
// preview of each selected revision, its lint): replayed schemas are kept so
// a later request replays only from the nearest kept one.
//
// Two kinds are kept. Every interval-th step of a replay (at most kMaxKept),
// so any request replays at most `interval` steps; and, near the end of each
// request, the schemas 1, 2, 4 ... 256 steps before it and the result itself
// (the newest kMaxRecent), so the revisions next to the last one asked for
// (the one below, a click further down) replay a handful of steps or none.
//
// Exact for any graph: a replay applies the ancestors of the requested
// revisions in graph order, and a kept schema is reused only when the first
// k revisions of that order are the very ones it was replayed from (its key
// is k and two 64-bit digests of those k ids). On a linear history every
// request shares the same prefixes; branches and merges get their own.
// Thread-safe: requests from several threads are answered one at a time, so
// a second request waits for the first one's replay and starts where it
// ended instead of replaying the same steps beside it. The project must
// outlive this object and not change under it (a reloaded project gets new
// checkpoints).
class SchemaCheckpoints
{
public:
    // interval 0: one kept schema per 1/32 of the history, at least every
    // 64 steps, so memory stays a small multiple of one schema.
    explicit SchemaCheckpoints(const Project &project, qsizetype interval = 0);
    ~SchemaCheckpoints();

    // The same result (schema or error) as project.schemaAt(revisionIds).
    Result<Schema> schemaAt(const QStringList &revisionIds);

    qsizetype interval() const { return m_interval; }
    // Schemas kept at every interval-th step (the recent ones are not counted).
    qsizetype size() const;
    // Steps the last schemaAt() replayed (the tests check that a kept schema was used).
    qsizetype lastReplayedSteps() const;

    // Kept schemas at most; past it the oldest kept is dropped first.
    static constexpr qsizetype kMaxKept = 96;
    // Schemas kept near the end of recent requests, at most.
    static constexpr qsizetype kMaxRecent = 24;

    struct Key
    {
        qsizetype steps = 0;
        quint64 a = 0;
        quint64 b = 0;
        friend bool operator==(const Key &, const Key &) = default;
    };

private:
    struct Kept
    {
        Key key;
        Schema schema;
        QString untranslated;
    };
    struct GraphIndex;

    const GraphIndex &graphIndex();
    void keep(QList<Kept> &kept, qsizetype limit, const Key &key, const Schema &schema, const QString &untranslated);

    const Project &m_project;
    qsizetype m_interval = 0;
    QMutex m_replay;              // one request at a time
    mutable QMutex m_mutex;       // the members below
    std::unique_ptr<GraphIndex> m_index;   // built by the first request
    QList<Kept> m_kept;           // every interval-th step, oldest kept first
    QList<Kept> m_recent;         // near recent requests, oldest kept first
    qsizetype m_lastReplayed = 0;
};

} // namespace strata
