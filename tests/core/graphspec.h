#pragma once

// Revision histories written in one line, for graph and plan tests:
//   "r1; b1<r1; c1<r1#feature; m<b1,c1; d1~r1@5"
// "x<p,q" gives x the parents p and q, "~d" a depends_on, "#l" a branch
// label, "@n" a creation time n minutes after a fixed instant (without it the
// revision has no date, so ties fall back to the id).

#include "core/graph/revisiongraph.h"

#include <QRegularExpression>
#include <QTest>

namespace strata::test {

inline QList<Revision> revisionsFromSpec(const QString &spec)
{
    static const QRegularExpression item(
        QStringLiteral("^([^<~#@]+)(?:<([^~#@]+))?(?:~([^#@]+))?(?:#([^@]+))?(?:@([0-9]+))?$"));
    const QDateTime origin(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    QList<Revision> revisions;
    const QStringList items = spec.split(u';', Qt::SkipEmptyParts);
    for (const QString &text : items) {
        const auto m = item.match(text.trimmed());
        if (!m.hasMatch())
            qFatal("bad graph spec item: %s", qPrintable(text));
        Revision r;
        r.id = m.captured(1);
        r.downRevisions = m.captured(2).split(u',', Qt::SkipEmptyParts);
        r.dependsOn = m.captured(3).split(u',', Qt::SkipEmptyParts);
        r.branchLabels = m.captured(4).split(u',', Qt::SkipEmptyParts);
        if (!m.captured(5).isEmpty())
            r.created = origin.addSecs(m.captured(5).toInt() * 60);
        r.filePath = QStringLiteral("versions/%1_%2.yaml").arg(revisions.size()).arg(r.id);
        revisions << r;
    }
    return revisions;
}

// A long history: a straight line where every 100th revision opens a side
// branch that the next one merges back. Ids are the index as 12 hex digits.
inline QString bigHistoryId(int i)
{
    return QStringLiteral("%1").arg(i, 12, 16, QChar(u'0'));
}

inline QList<Revision> bigHistory(int count)
{
    QList<Revision> revisions;
    for (int i = 0; i < count; ++i) {
        Revision r;
        r.id = bigHistoryId(i);
        if (i > 0)
            r.downRevisions << bigHistoryId(i % 100 == 1 && i > 1 ? i - 2 : i - 1);
        if (i % 100 == 2 && i > 2)
            r.downRevisions << bigHistoryId(i - 2);
        revisions.prepend(r);   // files in the worst order for the sort
    }
    return revisions;
}

inline RevisionGraph graphFromSpec(const QString &spec)
{
    auto graph = RevisionGraph::build(revisionsFromSpec(spec));
    if (!graph)
        qFatal("graph spec does not build: %s", qPrintable(graph.error().toString()));
    return *graph;
}

inline QStringList ids(const QList<Revision> &revisions)
{
    QStringList out;
    for (const Revision &r : revisions)
        out << r.id;
    return out;
}

inline QStringList sortedIds(const QSet<QString> &set)
{
    QStringList out(set.cbegin(), set.cend());
    out.sort();
    return out;
}

// An error code as text, so a failed QCOMPARE prints a name, not a number.
inline QString codeName(Error::Code code)
{
    switch (code) {
    case Error::Code::Usage: return QStringLiteral("Usage");
    case Error::Code::Input: return QStringLiteral("Input");
    case Error::Code::NotFound: return QStringLiteral("NotFound");
    case Error::Code::Ambiguous: return QStringLiteral("Ambiguous");
    case Error::Code::Graph: return QStringLiteral("Graph");
    case Error::Code::Database: return QStringLiteral("Database");
    case Error::Code::Locked: return QStringLiteral("Locked");
    case Error::Code::Conflict: return QStringLiteral("Conflict");
    case Error::Code::Io: return QStringLiteral("Io");
    case Error::Code::Internal: return QStringLiteral("Internal");
    }
    return {};
}

} // namespace strata::test
