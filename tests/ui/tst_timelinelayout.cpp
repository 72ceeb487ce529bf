#include "ui/timeline/timelinelayout.h"

#include <QTest>

using namespace Qt::StringLiterals;
using strata::ui::LaneEdge;
using strata::ui::TimelineLayout;
using strata::ui::TimelineRowLayout;

namespace {

// "0 ^0 |1 v0": node lane, then Up (^), Through (|) and Down (v) edges.
QString encode(const TimelineRowLayout &row)
{
    QString out = QString::number(row.lane);
    for (const LaneEdge &edge : row.edges) {
        const char16_t mark = edge.kind == LaneEdge::Kind::Up ? u'^' : edge.kind == LaneEdge::Kind::Down ? u'v' : u'|';
        out += u' ' + QChar(mark) + QString::number(edge.lane);
    }
    return out;
}

// "C:B A:" -> nodes C (parent B) and A (no parent); a comma separates several parents.
QList<TimelineLayout::Node> nodes(const QString &spec)
{
    QList<TimelineLayout::Node> out;
    for (const QString &item : spec.split(u' ', Qt::SkipEmptyParts)) {
        const QString parents = item.section(u':', 1);
        out.append({item.section(u':', 0, 0), parents.split(u',', Qt::SkipEmptyParts)});
    }
    return out;
}

} // namespace

class TestTimelineLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compute_data()
    {
        QTest::addColumn<QString>("graph");       // newest first
        QTest::addColumn<QStringList>("rows");
        QTest::addColumn<QList<int>>("widths");

        QTest::newRow("empty") << QString() << QStringList{} << QList<int>{};
        QTest::newRow("single base") << u"A:"_s << QStringList{u"0"_s} << QList<int>{1};
        QTest::newRow("linear") << u"C:B B:A A:"_s << QStringList{u"0 v0"_s, u"0 ^0 v0"_s, u"0 ^0"_s}
                                << QList<int>{1, 1, 1};
        QTest::newRow("branch: two children meet at their parent")
            << u"C:A B:A A:"_s << QStringList{u"0 v0"_s, u"1 |0 v1"_s, u"0 ^0 ^1"_s} << QList<int>{1, 2, 2};
        QTest::newRow("merge: first parent keeps the lane, second opens one")
            << u"M:B,C C:A B:A A:"_s
            << QStringList{u"0 v0 v1"_s, u"1 ^1 |0 v1"_s, u"0 ^0 |1 v0"_s, u"0 ^0 ^1"_s}
            << QList<int>{2, 2, 2, 2};
        QTest::newRow("two heads on one stem")
            << u"D:B C:B B:A A:"_s << QStringList{u"0 v0"_s, u"1 |0 v1"_s, u"0 ^0 ^1 v0"_s, u"0 ^0"_s}
            << QList<int>{1, 2, 2, 1};
        QTest::newRow("two bases merged")
            << u"M:X,Y Y: X:"_s << QStringList{u"0 v0 v1"_s, u"1 ^1 |0"_s, u"0 ^0"_s} << QList<int>{2, 2, 1};
        QTest::newRow("two unrelated histories")
            << u"B:A Y:X A: X:"_s << QStringList{u"0 v0"_s, u"1 |0 v1"_s, u"0 ^0 |1"_s, u"1 ^1"_s}
            << QList<int>{1, 2, 2, 2};
        QTest::newRow("a new head takes the first free lane")
            << u"M:B,C C:A B:A A: E:D D:"_s
            << QStringList{u"0 v0 v1"_s, u"1 ^1 |0 v1"_s, u"0 ^0 |1 v0"_s, u"0 ^0 ^1"_s, u"0 v0"_s, u"0 ^0"_s}
            << QList<int>{2, 2, 2, 2, 1, 1};
        QTest::newRow("parent outside the list opens no lane")
            << u"B:A,Z A:"_s << QStringList{u"0 v0"_s, u"0 ^0"_s} << QList<int>{1, 1};
    }

    void compute()
    {
        QFETCH(QString, graph);
        QFETCH(QStringList, rows);
        QFETCH(QList<int>, widths);

        const QList<TimelineRowLayout> layout = TimelineLayout::compute(nodes(graph));
        QStringList encoded;
        QList<int> laneCounts;
        for (const TimelineRowLayout &row : layout) {
            encoded << encode(row);
            laneCounts << row.laneCount;
        }
        QCOMPARE(encoded, rows);
        QCOMPARE(laneCounts, widths);
    }

    void tenThousandLinearRevisionsStayInOneLane()
    {
        QList<TimelineLayout::Node> chain;
        for (int i = 10000; i > 0; --i)
            chain.append({QString::number(i), {QString::number(i - 1)}});
        chain.append({u"0"_s, {}});
        const QList<TimelineRowLayout> layout = TimelineLayout::compute(chain);
        QCOMPARE(layout.size(), 10001);
        const int widest = std::max_element(layout.cbegin(), layout.cend(), [](const auto &a, const auto &b) {
                               return a.laneCount < b.laneCount;
                           })->laneCount;
        QCOMPARE(widest, 1);
    }
};

QTEST_GUILESS_MAIN(TestTimelineLayout)
#include "tst_timelinelayout.moc"
