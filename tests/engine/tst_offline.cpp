// The offline --sql script: its shape (header, version tables, one BEGIN ...
// COMMIT block per step), that each block holds exactly the statements the
// runner executes (stepStatements), the version moves, non-transactional
// revisions, and errors that name the file and operation. Applying scripts
// through sqlite3 and psql is covered by the engine tests.
#include "testprojects.h"

#include "core/run/offlinescript.h"
#include "core/dialect/dialect.h"
#include "core/project/project.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

const QString initial = u"9b1e0aa2c4f3"_s;
const QString notes = u"3f2a9c1b7d10"_s;
const QString energy = u"c71d2e5a8b04"_s;

QString terminated(const QStringList &statements)
{
    QStringList lines;
    for (const QString &sql : statements)
        lines << sql + u';';
    return lines.join(u'\n');
}

} // namespace

class TestOffline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void scriptHoldsEachStepAsTheRunnerRunsIt_data();
    void scriptHoldsEachStepAsTheRunnerRunsIt();
    void downgradeScript();
    void versionMovesForBaseLinearAndMerge_data();
    void versionMovesForBaseLinearAndMerge();
    void nonTransactionalRevisionRunsOutsideTheTransaction();
    void operationThatDoesNotFitNamesFileAndLine();

private:
    TestProject m_example;
    std::optional<Project> m_project;
};

void TestOffline::initTestCase()
{
    QVERIFY(m_example.copyExample());
    auto opened = m_example.open();
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    m_project = std::move(*opened);
}

void TestOffline::scriptHoldsEachStepAsTheRunnerRunsIt_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

void TestOffline::scriptHoldsEachStepAsTheRunnerRunsIt()
{
    QFETCH(QString, dialect);
    const auto d = Dialect::forName(dialect);
    QVERIFY(d);
    auto plan = Planner(m_project->graph()).upgrade({}, u"head"_s);
    QVERIFY(plan);
    auto script = offlineScript(*m_project, *plan, *d);
    QVERIFY2(script, qPrintable(script ? QString() : script.error().toString()));

    QVERIFY2(script->startsWith(u"-- Strata offline SQL: <base> -> %1 (%2)\n"_s.arg(energy, dialect)),
             qPrintable(*script));
    QVERIFY(script->endsWith(u"COMMIT;\n"_s));
    const QString versionTables = terminated(d->createVersionTables(u"strata_version"_s, u"strata_history"_s));
    const qsizetype tablesAt = script->indexOf(versionTables);
    QVERIFY2(tablesAt > 0, qPrintable(*script));

    auto schema = m_project->schemaAt({});
    QVERIFY(schema);
    qsizetype previous = tablesAt;
    for (const PlanStep &step : plan->steps) {
        auto statements = stepStatements(*m_project, step, *d, *schema);
        QVERIFY2(statements, qPrintable(statements ? QString() : statements.error().toString()));
        const QString block = u"-- Running upgrade %1, %2\nBEGIN;\n"_s.arg(step.arrow(), step.revision->message)
            + terminated(*statements) + u"\nINSERT INTO "_s;
        const qsizetype at = script->indexOf(block);
        QVERIFY2(at > previous, qPrintable(u"missing or out of order:\n"_s + block + u"\n--- in:\n"_s + *script));
        previous = at;
        auto after = replay(*schema, step.operations());
        QVERIFY(after);
        *schema = *after;
    }
    QCOMPARE(script->count(u"BEGIN;\n"_s), 3);
    QCOMPARE(script->count(u"COMMIT;\n"_s), 3);
    QCOMPARE(script->count(u"'offline script'"_s), 3);
    QCOMPARE(script->count(u"PRAGMA foreign_keys = OFF;"_s), dialect == u"sqlite"_s ? 1 : 0);
}

void TestOffline::downgradeScript()
{
    const auto d = Dialect::forName(u"postgresql"_s);
    auto plan = Planner(m_project->graph()).downgrade({energy}, u"base"_s);
    QVERIFY(plan);
    auto script = offlineScript(*m_project, *plan, *d);
    QVERIFY2(script, qPrintable(script ? QString() : script.error().toString()));

    QVERIFY(script->startsWith(u"-- Strata offline SQL: %1 -> <base> (postgresql)\n"_s.arg(energy)));
    const qsizetype first = script->indexOf(u"-- Running downgrade %1 -> %2, Add energy level to daily mood\n"_s
                                                .arg(energy, notes));
    const qsizetype last = script->indexOf(u"-- Running downgrade %1 -> <base>, Initial schema\n"_s.arg(initial));
    QVERIFY2(first > 0 && last > first, qPrintable(*script));
    QVERIFY(script->contains(d->updateVersion(u"strata_version"_s, energy, notes) + u";\n"_s));
    QVERIFY(script->contains(d->deleteVersion(u"strata_version"_s, initial) + u";\n"_s));
    QVERIFY(script->contains(u"'downgrade'"_s));
    QVERIFY(!script->contains(u"'upgrade'"_s));
}

