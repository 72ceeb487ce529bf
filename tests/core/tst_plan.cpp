#include "core/graph/plan.h"
#include "graphspec.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;
using namespace strata::test;

namespace {

// One step as a line: "m: delete [b1, c1] insert [m] -> [m]".
QString describe(const PlanStep &step)
{
    return u"%1: delete [%2] insert [%3] -> [%4]"_s.arg(
        step.revision->id, step.deleteVersions.join(u", "_s), step.insertVersions.join(u", "_s),
        step.headsAfter.join(u", "_s));
}

QStringList describe(const Plan &plan)
{
    QStringList lines;
    for (const PlanStep &step : plan.steps)
        lines << describe(step);
    return lines;
}

QString errorLine(const Error &error)
{
    return codeName(error.code) + u": "_s + error.message;
}

// Branched and merged: r1 -> b1 -> m, r1 -> c1 -> m, and m -> n.
const QString kMerged = u"r1@0; b1<r1@1; c1<r1@2; m<b1,c1@3; n<m@4"_s;
// Two bases; the feature branch is labelled and depends on the core's a2.
const QString kLabelled = u"a1@0; a2<a1@1; a3<a2@2; f1#feature@3; f2<f1~a2@4; f3<f2@5"_s;

} // namespace

class TestPlan : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data();
    void resolve();
    void upgrade_data();
    void upgrade();
    void downgrade_data();
    void downgrade();
    void arrow_data();
    void arrow();
    void walkingUpAndDownAgain();
    void planAcrossTenThousandRevisions();
};

void TestPlan::resolve_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("down");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("error");

    const QString linear = u"aaaa01@0; aaaa02<aaaa01@1; bbbb03<aaaa02@2; cccc04<bbbb03@3"_s;
    const QStringList none;
    QTest::newRow("head") << linear << none << u"head"_s << false << QStringList{u"cccc04"_s} << QString();
    QTest::newRow("head of an empty project") << u""_s << none << u"head"_s << false << none << QString();
    QTest::newRow("head with two heads")
        << kLabelled << none << u"head"_s << false << none
        << u"Ambiguous: Multiple head revisions are present; please specify a specific target revision, "
           "'<branchname>@head' to narrow to a specific head, or 'heads' for all heads"_s;
    QTest::newRow("heads") << kLabelled << none << u"heads"_s << false << QStringList{u"a3"_s, u"f3"_s}
                           << QString();
    QTest::newRow("base") << linear << QStringList{u"cccc04"_s} << u"base"_s << true << none << QString();
    QTest::newRow("full id") << linear << none << u"aaaa02"_s << false << QStringList{u"aaaa02"_s} << QString();
    QTest::newRow("prefix") << linear << none << u"bbbb"_s << false << QStringList{u"bbbb03"_s}
                            << QString();
    QTest::newRow("ambiguous prefix")
        << linear << none << u"aaaa"_s << false << none
        << u"Ambiguous: revision prefix 'aaaa' is ambiguous; it matches aaaa01, aaaa02"_s;
    QTest::newRow("unknown") << linear << none << u"cafe"_s << false << none
                             << u"NotFound: Can't locate revision identified by 'cafe'"_s;
    QTest::newRow("+2 from the current head")
        << linear << QStringList{u"aaaa01"_s} << u"+2"_s << false << QStringList{u"bbbb03"_s} << QString();
    QTest::newRow("+1 from base") << linear << none << u"+1"_s << false << QStringList{u"aaaa01"_s} << QString();
    QTest::newRow("+1 from base with two bases")
        << kLabelled << none << u"+1"_s << false << none
        << u"Ambiguous: '+1' is ambiguous: base is followed by a1, f1"_s;
    QTest::newRow("+3 past the top")
        << linear << QStringList{u"bbbb03"_s} << u"+3"_s << false << none
        << u"NotFound: '+3' goes past the top: cccc04 has no revision above it"_s;
    QTest::newRow("errors quote the target as typed")
        << linear << none << u"bbbb+5"_s << false << none
        << u"NotFound: 'bbbb+5' goes past the top: cccc04 has no revision above it"_s;
    QTest::newRow("+1 at a branch point")
        << kMerged << QStringList{u"r1"_s} << u"+1"_s << false << none
        << u"Ambiguous: '+1' is ambiguous: r1 is followed by b1, c1"_s;
    QTest::newRow("+1 with two current heads")
        << kMerged << QStringList{u"b1"_s, u"c1"_s} << u"+1"_s << false << none
        << u"Ambiguous: '+1' counts from the current head, but the database is at several: b1, c1"_s;
    QTest::newRow("-1") << linear << QStringList{u"cccc04"_s} << u"-1"_s << true << QStringList{u"bbbb03"_s}
                        << QString();
    QTest::newRow("-1 from the first revision is base")
        << linear << QStringList{u"aaaa01"_s} << u"-1"_s << true << none << QString();
    QTest::newRow("-1 from a merge gives its parents")
        << kMerged << QStringList{u"m"_s} << u"-1"_s << true << QStringList{u"b1"_s, u"c1"_s} << QString();
    QTest::newRow("-2 across a merge")
        << kMerged << QStringList{u"m"_s} << u"-2"_s << true << none
        << u"Ambiguous: '-2' is ambiguous: the step before it reaches the merge parents b1, c1"_s;
    QTest::newRow("-1 on an upgrade")
        << linear << QStringList{u"cccc04"_s} << u"-1"_s << false << none
        << u"Usage: '-1' goes down, but this is an upgrade"_s;
    QTest::newRow("+1 on a downgrade")
        << linear << QStringList{u"aaaa01"_s} << u"+1"_s << true << none
        << u"Usage: '+1' goes up, but this is a downgrade"_s;
    QTest::newRow("REV+1") << linear << none << u"aaaa02+1"_s << false << QStringList{u"bbbb03"_s} << QString();
    QTest::newRow("REV-2") << linear << none << u"cccc04-2"_s << true << QStringList{u"aaaa02"_s} << QString();
    QTest::newRow("head-1") << linear << none << u"head-1"_s << true << QStringList{u"bbbb03"_s} << QString();
    QTest::newRow("label") << kLabelled << none << u"feature"_s << false << QStringList{u"f1"_s} << QString();
    QTest::newRow("label@head") << kLabelled << none << u"feature@head"_s << false << QStringList{u"f3"_s}
                                << QString();
    QTest::newRow("id@head") << kLabelled << none << u"a1@head"_s << false << QStringList{u"a3"_s} << QString();
    QTest::newRow("label+1") << kLabelled << none << u"feature+1"_s << false << QStringList{u"f2"_s} << QString();
    QTest::newRow("branch point @head has two heads")
        << kMerged + u"; x1<r1@9"_s << none << u"r1@head"_s << false << none
        << u"Ambiguous: 'r1@head' has several heads: n, x1"_s;
    QTest::newRow("unknown label@head")
        << kLabelled << none << u"nope@head"_s << false << none
        << u"NotFound: Can't locate revision identified by 'nope'"_s;
}

