#pragma once

#include "core/revision/revision.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace strata {

// The revisions of a project as a DAG: parents are down_revisions, and
// depends_on adds ordering edges that are not parents.
class RevisionGraph
{
public:
    // Checks duplicate ids (naming both files), missing parents or
    // dependencies (naming the file that refers to them) and cycles.
    static Result<RevisionGraph> build(QList<Revision> revisions);

    bool isEmpty() const { return m_revisions.isEmpty(); }
    qsizetype size() const { return m_revisions.size(); }
    const Revision *find(const QString &fullId) const;
    // Where fullId sits in revisions(), or -1: lets a view keep positions, not ids.
    qsizetype positionOf(const QString &fullId) const { return m_index.value(fullId, -1); }
    // Every revision, parents before children; ties broken by creation date then id.
    const QList<Revision> &revisions() const { return m_revisions; }

    // Revisions with no children (sorted). As in Alembic, a revision that others
    // only depend on is still a head: "head" is ambiguous then, "heads" is not.
    QStringList heads() const;
    QStringList bases() const;          // revisions with no parents (sorted)
    QStringList children(const QString &id) const;   // down_revision edges only, in graph order
    QStringList dependents(const QString &id) const; // revisions whose depends_on names id
    QStringList mergePoints() const;
    QStringList branchPoints() const;   // revisions with two or more children
    // label -> revision that carries it
    QHash<QString, QString> branchLabels() const;
    // The heads reached from id through down_revision children (sorted), what
    // "LABEL@head" names; a revision that only depends on id is another branch.
    QStringList headsAbove(const QString &id) const;

    // All revisions reachable downward (parents and depends_on), including the given ones.
    QSet<QString> ancestorsOf(const QStringList &ids) const;
    // All revisions reachable upward (children), including the given ones.
    QSet<QString> descendantsOf(const QStringList &ids) const;
    // The heads of a set closed under ancestorsOf: members that no other member has as parent or dependency.
    QStringList headsOf(const QSet<QString> &applied) const;
    // Sorts ids parents-first (stable, by the graph order).
    QStringList topologicalOrder(const QSet<QString> &ids) const;

    // Full id, branch label, or unique prefix of at least 4 characters; an
    // ambiguous prefix lists the candidates, an unknown one lists the heads
    // ("Can't locate revision ...").
    Result<QString> lookup(const QString &idOrPrefix) const;

private:
    // Edges by position, as offsets into one flat list (a project of 100,000
    // revisions is opened without a hashed list per revision): the edges of
    // position i are list[start[i]] .. list[start[i + 1] - 1], in graph order.
    struct Edges
    {
        QList<qsizetype> start;
        QList<qsizetype> list;
        qsizetype count(qsizetype at) const { return start.isEmpty() ? 0 : start[at + 1] - start[at]; }
    };

    static Edges collectEdges(const QList<Revision> &revisions, const QHash<QString, qsizetype> &index,
                              QStringList Revision::*targets);
    void index();
    QStringList idsAt(const Edges &edges, const QString &id) const;

    QList<Revision> m_revisions;
    QHash<QString, qsizetype> m_index;        // id -> position in m_revisions
    Edges m_children;                          // down_revision edges, parent -> children
    Edges m_dependents;                        // depends_on edges, dependency -> dependents
    QHash<QString, QString> m_labels;
    QStringList m_sortedIds;                  // for prefix lookups by binary search
    QStringList m_heads;
};

} // namespace strata
