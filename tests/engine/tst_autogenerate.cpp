// The autogenerate workflow on real databases: a change to models.yaml ->
// the expected operations -> upgrade -> check is clean -> downgrade -1 gives
// the schema back with its rows; and baseline adopts a database made by
// plain SQL, after which there is nothing to migrate.
#include "enginehelpers.h"
#include "schemadiffcheck.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include "core/diff/autogenerate.h"
#include "core/diff/baseline.h"
#include "core/diff/schemasource.h"
#include "core/project/project.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

QStringList kinds(const OperationList &ops)
{
    QStringList result;
    for (const OperationPtr &op : ops)
        result << op->kind();
    return result;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QByteArray streakTable = R"(  streak:
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: habit_id, type: integer, nullable: false}
      - {name: length, type: integer, nullable: false, default: "0"}
    foreign_keys:
      - {name: fk_streak_habit_id, columns: [habit_id], references: habit, ref_columns: [id], on_delete: cascade}
    indexes:
      - {name: ix_streak_habit_id, columns: [habit_id]}
)";

const QByteArray noteTable = R"(  daily_note:
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: user_id, type: integer, nullable: false}
      - {name: day, type: date, nullable: false}
      - {name: body, type: text}
    foreign_keys:
      - {name: fk_daily_note_user_id, columns: [user_id], references: user, ref_columns: [id], on_delete: cascade}
    indexes:
      - {name: ix_daily_note_user_id, columns: [user_id]}
)";

} // namespace


class TestAutogenerate : public QObject
{
    Q_OBJECT

    static int count(Connection &connection, const QString &table)
    {
        auto rows = connection.select(u"SELECT COUNT(*) FROM "_s + connection.dialect().quote(table));
        return rows && !rows->isEmpty() ? rows->first().value(0).toInt() : -1;
    }

private Q_SLOTS:
    void eachKindOfChange_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QStringList>("expected");

