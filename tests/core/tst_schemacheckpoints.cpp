// SchemaCheckpoints gives exactly Project::schemaAt() (schema or error) for
// every revision of a linear history, of branches and of merges, whatever
// order the requests come in, and replays at most one interval from the
// nearest kept schema once it has one.
#include "testprojects.h"

#include "core/project/project.h"
#include "core/project/schemacheckpoints.h"

#include <QRandomGenerator>
#include <QtTest>

#include <optional>
#include <thread>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

QString rev(const QString &branch, int i)
{
    return u"%1%2"_s.arg(branch).arg(i, 3, 10, QChar(u'0'));
}

// Each revision changes table t_<branch> or the shared table, so the order in
// which a replay applies them shows in the schema (column order).
QByteArray upgradeFor(const QString &branch, int i)
{
    if (i == 0)
        return u"- create_table:\n    name: t_%1\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"_s
            .arg(branch).toUtf8();
    if (i % 3 == 0)
        return u"- create_index: {name: ix_%1_%2, table: t_%1, columns: [c%2]}\n"_s.arg(branch).arg(i - 1).toUtf8();
    return u"- add_column: {table: shared, name: %1_c%2, type: integer}\n"
           "- add_column: {table: t_%1, name: c%2, type: text}\n"_s.arg(branch).arg(i).toUtf8();
}

QByteArray downgradeFor(const QString &branch, int i)
{
    if (i == 0)
        return u"- drop_table: t_%1\n"_s.arg(branch).toUtf8();
    if (i % 3 == 0)
        return u"- drop_index: {name: ix_%1_%2, table: t_%1}\n"_s.arg(branch).arg(i - 1).toUtf8();
    return u"- drop_column: {table: t_%1, column: c%2}\n- drop_column: {table: shared, column: %1_c%2}\n"_s
        .arg(branch).arg(i).toUtf8();
}

// root <- a000..a(n-1) and root <- b000..b(n-1), merged by m, then c000..c(n-1) on top.
bool writeBranchy(const TestProject &project, int n)
{
    bool ok = !project.writeRevision(u"root"_s, {},
                                      "- create_table:\n    name: shared\n    columns:\n"
                                      "      - {name: id, type: integer, primary_key: true}\n",
                                      "- drop_table: shared\n").isEmpty();
    for (const QString &branch : {u"a"_s, u"b"_s}) {
        for (int i = 0; i < n; ++i) {
            const QString parent = i == 0 ? u"root"_s : rev(branch, i - 1);
            ok = ok && !project.writeRevision(rev(branch, i), {parent}, upgradeFor(branch, i),
                                               downgradeFor(branch, i)).isEmpty();
        }
    }
    ok = ok && !project.writeRevision(u"m"_s, {rev(u"a"_s, n - 1), rev(u"b"_s, n - 1)}, "[]", "[]").isEmpty();
    for (int i = 0; i < n; ++i) {
        const QString parent = i == 0 ? u"m"_s : rev(u"c"_s, i - 1);
        ok = ok && !project.writeRevision(rev(u"c"_s, i), {parent}, upgradeFor(u"c"_s, i),
                                           downgradeFor(u"c"_s, i)).isEmpty();
    }
    return ok;
}

} // namespace

class TestSchemaCheckpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsReplayFromBase_data();
    void sameAsReplayFromBase();
    void linearReplaysAtMostOneInterval();
    void nextToTheLastRequestReplaysLittle_data();
    void nextToTheLastRequestReplaysLittle();
    void requestsFromTwoThreads();
    void unknownRevisionIsTheSameError();
    void failingReplayIsTheSameError();
};

void TestSchemaCheckpoints::sameAsReplayFromBase_data()
{
    QTest::addColumn<qsizetype>("interval");
    QTest::addColumn<bool>("shuffled");
    QTest::newRow("every step kept, history order") << qsizetype(1) << false;
    QTest::newRow("every 2nd step kept, shuffled") << qsizetype(2) << true;
    QTest::newRow("every 5th step kept, history order") << qsizetype(5) << false;
    QTest::newRow("every 7th step kept, shuffled") << qsizetype(7) << true;
    QTest::newRow("automatic interval, shuffled") << qsizetype(0) << true;
}

