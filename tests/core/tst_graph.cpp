#include "graphspec.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;
using namespace strata::test;

class TestGraph : public QObject
{
    Q_OBJECT

private slots:
    void shape_data();
    void shape();
    void brokenGraph_data();
    void brokenGraph();
    void ancestorsAndDescendants_data();
    void ancestorsAndDescendants();
    void edges_data();
    void edges();
    void headsOfAppliedSet_data();
    void headsOfAppliedSet();
    void lookup_data();
    void lookup();
    void tenThousandRevisions();
};

void TestGraph::shape_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("order");
    QTest::addColumn<QStringList>("heads");
    QTest::addColumn<QStringList>("bases");
    QTest::addColumn<QStringList>("mergePoints");
    QTest::addColumn<QStringList>("branchPoints");

    QTest::newRow("empty") << u""_s << QStringList() << QStringList() << QStringList() << QStringList()
                           << QStringList();
    QTest::newRow("linear, files listed out of order")
        << u"aaa3<aaa2; aaa1; aaa2<aaa1"_s << QStringList{u"aaa1"_s, u"aaa2"_s, u"aaa3"_s}
        << QStringList{u"aaa3"_s} << QStringList{u"aaa1"_s} << QStringList() << QStringList();
    QTest::newRow("branched")
        << u"r1; r3<r1; r2<r1"_s << QStringList{u"r1"_s, u"r2"_s, u"r3"_s}
        << QStringList{u"r2"_s, u"r3"_s} << QStringList{u"r1"_s} << QStringList() << QStringList{u"r1"_s};
    QTest::newRow("merged")
        << u"r1; b1<r1; c1<r1; m<b1,c1"_s << QStringList{u"r1"_s, u"b1"_s, u"c1"_s, u"m"_s}
        << QStringList{u"m"_s} << QStringList{u"r1"_s} << QStringList{u"m"_s} << QStringList{u"r1"_s};
    QTest::newRow("creation date breaks ties before the id")
        << u"r1@0; zz<r1@1; aa<r1@2"_s << QStringList{u"r1"_s, u"zz"_s, u"aa"_s}
        << QStringList{u"aa"_s, u"zz"_s} << QStringList{u"r1"_s} << QStringList() << QStringList{u"r1"_s};
    QTest::newRow("two bases")
        << u"y1; x1; y2<y1; x2<x1"_s << QStringList{u"x1"_s, u"x2"_s, u"y1"_s, u"y2"_s}
        << QStringList{u"x2"_s, u"y2"_s} << QStringList{u"x1"_s, u"y1"_s} << QStringList() << QStringList();
    QTest::newRow("depends_on orders but is not a parent")
        << u"b1~a2; a1; a2<a1; b2<b1"_s << QStringList{u"a1"_s, u"a2"_s, u"b1"_s, u"b2"_s}
        << QStringList{u"a2"_s, u"b2"_s} << QStringList{u"a1"_s, u"b1"_s} << QStringList() << QStringList();
    QTest::newRow("labelled branch")
        << u"r1; f1<r1#feature; f2<f1; m1<r1"_s << QStringList{u"r1"_s, u"f1"_s, u"f2"_s, u"m1"_s}
        << QStringList{u"f2"_s, u"m1"_s} << QStringList{u"r1"_s} << QStringList() << QStringList{u"r1"_s};
}

void TestGraph::shape()
{
    QFETCH(QString, spec);
    const RevisionGraph graph = graphFromSpec(spec);
    QTEST(ids(graph.revisions()), "order");
    QTEST(graph.heads(), "heads");
    QTEST(graph.bases(), "bases");
    QTEST(graph.mergePoints(), "mergePoints");
    QTEST(graph.branchPoints(), "branchPoints");
    for (const Revision &r : graph.revisions())
        QCOMPARE(graph.find(r.id)->id, r.id);
    QCOMPARE(graph.find(u"nope"_s), nullptr);
}

