#pragma once

// The bodies of EngineTestCase's tests; included once by enginetestcase.h.

#include "enginetestcase.h"

using namespace Qt::StringLiterals;
using namespace strata;
using namespace EngineHelpers;

namespace EngineFixtures {

// Runs an offline script through the database's own client, as a DBA runs
// it: empty when it ran cleanly (no error, no notice, no rows printed: rows
// from a foreign_key_check would mean a broken rebuild), else what went wrong.
inline QString runInDatabaseClient(const ScratchDatabase &scratch, bool sqlite, const QString &scriptPath,
                                   const QString &script)
{
    CliOptions options;
    options.timeoutMs = 60000;
    CliRun client;
    if (sqlite) {
        options.input = script.toUtf8();
        client = runCli(u"sqlite3"_s, {u"-bail"_s, scratch.sqliteFile()}, options);
    } else {
        // NOTICEs ("relation already exists, skipping") are not errors.
        options.environment.insert(u"PGOPTIONS"_s, u"-c client_min_messages=warning"_s);
        client = runCli(u"psql"_s, {u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-d"_s,
                                    scratch.databaseUrl().database, u"-f"_s, scriptPath},
                        options);
    }
    if (client.exitCode != 0)
        return client.err + u"\n--- script:\n"_s + script;
    if (!client.err.isEmpty())
        return client.err;
    if (!client.out.isEmpty())
        return u"the client printed rows:\n"_s + client.out;
    return {};
}

const QString initial = u"9b1e0aa2c4f3"_s;   // the example project: user, habit
const QString notes = u"3f2a9c1b7d10"_s;     // + daily_note, daily_mood
const QString energy = u"c71d2e5a8b04"_s;    // + daily_mood.energy

const QByteArray createOne = R"(revision: aaaa00000001
down_revision: null
message: Create one

upgrade:
  - create_table:
      name: one
      columns:
        - {name: id, type: integer, primary_key: true}

downgrade:
  - drop_table: one
)";

// Its execute (line 10) names a table that does not exist.
const QByteArray createTwoThenFail = R"(revision: aaaa00000002
down_revision: aaaa00000001
message: Create two, then fail

upgrade:
  - create_table:
      name: two
      columns:
        - {name: id, type: integer, primary_key: true}
  - execute: INSERT INTO missing_table VALUES (1)

downgrade:
  - drop_table: two
)";

QByteArray createTableRevision(const QString &id, const QStringList &parents, const QString &table)
{
    return TestProjects::revisionYaml(
        id, parents, u"Create "_s + table,
        "- create_table:\n    name: " + table.toUtf8() + "\n    columns:\n"
        "      - {name: id, type: integer, primary_key: true}",
        "- drop_table: " + table.toUtf8());
}

// parent(id, name) with an index on name; child(parent_id) references parent.
const QByteArray parentAndChild = R"(revision: bbbb00000001
down_revision: null
message: Parent and child

upgrade:
  - create_table:
      name: parent
      columns:
        - {name: id, type: integer, primary_key: true}
        - {name: name, type: string(40)}
  - create_index: {name: ix_parent_name, table: parent, columns: [name]}
  - create_table:
      name: child
      columns:
        - {name: id, type: integer, primary_key: true}
        - {name: parent_id, type: integer, nullable: false}
      foreign_keys:
        - {name: fk_child_parent_id, columns: [parent_id], references: parent, ref_columns: [id]}
  - create_index: {name: ix_child_parent_id, table: child, columns: [parent_id]}

downgrade:
  - drop_table: child
  - drop_table: parent
)";

const QByteArray parentNameRequired = R"(revision: bbbb00000002
down_revision: bbbb00000001
message: Parent name required

upgrade:
  - alter_column: {table: parent, column: name, nullable: false}

downgrade:
  - alter_column: {table: parent, column: name, nullable: true}
)";

} // namespace EngineFixtures

using namespace EngineFixtures;

// Each test opens its own scratch database and project: nothing carries over.
#define ENGINE_SETUP(project)                                                                      \
    ScratchDatabase scratch(m_dialect);                                                            \
    STRATA_REQUIRE_DATABASE(scratch);                                                              \
    auto connected = scratch.connect();                                                            \
    STRATA_VERIFY_RESULT(connected);                                                               \
    Connection &db = **connected;                                                                  \
    auto opened = (project).open();                                                                \
    STRATA_VERIFY_RESULT(opened);                                                                  \
    const Project &p = *opened