        const QByteArray displayName = "      - {name: display_name, type: string(80)}\n";
        const QByteArray archived = "{name: archived, type: boolean, nullable: false, default: \"false\"}";
        const QByteArray habitIndex = "    indexes:\n      - {name: ix_habit_user_id, columns: [user_id]}\n";
        const QByteArray noteKey = "references: user, ref_columns: [id], on_delete: cascade}\n    indexes:\n"
                                   "      - {name: ix_daily_note_user_id";
        struct Change { const char *name; QByteArray from; QByteArray to; QStringList expected; };
        const QList<Change> changes{
            {"add nullable column", displayName, displayName + "      - {name: bio, type: text}\n", {u"add_column"_s}},
            {"add not null column with default", displayName,
             displayName + "      - {name: timezone, type: string(64), nullable: false, default: \"'UTC'\"}\n",
             {u"add_column"_s}},
            {"drop column", displayName, "", {u"drop_column"_s}},
            {"widen type", "type: string(80)}", "type: string(200)}", {u"alter_column"_s}},
            {"not null with default", "{name: body, type: text}",
             "{name: body, type: text, nullable: false, default: \"''\"}", {u"alter_column"_s}},
            {"change default", archived, QByteArray(archived).replace("\"false\"", "\"true\""), {u"alter_column"_s}},
            {"add table", noteTable, noteTable + streakTable, {u"create_table"_s, u"create_index"_s}},
            {"drop table", noteTable, "", {u"drop_index"_s, u"drop_table"_s}},
            {"add index", habitIndex, habitIndex + "      - {name: ix_habit_title, columns: [title], unique: true}\n",
             {u"create_index"_s}},
            {"drop index", habitIndex, "", {u"drop_index"_s}},
            {"add unique", displayName, "      - {name: display_name, type: string(80), unique: true}\n",
             {u"create_unique"_s}},
            {"drop unique", "    uniques:\n      - {name: uq_daily_mood_user_day, columns: [user_id, day]}\n", "",
             {u"drop_constraint"_s}},
            {"change foreign key action", noteKey, QByteArray(noteKey).replace("cascade", "set null"),
             {u"drop_constraint"_s, u"create_foreign_key"_s}},
            {"add check", habitIndex,
             habitIndex + "    checks:\n      - {name: ck_habit_title, expression: \"length(title) > 0\"}\n",
             {u"create_check"_s}},
            {"drop check", "      - {name: ck_daily_mood_energy_range, expression: \"energy BETWEEN 1 AND 5\"}\n", "",
             {u"drop_constraint"_s}},
        };
        for (const QString &dialect : {u"sqlite"_s, u"postgresql"_s}) {
            for (const Change &change : changes) {
                QTest::addRow("%s: %s", qPrintable(dialect), change.name)
                    << dialect << change.from << change.to << change.expected;
            }
        }
    }

    void eachKindOfChange()
    {
        QFETCH(QString, dialect);
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QStringList, expected);

        TestProject folder;
        QVERIFY(folder.copyExample());
        auto project = folder.open();
        STRATA_VERIFY_RESULT(project);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        auto opened = db.connect();
        STRATA_VERIFY_RESULT(opened);
        Connection &connection = **opened;
        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(connection, *project, u"head"_s));
        STRATA_VERIFY_RESULT(connection.exec(u"INSERT INTO \"user\" (email) VALUES ('ada@example.com')"_s));
        STRATA_VERIFY_RESULT(connection.exec(u"INSERT INTO habit (user_id, title) VALUES (1, 'Walk')"_s));
        auto before = databaseSource(connection, *project);
        STRATA_VERIFY_RESULT(before);

        // The person edits models.yaml and runs `strata migrate`.
        const QString modelsPath = project->modelsPath();
        QByteArray models = readFile(modelsPath);
        QVERIFY2(models.contains(from), from.constData());
        QVERIFY(TestProjects::writeFile(modelsPath, models.replace(from, to)));
        project = folder.open();
        STRATA_VERIFY_RESULT(project);
        auto diff = modelChanges(*project);
        STRATA_VERIFY_RESULT(diff);
        QCOMPARE(kinds(diff->upgrade), expected);
        auto path = writeAutogenerated(*project, autogeneratedRevision(*diff, u"change"_s, project->graph().heads()), *diff);
        STRATA_VERIFY_RESULT(path);

        project = folder.open();
        STRATA_VERIFY_RESULT(project);
        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(connection, *project, u"head"_s));
        auto pending = modelChanges(*project);
        STRATA_VERIFY_NO_DIFFERENCES(pending);
        auto live = databaseSource(connection, *project);
        STRATA_VERIFY_RESULT(live);
        auto wanted = loadSchemaSource(u"models"_s, *project);
        STRATA_VERIFY_RESULT(wanted);
        auto clean = diffSources(*live, *wanted);
        STRATA_VERIFY_NO_DIFFERENCES(clean);

        STRATA_VERIFY_RESULT(EngineHelpers::downgrade(connection, *project, u"-1"_s));
        auto after = databaseSource(connection, *project);
        STRATA_VERIFY_RESULT(after);
        auto back = diffSources(*before, *after);
        STRATA_VERIFY_NO_DIFFERENCES(back);
        QCOMPARE(count(connection, u"user"_s), 1);
        QCOMPARE(count(connection, u"habit"_s), 1);
    }

    void possibleRenameIsMarkedInTheFile()
    {
        TestProject folder;
        QVERIFY(folder.copyExample());
        auto project = folder.open();
        STRATA_VERIFY_RESULT(project);
        QByteArray models = readFile(project->modelsPath());
        QVERIFY(TestProjects::writeFile(project->modelsPath(),
                                        models.replace("name: display_name", "name: nickname")));
        project = folder.open();
        STRATA_VERIFY_RESULT(project);
        auto diff = modelChanges(*project);
        STRATA_VERIFY_RESULT(diff);
        QCOMPARE(diff->possibleRenames.size(), 1);
        auto path = writeAutogenerated(*project, autogeneratedRevision(*diff, u"rename"_s, project->graph().heads()), *diff);
        STRATA_VERIFY_RESULT(path);
        const QString text = QString::fromUtf8(readFile(*path));
        const qsizetype comment = text.indexOf(u"# POSSIBLE RENAME: 'user.display_name' is dropped and 'user.nickname'"_s);
        QVERIFY2(comment > 0, qPrintable(text));
        QVERIFY(text.indexOf(u"#   - alter_column: {table: user, column: display_name, new_name: nickname}"_s) > comment);
        QVERIFY(text.indexOf(u"- drop_column: {table: user, column: display_name}"_s) > comment);
        // The commented file is still a valid revision.
        auto reopened = folder.open();
        STRATA_VERIFY_RESULT(reopened);
        QCOMPARE(reopened->graph().size(), 4);
    }

    void baselineAdoptsPlainDatabase_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void baselineAdoptsPlainDatabase()
    {
        QFETCH(QString, dialect);
        TestProject folder;
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        auto opened = db.connect();
        STRATA_VERIFY_RESULT(opened);
        Connection &connection = **opened;
        const QString sql = QString::fromUtf8(readFile(QStringLiteral(STRATA_TEST_DATA) + u"/introspect/plain/"_s
                                                       + dialect + u".sql"_s));
        for (const QString &statement : sql.split(u';', Qt::SkipEmptyParts)) {
            if (!statement.trimmed().isEmpty())
                STRATA_VERIFY_RESULT(connection.exec(statement));
        }
        STRATA_VERIFY_RESULT(connection.exec(u"INSERT INTO users (email) VALUES ('ada@example.com')"_s));

        auto project = folder.open();
        STRATA_VERIFY_RESULT(project);
        auto adopted = baseline(*project, connection, u"Baseline"_s);
        STRATA_VERIFY_RESULT(adopted);
        QVERIFY(adopted->wroteModels);
        QCOMPARE(kinds(adopted->diff.upgrade),
                 QStringList({u"create_table"_s, u"create_table"_s, u"create_index"_s}));
        QCOMPARE(EngineHelpers::heads(connection, *project), QStringList{adopted->revision.id});

        // `strata migrate` right after: "No changes detected"; `check` is clean.
        project = folder.open();
        STRATA_VERIFY_RESULT(project);
        auto pending = modelChanges(*project);
        STRATA_VERIFY_NO_DIFFERENCES(pending);
        auto live = databaseSource(connection, *project);
        STRATA_VERIFY_RESULT(live);
        auto wanted = loadSchemaSource(u"models"_s, *project);
        STRATA_VERIFY_RESULT(wanted);
        auto clean = diffSources(*live, *wanted);
        STRATA_VERIFY_NO_DIFFERENCES(clean);
        QCOMPARE(count(connection, u"users"_s), 1);

        // The baseline revision builds the same schema in an empty database.
        ScratchDatabase fresh(dialect);
        STRATA_REQUIRE_DATABASE(fresh);
        auto second = fresh.connect();
        STRATA_VERIFY_RESULT(second);
        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(**second, *project, u"head"_s));
        auto rebuilt = databaseSource(**second, *project);
        STRATA_VERIFY_RESULT(rebuilt);
        auto same = diffSources(*live, *rebuilt);
        STRATA_VERIFY_NO_DIFFERENCES(same);

        // A second baseline is refused: the history has started.
        auto again = baseline(*project, connection, u"Again"_s);
        QVERIFY(!again);
        QCOMPARE(again.error().code, Error::Code::Conflict);
        QVERIFY2(again.error().message.contains(u"already has revisions"_s), qPrintable(again.error().message));
    }

    void baselineRefuses_data()
    {
        QTest::addColumn<bool>("versioned");
        QTest::addColumn<QString>("message");
        QTest::newRow("versioned database") << true << u"already versioned"_s;
        QTest::newRow("database without tables") << false << u"no tables to adopt"_s;
    }

    void baselineRefuses()
    {
        QFETCH(bool, versioned);
        QFETCH(QString, message);
        TestProject folder;
        ScratchDatabase db(u"sqlite"_s);
        STRATA_REQUIRE_DATABASE(db);
        auto opened = db.connect();
        STRATA_VERIFY_RESULT(opened);
        auto project = folder.open();
        STRATA_VERIFY_RESULT(project);
        if (versioned) {
            STRATA_VERIFY_RESULT((*opened)->exec(u"CREATE TABLE t (id INTEGER PRIMARY KEY)"_s));
            STRATA_VERIFY_RESULT(EngineHelpers::versionStore(**opened, *project).stamp({u"0123456789ab"_s}, true));
        }
        auto refused = baseline(*project, **opened, u"Baseline"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::Conflict);
        QVERIFY2(refused.error().message.contains(message), qPrintable(refused.error().message));
        QVERIFY(!QFile::exists(project->modelsPath()) || readFile(project->modelsPath()).isEmpty()
                || !readFile(project->modelsPath()).contains("tables:\n  "));
    }
};

QTEST_GUILESS_MAIN(TestAutogenerate)
#include "tst_autogenerate.moc"
