// Another process moving the version rows in the middle of a run. After the
// run's first step a step proves the rows by its own version move, an UPDATE
// that must find its row, sent with BEGIN and the step's first statement in
// one round trip. Whether the other process also made the step's change (the
// statement fails) or only moved the version (the statement succeeds and is
// rolled back), the run stops with the race's message, or plans again, and
// nothing of the stale step stays.

#include "resultcheck.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include "core/db/connection.h"
#include "core/project/project.h"
#include "core/workflow/migrator.h"
#include "core/workflow/workflowobserver.h"

#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

const QString r1 = u"b00000000001"_s;
const QString r2 = u"b00000000002"_s;
const QString r3 = u"b00000000003"_s;

// r1..r3 create t1..t3.
void writeProject(const TestProject &project)
{
    QString parent;
    for (const QString &id : {r1, r2, r3}) {
        const QByteArray table = "t" + id.right(1).toUtf8();
        const QByteArray text = TestProjects::revisionYaml(
            id, parent.isEmpty() ? QStringList() : QStringList{parent}, u"create "_s + QString::fromUtf8(table),
            "- create_table: {name: " + table + ", columns: [{name: id, type: integer}]}\n",
            "- drop_table: " + table + "\n");
        QVERIFY(!project.writeRevision(id + u"_create.yaml"_s, text).isEmpty());
        parent = id;
    }
}

// r1 creates t1; r2 and r3, two branches off r1, create t2 and t3. Whichever
// runs second only inserts its version row: no move of its own proves the rows.
void writeBranchedProject(const TestProject &project)
{
    for (const QString &id : {r1, r2, r3}) {
        const QByteArray table = "t" + id.right(1).toUtf8();
        const QByteArray text = TestProjects::revisionYaml(
            id, id == r1 ? QStringList() : QStringList{r1}, u"create "_s + QString::fromUtf8(table),
            "- create_table: {name: " + table + ", columns: [{name: id, type: integer}]}\n",
            "- drop_table: " + table + "\n");
        QVERIFY(!project.writeRevision(id + u"_create.yaml"_s, text).isEmpty());
    }
}

// Does what another deploy would, on a connection of its own, once step `after` (0: the first) is committed.
class Interloper : public WorkflowObserver
{
public:
    explicit Interloper(std::function<void()> act, int after = 0) : m_act(std::move(act)), m_after(after) {}
    void stepFinished(int index, int, const PlanStep &step, qint64) override
    {
        finished << step.revision->id;
        if (index == m_after && !m_done) {
            m_done = true;
            m_act();
        }
    }
    void info(const QString &line) override { lines << line; }
    QStringList lines;
    QStringList finished;

private:
    std::function<void()> m_act;
    int m_after = 0;
    bool m_done = false;
};

// The project, a database, the run's connection and the other process's.
struct Race
{
    explicit Race(const QString &dialect, bool branched = false) : db(dialect)
    {
        if (branched)
            writeBranchedProject(project);
        else
            writeProject(project);
    }
    // False (the test has failed) when something could not be set up.
    bool open()
    {
        auto opened = project.open();
        auto mine = db.connect();
        auto theirs = db.connect();
        if (!opened || !mine || !theirs)
            return false;
        loaded = std::make_unique<Project>(std::move(*opened));
        connection = std::move(*mine);
        other = std::move(*theirs);
        return true;
    }
    QStringList column(const QString &sql) const
    {
        auto values = connection->selectColumn(sql);
        return values ? *values : QStringList{u"<error>"_s};
    }

    TestProject project;
    ScratchDatabase db;
    std::unique_ptr<Project> loaded;
    std::unique_ptr<Connection> connection;
    std::unique_ptr<Connection> other;
};

QStringList tables(Connection &connection)
{
    auto names = connection.userTables({u"strata_version"_s, u"strata_history"_s});
    QStringList list = names ? *names : QStringList{u"<error>"_s};
    list.sort();
    return list;
}

} // namespace