void TestGraph::brokenGraph_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");

    QTest::newRow("duplicate id names both files")
        << u"r1; r2<r1; r2<r1"_s << u"versions/2_r2.yaml"_s
        << u"revision id 'r2' is used by two files: versions/1_r2.yaml and versions/2_r2.yaml"_s;
    QTest::newRow("missing parent")
        << u"r1; r2<gone"_s << u"versions/1_r2.yaml"_s
        << u"revision r2 names down_revision 'gone', but no revision has that id"_s;
    QTest::newRow("missing dependency")
        << u"r1; r2<r1~gone"_s << u"versions/1_r2.yaml"_s
        << u"revision r2 names depends_on 'gone', but no revision has that id"_s;
    QTest::newRow("cycle of three")
        << u"r0; r1<r3; r2<r1; r3<r2"_s << u"versions/1_r1.yaml"_s
        << u"the revisions form a cycle: r1 -> r3 -> r2 -> r1"_s;
    QTest::newRow("revision is its own parent")
        << u"r1<r1"_s << u"versions/0_r1.yaml"_s << u"the revisions form a cycle: r1 -> r1"_s;
    QTest::newRow("cycle through depends_on")
        << u"r1~r2; r2<r1"_s << u"versions/0_r1.yaml"_s << u"the revisions form a cycle: r1 -> r2 -> r1"_s;
    QTest::newRow("label used twice")
        << u"r1#feature; r2<r1#feature"_s << u"versions/1_r2.yaml"_s
        << u"branch label 'feature' is used by both r1 and r2"_s;
    QTest::newRow("label is another revision's id")
        << u"r1#r2; r2<r1"_s << u"versions/0_r1.yaml"_s
        << u"branch label 'r2' is also the id of another revision"_s;
}

void TestGraph::brokenGraph()
{
    QFETCH(QString, spec);
    const auto graph = RevisionGraph::build(revisionsFromSpec(spec));
    QVERIFY(!graph);
    QCOMPARE(codeName(graph.error().code), u"Graph"_s);
    QTEST(graph.error().where, "where");
    QTEST(graph.error().message, "message");
    QVERIFY2(!graph.error().hint.isEmpty(), "a graph error says what to do");
}

void TestGraph::ancestorsAndDescendants_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("from");
    QTest::addColumn<QStringList>("ancestors");
    QTest::addColumn<QStringList>("descendants");

    const QString merged = u"r1; b1<r1; c1<r1; m<b1,c1; n<m"_s;
    QTest::newRow("merge sees both branches")
        << merged << QStringList{u"m"_s} << QStringList{u"b1"_s, u"c1"_s, u"m"_s, u"r1"_s}
        << QStringList{u"m"_s, u"n"_s};
    QTest::newRow("branch point sees both branches up")
        << merged << QStringList{u"b1"_s} << QStringList{u"b1"_s, u"r1"_s} << QStringList{u"b1"_s, u"m"_s, u"n"_s};
    QTest::newRow("nothing") << merged << QStringList() << QStringList() << QStringList();
    QTest::newRow("depends_on is followed both ways")
        << u"a1; a2<a1; b1~a2; b2<b1"_s << QStringList{u"a2"_s} << QStringList{u"a1"_s, u"a2"_s}
        << QStringList{u"a2"_s, u"b1"_s, u"b2"_s};
    QTest::newRow("unknown ids are ignored")
        << merged << QStringList{u"zz"_s} << QStringList() << QStringList();
}

void TestGraph::ancestorsAndDescendants()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, from);
    const RevisionGraph graph = graphFromSpec(spec);
    QTEST(sortedIds(graph.ancestorsOf(from)), "ancestors");
    QTEST(sortedIds(graph.descendantsOf(from)), "descendants");
}

void TestGraph::edges_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("children");     // in graph order
    QTest::addColumn<QStringList>("dependents");
    QTest::addColumn<QStringList>("headsAbove");

    const QString merged = u"r1; b1<r1; c1<r1; m<b1,c1; n<m"_s;
    QTest::newRow("branch point: both children, graph order")
        << merged << u"r1"_s << QStringList{u"b1"_s, u"c1"_s} << QStringList() << QStringList{u"n"_s};
    QTest::newRow("each parent of a merge has it as a child")
        << merged << u"c1"_s << QStringList{u"m"_s} << QStringList() << QStringList{u"n"_s};
    QTest::newRow("a head has no children")
        << merged << u"n"_s << QStringList() << QStringList() << QStringList{u"n"_s};
    QTest::newRow("depends_on makes a dependent, not a child")
        << u"a1; a2<a1; b1~a2; b2<b1"_s << u"a2"_s << QStringList() << QStringList{u"b1"_s} << QStringList{u"a2"_s};
    QTest::newRow("parent listed after its child in the folder")
        << u"c<b; a; b<a; d<b"_s << u"b"_s << QStringList{u"c"_s, u"d"_s} << QStringList()
        << QStringList{u"c"_s, u"d"_s};
    QTest::newRow("unknown id") << merged << u"zz"_s << QStringList() << QStringList() << QStringList();
}

void TestGraph::edges()
{
    QFETCH(QString, spec);
    QFETCH(QString, id);
    const RevisionGraph graph = graphFromSpec(spec);
    QTEST(graph.children(id), "children");
    QTEST(graph.dependents(id), "dependents");
    QTEST(graph.headsAbove(id), "headsAbove");
    const qsizetype at = graph.positionOf(id);
    QCOMPARE(at < 0 ? QString() : graph.revisions()[at].id, graph.find(id) ? id : QString());
}

