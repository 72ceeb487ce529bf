#include "revisiongraph.h"

#include <algorithm>
#include <limits>
#include <queue>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// The place to send a person for a revision: its file, or its id when it has none.
QString sourceOf(const Revision &r)
{
    return r.filePath.isEmpty() ? u"revision "_s + r.id : r.filePath;
}

// "file:line" when the line is known, for the key an error is about.
QString sourceOf(const Revision &r, int line)
{
    return r.filePath.isEmpty() || line <= 0 ? sourceOf(r) : u"%1:%2"_s.arg(r.filePath).arg(line);
}

QStringList predecessorsOf(const Revision &r)
{
    // The common case, without a new list (build() asks this of every revision).
    if (r.dependsOn.isEmpty() && r.downRevisions.size() <= 1)
        return r.downRevisions;
    QStringList ids = r.downRevisions + r.dependsOn;
    ids.removeDuplicates();
    return ids;
}

QString listOrNone(const QStringList &ids)
{
    return ids.isEmpty() ? u"(none)"_s : ids.join(u", "_s);
}

QStringList sorted(QStringList ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

// A down_revision or depends_on id that no revision has (the first one, in file order).
Error missingReference(const Revision &r, const QString &id)
{
    const bool parent = r.downRevisions.contains(id);
    const QString key = parent ? u"down_revision"_s : u"depends_on"_s;
    return Error::make(Error::Code::Graph,
                       u"revision %1 names %2 '%3', but no revision has that id"_s.arg(r.id, key, id),
                       sourceOf(r, parent ? r.downRevisionLine : r.dependsOnLine),
                       u"check '%1' for a typo, or restore the missing revision file in versions/"_s.arg(id));
}

Result<QHash<QString, QString>> collectLabels(const QList<Revision> &revisions,
                                              const QHash<QString, qsizetype> &positions)
{
    QHash<QString, QString> labels;
    for (const Revision &r : revisions) {
        for (const QString &label : r.branchLabels) {
            if (const auto other = labels.constFind(label); other != labels.constEnd())
                return fail(Error::Code::Graph,
                            u"branch label '%1' is used by both %2 and %3"_s.arg(label, *other, r.id),
                            sourceOf(r), u"a label names one branch; rename one of them"_s);
            if (positions.contains(label) && label != r.id)
                return fail(Error::Code::Graph,
                            u"branch label '%1' is also the id of another revision"_s.arg(label), sourceOf(r),
                            u"pick a label that no revision uses as its id"_s);
            labels.insert(label, r.id);
        }
    }
    return labels;
}

// Walks from a revision left over by Kahn's algorithm through predecessors
// that are left over too; every one has such a predecessor, so the walk loops.
Error cycleError(const QList<Revision> &revisions, const QHash<QString, qsizetype> &positions,
                 const QList<int> &pending)
{
    QString start;
    for (qsizetype i = 0; i < revisions.size(); ++i) {
        if (pending[i] > 0 && (start.isEmpty() || revisions[i].id < start))
            start = revisions[i].id;
    }
    QStringList path;
    QHash<QString, qsizetype> seenAt;
    QString current = start;
    while (!seenAt.contains(current)) {
        seenAt.insert(current, path.size());
        path << current;
        const Revision &r = revisions[positions.value(current)];
        for (const QString &p : predecessorsOf(r)) {
            if (pending[positions.value(p)] > 0) {
                current = p;
                break;
            }
        }
    }
    QStringList cycle = path.mid(seenAt.value(current));
    cycle << current;
    return Error::make(Error::Code::Graph,
                       u"the revisions form a cycle: %1"_s.arg(cycle.join(u" -> "_s)),
                       sourceOf(revisions[positions.value(start)], revisions[positions.value(start)].downRevisionLine),
                       u"each arrow goes from a revision to its down_revision or depends_on; "
                       "remove one of these links"_s);
}

} // namespace

