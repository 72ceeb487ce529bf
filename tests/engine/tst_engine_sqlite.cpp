// The engine on real SQLite files: the shared EngineTestCase bodies, plus
// what only SQLite has -- a file lock held by another connection, a missing
// folder, a file that is not a database.
#include "enginetestcase.h"

#include <QElapsedTimer>

class TestEngineSqlite : public EngineTestCase
{
    Q_OBJECT
public:
    TestEngineSqlite() : EngineTestCase(u"sqlite"_s) {}

private Q_SLOTS:
    void lockedDatabaseFailsWithinBusyTimeout();
    void missingFolderIsNamed();
    void fileThatIsNotADatabase();
    void foreignKeysStayOffOnTheConnection();
    void rebuildWithBrokenReferenceFailsTheStep();
};

void TestEngineSqlite::lockedDatabaseFailsWithinBusyTimeout()
{
    TestProject project;
    QVERIFY(project.copyExample());
    auto opened = project.open();
    STRATA_VERIFY_RESULT(opened);
    ScratchDatabase scratch(m_dialect);
    STRATA_REQUIRE_DATABASE(scratch);

    auto holder = scratch.connect();
    STRATA_VERIFY_RESULT(holder);
    STRATA_VERIFY_RESULT((*holder)->begin());          // BEGIN IMMEDIATE: the write lock, held

    auto waiting = scratch.connect(Connection::Options{.busyTimeoutMs = 300});
    STRATA_VERIFY_RESULT(waiting);
    QElapsedTimer timer;
    timer.start();
    const auto locked = upgrade(**waiting, *opened, u"head"_s);
    const qint64 waited = timer.elapsed();
    QVERIFY(!locked);
    QCOMPARE(locked.error().code, Error::Code::Locked);
    QCOMPARE(locked.error().message, u"database is locked by another process (waited 300 ms)"_s);
    QVERIFY2(locked.error().hint.contains(u"--lock-timeout"_s), qPrintable(locked.error().hint));
    QVERIFY2(waited >= 250, qPrintable(QString::number(waited)));   // it did wait for the lock
    QVERIFY2(waited < 10000, qPrintable(QString::number(waited)));  // and gave up, not hung
    QCOMPARE(heads(**waiting, *opened), QStringList());

    STRATA_VERIFY_RESULT((*holder)->rollback());
    STRATA_VERIFY_RESULT(upgrade(**waiting, *opened, u"head"_s));
    QCOMPARE(heads(**waiting, *opened), QStringList{energy});
}

void TestEngineSqlite::missingFolderIsNamed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(u"no/such/folder"_s);
    auto url = DatabaseUrl::parse(u"sqlite:///"_s + folder + u"/habitz.db"_s);
    STRATA_VERIFY_RESULT(url);
    const auto opened = Connection::open(*url);
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, Error::Code::Io);
    QVERIFY2(opened.error().message.contains(u'\'' + folder + u'\''), qPrintable(opened.error().toString()));
    QVERIFY(!opened.error().hint.isEmpty());
    QVERIFY(!QFileInfo::exists(folder));
}

void TestEngineSqlite::fileThatIsNotADatabase()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"notes.txt"_s);
    QVERIFY(TestProjects::writeFile(path, QByteArray("These are notes, not an SQLite database.\n").repeated(50)));
    DatabaseUrl url;
    url.dialect = strata::DialectKind::Sqlite;
    url.path = path;
    const auto opened = Connection::open(url);
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, Error::Code::Database);
    QVERIFY2(opened.error().toString().contains(u"not a database"_s), qPrintable(opened.error().toString()));
}

void TestEngineSqlite::foreignKeysStayOffOnTheConnection()
{
    ScratchDatabase scratch(m_dialect);
    STRATA_REQUIRE_DATABASE(scratch);
    auto connection = scratch.connect();
    STRATA_VERIFY_RESULT(connection);
    QCOMPARE(rows(**connection, u"PRAGMA foreign_keys"_s), QStringList{u"0"_s});
}

// A rebuild ends with PRAGMA foreign_key_check; a row pointing at nothing
// (possible while foreign keys are off) fails the step instead of passing silently.
void TestEngineSqlite::rebuildWithBrokenReferenceFailsTheStep()
{
    TestProject project;
    QVERIFY(!project.writeRevision(u"bbbb00000001_parent_and_child"_s, parentAndChild).isEmpty());
    QVERIFY(!project.writeRevision(u"bbbb00000003"_s, {u"bbbb00000001"_s},
                                   "- alter_column: {table: child, column: parent_id, nullable: true}",
                                   "- alter_column: {table: child, column: parent_id, nullable: false}")
                 .isEmpty());
    ENGINE_SETUP(project);

    STRATA_VERIFY_RESULT(upgrade(db, p, u"bbbb00000001"_s));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO parent (id, name) VALUES (1, 'a')"_s));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO child (id, parent_id) VALUES (10, 1), (11, 99)"_s));

    const auto failed = upgrade(db, p, u"head"_s);
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, Error::Code::Database);
    QVERIFY2(failed.error().message.contains(
                 u"foreign key violations in table child after rebuild: 1 row points at nothing"_s),
             qPrintable(failed.error().toString()));
    QVERIFY(failed.error().cause);
    QCOMPARE(failed.error().cause->where, u"PRAGMA foreign_key_check(\"child\")"_s);
    QCOMPARE(heads(db, p), QStringList{u"bbbb00000001"_s});
    QCOMPARE(rows(db, u"SELECT id, parent_id FROM child ORDER BY id"_s), (QStringList{u"10|1"_s, u"11|99"_s}));
    QCOMPARE(indexes(db, u"child"_s), QStringList{u"ix_child_parent_id"_s});
}

QTEST_GUILESS_MAIN(TestEngineSqlite)
#include "moc_enginetestcase.cpp"
#include "tst_engine_sqlite.moc"
