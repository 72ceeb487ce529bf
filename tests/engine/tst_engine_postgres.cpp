// The engine on the real PostgreSQL server `make test` starts with
// pg_virtualenv: the shared EngineTestCase bodies, plus connection failures
// and the advisory lock that keeps two runs apart.
#include "enginetestcase.h"

class TestEnginePostgres : public EngineTestCase
{
    Q_OBJECT
public:
    TestEnginePostgres() : EngineTestCase(u"postgresql"_s) {}

private Q_SLOTS:
    void connectionFailuresSayWhatAndHideThePassword_data();
    void connectionFailuresSayWhatAndHideThePassword();
    void secondRunWaitsForTheLockAndNamesItsHolder();
};

void TestEnginePostgres::connectionFailuresSayWhatAndHideThePassword_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("hintPart");

    const QString right = qEnvironmentVariable("PGPASSWORD");
    const int port = qEnvironmentVariableIntValue("PGPORT");
    QTest::newRow("wrong password") << u"Not-The-Password-42"_s << u"postgres"_s << port << u"PGPASSWORD"_s;
    QTest::newRow("database missing") << right << u"strata_no_such_database"_s << port
                                      << u"createdb strata_no_such_database"_s;
    QTest::newRow("nothing listening") << right << u"postgres"_s << 1 << u"is the server running"_s;
}

void TestEnginePostgres::connectionFailuresSayWhatAndHideThePassword()
{
    QFETCH(QString, password);
    QFETCH(QString, database);
    QFETCH(int, port);
    QFETCH(QString, hintPart);
    QVERIFY2(!qEnvironmentVariableIsEmpty("PGHOST"), "run through `make test` (pg_virtualenv)");

    DatabaseUrl url;
    url.dialect = strata::DialectKind::Postgresql;
    url.host = qEnvironmentVariable("PGHOST");
    url.port = port;
    url.user = qEnvironmentVariable("PGUSER");
    url.password = password;
    url.database = database;
    const auto opened = Connection::open(url, Connection::Options{.connectTimeoutSeconds = 5});
    QVERIFY(!opened);
    const Error &error = opened.error();
    QCOMPARE(error.code, Error::Code::Database);
    const QString expectedStart = u"could not connect to PostgreSQL at %1:%2 as %3: "_s
                                      .arg(url.host).arg(port).arg(url.user);
    QVERIFY2(error.message.startsWith(expectedStart), qPrintable(error.toString()));
    QVERIFY2(error.message.size() > expectedStart.size(), "the server's own text follows");
    QVERIFY2(error.hint.contains(hintPart), qPrintable(error.hint));
    QVERIFY2(!error.toString().contains(password), qPrintable(error.toString()));
    QVERIFY2(error.where.contains(u":***@"_s), qPrintable(error.where));
}

void TestEnginePostgres::secondRunWaitsForTheLockAndNamesItsHolder()
{
    TestProject project;
    QVERIFY(project.copyExample());
    auto opened = project.open();
    STRATA_VERIFY_RESULT(opened);
    ScratchDatabase scratch(m_dialect);
    STRATA_REQUIRE_DATABASE(scratch);

    auto holder = scratch.connect();
    STRATA_VERIFY_RESULT(holder);
    STRATA_VERIFY_RESULT((*holder)->acquireRunLock(u"strata_version"_s));
    const auto pid = rows(**holder, u"SELECT pg_backend_pid()"_s);
    QCOMPARE(pid.size(), 1);

    auto waiting = scratch.connect(Connection::Options{.busyTimeoutMs = 300});
    STRATA_VERIFY_RESULT(waiting);
    const auto locked = upgrade(**waiting, *opened, u"head"_s);
    QVERIFY(!locked);
    QCOMPARE(locked.error().code, Error::Code::Locked);
    QVERIFY2(locked.error().message.contains(u"process "_s + pid.first()), qPrintable(locked.error().toString()));
    QVERIFY2(locked.error().message.contains(u"waited 300 ms"_s), qPrintable(locked.error().message));
    QVERIFY2(locked.error().hint.contains(u"pg_terminate_backend"_s), qPrintable(locked.error().hint));
    QCOMPARE(tables(**waiting, *opened), QStringList());

    (*holder)->releaseRunLock();
    STRATA_VERIFY_RESULT(upgrade(**waiting, *opened, u"head"_s));
    QCOMPARE(heads(**waiting, *opened), QStringList{energy});
}

QTEST_GUILESS_MAIN(TestEnginePostgres)
#include "moc_enginetestcase.cpp"
#include "tst_engine_postgres.moc"
