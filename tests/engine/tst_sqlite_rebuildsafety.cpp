// SQLite table rebuilds on real files, after `execute:` statements did things
// the replayed schema does not know: foreign keys turned on (the DROP of the
// old table must cascade nothing), rows deleted at the top of an AUTOINCREMENT
// key (their ids are never handed out again), and a column, trigger, indexes
// and a view made by hand (kept, or the step stops before changing anything).
#include "enginehelpers.h"
#include "scratchdatabase.h"
#include "testprojects.h"

using namespace Qt::StringLiterals;
using namespace strata;
using namespace EngineHelpers;

namespace {

// parent (AUTOINCREMENT key) <- child ON DELETE CASCADE.
const QByteArray parentAndChild = R"(revision: dddd00000001
down_revision: null
message: Parent and child

upgrade:
  - create_table:
      name: parent
      columns:
        - {name: id, type: integer, primary_key: true, autoincrement: true}
        - {name: name, type: string(40)}
  - create_table:
      name: child
      columns:
        - {name: id, type: integer, primary_key: true}
        - {name: parent_id, type: integer, nullable: false}
      foreign_keys:
        - {name: fk_child_parent, columns: [parent_id], references: parent, ref_columns: [id], on_delete: CASCADE}

downgrade:
  - drop_table: child
  - drop_table: parent
)";

QByteArray nonTransactional(const QString &id, const QString &down, const QByteArray &upgrade)
{
    return "revision: " + id.toUtf8() + "\ndown_revision: " + down.toUtf8()
        + "\nmessage: By hand\ntransactional: false\n\nupgrade:\n" + upgrade + "\ndowngrade: []\n";
}

// A rebuild of parent: name becomes NOT NULL.
QByteArray rebuildParent(const QString &id, const QString &down)
{
    return TestProjects::revisionYaml(id, {down}, {},
                                      "- alter_column: {table: parent, column: name, nullable: false}",
                                      "- alter_column: {table: parent, column: name, nullable: true}");
}

} // namespace

class TestSqliteRebuildSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foreignKeysTurnedOnByExecuteCascadeNothing_data();
    void foreignKeysTurnedOnByExecuteCascadeNothing();
    void autoincrementCounterSurvives();
    void unknownColumnStopsBeforeAnyChange();
    void triggerIndexesAndViewAreCarriedOver();
};

void TestSqliteRebuildSafety::foreignKeysTurnedOnByExecuteCascadeNothing_data()
{
    QTest::addColumn<bool>("sameStep");
    QTest::newRow("execute in an earlier non-transactional step") << false;
    QTest::newRow("execute earlier in the same non-transactional step") << true;
}

void TestSqliteRebuildSafety::foreignKeysTurnedOnByExecuteCascadeNothing()
{
    QFETCH(bool, sameStep);
    TestProject project;
    QVERIFY(!project.writeRevision(u"dddd00000001_parent_and_child"_s, parentAndChild).isEmpty());
    if (sameStep) {
        QVERIFY(!project.writeRevision(u"dddd00000002_pragma"_s,
                                       nonTransactional(u"dddd00000002"_s, u"dddd00000001"_s,
                                                        "  - execute: PRAGMA foreign_keys = ON\n"
                                                        "  - alter_column: {table: parent, column: name, nullable: false}\n"))
                     .isEmpty());
    } else {
        QVERIFY(!project.writeRevision(u"dddd00000002_pragma"_s,
                                       nonTransactional(u"dddd00000002"_s, u"dddd00000001"_s,
                                                        "  - execute: PRAGMA foreign_keys = ON\n"))
                     .isEmpty());
        QVERIFY(!project.writeRevision(u"dddd00000003_rebuild"_s, rebuildParent(u"dddd00000003"_s, u"dddd00000002"_s))
                     .isEmpty());
    }
    ScratchDatabase scratch(u"sqlite"_s);
    auto connected = scratch.connect();
    STRATA_VERIFY_RESULT(connected);
    Connection &db = **connected;
    auto opened = project.open();
    STRATA_VERIFY_RESULT(opened);

    STRATA_VERIFY_RESULT(upgrade(db, *opened, u"dddd00000001"_s));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO parent (id, name) VALUES (1, 'a'), (2, 'b')"_s));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO child (id, parent_id) VALUES (10, 1), (11, 2), (12, 2)"_s));

    STRATA_VERIFY_RESULT(upgrade(db, *opened, u"head"_s));
    QCOMPARE(rows(db, u"SELECT id, parent_id FROM child ORDER BY id"_s),
             (QStringList{u"10|1"_s, u"11|2"_s, u"12|2"_s}));
    QCOMPARE(rows(db, u"SELECT id, name FROM parent ORDER BY id"_s), (QStringList{u"1|a"_s, u"2|b"_s}));
    // The revision asked for foreign keys on: the run puts that back once the rebuild is done.
    QCOMPARE(rows(db, u"PRAGMA foreign_keys"_s), QStringList{u"1"_s});
}