Result<RevisionGraph> RevisionGraph::build(QList<Revision> revisions)
{
    QHash<QString, qsizetype> positions;
    positions.reserve(revisions.size());
    for (qsizetype i = 0; i < revisions.size(); ++i) {
        const Revision &r = revisions[i];
        // One hash of the id: a table that did not grow already had it (the
        // earlier file is then found by a scan, on this error path only).
        const qsizetype before = positions.size();
        positions.insert(r.id, i);
        if (positions.size() == before) {
            const auto other = std::find_if(revisions.cbegin(), revisions.cbegin() + i,
                                            [&](const Revision &o) { return o.id == r.id; });
            return fail(Error::Code::Graph,
                        u"revision id '%1' is used by two files: %2 and %3"_s.arg(
                            r.id, sourceOf(*other), sourceOf(r)),
                        sourceOf(r, r.idLine),
                        u"give one of them a new id (and update the down_revision of revisions that "
                        "follow it)"_s);
        }
    }
    // Each revision's predecessors looked up once (a missing one is the
    // error), as (predecessor, revision) pairs counted into one flat list of
    // successors: no list per revision.
    const qsizetype n = revisions.size();
    QList<int> pending(n, 0);
    QList<std::pair<qsizetype, qsizetype>> links;
    links.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        for (const QString &p : predecessorsOf(revisions[i])) {
            const auto found = positions.constFind(p);
            if (found == positions.constEnd())
                return std::unexpected(missingReference(revisions[i], p));
            links.append({*found, i});
            ++pending[i];
        }
    }
    auto labels = collectLabels(revisions, positions);
    if (!labels)
        return std::unexpected(labels.error());
    QList<qsizetype> successorStart(n + 1, 0);
    for (const auto &[from, to] : std::as_const(links))
        ++successorStart[from + 1];
    for (qsizetype i = 0; i < n; ++i)
        successorStart[i + 1] += successorStart[i];
    QList<qsizetype> successors(links.size());
    QList<qsizetype> nextSlot = successorStart;
    for (const auto &[from, to] : std::as_const(links))
        successors[nextSlot[from]++] = to;

    // Kahn's algorithm; among the revisions ready at once, the oldest goes
    // first, then the smallest id, so the order is the same on every machine.
    QList<qint64> times(n);
    for (qsizetype i = 0; i < n; ++i) {
        const QDateTime &created = revisions[i].created;
        times[i] = created.isValid() ? created.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    }
    const auto later = [&](qsizetype a, qsizetype b) {
        if (times[a] != times[b])
            return times[a] > times[b];
        return revisions[a].id > revisions[b].id;
    };
    std::priority_queue<qsizetype, std::vector<qsizetype>, decltype(later)> ready(later);
    for (qsizetype i = 0; i < n; ++i) {
        if (pending[i] == 0)
            ready.push(i);
    }
    QList<qsizetype> order;
    order.reserve(n);
    while (!ready.empty()) {
        const qsizetype i = ready.top();
        ready.pop();
        order << i;
        for (qsizetype k = successorStart[i]; k < successorStart[i + 1]; ++k) {
            if (--pending[successors[k]] == 0)
                ready.push(successors[k]);
        }
    }
    if (order.size() < n)
        return std::unexpected(cycleError(revisions, positions, pending));

    RevisionGraph graph;
    // Revision files are named after their ids, so the listing's order is
    // usually the ids' order already: then 100,000 ids are not sorted again.
    graph.m_sortedIds.reserve(n);
    for (const Revision &r : std::as_const(revisions))
        graph.m_sortedIds << r.id;
    if (!std::is_sorted(graph.m_sortedIds.cbegin(), graph.m_sortedIds.cend()))
        std::sort(graph.m_sortedIds.begin(), graph.m_sortedIds.end());
    graph.m_revisions.reserve(n);
    QList<qsizetype> placeOf(n);
    for (qsizetype at = 0; at < n; ++at) {
        placeOf[order[at]] = at;
        graph.m_revisions << std::move(revisions[order[at]]);
    }
    // The id -> position table, moved to the new positions without hashing
    // 100,000 ids a second time.
    for (auto it = positions.begin(); it != positions.end(); ++it)
        it.value() = placeOf[it.value()];
    graph.m_index = std::move(positions);
    graph.m_labels = std::move(*labels);
    graph.index();
    return graph;
}

