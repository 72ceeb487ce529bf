// RenderAhead hands the runner exactly what renderStep gives in a loop: the
// same statements step by step, the same error at the same step (and nothing
// rendered past it), whether the runner keeps up or not, and it can be
// dropped at any step without waiting for the rest.
#include "testprojects.h"

#include "core/dialect/dialect.h"
#include "core/graph/plan.h"
#include "core/project/project.h"
#include "core/run/renderahead_p.h"

#include <QtTest>

#include <thread>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

QString rev(int i)
{
    return u"r%1"_s.arg(i, 3, 10, QChar(u'0'));
}

// A chain of `count` revisions; the one at `broken` (if any) drops a column no revision made.
bool writeChain(const TestProject &project, int count, int broken = -1)
{
    bool ok = !project.writeRevision(rev(0), {},
                                      "- create_table:\n    name: t\n    columns:\n"
                                      "      - {name: id, type: integer, primary_key: true}\n",
                                      "- drop_table: t\n").isEmpty();
    for (int i = 1; i < count; ++i) {
        const QByteArray up = i == broken ? "- drop_column: {table: t, column: never_made}\n"
                                          : u"- add_column: {table: t, name: c%1, type: text}\n"_s.arg(i).toUtf8();
        const QByteArray down = u"- drop_column: {table: t, column: c%1}\n"_s.arg(i).toUtf8();
        ok = ok && !project.writeRevision(rev(i), {rev(i - 1)}, up, down).isEmpty();
    }
    return ok;
}

QStringList sqlOf(const RenderedStep &step)
{
    QStringList sql;
    for (const RenderedOperation &op : step.operations) {
        for (const Statement &statement : op.statements)
            sql << statement.sql;
    }
    for (const Statement &statement : step.versionMoves)
        sql << statement.sql;
    return sql;
}

} // namespace

class TestRenderAhead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsTheLoop_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("broken");
        QTest::addColumn<bool>("slowRunner");
        QTest::newRow("fewer steps than it renders ahead") << 5 << -1 << false;
        QTest::newRow("many steps") << 60 << -1 << false;
        QTest::newRow("many steps, a runner slower than the renderer") << 60 << -1 << true;
        QTest::newRow("a step that does not fit, far ahead") << 60 << 45 << false;
        QTest::newRow("the first step after the base does not fit") << 10 << 1 << true;
    }
    void sameAsTheLoop()
    {
        QFETCH(int, count);
        QFETCH(int, broken);
        QFETCH(bool, slowRunner);
        const TestProject project;
        QVERIFY(writeChain(project, count, broken));
        auto opened = project.open();
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        const auto plan = Planner(opened->graph()).upgrade({}, rev(count - 1));
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
        const auto dialect = Dialect::forKind(Dialect::Kind::Sqlite);

        RenderAhead ahead(*opened, *plan, *dialect, Schema());
        Schema schema;
        qsizetype taken = 0;
        for (const PlanStep &step : plan->steps) {
            auto expected = renderStep(*opened, step, *dialect, schema);
            auto got = ahead.take(taken++);
            QCOMPARE(got.has_value(), expected.has_value());
            if (!expected) {
                QCOMPARE(got.error().message, expected.error().message);
                QCOMPARE(got.error().where, expected.error().where);
                break;
            }
            QCOMPARE(got->dataStep, false);
            QCOMPARE(sqlOf(got->rendered), sqlOf(*expected));
            schema = std::move(expected->after);
            if (slowRunner)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        QCOMPARE(taken, broken < 0 ? qsizetype(count) : qsizetype(broken + 1));
    }

    void droppedMidway()
    {
        const TestProject project;
        QVERIFY(writeChain(project, 200));
        auto opened = project.open();
        QVERIFY(opened);
        const auto plan = Planner(opened->graph()).upgrade({}, rev(199));
        QVERIFY(plan);
        const auto dialect = Dialect::forKind(Dialect::Kind::Sqlite);
        // Dropped with the renderer blocked on its full queue: the destructor must wake and join it.
        auto ahead = std::make_unique<RenderAhead>(*opened, *plan, *dialect, Schema());
        QVERIFY(ahead->take(0));
        QVERIFY(ahead->take(1));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        ahead.reset();
        QVERIFY(!ahead);
    }
};

QTEST_GUILESS_MAIN(TestRenderAhead)
#include "tst_renderahead.moc"