class TestVersionRace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void raceMidRun_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    // The other process stamps r2 without creating t2: the stale step's
    // CREATE TABLE succeeds, its UPDATE finds no row, and both are undone.
    void raceMidRun()
    {
        QFETCH(QString, dialect);
        Race race(dialect);
        STRATA_REQUIRE_DATABASE(race.db);
        QVERIFY(race.open());

        Interloper interloper([&] {
            QVERIFY(race.other->exec(u"UPDATE strata_version SET version_num = '%1'"_s.arg(r2)).has_value());
        });
        MigrateOptions options;
        options.maxReplans = 1;   // no second plan: the race's own message
        const MigrateOutcome outcome = Migrator(*race.connection, *race.loaded, &interloper).run(options);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error->toString().contains(u"being migrated by another process: it moved to %1 while this "
                                                    "run expected %2"_s.arg(r2, r1)),
                 qPrintable(outcome.error->toString()));
        // t2 was created by the stale step and rolled back with it.
        QCOMPARE(tables(*race.connection), (QStringList{u"t1"_s}));
        QCOMPARE(race.column(u"SELECT version_num FROM strata_version"_s), QStringList{r2});
        QCOMPARE(race.column(u"SELECT revision FROM strata_history"_s), QStringList{r1});
    }

    // The other process ran step 2 itself: the stale step's CREATE TABLE
    // fails ("already exists"), and the run plans again from r2 and finishes.
    void stepAlreadyDoneElsewhere_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void stepAlreadyDoneElsewhere()
    {
        QFETCH(QString, dialect);
        Race race(dialect);
        STRATA_REQUIRE_DATABASE(race.db);
        QVERIFY(race.open());

        Interloper interloper([&] {
            QVERIFY(race.other->exec(u"CREATE TABLE t2 (id integer)"_s).has_value());
            QVERIFY(race.other->exec(u"UPDATE strata_version SET version_num = '%1'"_s.arg(r2)).has_value());
        });
        const MigrateOutcome outcome = Migrator(*race.connection, *race.loaded, &interloper).run(MigrateOptions{});
        QVERIFY2(outcome.ok(), qPrintable(outcome.summary()));
        QVERIFY2(interloper.lines.join(u'\n').contains(u"Another process migrated the database meanwhile; it is at %1 "
                                                       "now, planning again."_s.arg(r2)),
                 qPrintable(interloper.lines.join(u'\n')));
        QCOMPARE(tables(*race.connection), (QStringList{u"t1"_s, u"t2"_s, u"t3"_s}));
        QCOMPARE(race.column(u"SELECT version_num FROM strata_version"_s), QStringList{r3});
        QCOMPARE(race.column(u"SELECT revision FROM strata_history ORDER BY id"_s), (QStringList{r1, r3}));
    }

    // A step that only inserts its version row (a branch's first revision)
    // checks the rows first: on PostgreSQL with a query sent with BEGIN, its
    // INSERT and its first statement. The other process took the version back
    // to r1 after the first branch ran: the check finds no row, and the step's
    // CREATE TABLE and version row are undone.
    void raceBeforeInsertOnlyStep_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void raceBeforeInsertOnlyStep()
    {
        QFETCH(QString, dialect);
        Race race(dialect, true);
        STRATA_REQUIRE_DATABASE(race.db);
        QVERIFY(race.open());

        Interloper interloper([&] {
            QVERIFY(race.other->exec(u"UPDATE strata_version SET version_num = '%1'"_s.arg(r1)).has_value());
        }, 1);
        MigrateOptions options;
        options.target = u"heads"_s;
        options.maxReplans = 1;
        const MigrateOutcome outcome = Migrator(*race.connection, *race.loaded, &interloper).run(options);
        QVERIFY(!outcome.ok());
        QCOMPARE(interloper.finished.size(), 2);
        const QString firstBranch = interloper.finished.last();
        const QString secondBranch = firstBranch == r2 ? r3 : r2;
        QVERIFY2(outcome.error->toString().contains(u"being migrated by another process: it moved to %1 while this "
                                                    "run expected %2"_s.arg(r1, firstBranch)),
                 qPrintable(outcome.error->toString()));
        const QString firstTable = u"t"_s + firstBranch.right(1);
        QCOMPARE(tables(*race.connection), (QStringList{u"t1"_s, firstTable}));
        QCOMPARE(race.column(u"SELECT version_num FROM strata_version"_s), QStringList{r1});
        QVERIFY(!race.column(u"SELECT revision FROM strata_history"_s).contains(secondBranch));
    }
};

QTEST_GUILESS_MAIN(TestVersionRace)
#include "tst_versionrace.moc"