inline void EngineTestCase::upgradeToHead()
{
    TestProject project;
    QVERIFY(project.copyExample());
    ENGINE_SETUP(project);

    auto steps = plan(db, p, Direction::Upgrade, u"head"_s);
    STRATA_VERIFY_RESULT(steps);
    Runner runner(db, p);
    QStringList events;
    int statements = 0;
    connect(&runner, &Runner::stepStarted, this, [&](int i, int n, const PlanStep &step) {
        events << u"start %1/%2 %3"_s.arg(i).arg(n).arg(step.revision->id);
    });
    connect(&runner, &Runner::stepFinished, this, [&](int i, int n, const PlanStep &, qint64 ms) {
        events << u"done %1/%2"_s.arg(i).arg(n);
        QVERIFY(ms >= 0);
    });
    connect(&runner, &Runner::statementStarted, this, [&](const QString &) { ++statements; });
    STRATA_VERIFY_RESULT(runner.run(*steps));

    QCOMPARE(events, (QStringList{u"start 0/3 "_s + initial, u"done 0/3"_s, u"start 1/3 "_s + notes,
                                  u"done 1/3"_s, u"start 2/3 "_s + energy, u"done 2/3"_s}));
    QVERIFY2(statements >= 9, qPrintable(QString::number(statements)));
    QCOMPARE(heads(db, p), QStringList{energy});
    QCOMPARE(tables(db, p), (QStringList{u"daily_mood"_s, u"daily_note"_s, u"habit"_s, u"user"_s}));
    QCOMPARE(columns(db, u"daily_mood"_s),
             (QStringList{u"id"_s, u"user_id"_s, u"day"_s, u"mood"_s, u"energy"_s}));

    QCOMPARE(rows(db, u"SELECT revision, direction FROM strata_history ORDER BY id"_s),
             (QStringList{initial + u"|upgrade"_s, notes + u"|upgrade"_s, energy + u"|upgrade"_s}));
    QCOMPARE(rows(db, u"SELECT count(*) FROM strata_history WHERE applied_at IS NULL OR applied_by IS NULL "
                      "OR duration_ms < 0"_s), QStringList{u"0"_s});
    auto status = readDatabaseStatus(db, p);
    STRATA_VERIFY_RESULT(status);
    const QHash<QString, QString> checksums = status->appliedChecksums();
    QCOMPARE(checksums.size(), 3);
    for (const Revision &revision : p.graph().revisions())
        QCOMPARE(checksums.value(revision.id), revision.checksum);
}

inline void EngineTestCase::currentHeadsFollowEachStep()
{
    TestProject project;
    QVERIFY(project.copyExample());
    ENGINE_SETUP(project);

    QCOMPARE(heads(db, p), QStringList());
    QVERIFY(!versionStore(db, p).exists());
    STRATA_VERIFY_RESULT(upgrade(db, p, u"+1"_s));
    QCOMPARE(heads(db, p), QStringList{initial});
    STRATA_VERIFY_RESULT(upgrade(db, p, u"+1"_s));
    QCOMPARE(heads(db, p), QStringList{notes});
    STRATA_VERIFY_RESULT(upgrade(db, p, u"head"_s));
    QCOMPARE(heads(db, p), QStringList{energy});
    STRATA_VERIFY_RESULT(downgrade(db, p, u"-2"_s));
    QCOMPARE(heads(db, p), QStringList{initial});
    QCOMPARE(tables(db, p), (QStringList{u"habit"_s, u"user"_s}));
}