// Every revision, every pair of branch tips and the merge's parents: the
// kept schemas of one branch must never be reused for the other.
void TestSchemaCheckpoints::sameAsReplayFromBase()
{
    QFETCH(qsizetype, interval);
    QFETCH(bool, shuffled);
    TestProject project;
    QVERIFY(writeBranchy(project, 12));
    auto opened = project.open();
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));

    QList<QStringList> requests;
    for (const Revision &r : opened->graph().revisions())
        requests << QStringList{r.id};
    for (int i = 0; i < 12; i += 4)
        requests << QStringList{rev(u"a"_s, i), rev(u"b"_s, 11 - i)};
    requests << QStringList{} << QStringList{rev(u"a"_s, 11), rev(u"b"_s, 11)};
    if (shuffled) {
        QRandomGenerator random(42);
        std::shuffle(requests.begin(), requests.end(), random);
    }

    SchemaCheckpoints checkpoints(*opened, interval);
    for (const QStringList &ids : std::as_const(requests)) {
        auto expected = opened->schemaAt(ids);
        QVERIFY2(expected, qPrintable(expected ? QString() : expected.error().toString()));
        auto kept = checkpoints.schemaAt(ids);
        QVERIFY2(kept, qPrintable(kept ? QString() : kept.error().toString()));
        QCOMPARE(kept->tables.size(), expected->tables.size());
        QCOMPARE(*kept, *expected);
    }
    // The automatic interval (64 steps at least) is longer than this history.
    QCOMPARE(checkpoints.size() > 0, checkpoints.interval() <= opened->graph().size());
    QVERIFY(checkpoints.size() <= SchemaCheckpoints::kMaxKept);
}

void TestSchemaCheckpoints::linearReplaysAtMostOneInterval()
{
    TestProject project;
    QVERIFY(!project.writeRevision(u"root"_s, {},
                                   "- create_table:\n    name: shared\n    columns:\n"
                                   "      - {name: id, type: integer, primary_key: true}\n",
                                   "- drop_table: shared\n").isEmpty());
    const int n = 39;   // 40 revisions with root
    for (int i = 0; i < n; ++i) {
        const QString parent = i == 0 ? u"root"_s : rev(u"a"_s, i - 1);
        QVERIFY(!project.writeRevision(rev(u"a"_s, i), {parent}, upgradeFor(u"a"_s, i), downgradeFor(u"a"_s, i))
                     .isEmpty());
    }
    auto opened = project.open();
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    SchemaCheckpoints checkpoints(*opened, 8);
    auto head = checkpoints.schemaAt({rev(u"a"_s, n - 1)});
    QVERIFY(head);
    QCOMPARE(checkpoints.lastReplayedSteps(), qsizetype(n + 1));
    QCOMPARE(checkpoints.size(), qsizetype((n + 1) / 8));
    for (int i : {n - 2, 17, 3, n - 1}) {
        auto kept = checkpoints.schemaAt({rev(u"a"_s, i)});
        QVERIFY(kept);
        QCOMPARE(*kept, *opened->schemaAt({rev(u"a"_s, i)}));
        QVERIFY2(checkpoints.lastReplayedSteps() < 8, qPrintable(QString::number(checkpoints.lastReplayedSteps())));
    }
}

namespace {

// root and a000..a(n-1) in one line.
std::optional<Project> openLinear(const TestProject &project, int n)
{
    if (project.writeRevision(u"root"_s, {},
                              "- create_table:\n    name: shared\n    columns:\n"
                              "      - {name: id, type: integer, primary_key: true}\n",
                              "- drop_table: shared\n").isEmpty())
        return std::nullopt;
    for (int i = 0; i < n; ++i) {
        const QString parent = i == 0 ? u"root"_s : rev(u"a"_s, i - 1);
        if (project.writeRevision(rev(u"a"_s, i), {parent}, upgradeFor(u"a"_s, i), downgradeFor(u"a"_s, i)).isEmpty())
            return std::nullopt;
    }
    auto opened = project.open();
    return opened ? std::optional<Project>(std::move(*opened)) : std::nullopt;
}

} // namespace