void TestSqliteRebuildSafety::autoincrementCounterSurvives()
{
    TestProject project;
    QVERIFY(!project.writeRevision(u"dddd00000001_parent_and_child"_s, parentAndChild).isEmpty());
    QVERIFY(!project.writeRevision(u"dddd00000002_rebuild"_s, rebuildParent(u"dddd00000002"_s, u"dddd00000001"_s))
                 .isEmpty());
    ScratchDatabase scratch(u"sqlite"_s);
    auto connected = scratch.connect();
    STRATA_VERIFY_RESULT(connected);
    Connection &db = **connected;
    auto opened = project.open();
    STRATA_VERIFY_RESULT(opened);

    STRATA_VERIFY_RESULT(upgrade(db, *opened, u"dddd00000001"_s));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO parent (name) VALUES ('a'), ('b'), ('c')"_s));
    STRATA_VERIFY_RESULT(db.exec(u"DELETE FROM parent WHERE id = 3"_s));
    STRATA_VERIFY_RESULT(upgrade(db, *opened, u"head"_s));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO parent (name) VALUES ('d')"_s));
    QCOMPARE(rows(db, u"SELECT id, name FROM parent ORDER BY id"_s), (QStringList{u"1|a"_s, u"2|b"_s, u"4|d"_s}));
    QCOMPARE(rows(db, u"SELECT name, seq FROM sqlite_sequence WHERE name LIKE '%parent%'"_s),
             QStringList{u"parent|4"_s});
}

// A column the revisions never added would go with its data: the step stops
// before the rebuild's first statement and names it.
void TestSqliteRebuildSafety::unknownColumnStopsBeforeAnyChange()
{
    TestProject project;
    QVERIFY(!project.writeRevision(u"dddd00000001_parent_and_child"_s, parentAndChild).isEmpty());
    QVERIFY(!project.writeRevision(u"dddd00000002_rebuild"_s, rebuildParent(u"dddd00000002"_s, u"dddd00000001"_s))
                 .isEmpty());
    ScratchDatabase scratch(u"sqlite"_s);
    auto connected = scratch.connect();
    STRATA_VERIFY_RESULT(connected);
    Connection &db = **connected;
    auto opened = project.open();
    STRATA_VERIFY_RESULT(opened);

    STRATA_VERIFY_RESULT(upgrade(db, *opened, u"dddd00000001"_s));
    STRATA_VERIFY_RESULT(db.exec(u"ALTER TABLE parent ADD COLUMN nickname TEXT"_s));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO parent (id, name, nickname) VALUES (1, 'a', 'kept')"_s));

    const auto failed = upgrade(db, *opened, u"head"_s);
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, Error::Code::Conflict);
    const QString text = failed.error().toString();
    QVERIFY2(text.contains(u"table parent in the database differs"_s), qPrintable(text));
    QVERIFY2(text.contains(u"nickname"_s), qPrintable(text));
    QVERIFY2(failed.error().hint.contains(u"nothing was changed"_s), qPrintable(text));
    QVERIFY2(failed.error().where.contains(u"dddd00000002_rebuild.yaml:"_s), qPrintable(text));
    QCOMPARE(heads(db, *opened), QStringList{u"dddd00000001"_s});
    QCOMPARE(rows(db, u"SELECT id, name, nickname FROM parent"_s), QStringList{u"1|a|kept"_s});
}

void TestSqliteRebuildSafety::triggerIndexesAndViewAreCarriedOver()
{
    TestProject project;
    QVERIFY(!project.writeRevision(u"dddd00000001_parent_and_child"_s, parentAndChild).isEmpty());
    QVERIFY(!project.writeRevision(
                     u"dddd00000002_by_hand"_s,
                     TestProjects::revisionYaml(
                         u"dddd00000002"_s, {u"dddd00000001"_s}, {},
                         "- execute: CREATE TABLE audit (what TEXT)\n"
                         "- execute: CREATE TRIGGER parent_audit AFTER INSERT ON parent BEGIN "
                         "INSERT INTO audit VALUES (new.name); END\n"
                         "- execute: CREATE INDEX ix_parent_lower ON parent (lower(name))\n"
                         "- execute: CREATE INDEX ix_parent_named ON parent (name) WHERE name IS NOT NULL\n"
                         "- execute: CREATE VIEW parent_names AS SELECT name FROM parent\n"
                         "- execute: CREATE TRIGGER child_touch AFTER INSERT ON child BEGIN "
                         "UPDATE parent SET name = name WHERE id = new.parent_id; END",
                         "- execute: DROP VIEW parent_names"))
                 .isEmpty());
    QVERIFY(!project.writeRevision(u"dddd00000003_rebuild"_s, rebuildParent(u"dddd00000003"_s, u"dddd00000002"_s))
                 .isEmpty());
    ScratchDatabase scratch(u"sqlite"_s);
    auto connected = scratch.connect();
    STRATA_VERIFY_RESULT(connected);
    Connection &db = **connected;
    auto opened = project.open();
    STRATA_VERIFY_RESULT(opened);

    STRATA_VERIFY_RESULT(upgrade(db, *opened, u"dddd00000002"_s));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO parent (name) VALUES ('a')"_s));
    STRATA_VERIFY_RESULT(upgrade(db, *opened, u"head"_s));

    QCOMPARE(rows(db, u"SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                      "AND name NOT LIKE 'strata_%' ORDER BY type, name"_s),
             (QStringList{u"index|ix_parent_lower"_s, u"index|ix_parent_named"_s, u"table|audit"_s,
                          u"table|child"_s, u"table|parent"_s, u"trigger|child_touch"_s, u"trigger|parent_audit"_s,
                          u"view|parent_names"_s}));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO parent (name) VALUES ('b')"_s));
    QCOMPARE(rows(db, u"SELECT what FROM audit ORDER BY what"_s), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(rows(db, u"SELECT name FROM parent_names ORDER BY name"_s), (QStringList{u"a"_s, u"b"_s}));
}

QTEST_GUILESS_MAIN(TestSqliteRebuildSafety)
#include "tst_sqlite_rebuildsafety.moc"