void TestPlan::resolve()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, current);
    QFETCH(QString, target);
    QFETCH(bool, down);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);

    const RevisionGraph graph = graphFromSpec(spec);
    const Planner planner(graph);
    const auto resolved = planner.resolve(target, current, down ? Direction::Downgrade : Direction::Upgrade);
    if (error.isEmpty()) {
        QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().toString()));
        QCOMPARE(*resolved, expected);
    } else {
        QVERIFY(!resolved);
        QCOMPARE(errorLine(resolved.error()), error);
    }
}

void TestPlan::upgrade_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("toHeads");

    QTest::newRow("from base over a branch and a merge")
        << kMerged << QStringList() << u"head"_s
        << QStringList{u"r1: delete [] insert [r1] -> [r1]"_s,
                       u"b1: delete [r1] insert [b1] -> [b1]"_s,
                       u"c1: delete [] insert [c1] -> [b1, c1]"_s,
                       u"m: delete [b1, c1] insert [m] -> [m]"_s,
                       u"n: delete [m] insert [n] -> [n]"_s}
        << QStringList{u"n"_s};
    QTest::newRow("one branch only")
        << kMerged << QStringList{u"r1"_s} << u"c1"_s
        << QStringList{u"c1: delete [r1] insert [c1] -> [c1]"_s} << QStringList{u"c1"_s};
    QTest::newRow("the other branch opens a second row")
        << kMerged << QStringList{u"c1"_s} << u"b1"_s
        << QStringList{u"b1: delete [] insert [b1] -> [b1, c1]"_s} << QStringList{u"b1"_s, u"c1"_s};
    QTest::newRow("merge from one branch brings the other")
        << kMerged << QStringList{u"b1"_s} << u"m"_s
        << QStringList{u"c1: delete [] insert [c1] -> [b1, c1]"_s, u"m: delete [b1, c1] insert [m] -> [m]"_s}
        << QStringList{u"m"_s};
    QTest::newRow("already applied is an empty plan")
        << kMerged << QStringList{u"n"_s} << u"b1"_s << QStringList() << QStringList{u"n"_s};
    QTest::newRow("+1") << kMerged << QStringList{u"m"_s} << u"+1"_s
                        << QStringList{u"n: delete [m] insert [n] -> [n]"_s} << QStringList{u"n"_s};
    QTest::newRow("dependency from another base is applied first and folded in")
        << kLabelled << QStringList() << u"feature@head"_s
        << QStringList{u"a1: delete [] insert [a1] -> [a1]"_s,
                       u"a2: delete [a1] insert [a2] -> [a2]"_s,
                       u"f1: delete [] insert [f1] -> [a2, f1]"_s,
                       u"f2: delete [f1, a2] insert [f2] -> [f2]"_s,
                       u"f3: delete [f2] insert [f3] -> [f3]"_s}
        << QStringList{u"f3"_s};
    QTest::newRow("heads after a dependency")
        << kLabelled << QStringList{u"f3"_s} << u"heads"_s
        << QStringList{u"a3: delete [] insert [a3] -> [a3, f3]"_s} << QStringList{u"a3"_s, u"f3"_s};
    QTest::newRow("a redundant version row is cleaned up")
        << kMerged << QStringList{u"r1"_s, u"b1"_s} << u"m"_s
        << QStringList{u"c1: delete [r1] insert [c1] -> [b1, c1]"_s, u"m: delete [b1, c1] insert [m] -> [m]"_s}
        << QStringList{u"m"_s};
}

