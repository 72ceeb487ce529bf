// All-or-nothing runs (--atomic): every step in one transaction. A failure
// at the first, a middle or the last step leaves the database exactly where
// it started, on SQLite and PostgreSQL; steps that cannot share a
// transaction are refused before anything runs.

#include "resultcheck.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include "core/run/offlinescript.h"
#include "core/project/project.h"
#include "core/workflow/migrator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

// r1..r3 create t1..t3; `failing` (1-based, 0 for none) also runs SQL that fails.
void writeProject(const TestProject &project, int failing, bool thirdNonTransactional = false)
{
    QString parent;
    for (int i = 1; i <= 3; ++i) {
        const QString id = u"a000000000%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        QByteArray upgrade = "- create_table: {name: t" + QByteArray::number(i)
            + ", columns: [{name: id, type: integer}]}\n";
        if (i == failing)
            upgrade += "- execute: INSERT INTO no_such_table VALUES (1)\n";
        QByteArray text = TestProjects::revisionYaml(id, parent.isEmpty() ? QStringList() : QStringList{parent},
                                                     u"step %1"_s.arg(i), upgrade,
                                                     "- drop_table: t" + QByteArray::number(i) + "\n");
        if (i == 3 && thirdNonTransactional)
            text.replace("message:", "transactional: false\nmessage:");
        QVERIFY(!project.writeRevision(id + u"_step.yaml"_s, text).isEmpty());
        parent = id;
    }
}

} // namespace

class TestAtomic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failureAnywhereChangesNothing_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<int>("failing");
        for (const QString &dialect : {u"sqlite"_s, u"postgresql"_s}) {
            QTest::newRow(qPrintable(dialect + u": first step fails"_s)) << dialect << 1;
            QTest::newRow(qPrintable(dialect + u": middle step fails"_s)) << dialect << 2;
            QTest::newRow(qPrintable(dialect + u": last step fails"_s)) << dialect << 3;
            QTest::newRow(qPrintable(dialect + u": nothing fails"_s)) << dialect << 0;
        }
    }

    void failureAnywhereChangesNothing()
    {
        QFETCH(QString, dialect);
        QFETCH(int, failing);
        TestProject project;
        writeProject(project, failing);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        auto opened = project.open();
        STRATA_VERIFY_RESULT(opened);
        auto connection = db.connect();
        STRATA_VERIFY_RESULT(connection);

        MigrateOptions options;
        options.atomic = true;
        const MigrateOutcome outcome = Migrator(**connection, *opened).run(options);
        auto tables = (*connection)->userTables({u"strata_version"_s, u"strata_history"_s});
        STRATA_VERIFY_RESULT(tables);
        auto history = (*connection)->select(u"SELECT count(*) FROM strata_history"_s);
        STRATA_VERIFY_RESULT(history);
        if (failing == 0) {
            QVERIFY2(outcome.ok(), qPrintable(outcome.summary()));
            QCOMPARE(tables->size(), 3);
            QCOMPARE(history->first().value(0).toInt(), 3);
            return;
        }
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error->message.contains(u"all 3 steps rolled back (--atomic)"_s),
                 qPrintable(outcome.error->toString()));
        QVERIFY2(outcome.error->toString().contains(u"step %1 of 3"_s.arg(failing)), qPrintable(outcome.error->toString()));
        QCOMPARE(*tables, QStringList());
        QCOMPARE(history->first().value(0).toInt(), 0);
        QVERIFY(outcome.headsAfter.has_value());
        QCOMPARE(*outcome.headsAfter, QStringList());
        QCOMPARE(outcome.positionAfterFailure(), u"The database is still at base; nothing was changed."_s);
    }

    void stepsThatCannotShareATransactionAreRefusedFirst()
    {
        TestProject project;
        writeProject(project, 0, true);
        ScratchDatabase db(u"sqlite"_s);
        STRATA_REQUIRE_DATABASE(db);
        auto opened = project.open();
        STRATA_VERIFY_RESULT(opened);
        auto connection = db.connect();
        STRATA_VERIFY_RESULT(connection);
        MigrateOptions options;
        options.atomic = true;
        const MigrateOutcome outcome = Migrator(**connection, *opened).run(options);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error->message.contains(u"is not transactional"_s), qPrintable(outcome.error->toString()));
        QVERIFY2(outcome.error->where.endsWith(u"a00000000003_step.yaml"_s), qPrintable(outcome.error->where));
        auto tables = (*connection)->userTables({u"strata_version"_s, u"strata_history"_s});
        STRATA_VERIFY_RESULT(tables);
        QCOMPARE(*tables, QStringList());
    }

    void offlineScriptHasOneTransaction()
    {
        TestProject project;
        writeProject(project, 0);
        auto opened = project.open();
        STRATA_VERIFY_RESULT(opened);
        auto plan = Planner(opened->graph()).upgrade({}, u"head"_s);
        STRATA_VERIFY_RESULT(plan);
        for (const QString &dialect : {u"sqlite"_s, u"postgresql"_s}) {
            auto script = offlineScript(*opened, *plan, *Dialect::forName(dialect), true);
            STRATA_VERIFY_RESULT(script);
            QCOMPARE(script->count(u"BEGIN"_s), 1);
            QCOMPARE(script->count(u"COMMIT;"_s), 1);
            QVERIFY(script->indexOf(u"BEGIN"_s) < script->indexOf(u"CREATE TABLE \"t1\""_s));
            QVERIFY(script->lastIndexOf(u"COMMIT;"_s) > script->lastIndexOf(u"INSERT INTO \"strata_history\""_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestAtomic)
#include "tst_atomic.moc"