RevisionGraph::Edges RevisionGraph::collectEdges(const QList<Revision> &revisions,
                                                 const QHash<QString, qsizetype> &index,
                                                 QStringList Revision::*targets)
{
    // (target, source) pairs in source order, then counted into place: the
    // sources of each target stay in graph order. build() checked every id.
    // In graph order a parent is most often the revision just before its
    // child (always, in a linear history): one compare instead of a hash.
    QList<std::pair<qsizetype, qsizetype>> pairs;
    for (qsizetype i = 0; i < revisions.size(); ++i) {
        for (const QString &id : revisions[i].*targets)
            pairs.append({i > 0 && revisions[i - 1].id == id ? i - 1 : index.value(id), i});
    }
    Edges edges;
    if (pairs.isEmpty())
        return edges;
    edges.start.fill(0, revisions.size() + 1);
    for (const auto &[target, source] : std::as_const(pairs))
        ++edges.start[target + 1];
    for (qsizetype i = 0; i < revisions.size(); ++i)
        edges.start[i + 1] += edges.start[i];
    QList<qsizetype> next = edges.start;
    edges.list.resize(pairs.size());
    for (const auto &[target, source] : std::as_const(pairs))
        edges.list[next[target]++] = source;
    return edges;
}

// The tables build() does not fill itself; m_index and m_sortedIds are set by then.
void RevisionGraph::index()
{
    m_children = collectEdges(m_revisions, m_index, &Revision::downRevisions);
    m_dependents = collectEdges(m_revisions, m_index, &Revision::dependsOn);
    m_heads.clear();
    for (qsizetype i = 0; i < m_revisions.size(); ++i) {
        if (m_children.count(i) == 0)
            m_heads << m_revisions[i].id;
    }
    std::sort(m_heads.begin(), m_heads.end());
}

QStringList RevisionGraph::idsAt(const Edges &edges, const QString &id) const
{
    const qsizetype at = positionOf(id);
    if (at < 0 || edges.count(at) == 0)
        return {};
    QStringList ids;
    ids.reserve(edges.count(at));
    for (qsizetype k = edges.start[at]; k < edges.start[at + 1]; ++k)
        ids << m_revisions[edges.list[k]].id;
    return ids;
}

const Revision *RevisionGraph::find(const QString &fullId) const
{
    const auto it = m_index.constFind(fullId);
    return it == m_index.constEnd() ? nullptr : &m_revisions[*it];
}

QStringList RevisionGraph::heads() const
{
    return m_heads;
}

QStringList RevisionGraph::bases() const
{
    QStringList ids;
    for (const Revision &r : m_revisions) {
        if (r.isBase())
            ids << r.id;
    }
    return sorted(ids);
}

QStringList RevisionGraph::children(const QString &id) const
{
    return idsAt(m_children, id);
}

QStringList RevisionGraph::dependents(const QString &id) const
{
    return idsAt(m_dependents, id);
}

QStringList RevisionGraph::mergePoints() const
{
    QStringList ids;
    for (const Revision &r : m_revisions) {
        if (r.isMerge())
            ids << r.id;
    }
    return ids;
}

QStringList RevisionGraph::branchPoints() const
{
    QStringList ids;
    for (qsizetype i = 0; i < m_revisions.size(); ++i) {
        if (m_children.count(i) > 1)
            ids << m_revisions[i].id;
    }
    return ids;
}

QHash<QString, QString> RevisionGraph::branchLabels() const
{
    return m_labels;
}

QStringList RevisionGraph::headsAbove(const QString &id) const
{
    if (!m_index.contains(id))
        return {};
    QStringList leaves;
    QSet<QString> seen{id};
    QStringList walk{id};
    while (!walk.isEmpty()) {
        const QString at = walk.takeLast();
        const QStringList kids = children(at);
        if (kids.isEmpty())
            leaves << at;
        for (const QString &kid : kids) {
            if (!seen.contains(kid)) {
                seen.insert(kid);
                walk << kid;
            }
        }
    }
    return sorted(leaves);
}