void TestPlan::upgrade()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, current);
    QFETCH(QString, target);
    const RevisionGraph graph = graphFromSpec(spec);
    const auto plan = Planner(graph).upgrade(current, target);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
    QCOMPARE(plan->direction, Direction::Upgrade);
    QTEST(describe(*plan), "steps");
    QTEST(plan->toHeads, "toHeads");
    current.sort();
    QCOMPARE(plan->fromHeads, current);
    for (const PlanStep &step : plan->steps)
        QCOMPARE(step.direction, Direction::Upgrade);
}

void TestPlan::downgrade_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QString>("error");

    QTest::newRow("to the branch point closes both branches")
        << kMerged << QStringList{u"b1"_s, u"c1"_s} << u"r1"_s
        << QStringList{u"c1: delete [c1] insert [] -> [b1]"_s, u"b1: delete [b1] insert [r1] -> [r1]"_s}
        << QString();
    QTest::newRow("base from two heads")
        << kMerged << QStringList{u"b1"_s, u"c1"_s} << u"base"_s
        << QStringList{u"c1: delete [c1] insert [] -> [b1]"_s, u"b1: delete [b1] insert [r1] -> [r1]"_s,
                       u"r1: delete [r1] insert [] -> []"_s}
        << QString();
    QTest::newRow("-1 unmerges: delete one, insert two")
        << kMerged << QStringList{u"m"_s} << u"-1"_s
        << QStringList{u"m: delete [m] insert [b1, c1] -> [b1, c1]"_s} << QString();
    QTest::newRow("to one side of a merge keeps the other")
        << kMerged << QStringList{u"n"_s} << u"b1"_s
        << QStringList{u"n: delete [n] insert [m] -> [m]"_s,
                       u"m: delete [m] insert [b1, c1] -> [b1, c1]"_s}
        << QString();
    QTest::newRow("to the current head is an empty plan")
        << kMerged << QStringList{u"n"_s} << u"n"_s << QStringList() << QString();
    QTest::newRow("a revision depending on the target stays")
        << kLabelled << QStringList{u"a3"_s, u"f3"_s} << u"a2"_s
        << QStringList{u"a3: delete [a3] insert [] -> [f3]"_s} << QString();
    QTest::newRow("below a dependency takes its dependents too")
        << kLabelled << QStringList{u"a3"_s, u"f3"_s} << u"a1"_s
        << QStringList{u"f3: delete [f3] insert [f2] -> [a3, f2]"_s,
                       u"f2: delete [f2] insert [f1] -> [a3, f1]"_s,
                       u"a3: delete [a3] insert [a2] -> [a2, f1]"_s,
                       u"a2: delete [a2] insert [a1] -> [a1, f1]"_s}
        << QString();
    QTest::newRow("target above the current head")
        << kMerged << QStringList{u"b1"_s} << u"n"_s << QStringList()
        << u"Conflict: Destination n is not an ancestor of the current head(s) b1: it is above them, "
           "not applied yet"_s;
    QTest::newRow("target on another branch")
        << kMerged << QStringList{u"b1"_s} << u"c1"_s << QStringList()
        << u"Conflict: Destination c1 is not an ancestor of the current head(s) b1: it is on another branch"_s;
    QTest::newRow("-1 with two heads")
        << kMerged << QStringList{u"b1"_s, u"c1"_s} << u"-1"_s << QStringList()
        << u"Ambiguous: '-1' counts from the current head, but the database is at several: b1, c1"_s;
    QTest::newRow("-1 at base") << kMerged << QStringList() << u"-1"_s << QStringList()
                                << u"NotFound: '-1' goes below base"_s;
    QTest::newRow("database at an unknown revision")
        << kMerged << QStringList{u"feedface"_s} << u"base"_s << QStringList()
        << u"NotFound: Can't locate revision identified by 'feedface': the database is at a revision this "
           "project does not have"_s;
}