void TestOffline::versionMovesForBaseLinearAndMerge_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("currentHeads");
    QTest::addColumn<QStringList>("moves");

    QTest::newRow("base: one insert") << u"a1a1a1a1a1a1"_s << QStringList()
                                      << QStringList{u"INSERT a1a1a1a1a1a1"_s};
    QTest::newRow("linear: one update") << u"b2b2b2b2b2b2"_s << QStringList{u"a1a1a1a1a1a1"_s}
                                        << QStringList{u"UPDATE a1a1a1a1a1a1 -> b2b2b2b2b2b2"_s};
    QTest::newRow("second branch: one insert") << u"c3c3c3c3c3c3"_s << QStringList{u"b2b2b2b2b2b2"_s}
                                               << QStringList{u"INSERT c3c3c3c3c3c3"_s};
    QTest::newRow("merge: two deletes, one insert")
        << u"d4d4d4d4d4d4"_s << QStringList{u"b2b2b2b2b2b2"_s, u"c3c3c3c3c3c3"_s}
        << QStringList{u"DELETE b2b2b2b2b2b2"_s, u"DELETE c3c3c3c3c3c3"_s, u"INSERT d4d4d4d4d4d4"_s};
}

void TestOffline::versionMovesForBaseLinearAndMerge()
{
    QFETCH(QString, target);
    QFETCH(QStringList, currentHeads);
    QFETCH(QStringList, moves);

    TestProject project;
    const QString a = u"a1a1a1a1a1a1"_s, b = u"b2b2b2b2b2b2"_s, c = u"c3c3c3c3c3c3"_s, m = u"d4d4d4d4d4d4"_s;
    QVERIFY(!project.writeRevision(a, {}, "- execute: SELECT 1", {}).isEmpty());
    QVERIFY(!project.writeRevision(b, {a}, {}, {}).isEmpty());
    QVERIFY(!project.writeRevision(c, {a}, {}, {}).isEmpty());
    QVERIFY(!project.writeRevision(m, {b, c}, {}, {}).isEmpty());
    auto opened = project.open();
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    auto plan = Planner(opened->graph()).upgrade(currentHeads, target);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
    QCOMPARE(plan->steps.size(), 1);

    const auto d = Dialect::forName(u"sqlite"_s);
    auto statements = stepStatements(*opened, plan->steps.first(), *d, {});
    QVERIFY(statements);
    QStringList expected;
    for (const QString &move : moves) {
        const QStringList parts = move.split(u' ');
        if (parts.first() == u"INSERT"_s)
            expected << d->insertVersion(u"strata_version"_s, parts.at(1));
        else if (parts.first() == u"DELETE"_s)
            expected << d->deleteVersion(u"strata_version"_s, parts.at(1));
        else
            expected << d->updateVersion(u"strata_version"_s, parts.at(1), parts.at(3));
    }
    QCOMPARE(statements->mid(statements->size() - expected.size()), expected);
}

void TestOffline::nonTransactionalRevisionRunsOutsideTheTransaction()
{
    TestProject project;
    QVERIFY(!project.writeRevision(u"e5e5e5e5e5e5_concurrent_index"_s, R"(revision: e5e5e5e5e5e5
down_revision: null
message: |
  Build an index
  without locking writers
transactional: false

upgrade:
  - execute: CREATE TABLE t (id INTEGER)
  - execute:
      sql: CREATE INDEX ix_t_id ON t (id)
      postgresql: CREATE INDEX CONCURRENTLY ix_t_id ON t (id)

downgrade:
  - execute: DROP TABLE t
)").isEmpty());
    auto opened = project.open();
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    auto plan = Planner(opened->graph()).upgrade({}, u"head"_s);
    QVERIFY(plan);
    const auto d = Dialect::forName(u"postgresql"_s);
    auto script = offlineScript(*opened, *plan, *d);
    QVERIFY2(script, qPrintable(script ? QString() : script.error().toString()));

    const QString expected = u"-- Running upgrade <base> -> e5e5e5e5e5e5, Build an index without locking writers\n"
                             "CREATE TABLE t (id INTEGER);\n"
                             "CREATE INDEX CONCURRENTLY ix_t_id ON t (id);\n"
                             "BEGIN;\n"_s
        + d->insertVersion(u"strata_version"_s, u"e5e5e5e5e5e5"_s) + u";\n"_s;
    QVERIFY2(script->contains(expected), qPrintable(*script));
    QCOMPARE(script->count(u"BEGIN;"_s), 1);
}

void TestOffline::operationThatDoesNotFitNamesFileAndLine()
{
    TestProject project;
    QVERIFY(!project.writeRevision(u"f6f6f6f6f6f6_drop_ghost"_s, R"(revision: f6f6f6f6f6f6
down_revision: null
message: Drop a table that was never created

upgrade:
  - drop_table: ghost

downgrade: []
)").isEmpty());
    auto opened = project.open();
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    auto plan = Planner(opened->graph()).upgrade({}, u"head"_s);
    QVERIFY(plan);
    const auto d = Dialect::forName(u"sqlite"_s);
    auto script = offlineScript(*opened, *plan, *d);
    QVERIFY(!script);
    QCOMPARE(script.error().where, u"migrations/versions/f6f6f6f6f6f6_drop_ghost.yaml:6: drop_table"_s);
    QVERIFY2(script.error().toString().contains(u"ghost"_s), qPrintable(script.error().toString()));
}

QTEST_GUILESS_MAIN(TestOffline)
#include "tst_offline.moc"
