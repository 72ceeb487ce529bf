// Drift sees triggers and views, which the replayed Schema does not hold:
// the ones the history makes with `execute:` are no drift, one made or
// dropped by hand is, and a trigger goes with the table a step drops. On
// SQLite and PostgreSQL.
#include "enginehelpers.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include "core/workflow/databasestatus.h"
#include "core/workflow/viewtriggerdrift.h"

using namespace Qt::StringLiterals;
using namespace strata;
using namespace EngineHelpers;

namespace {

const QByteArray itemTable = R"(revision: abab00000001
down_revision: null
message: Item
upgrade:
  - create_table:
      name: item
      columns:
        - {name: id, type: integer, primary_key: true}
        - {name: name, type: string(40)}
downgrade:
  - drop_table: item
)";

// A view and a trigger made with execute, per dialect (PostgreSQL's trigger needs a function).
const QByteArray viewAndTrigger = R"(revision: abab00000002
down_revision: abab00000001
message: View and trigger by hand-written SQL
upgrade:
  - execute: CREATE VIEW item_names AS SELECT name FROM item
  - execute:
      sqlite: |
        CREATE TRIGGER "Item_Touch" AFTER UPDATE OF name ON main.item
        BEGIN SELECT 1; END;
      postgresql: |
        CREATE FUNCTION item_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER item_touch AFTER UPDATE OF name ON public.item FOR EACH ROW EXECUTE FUNCTION item_touch();
downgrade:
  - execute:
      sqlite: DROP TRIGGER "Item_Touch"
      postgresql: DROP TRIGGER item_touch ON item; DROP FUNCTION item_touch()
  - execute: DROP VIEW item_names
)";

// A table with a trigger, then a step that drops the table: the trigger goes with it.
const QByteArray logWithTrigger = R"(revision: abab00000003
down_revision: abab00000002
message: Log table with a guard trigger
upgrade:
  - create_table: {name: log, columns: [{name: id, type: integer, primary_key: true}]}
  - execute:
      sqlite: CREATE TRIGGER IF NOT EXISTS log_guard BEFORE DELETE ON log BEGIN SELECT 1; END
      postgresql: |
        CREATE FUNCTION log_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$;
        CREATE TRIGGER log_guard BEFORE DELETE ON log FOR EACH ROW EXECUTE FUNCTION log_guard()
downgrade:
  - execute:
      sqlite: DROP TRIGGER log_guard
      postgresql: DROP TRIGGER log_guard ON log; DROP FUNCTION log_guard()
  - drop_table: log
)";

const QByteArray dropLog = R"(revision: abab00000004
down_revision: abab00000003
message: Drop the log
upgrade:
  - drop_table: log
downgrade:
  - create_table: {name: log, columns: [{name: id, type: integer, primary_key: true}]}
  - execute:
      sqlite: CREATE TRIGGER log_guard BEFORE DELETE ON log BEGIN SELECT 1; END
      postgresql: CREATE TRIGGER log_guard BEFORE DELETE ON log FOR EACH ROW EXECUTE FUNCTION log_guard()
)";

QString handTrigger(bool sqlite, const QString &name)
{
    return sqlite ? u"CREATE TRIGGER %1 AFTER INSERT ON item BEGIN SELECT 1; END"_s.arg(name)
                  : u"CREATE TRIGGER %1 AFTER INSERT ON item FOR EACH ROW EXECUTE FUNCTION item_touch()"_s.arg(name);
}

} // namespace

class TestViewTriggerDrift : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void drift_data();
    void drift();

private:
    TestProject m_project;
};

void TestViewTriggerDrift::initTestCase()
{
    QVERIFY(m_project.isValid());
    QVERIFY(!m_project.writeRevision(u"abab00000001_item"_s, itemTable).isEmpty());
    QVERIFY(!m_project.writeRevision(u"abab00000002_view_and_trigger"_s, viewAndTrigger).isEmpty());
    QVERIFY(!m_project.writeRevision(u"abab00000003_log"_s, logWithTrigger).isEmpty());
    QVERIFY(!m_project.writeRevision(u"abab00000004_drop_log"_s, dropLog).isEmpty());
}