void TestPlan::downgrade()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, current);
    QFETCH(QString, target);
    QFETCH(QString, error);
    const RevisionGraph graph = graphFromSpec(spec);
    const auto plan = Planner(graph).downgrade(current, target);
    if (!error.isEmpty()) {
        QVERIFY(!plan);
        QCOMPARE(errorLine(plan.error()), error);
        QVERIFY2(!plan.error().hint.isEmpty(), "a refused downgrade says what to do");
        return;
    }
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
    QCOMPARE(plan->direction, Direction::Downgrade);
    QTEST(describe(*plan), "steps");
    const QStringList expectedEnd = plan->steps.isEmpty() ? plan->fromHeads : plan->steps.last().headsAfter;
    QCOMPARE(plan->toHeads, expectedEnd);
    // The database ends exactly at the target: every target revision stays applied.
    const QSet<QString> left = graph.ancestorsOf(plan->toHeads);
    const auto targets = Planner(graph).resolve(target, current, Direction::Downgrade);
    for (const QString &id : *targets)
        QVERIFY2(left.contains(id), qPrintable(id));
}

void TestPlan::arrow_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<bool>("down");
    QTest::addColumn<QString>("arrow");

    QTest::newRow("upgrade from base") << u"r1"_s << false << u"<base> -> r1"_s;
    QTest::newRow("upgrade") << u"b1"_s << false << u"r1 -> b1"_s;
    QTest::newRow("upgrade a merge") << u"m"_s << false << u"b1, c1 -> m"_s;
    QTest::newRow("downgrade a merge") << u"m"_s << true << u"m -> b1, c1"_s;
    QTest::newRow("downgrade to base") << u"r1"_s << true << u"r1 -> <base>"_s;
}

void TestPlan::arrow()
{
    QFETCH(QString, revision);
    QFETCH(bool, down);
    const RevisionGraph graph = graphFromSpec(kMerged);
    PlanStep step;
    step.revision = graph.find(revision);
    step.direction = down ? Direction::Downgrade : Direction::Upgrade;
    QTEST(step.arrow(), "arrow");
}

// Upgrading to heads and downgrading to base from there visits every
// revision once each way and ends where it started.
void TestPlan::walkingUpAndDownAgain()
{
    const RevisionGraph graph = graphFromSpec(kLabelled);
    const Planner planner(graph);
    const auto up = planner.upgrade({}, u"heads"_s);
    QVERIFY(up);
    QCOMPARE(up->steps.size(), graph.size());
    QCOMPARE(up->toHeads, graph.headsOf(graph.ancestorsOf(graph.heads())));
    const auto down = planner.downgrade(up->toHeads, u"base"_s);
    QVERIFY(down);
    QCOMPARE(down->steps.size(), graph.size());
    QCOMPARE(down->toHeads, QStringList());
    QStringList rows = up->toHeads;
    for (const PlanStep &step : down->steps) {
        for (const QString &id : step.deleteVersions)
            QVERIFY2(rows.removeOne(id), qPrintable(u"row %1 deleted but not there"_s.arg(id)));
        rows << step.insertVersions;
        rows.sort();
        QCOMPARE(rows, step.headsAfter);
    }
}

void TestPlan::planAcrossTenThousandRevisions()
{
    constexpr int count = 10000;
    const auto graph = RevisionGraph::build(bigHistory(count));
    QVERIFY(graph);
    const Planner planner(*graph);
    const auto up = planner.upgrade({}, u"head"_s);
    QVERIFY(up);
    QCOMPARE(up->steps.size(), count);
    QCOMPARE(up->toHeads, QStringList{bigHistoryId(count - 1)});
    // Down to a revision in a straight stretch: everything after it goes.
    constexpr int middle = count / 2 + 50;
    const auto half = planner.downgrade(up->toHeads, bigHistoryId(middle));
    QVERIFY(half);
    QCOMPARE(half->steps.size(), count - middle - 1);
    QCOMPARE(half->toHeads, QStringList{bigHistoryId(middle)});
    const auto rest = planner.upgrade(half->toHeads, u"heads"_s);
    QVERIFY(rest);
    QCOMPARE(rest->steps.size(), count - middle - 1);
}

QTEST_GUILESS_MAIN(TestPlan)
#include "tst_plan.moc"