inline void EngineTestCase::rowsSurviveDowngradeAndReupgrade()
{
    TestProject project;
    QVERIFY(project.copyExample());
    ENGINE_SETUP(project);

    STRATA_VERIFY_RESULT(upgrade(db, p, u"head"_s));
    for (const QString &sql : {u"INSERT INTO \"user\" (id, email) VALUES (1, 'ada@example.com')"_s,
                               u"INSERT INTO \"user\" (id, email) VALUES (2, 'bob@example.com')"_s,
                               u"INSERT INTO habit (id, user_id, title) VALUES (1, 1, 'Run')"_s,
                               u"INSERT INTO daily_note (user_id, day, body) VALUES (1, '2026-01-02', 'ok')"_s,
                               u"INSERT INTO daily_mood (user_id, day, mood, energy) VALUES (1, '2026-01-02', 4, 5)"_s,
                               u"INSERT INTO daily_mood (user_id, day, mood, energy) VALUES (2, '2026-01-02', 2, 1)"_s})
        STRATA_VERIFY_RESULT(db.exec(sql));

    STRATA_VERIFY_RESULT(downgrade(db, p, u"-1"_s));
    QCOMPARE(heads(db, p), QStringList{notes});
    QCOMPARE(columns(db, u"daily_mood"_s), (QStringList{u"id"_s, u"user_id"_s, u"day"_s, u"mood"_s}));
    QCOMPARE(rows(db, u"SELECT user_id, mood FROM daily_mood ORDER BY user_id"_s),
             (QStringList{u"1|4"_s, u"2|2"_s}));

    STRATA_VERIFY_RESULT(upgrade(db, p, u"head"_s));
    QCOMPARE(heads(db, p), QStringList{energy});
    // The energy values went with the column; the re-added column takes its default.
    QCOMPARE(rows(db, u"SELECT user_id, mood, energy FROM daily_mood ORDER BY user_id"_s),
             (QStringList{u"1|4|3"_s, u"2|2|3"_s}));
    QCOMPARE(rows(db, u"SELECT email FROM \"user\" ORDER BY id"_s),
             (QStringList{u"ada@example.com"_s, u"bob@example.com"_s}));
    QCOMPARE(rows(db, u"SELECT title FROM habit"_s), QStringList{u"Run"_s});
    QCOMPARE(rows(db, u"SELECT body FROM daily_note"_s), QStringList{u"ok"_s});
}

inline void EngineTestCase::downgradeToBaseLeavesOnlyVersionTables()
{
    TestProject project;
    QVERIFY(project.copyExample());
    ENGINE_SETUP(project);

    STRATA_VERIFY_RESULT(upgrade(db, p, u"head"_s));
    STRATA_VERIFY_RESULT(downgrade(db, p, u"base"_s));
    QCOMPARE(heads(db, p), QStringList());
    QCOMPARE(tables(db, p), QStringList());
    QVERIFY(db.tableExists(u"strata_version"_s));
    QVERIFY(db.tableExists(u"strata_history"_s));
    QCOMPARE(rows(db, u"SELECT direction, count(*) FROM strata_history GROUP BY direction ORDER BY direction"_s),
             (QStringList{u"downgrade|3"_s, u"upgrade|3"_s}));
}

inline void EngineTestCase::branchAndMerge()
{
    const QString a = u"a1a1a1a1a1a1"_s, b = u"b2b2b2b2b2b2"_s, c = u"c3c3c3c3c3c3"_s, m = u"d4d4d4d4d4d4"_s;
    TestProject project;
    QVERIFY(!project.writeRevision(a, createTableRevision(a, {}, u"t_a"_s)).isEmpty());
    QVERIFY(!project.writeRevision(b, createTableRevision(b, {a}, u"t_b"_s)).isEmpty());
    QVERIFY(!project.writeRevision(c, createTableRevision(c, {a}, u"t_c"_s)).isEmpty());
    QVERIFY(!project.writeRevision(m, TestProjects::revisionYaml(m, {b, c}, u"Merge"_s, {}, {})).isEmpty());
    ENGINE_SETUP(project);

    STRATA_VERIFY_RESULT(upgrade(db, p, b));
    QCOMPARE(heads(db, p), QStringList{b});
    QCOMPARE(tables(db, p), (QStringList{u"t_a"_s, u"t_b"_s}));

    STRATA_VERIFY_RESULT(upgrade(db, p, c));
    QCOMPARE(heads(db, p), (QStringList{b, c}));
    QCOMPARE(tables(db, p), (QStringList{u"t_a"_s, u"t_b"_s, u"t_c"_s}));

    STRATA_VERIFY_RESULT(upgrade(db, p, u"head"_s));
    QCOMPARE(heads(db, p), QStringList{m});

    STRATA_VERIFY_RESULT(downgrade(db, p, u"-1"_s));
    QCOMPARE(heads(db, p), (QStringList{b, c}));

    // As in Alembic, a target only moves the branches it is on: b is a head already, c stays.
    STRATA_VERIFY_RESULT(downgrade(db, p, b));
    QCOMPARE(heads(db, p), (QStringList{b, c}));

    STRATA_VERIFY_RESULT(downgrade(db, p, a));
    QCOMPARE(heads(db, p), QStringList{a});
    QCOMPARE(tables(db, p), QStringList{u"t_a"_s});

    STRATA_VERIFY_RESULT(upgrade(db, p, u"heads"_s));
    QCOMPARE(heads(db, p), QStringList{m});
    QCOMPARE(tables(db, p), (QStringList{u"t_a"_s, u"t_b"_s, u"t_c"_s}));
}