// The studio previews the revision below the one it showed (its parent's
// schema, then its own): the schemas kept near the end of the last request
// answer it without replaying from an interval checkpoint.
void TestSchemaCheckpoints::nextToTheLastRequestReplaysLittle_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("then");
    QTest::addColumn<qsizetype>("atMost");
    QTest::newRow("the one below") << 98 << 97 << qsizetype(0);
    QTest::newRow("two below") << 98 << 96 << qsizetype(0);
    QTest::newRow("three below") << 98 << 95 << qsizetype(1);
    QTest::newRow("twenty below") << 98 << 78 << qsizetype(12);
    QTest::newRow("the same again") << 98 << 98 << qsizetype(0);
    QTest::newRow("the one above") << 97 << 98 << qsizetype(1);
}

void TestSchemaCheckpoints::nextToTheLastRequestReplaysLittle()
{
    QFETCH(int, first);
    QFETCH(int, then);
    QFETCH(qsizetype, atMost);
    TestProject project;
    const auto opened = openLinear(project, 99);
    QVERIFY(opened);
    SchemaCheckpoints checkpoints(*opened, 1000);   // no interval checkpoint in this history
    QVERIFY(checkpoints.schemaAt({rev(u"a"_s, first)}));
    QCOMPARE(checkpoints.lastReplayedSteps(), qsizetype(first + 2));
    auto kept = checkpoints.schemaAt({rev(u"a"_s, then)});
    QVERIFY(kept);
    QCOMPARE(*kept, *opened->schemaAt({rev(u"a"_s, then)}));
    QVERIFY2(checkpoints.lastReplayedSteps() <= atMost, qPrintable(QString::number(checkpoints.lastReplayedSteps())));
    QCOMPARE(checkpoints.size(), qsizetype(0));
}

// Requests from two threads at once (the preview and lint) each get their own exact schema.
void TestSchemaCheckpoints::requestsFromTwoThreads()
{
    TestProject project;
    const auto opened = openLinear(project, 60);
    QVERIFY(opened);
    SchemaCheckpoints checkpoints(*opened, 8);
    Result<Schema> below = Schema();
    Result<Schema> head = Schema();
    std::thread other([&] { below = checkpoints.schemaAt({rev(u"a"_s, 40)}); });
    head = checkpoints.schemaAt({rev(u"a"_s, 59)});
    other.join();
    QVERIFY(below);
    QVERIFY(head);
    QCOMPARE(*below, *opened->schemaAt({rev(u"a"_s, 40)}));
    QCOMPARE(*head, *opened->schemaAt({rev(u"a"_s, 59)}));
}

void TestSchemaCheckpoints::unknownRevisionIsTheSameError()
{
    TestProject project;
    QVERIFY(writeBranchy(project, 2));
    auto opened = project.open();
    QVERIFY(opened);
    SchemaCheckpoints checkpoints(*opened, 1);
    auto expected = opened->schemaAt({u"nope"_s});
    auto kept = checkpoints.schemaAt({u"nope"_s});
    QVERIFY(!expected);
    QVERIFY(!kept);
    QCOMPARE(kept.error().toString(), expected.error().toString());
}

// A revision that does not fit the schema before it fails the same way
// whether the replay starts from base or from a kept schema.
void TestSchemaCheckpoints::failingReplayIsTheSameError()
{
    TestProject project;
    QVERIFY(writeBranchy(project, 3));
    QVERIFY(!project.writeRevision(u"bad"_s, {rev(u"c"_s, 2)}, "- drop_table: missing_table\n", "[]").isEmpty());
    auto opened = project.open();
    QVERIFY(opened);
    SchemaCheckpoints checkpoints(*opened, 2);
    QVERIFY(checkpoints.schemaAt({rev(u"c"_s, 2)}));   // kept schemas along the way
    auto expected = opened->schemaAt({u"bad"_s});
    auto kept = checkpoints.schemaAt({u"bad"_s});
    QVERIFY(!expected);
    QVERIFY(!kept);
    QCOMPARE(kept.error().toString(), expected.error().toString());
}

QTEST_GUILESS_MAIN(TestSchemaCheckpoints)
#include "tst_schemacheckpoints.moc"
