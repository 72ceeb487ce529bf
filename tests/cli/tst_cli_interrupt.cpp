// Ctrl-C, SIGTERM and SIGHUP during `strata upgrade`: the step in flight
// finishes (or rolls back) whole, the run stops, and it says where the
// database is; the version row and the tables agree afterwards.

#include "cliprocess.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class TestCliInterrupt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signalStopsBetweenSteps_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT (Ctrl-C)") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGHUP") << int(SIGHUP);
    }

    void signalStopsBetweenSteps()
    {
        QFETCH(int, signal);
        constexpr int steps = 400;
        TestProject project;
        QString parent;
        for (int i = 0; i < steps; ++i) {
            const QString id = u"r%1"_s.arg(i, 11, 10, QLatin1Char('0'));
            const QByteArray table = "t" + QByteArray::number(i);
            QVERIFY(!project.writeRevision(id, parent.isEmpty() ? QStringList() : QStringList{parent},
                                           "  - create_table: {name: " + table + ", columns: [{name: id, type: integer}]}\n",
                                           "  - drop_table: " + table + "\n").isEmpty());
            parent = id;
        }
        ScratchDatabase database(u"sqlite"_s);
        STRATA_REQUIRE_DATABASE(database);
        const QStringList base{u"--directory"_s, project.path(), u"--database"_s, database.url()};

        CliProcess run(QStringLiteral(STRATA_CLI), base + QStringList{u"upgrade"_s, u"head"_s});
        QVERIFY(run.waitForStarted());
        // Interrupt once a few steps have run.
        QVERIFY(run.waitForErrorText(u"Running upgrade"_s, 5, 30000));
        run.sendSignal(signal);
        const CliRun stopped = run.finish();
        const QString &err = stopped.err;
        QVERIFY2(stopped.exited(), qPrintable(err));
        QCOMPARE(stopped.exitCode, 1);
        QVERIFY2(err.contains(u"Stopping after the step in flight"_s), qPrintable(err));
        QVERIFY2(err.contains(u"interrupted: stopped after step"_s), qPrintable(err));
        QVERIFY2(err.contains(u"The database is at r"_s), qPrintable(err));

        // The version row and the tables agree: revision rN means tables t0..tN.
        auto connection = database.connect();
        QVERIFY(connection.has_value());
        auto version = (*connection)->select(u"SELECT version_num FROM strata_version"_s);
        QVERIFY(version.has_value());
        QCOMPARE(version->size(), 1);
        const int at = version->first().value(0).toString().mid(1).toInt();
        QVERIFY2(at < steps - 1, "the run should have stopped before the last step");
        auto tables = (*connection)->select(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 't%'"_s);
        QVERIFY(tables.has_value());
        QCOMPARE(tables->first().value(0).toInt(), at + 1);

        // And a second run goes on from there to the end.
        const CliRun rest = runCli(QStringLiteral(STRATA_CLI), base + QStringList{u"upgrade"_s, u"head"_s});
        QVERIFY2(rest.exitCode == 0, qPrintable(rest.all()));
    }
};

QTEST_GUILESS_MAIN(TestCliInterrupt)
#include "tst_cli_interrupt.moc"