inline void EngineTestCase::stampReplacesVersionRows()
{
    TestProject project;
    QVERIFY(project.copyExample());
    ENGINE_SETUP(project);
    VersionStore store = versionStore(db, p);

    STRATA_VERIFY_RESULT(store.stamp({notes}, false));
    QVERIFY(store.exists());
    QCOMPARE(heads(db, p), QStringList{notes});
    QCOMPARE(tables(db, p), QStringList());          // a stamp runs no migration

    STRATA_VERIFY_RESULT(store.stamp({energy, initial}, false));
    QCOMPARE(heads(db, p), (QStringList{initial, energy}));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO strata_version (version_num) VALUES ('0ld0ld0ld0ld')"_s));
    STRATA_VERIFY_RESULT(store.stamp({initial}, true));
    QCOMPARE(heads(db, p), QStringList{initial});
    STRATA_VERIFY_RESULT(store.stamp({}, false));
    QCOMPARE(heads(db, p), QStringList());
    QVERIFY(store.exists());
}

inline void EngineTestCase::failingStepRollsBack()
{
    TestProject project;
    QVERIFY(!project.writeRevision(u"aaaa00000001_create_one"_s, createOne).isEmpty());
    QVERIFY(!project.writeRevision(u"aaaa00000002_create_two_then_fail"_s, createTwoThenFail).isEmpty());
    ENGINE_SETUP(project);

    const auto failed = upgrade(db, p, u"head"_s);
    QVERIFY(!failed);
    const Error &error = failed.error();
    QCOMPARE(error.code, Error::Code::Database);
    QCOMPARE(error.where, u"migrations/versions/aaaa00000002_create_two_then_fail.yaml:10: execute"_s);
    QVERIFY2(error.message.contains(u"missing_table"_s), qPrintable(error.toString()));
    QVERIFY2(error.message.contains(u"aaaa00000001 -> aaaa00000002"_s), qPrintable(error.toString()));
    QVERIFY(error.cause);
    QCOMPARE(error.cause->where, u"INSERT INTO missing_table VALUES (1)"_s);
    QVERIFY2(error.hint.contains(u"rolled back"_s), qPrintable(error.hint));

    QCOMPARE(heads(db, p), QStringList{u"aaaa00000001"_s});
    QCOMPARE(tables(db, p), QStringList{u"one"_s});
    QCOMPARE(rows(db, u"SELECT revision FROM strata_history"_s), QStringList{u"aaaa00000001"_s});
}

inline void EngineTestCase::refusesDatabaseCreatedByCreateAll()
{
    TestProject project;
    QVERIFY(project.copyExample());
    ENGINE_SETUP(project);
    STRATA_VERIFY_RESULT(db.exec(u"CREATE TABLE \"user\" (id INTEGER PRIMARY KEY, email VARCHAR(255))"_s));
    STRATA_VERIFY_RESULT(db.exec(u"CREATE TABLE habit (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, "
                                  "title VARCHAR(120) NOT NULL, archived BOOLEAN)"_s));

    const auto refused = upgrade(db, p, u"head"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QCOMPARE(refused.error().message,
             u"the database already has tables (habit, user) but no strata_version table: it was probably "
             "created by create_all() before migrations"_s);
    QCOMPARE(refused.error().hint, u"if its schema matches revision %1, adopt it with `strata stamp %1`; then "
                                   "run upgrade"_s.arg(initial));
    QVERIFY(!versionStore(db, p).exists());

    // Following the hint works: stamp, then upgrade runs the rest.
    STRATA_VERIFY_RESULT(versionStore(db, p).stamp({initial}, false));
    STRATA_VERIFY_RESULT(upgrade(db, p, u"head"_s));
    QCOMPARE(heads(db, p), QStringList{energy});
}

inline void EngineTestCase::cancelStopsBetweenSteps()
{
    TestProject project;
    QVERIFY(project.copyExample());
    ENGINE_SETUP(project);

    auto steps = plan(db, p, Direction::Upgrade, u"head"_s);
    STRATA_VERIFY_RESULT(steps);
    Runner runner(db, p);
    connect(&runner, &Runner::stepFinished, this, [&runner](int, int, const PlanStep &, qint64) { runner.cancel(); });
    const auto cancelled = runner.run(*steps);
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().code, Error::Code::Conflict);
    QCOMPARE(cancelled.error().message, u"cancelled after step 1 of 3"_s);
    QCOMPARE(heads(db, p), QStringList{initial});
}