void TestViewTriggerDrift::drift_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("byHand");     // SQL run after the upgrade; "%trigger" is a trigger on item
    QTest::addColumn<QStringList>("expected");

    for (const QString &dialect : {u"sqlite"_s, u"postgresql"_s}) {
        const auto row = [&](const char *name) -> QTestData & { return QTest::newRow(qPrintable(dialect + u": "_s + QLatin1StringView(name))); };
        row("the history's view and trigger are no drift") << dialect << u"abab00000002"_s << QString() << QStringList();
        row("a trigger on a table a step made, then dropped") << dialect << u"abab00000004"_s << QString() << QStringList();
        row("the trigger on a table still there") << dialect << u"abab00000003"_s << QString() << QStringList();
        row("a trigger made by hand") << dialect << u"abab00000002"_s << u"%trigger"_s
                                      << QStringList{u"Detected added trigger 'hand_made' on 'item' (no applied revision makes it)"_s};
        row("a view made by hand") << dialect << u"abab00000001"_s << u"CREATE VIEW short_names AS SELECT id FROM item"_s
                                   << QStringList{u"Detected added view 'short_names' (no applied revision makes it)"_s};
        row("a view dropped by hand") << dialect << u"abab00000002"_s << u"DROP VIEW item_names"_s
                                      << QStringList{u"Detected removed view 'item_names' (made at %2:5)"_s};
        const QString dropTrigger = dialect == u"sqlite"_s ? u"DROP TRIGGER \"Item_Touch\""_s
                                                           : u"DROP TRIGGER item_touch ON item"_s;
        const QString touch = dialect == u"sqlite"_s ? u"Item_Touch"_s : u"item_touch"_s;
        row("a trigger dropped by hand") << dialect << u"abab00000002"_s << dropTrigger
                                         << QStringList{u"Detected removed trigger '%1' on 'item' (made at %2:6)"_s.arg(touch)};
    }
}

void TestViewTriggerDrift::drift()
{
    QFETCH(QString, dialect);
    QFETCH(QString, target);
    QFETCH(QString, byHand);
    QFETCH(QStringList, expected);
    ScratchDatabase scratch(dialect);
    STRATA_REQUIRE_DATABASE(scratch);
    auto connected = scratch.connect();
    STRATA_VERIFY_RESULT(connected);
    Connection &db = **connected;
    auto project = m_project.open();
    STRATA_VERIFY_RESULT(project);
    STRATA_VERIFY_RESULT(upgrade(db, *project, target));
    const bool sqlite = dialect == u"sqlite"_s;
    if (byHand == u"%trigger"_s && !sqlite)
        STRATA_VERIFY_RESULT(db.exec(u"CREATE OR REPLACE FUNCTION item_touch() RETURNS trigger LANGUAGE plpgsql "
                                     "AS $$ BEGIN RETURN NEW; END $$"_s));
    if (!byHand.isEmpty())
        STRATA_VERIFY_RESULT(db.exec(byHand == u"%trigger"_s ? handTrigger(sqlite, u"hand_made"_s) : byHand));

    const QString revisionFile = m_project.path() + u"/versions/abab00000002_view_and_trigger.yaml"_s;
    for (QString &line : expected)
        line.replace(u"%2"_s, revisionFile);
    auto drift = driftFrom(db, *project, heads(db, *project));
    STRATA_VERIFY_RESULT(drift);
    QCOMPARE(*drift, expected);

    // status reports the same lines as drift issues.
    auto status = readDatabaseStatus(db, *project);
    STRATA_VERIFY_RESULT(status);
    QCOMPARE(status->issuesWithCode(u"drift"_s).size(), expected.size());
}

QTEST_GUILESS_MAIN(TestViewTriggerDrift)
#include "tst_viewtriggerdrift.moc"