void TestGraph::headsOfAppliedSet_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("applied");
    QTest::addColumn<QStringList>("heads");
    QTest::addColumn<QStringList>("order");

    const QString merged = u"r1; b1<r1; c1<r1; m<b1,c1"_s;
    QTest::newRow("both branches open") << merged << QStringList{u"c1"_s, u"b1"_s, u"r1"_s}
                                        << QStringList{u"b1"_s, u"c1"_s}
                                        << QStringList{u"r1"_s, u"b1"_s, u"c1"_s};
    QTest::newRow("merged") << merged << QStringList{u"m"_s, u"c1"_s, u"b1"_s, u"r1"_s}
                            << QStringList{u"m"_s} << QStringList{u"r1"_s, u"b1"_s, u"c1"_s, u"m"_s};
    QTest::newRow("empty") << merged << QStringList() << QStringList() << QStringList();
    QTest::newRow("a dependency is not a head")
        << u"a1; a2<a1; b1~a2"_s << QStringList{u"a1"_s, u"a2"_s, u"b1"_s} << QStringList{u"b1"_s}
        << QStringList{u"a1"_s, u"a2"_s, u"b1"_s};
}

void TestGraph::headsOfAppliedSet()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, applied);
    const RevisionGraph graph = graphFromSpec(spec);
    const QSet<QString> set(applied.cbegin(), applied.cend());
    QTEST(graph.headsOf(set), "heads");
    QTEST(graph.topologicalOrder(set), "order");
}

void TestGraph::lookup_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("error");

    QTest::newRow("full id") << u"3f2a9c1b7d10"_s << u"3f2a9c1b7d10"_s << QString();
    QTest::newRow("unique prefix") << u"9b1e"_s << u"9b1e0aa2c4f3"_s << QString();
    QTest::newRow("surrounding spaces") << u" 9b1e0a "_s << u"9b1e0aa2c4f3"_s << QString();
    QTest::newRow("branch label") << u"mood"_s << u"c71d2e5a8b04"_s << QString();
    QTest::newRow("short exact id") << u"ab"_s << u"ab"_s << QString();
    QTest::newRow("ambiguous prefix")
        << u"3f2a"_s << QString()
        << u"Ambiguous: revision prefix '3f2a' is ambiguous; it matches 3f2a9c1b7d10, 3f2a9c77aa01"_s;
    QTest::newRow("prefix too short")
        << u"9b1"_s << QString() << u"NotFound: Can't locate revision identified by '9b1'"_s;
    QTest::newRow("unknown")
        << u"deadbeef"_s << QString() << u"NotFound: Can't locate revision identified by 'deadbeef'"_s;
    QTest::newRow("empty") << u""_s << QString() << u"Usage: an empty revision id"_s;
}

void TestGraph::lookup()
{
    QFETCH(QString, text);
    QFETCH(QString, id);
    QFETCH(QString, error);
    const RevisionGraph graph = graphFromSpec(
        u"9b1e0aa2c4f3; 3f2a9c1b7d10<9b1e0aa2c4f3; c71d2e5a8b04<3f2a9c1b7d10#mood; 3f2a9c77aa01<9b1e0aa2c4f3; ab"_s);
    const auto found = graph.lookup(text);
    if (error.isEmpty()) {
        QVERIFY2(found, qPrintable(found ? QString() : found.error().toString()));
        QCOMPARE(*found, id);
        return;
    }
    QVERIFY(!found);
    QCOMPARE(codeName(found.error().code) + u": "_s + found.error().message, error);
    if (found.error().code == Error::Code::NotFound)
        QVERIFY2(found.error().hint.contains(u"3f2a9c77aa01, ab, c71d2e5a8b04"_s), qPrintable(found.error().hint));
}

// The studio and `history` work on big projects; this checks the graph
// stays correct at that size (speed is measured by the benchmarks).
void TestGraph::tenThousandRevisions()
{
    constexpr int count = 10000;
    const QList<Revision> revisions = bigHistory(count);
    const auto graph = RevisionGraph::build(revisions);
    QVERIFY2(graph, qPrintable(graph ? QString() : graph.error().toString()));
    QCOMPARE(graph->size(), count);
    QCOMPARE(graph->heads(), QStringList{bigHistoryId(count - 1)});
    QCOMPARE(graph->mergePoints().size(), 99);
    QCOMPARE(graph->ancestorsOf(graph->heads()).size(), count);
    QSet<QString> seen;
    for (const Revision &r : graph->revisions()) {
        for (const QString &parent : r.downRevisions)
            QVERIFY2(seen.contains(parent), "parents come first");
        seen.insert(r.id);
    }
    QCOMPARE(*graph->lookup(u"00000000270f"_s), u"00000000270f"_s);
}

QTEST_GUILESS_MAIN(TestGraph)
#include "tst_graph.moc"