QSet<QString> RevisionGraph::ancestorsOf(const QStringList &ids) const
{
    QSet<QString> seen;
    QStringList stack;
    for (const QString &id : ids) {
        if (m_index.contains(id) && !seen.contains(id)) {
            seen.insert(id);
            stack << id;
        }
    }
    while (!stack.isEmpty()) {
        const Revision &r = m_revisions[m_index.value(stack.takeLast())];
        for (const QStringList *next : {&r.downRevisions, &r.dependsOn}) {
            for (const QString &p : *next) {
                if (!seen.contains(p)) {
                    seen.insert(p);
                    stack << p;
                }
            }
        }
    }
    return seen;
}

QSet<QString> RevisionGraph::descendantsOf(const QStringList &ids) const
{
    QSet<QString> seen;
    QStringList stack;
    for (const QString &id : ids) {
        if (m_index.contains(id) && !seen.contains(id)) {
            seen.insert(id);
            stack << id;
        }
    }
    while (!stack.isEmpty()) {
        const QString id = stack.takeLast();
        for (const Edges *edges : {&m_children, &m_dependents}) {
            for (const QString &c : idsAt(*edges, id)) {
                if (!seen.contains(c)) {
                    seen.insert(c);
                    stack << c;
                }
            }
        }
    }
    return seen;
}

QStringList RevisionGraph::headsOf(const QSet<QString> &applied) const
{
    QSet<QString> below;
    for (const QString &id : applied) {
        if (const Revision *r = find(id)) {
            for (const QString &p : r->downRevisions)
                below.insert(p);
            for (const QString &d : r->dependsOn)
                below.insert(d);
        }
    }
    QStringList heads;
    for (const QString &id : applied) {
        if (!below.contains(id))
            heads << id;
    }
    return sorted(heads);
}

QStringList RevisionGraph::topologicalOrder(const QSet<QString> &ids) const
{
    QList<qsizetype> positions;
    positions.reserve(ids.size());
    for (const QString &id : ids) {
        if (const auto it = m_index.constFind(id); it != m_index.constEnd())
            positions << *it;
    }
    std::sort(positions.begin(), positions.end());
    QStringList order;
    order.reserve(positions.size());
    for (qsizetype i : positions)
        order << m_revisions[i].id;
    return order;
}

Result<QString> RevisionGraph::lookup(const QString &idOrPrefix) const
{
    const QString text = idOrPrefix.trimmed();
    if (text.isEmpty())
        return fail(Error::Code::Usage, u"an empty revision id"_s, {},
                    u"give a revision id, a prefix of at least 4 characters, or a branch label"_s);
    if (m_index.contains(text))
        return text;
    if (const auto label = m_labels.constFind(text); label != m_labels.constEnd())
        return *label;
    const QString notFound = u"Can't locate revision identified by '%1'"_s.arg(text);
    const QString listing = u"the heads are %1; `strata history` lists every revision"_s.arg(listOrNone(m_heads));
    if (text.size() < 4)
        return fail(Error::Code::NotFound, notFound, {},
                    u"a prefix needs at least 4 characters of the id; "_s + listing);

    auto it = std::lower_bound(m_sortedIds.cbegin(), m_sortedIds.cend(), text);
    QStringList matches;
    for (; it != m_sortedIds.cend() && it->startsWith(text); ++it)
        matches << *it;
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty())
        return fail(Error::Code::NotFound, notFound, {}, listing);
    constexpr qsizetype shown = 10;
    QString candidates = matches.mid(0, shown).join(u", "_s);
    if (matches.size() > shown)
        candidates += u" and %1 more"_s.arg(matches.size() - shown);
    return fail(Error::Code::Ambiguous,
                u"revision prefix '%1' is ambiguous; it matches %2"_s.arg(text, candidates), {},
                u"give more characters of the id"_s);
}

} // namespace strata