inline void EngineTestCase::nonTransactionalRevision_data()
{
    QTest::addColumn<QByteArray>("secondStatement");
    QTest::addColumn<QStringList>("expectedHeads");
    QTest::addColumn<QStringList>("expectedHistory");

    QTest::newRow("every statement succeeds") << QByteArray("INSERT INTO kept (id) VALUES (1)")
                                              << QStringList{u"cccc00000001"_s} << QStringList{u"cccc00000001"_s};
    QTest::newRow("the second statement fails") << QByteArray("INSERT INTO missing_table VALUES (1)")
                                                << QStringList() << QStringList();
}

// Without a transaction around it, what ran stays; the version rows move only
// once every statement has run.
inline void EngineTestCase::nonTransactionalRevision()
{
    QFETCH(QByteArray, secondStatement);
    QFETCH(QStringList, expectedHeads);
    QFETCH(QStringList, expectedHistory);
    TestProject project;
    QVERIFY(!project.writeRevision(u"cccc00000001_outside_a_transaction"_s,
                                   "revision: cccc00000001\ndown_revision: null\nmessage: Outside a transaction\n"
                                   "transactional: false\n\nupgrade:\n"
                                   "  - execute: CREATE TABLE kept (id INTEGER)\n"
                                   "  - execute: " + secondStatement + "\n\n"
                                   "downgrade:\n  - execute: DROP TABLE kept\n").isEmpty());
    ENGINE_SETUP(project);

    const auto ran = upgrade(db, p, u"head"_s);
    QCOMPARE(ran.has_value(), !expectedHeads.isEmpty());
    if (!ran) {
        QVERIFY2(ran.error().hint.contains(u"not transactional"_s), qPrintable(ran.error().toString()));
        QVERIFY2(ran.error().where.endsWith(u":8: execute"_s), qPrintable(ran.error().where));
    }
    QCOMPARE(heads(db, p), expectedHeads);
    QCOMPARE(tables(db, p), QStringList{u"kept"_s});
    QCOMPARE(rows(db, u"SELECT revision FROM strata_history"_s), expectedHistory);
}

inline void EngineTestCase::alterColumnKeepsRowsIndexesAndForeignKeys()
{
    TestProject project;
    QVERIFY(!project.writeRevision(u"bbbb00000001_parent_and_child"_s, parentAndChild).isEmpty());
    QVERIFY(!project.writeRevision(u"bbbb00000002_parent_name_required"_s, parentNameRequired).isEmpty());
    ENGINE_SETUP(project);

    STRATA_VERIFY_RESULT(upgrade(db, p, u"bbbb00000001"_s));
    for (const QString &sql : {u"INSERT INTO parent (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')"_s,
                               u"INSERT INTO child (id, parent_id) VALUES (10, 1), (11, 2), (12, 2)"_s})
        STRATA_VERIFY_RESULT(db.exec(sql));

    STRATA_VERIFY_RESULT(upgrade(db, p, u"head"_s));
    QCOMPARE(heads(db, p), QStringList{u"bbbb00000002"_s});
    QCOMPARE(rows(db, u"SELECT id, name FROM parent ORDER BY id"_s), (QStringList{u"1|a"_s, u"2|b"_s, u"3|c"_s}));
    QCOMPARE(rows(db, u"SELECT id, parent_id FROM child ORDER BY id"_s),
             (QStringList{u"10|1"_s, u"11|2"_s, u"12|2"_s}));
    QCOMPARE(indexes(db, u"parent"_s), QStringList{u"ix_parent_name"_s});
    QCOMPARE(indexes(db, u"child"_s), QStringList{u"ix_child_parent_id"_s});
    QCOMPARE(foreignKeys(db, u"child"_s), QStringList{u"child(parent_id) -> parent(id)"_s});
    if (isSqlite(db))
        QCOMPARE(rows(db, u"PRAGMA foreign_key_check"_s), QStringList());
    QVERIFY2(!db.exec(u"INSERT INTO parent (id, name) VALUES (4, NULL)"_s), "name is NOT NULL now");

    STRATA_VERIFY_RESULT(downgrade(db, p, u"-1"_s));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO parent (id, name) VALUES (4, NULL)"_s));
    QCOMPARE(rows(db, u"SELECT count(*) FROM parent"_s), QStringList{u"4"_s});
    QCOMPARE(indexes(db, u"parent"_s), QStringList{u"ix_parent_name"_s});
    QCOMPARE(foreignKeys(db, u"child"_s), QStringList{u"child(parent_id) -> parent(id)"_s});
}

