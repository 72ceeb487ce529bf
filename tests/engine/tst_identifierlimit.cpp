// PostgreSQL cuts names to 63 bytes without an error: a longer name is refused
// before the first step runs, with the operation's file:line, the name and its
// length; SQLite has no such limit and takes it.
#include "enginehelpers.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include "core/run/offlinescript.h"

using namespace Qt::StringLiterals;
using namespace strata;
using namespace EngineHelpers;

class TestIdentifierLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longNames_data();
    void longNames();
};

void TestIdentifierLimit::longNames_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("refused");
    const QString sixtyThree = QString(63, u'c');
    // 'é' is two bytes in UTF-8: 32 of them are 64 bytes in 32 characters.
    const QString accented = QString(32, QChar(0x00E9));
    QTest::newRow("postgresql: 63 bytes") << u"postgresql"_s << sixtyThree << false;
    QTest::newRow("postgresql: 64 bytes") << u"postgresql"_s << sixtyThree + u'x' << true;
    QTest::newRow("postgresql: 64 bytes in 32 characters") << u"postgresql"_s << accented << true;
    QTest::newRow("sqlite: 64 bytes") << u"sqlite"_s << sixtyThree + u'x' << false;
}

void TestIdentifierLimit::longNames()
{
    QFETCH(QString, dialect);
    QFETCH(QString, name);
    QFETCH(bool, refused);
    TestProject project;
    QVERIFY(!project.writeRevision(u"ffff00000001_first"_s,
                                   TestProjects::revisionYaml(u"ffff00000001"_s, {}, {},
                                                              "- create_table: {name: short, columns: "
                                                              "[{name: id, type: integer, primary_key: true}]}",
                                                              "- drop_table: short"))
                 .isEmpty());
    QVERIFY(!project.writeRevision(u"ffff00000002_long"_s,
                                   TestProjects::revisionYaml(u"ffff00000002"_s, {u"ffff00000001"_s}, {},
                                                              "- add_column: {table: short, column: {name: \""
                                                                  + name.toUtf8() + "\", type: integer}}",
                                                              "- drop_column: {table: short, column: \""
                                                                  + name.toUtf8() + "\"}"))
                 .isEmpty());
    ScratchDatabase scratch(dialect);
    STRATA_REQUIRE_DATABASE(scratch);
    auto connected = scratch.connect();
    STRATA_VERIFY_RESULT(connected);
    Connection &db = **connected;
    auto opened = project.open();
    STRATA_VERIFY_RESULT(opened);

    const auto ran = upgrade(db, *opened, u"head"_s);
    if (!refused) {
        STRATA_VERIFY_RESULT(ran);
        QCOMPARE(columns(db, u"short"_s), (QStringList{u"id"_s, name}));
        return;
    }
    QVERIFY(!ran);
    QCOMPARE(ran.error().code, Error::Code::Input);
    QVERIFY2(ran.error().message.contains(u"is 64 bytes long; PostgreSQL keeps only the first 63"_s),
             qPrintable(ran.error().toString()));
    QVERIFY2(ran.error().where.endsWith(u"ffff00000002_long.yaml:6: add_column"_s), qPrintable(ran.error().where));
    // Refused before the first step: not even the short table was made.
    QCOMPARE(heads(db, *opened), QStringList());
    QCOMPARE(tables(db, *opened), QStringList());

    auto steps = plan(db, *opened, Direction::Upgrade, u"head"_s);
    STRATA_VERIFY_RESULT(steps);
    QVERIFY(!offlineScript(*opened, *steps, db.dialect()));
}

QTEST_GUILESS_MAIN(TestIdentifierLimit)
#include "tst_identifierlimit.moc"
