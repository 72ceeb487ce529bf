// `execute:` with several statements, on both databases: they run one by one,
// the failing one is named and the step rolls back (SQLite used to say "not an
// error", PostgreSQL blamed the version table); a text of only a comment runs
// nothing instead of failing with "No query".
#include "enginehelpers.h"
#include "scratchdatabase.h"
#include "testprojects.h"

using namespace Qt::StringLiterals;
using namespace strata;
using namespace EngineHelpers;

class TestExecuteGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void severalStatements_data();
    void severalStatements();
};

void TestExecuteGuard::severalStatements_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QByteArray>("execute");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("rows");
    for (const QString &dialect : {u"sqlite"_s, u"postgresql"_s}) {
        const QByteArray tag = dialect.toUtf8();
        QTest::newRow(QByteArray(tag + ": three statements").constData())
            << dialect << QByteArray("\"INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);\\nINSERT INTO t VALUES (3)\"")
            << QString() << QStringList{u"1"_s, u"2"_s, u"3"_s};
        QTest::newRow(QByteArray(tag + ": a semicolon in a string").constData())
            << dialect << QByteArray("\"INSERT INTO t VALUES (length('a;b')); INSERT INTO t VALUES (4)\"") << QString()
            << QStringList{u"3"_s, u"4"_s};
        QTest::newRow(QByteArray(tag + ": the second fails").constData())
            << dialect << QByteArray("\"INSERT INTO t VALUES (1); INSERT INTO missing VALUES (2); INSERT INTO t VALUES (3)\"")
            << u"statement 2 of 3: "_s << QStringList();
        QTest::newRow(QByteArray(tag + ": only a comment").constData())
            << dialect << QByteArray("\"-- nothing to do here; yet\"") << QString() << QStringList();
    }
}

void TestExecuteGuard::severalStatements()
{
    QFETCH(QString, dialect);
    QFETCH(QByteArray, execute);
    QFETCH(QString, error);
    QFETCH(QStringList, rows);
    TestProject project;
    QVERIFY(!project.writeRevision(u"eeee00000001_table"_s,
                                   TestProjects::revisionYaml(u"eeee00000001"_s, {}, {},
                                                              "- execute: CREATE TABLE t (v INTEGER)",
                                                              "- execute: DROP TABLE t"))
                 .isEmpty());
    QVERIFY(!project.writeRevision(u"eeee00000002_fill"_s,
                                   TestProjects::revisionYaml(u"eeee00000002"_s, {u"eeee00000001"_s}, {},
                                                              "- execute: " + execute, "- execute: DELETE FROM t"))
                 .isEmpty());
    ScratchDatabase scratch(dialect);
    STRATA_REQUIRE_DATABASE(scratch);
    auto connected = scratch.connect();
    STRATA_VERIFY_RESULT(connected);
    Connection &db = **connected;
    auto opened = project.open();
    STRATA_VERIFY_RESULT(opened);

    STRATA_VERIFY_RESULT(upgrade(db, *opened, u"eeee00000001"_s));
    const auto ran = upgrade(db, *opened, u"head"_s);
    if (error.isEmpty()) {
        STRATA_VERIFY_RESULT(ran);
        QCOMPARE(heads(db, *opened), QStringList{u"eeee00000002"_s});
    } else {
        QVERIFY(!ran);
        const QString text = ran.error().toString();
        QVERIFY2(ran.error().message.contains(error), qPrintable(text));
        QVERIFY2(text.contains(u"missing"_s), qPrintable(text));
        QVERIFY2(ran.error().where.endsWith(u"eeee00000002_fill.yaml:6: execute"_s), qPrintable(text));
        QVERIFY(ran.error().cause);
        QCOMPARE(ran.error().cause->where, u"INSERT INTO missing VALUES (2)"_s);
        QCOMPARE(heads(db, *opened), QStringList{u"eeee00000001"_s});
    }
    QCOMPARE(EngineHelpers::rows(db, u"SELECT v FROM t ORDER BY v"_s), rows);
}

QTEST_GUILESS_MAIN(TestExecuteGuard)
#include "tst_executeguard.moc"
