// PostgreSQL: a session that read a table in a transaction it keeps open holds
// a lock the step's ALTER needs. The step waits at most --lock-timeout, rolls
// back, and names the blocking session (pid, application, state) instead of
// waiting forever with every later reader queued behind it.
#include "enginehelpers.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;
using namespace strata;
using namespace EngineHelpers;

class TestStepLockTimeout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blockedAlterNamesTheBlocker();
};

void TestStepLockTimeout::blockedAlterNamesTheBlocker()
{
    TestProject project;
    QVERIFY(!project.writeRevision(u"abab00000001_table"_s,
                                   TestProjects::revisionYaml(u"abab00000001"_s, {}, {},
                                                              "- create_table: {name: note, columns: "
                                                              "[{name: id, type: integer, primary_key: true}]}",
                                                              "- drop_table: note"))
                 .isEmpty());
    QVERIFY(!project.writeRevision(u"abab00000002_column"_s,
                                   TestProjects::revisionYaml(u"abab00000002"_s, {u"abab00000001"_s}, {},
                                                              "- add_column: {table: note, column: {name: body, type: text}}",
                                                              "- drop_column: {table: note, column: body}"))
                 .isEmpty());
    ScratchDatabase scratch(u"postgresql"_s);
    STRATA_REQUIRE_DATABASE(scratch);
    auto opened = project.open();
    STRATA_VERIFY_RESULT(opened);
    auto runnerSide = scratch.connect(Connection::Options{.busyTimeoutMs = 400});
    STRATA_VERIFY_RESULT(runnerSide);
    STRATA_VERIFY_RESULT(upgrade(**runnerSide, *opened, u"abab00000001"_s));

    auto reader = scratch.connect();
    STRATA_VERIFY_RESULT(reader);
    STRATA_VERIFY_RESULT((*reader)->exec(u"SET application_name = 'report-job'"_s));
    STRATA_VERIFY_RESULT((*reader)->begin());
    STRATA_VERIFY_RESULT((*reader)->select(u"SELECT count(*) FROM note"_s));
    auto readerPid = (*reader)->select(u"SELECT pg_backend_pid()"_s);
    STRATA_VERIFY_RESULT(readerPid);

    QElapsedTimer timer;
    timer.start();
    const auto blocked = upgrade(**runnerSide, *opened, u"head"_s);
    const qint64 waited = timer.elapsed();
    QVERIFY(!blocked);
    const QString text = blocked.error().toString();
    QCOMPARE(blocked.error().code, Error::Code::Locked);
    QVERIFY2(text.contains(u"waited 400 ms for a table lock"_s), qPrintable(text));
    QVERIFY2(text.contains(u"session %1 (application 'report-job', state 'idle in transaction'"_s
                               .arg(readerPid->first().value(0).toString())),
             qPrintable(text));
    QVERIFY2(blocked.error().hint.contains(u"pg_terminate_backend"_s), qPrintable(text));
    QVERIFY2(waited < 10000, qPrintable(QString::number(waited)));
    QCOMPARE(heads(**runnerSide, *opened), QStringList{u"abab00000001"_s});

    STRATA_VERIFY_RESULT((*reader)->rollback());
    STRATA_VERIFY_RESULT(upgrade(**runnerSide, *opened, u"head"_s));
    QCOMPARE(columns(**runnerSide, u"note"_s), (QStringList{u"id"_s, u"body"_s}));
}

QTEST_GUILESS_MAIN(TestStepLockTimeout)
#include "tst_steplocktimeout.moc"