inline void EngineTestCase::alterColumnViolationRollsBack()
{
    TestProject project;
    QVERIFY(!project.writeRevision(u"bbbb00000001_parent_and_child"_s, parentAndChild).isEmpty());
    QVERIFY(!project.writeRevision(u"bbbb00000002_parent_name_required"_s, parentNameRequired).isEmpty());
    ENGINE_SETUP(project);

    STRATA_VERIFY_RESULT(upgrade(db, p, u"bbbb00000001"_s));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO parent (id, name) VALUES (1, 'a'), (2, NULL)"_s));
    STRATA_VERIFY_RESULT(db.exec(u"INSERT INTO child (id, parent_id) VALUES (10, 2)"_s));

    const auto failed = upgrade(db, p, u"head"_s);
    QVERIFY(!failed);
    QVERIFY2(failed.error().where.endsWith(u"bbbb00000002_parent_name_required.yaml:6: alter_column"_s),
             qPrintable(failed.error().toString()));
    QCOMPARE(heads(db, p), QStringList{u"bbbb00000001"_s});
    QCOMPARE(rows(db, u"SELECT id, name FROM parent ORDER BY id"_s), (QStringList{u"1|a"_s, u"2|NULL"_s}));
    QCOMPARE(rows(db, u"SELECT parent_id FROM child"_s), QStringList{u"2"_s});
    QCOMPARE(indexes(db, u"parent"_s), QStringList{u"ix_parent_name"_s});
    QCOMPARE(tables(db, p), (QStringList{u"child"_s, u"parent"_s}));
}

inline void EngineTestCase::offlineScriptAppliesThroughClient_data()
{
    QTest::addColumn<QStringList>("moves");      // "up:TARGET" or "down:TARGET", one script each
    QTest::addColumn<QStringList>("expectedHeads");
    QTest::addColumn<QStringList>("expectedTables");

    const QStringList all{u"daily_mood"_s, u"daily_note"_s, u"habit"_s, u"user"_s};
    QTest::newRow("base to head in one script") << QStringList{u"up:head"_s} << QStringList{energy} << all;
    QTest::newRow("two scripts, the second over existing version tables")
        << QStringList{u"up:"_s + initial, u"up:head"_s} << QStringList{energy} << all;
    QTest::newRow("up to head, then down to base")
        << QStringList{u"up:head"_s, u"down:base"_s} << QStringList() << QStringList();
    QTest::newRow("down one step") << QStringList{u"up:head"_s, u"down:-1"_s} << QStringList{notes} << all;
}

inline void EngineTestCase::offlineScriptAppliesThroughClient()
{
    QFETCH(QStringList, moves);
    QFETCH(QStringList, expectedHeads);
    QFETCH(QStringList, expectedTables);
    TestProject project;
    QVERIFY(project.copyExample());
    ENGINE_SETUP(project);

    for (const QString &move : moves) {
        const Direction direction = move.startsWith(u"up:"_s) ? Direction::Upgrade : Direction::Downgrade;
        auto steps = plan(db, p, direction, move.section(u':', 1));
        STRATA_VERIFY_RESULT(steps);
        auto script = offlineScript(p, *steps, db.dialect());
        STRATA_VERIFY_RESULT(script);
        const QString scriptPath = project.tempPath() + u"/script.sql"_s;
        QVERIFY(TestProjects::writeFile(scriptPath, script->toUtf8()));

        const QString failure = EngineFixtures::runInDatabaseClient(scratch, isSqlite(db), scriptPath, *script);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    QCOMPARE(heads(db, p), expectedHeads);
    QCOMPARE(tables(db, p), expectedTables);
    QCOMPARE(rows(db, u"SELECT DISTINCT applied_by FROM strata_history"_s), QStringList{u"offline script"_s});
}
