// What real databases hold, on real databases (issue 12): a revision with
// unnamed constraints, string without a length, char(n), enums (native and
// not), a raw type and a use_alter foreign key is upgraded, read back and
// compared with the replay; PostgreSQL's names for the unnamed constraints
// are the replay's, so a later drop_constraint by that name runs; enum types
// come and go with the tables using them; downgrade to base leaves nothing.
#include "enginehelpers.h"
#include "schemadiffcheck.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include "core/diff/autogenerate.h"
#include "core/diff/schemasource.h"
#include "core/project/project.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

const QByteArray firstUp = R"(
- create_table:
    name: post
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: author_id, type: integer, nullable: false}
      - {name: slug, type: char(8), nullable: false}
      - {name: rating, type: smallint}
      - {name: status, type: {enum: post_status, values: [draft, published]}, nullable: false, default: "'draft'"}
      - {name: kind, type: {enum: post_kind, values: [note, essay], native: false, create_constraint: true}}
      - {name: search, type: {raw: TSVECTOR}}
    foreign_keys:
      - {columns: [author_id], references: author, ref_columns: [id], use_alter: true}
    uniques:
      - {columns: [author_id, slug]}
    checks:
      - {expression: "rating BETWEEN 1 AND 5"}
- create_table:
    name: author
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: email, type: string, nullable: false}
      - {name: country, type: char(2)}
    uniques:
      - {name: null, columns: [email]}
)";
const QByteArray firstDown = "- drop_constraint: {name: post_author_id_fkey, table: post}\n"
                             "- drop_table: author\n"
                             "- drop_table: post\n";
const QByteArray secondUp = R"(
- drop_constraint: {name: post_author_id_fkey, table: post}
- create_foreign_key: {table: post, columns: [author_id], references: author, ref_columns: [id], on_delete: cascade}
- add_column: {table: author, column: {name: status, type: {enum: post_status, values: [draft, published]}}}
- alter_column: {table: post, column: status, type: {enum: post_status, values: [draft, review, published]}}
- create_check: {table: author, expression: "length(email) > 3"}
)";
const QByteArray secondDown = R"(
- drop_constraint: {name: author_email_check, table: author}
- drop_column: {table: author, column: status}
- drop_constraint: {name: post_author_id_fkey, table: post}
- create_foreign_key: {table: post, columns: [author_id], references: author, ref_columns: [id], use_alter: true}
)";

QStringList constraintNames(const Table &table)
{
    QStringList names;
    for (const UniqueConstraint &u : table.uniques)
        names << u.name;
    for (const ForeignKey &fk : table.foreignKeys)
        names << fk.name;
    for (const CheckConstraint &c : table.checks)
        names << c.name;
    names.sort();
    return names;
}

qint64 enumTypeCount(Connection &connection)
{
    auto rows = connection.select(u"SELECT count(*) FROM pg_type AS t JOIN pg_namespace AS n ON n.oid = t.typnamespace "
                                  "WHERE t.typtype = 'e' AND n.nspname = current_schema()"_s);
    return rows && !rows->isEmpty() ? rows->first().value(0).toLongLong() : -1;
}

} // namespace


class TestRealSchema : public QObject
{
    Q_OBJECT

    // The live schema equals the replay at the database's revision.
    void verifyNoDrift(Connection &connection, const Project &project, const QString &at)
    {
        auto live = databaseSource(connection, project);
        STRATA_VERIFY_RESULT(live);
        auto replay = loadSchemaSource(u"@"_s + at, project);
        STRATA_VERIFY_RESULT(replay);
        auto diff = diffSources(*replay, *live);
        STRATA_VERIFY_RESULT(diff);
        QVERIFY2(diff->isEmpty(), qPrintable(at + u": "_s + schemaDifferences(*diff)));
    }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void roundTrip()
    {
        QFETCH(QString, dialect);
        TestProject folder;
        QVERIFY(!folder.writeRevision(u"aaaa00000001"_s, {}, firstUp, firstDown).isEmpty());
        QVERIFY(!folder.writeRevision(u"aaaa00000002"_s, {u"aaaa00000001"_s}, secondUp, secondDown).isEmpty());
        auto project = folder.open();
        STRATA_VERIFY_RESULT(project);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        auto connection = db.connect();
        STRATA_VERIFY_RESULT(connection);
        const bool postgres = dialect == "postgresql"_L1;

        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(**connection, *project, u"aaaa00000001"_s));
        verifyNoDrift(**connection, *project, u"aaaa00000001"_s);
        if (postgres) {
            // The database's own names are the replay's (post_kind_check is the
            // CHECK of the non-native enum, a column type in the replay).
            auto live = databaseSource(**connection, *project);
            STRATA_VERIFY_RESULT(live);
            auto replay = loadSchemaSource(u"@aaaa00000001"_s, *project);
            STRATA_VERIFY_RESULT(replay);
            QCOMPARE(constraintNames(*live->schema.table(u"author"_s)), QStringList{u"author_email_key"_s});
            QCOMPARE(constraintNames(*replay->schema.table(u"author"_s)), QStringList{u"author_email_key"_s});
            QCOMPARE(constraintNames(*replay->schema.table(u"post"_s)),
                     (QStringList{u"post_author_id_fkey"_s, u"post_author_id_slug_key"_s, u"post_rating_check"_s}));
            QCOMPARE(constraintNames(*live->schema.table(u"post"_s)),
                     (QStringList{u"post_author_id_fkey"_s, u"post_author_id_slug_key"_s, u"post_kind_check"_s,
                                  u"post_rating_check"_s}));
            QCOMPARE(enumTypeCount(**connection), 1);
        }

        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(**connection, *project, u"head"_s));
        verifyNoDrift(**connection, *project, u"aaaa00000002"_s);

        STRATA_VERIFY_RESULT(EngineHelpers::downgrade(**connection, *project, u"aaaa00000001"_s));
        if (postgres) {
            // PostgreSQL cannot take a value out of an enum type: 'review' stays, and drift says so.
            auto live = databaseSource(**connection, *project);
            STRATA_VERIFY_RESULT(live);
            auto replay = loadSchemaSource(u"@aaaa00000001"_s, *project);
            STRATA_VERIFY_RESULT(replay);
            auto diff = diffSources(*replay, *live);
            STRATA_VERIFY_RESULT(diff);
            QCOMPARE(schemaDifferences(*diff), u"alter column post.status (type enum post_status (draft, review, published))"_s);
        } else {
            verifyNoDrift(**connection, *project, u"aaaa00000001"_s);
        }

        STRATA_VERIFY_RESULT(EngineHelpers::downgrade(**connection, *project, u"base"_s));
        auto empty = databaseSource(**connection, *project);
        STRATA_VERIFY_RESULT(empty);
        QCOMPARE(empty->schema.tables.size(), 0);
        if (postgres)
            QCOMPARE(enumTypeCount(**connection), 0);

        // And up again, as a round trip does.
        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(**connection, *project, u"head"_s));
        verifyNoDrift(**connection, *project, u"aaaa00000002"_s);
    }

    // Names past 63 bytes: PostgreSQL shortens the table and column parts;
    // the replay's names must be the very ones it chose.
    void longNamesOnPostgres()
    {
        const QByteArray table(58, 'p');
        const QByteArray column(45, 'c');
        const QByteArray up = "- create_table:\n    name: " + table + "\n    columns:\n"
            "      - {name: id, type: integer, primary_key: true}\n"
            "      - {name: " + column + ", type: integer}\n"
            "    foreign_keys:\n      - {columns: [" + column + "], references: " + table + ", ref_columns: [id]}\n"
            "    uniques:\n      - {columns: [id, " + column + "]}\n"
            "    checks:\n      - {expression: \"" + column + " > 0\"}\n";
        TestProject folder;
        QVERIFY(!folder.writeRevision(u"bbbb00000001"_s, {}, up, "- drop_table: " + table).isEmpty());
        auto project = folder.open();
        STRATA_VERIFY_RESULT(project);
        ScratchDatabase db(u"postgresql"_s);
        STRATA_REQUIRE_DATABASE(db);
        auto connection = db.connect();
        STRATA_VERIFY_RESULT(connection);
        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(**connection, *project, u"head"_s));
        auto live = databaseSource(**connection, *project);
        STRATA_VERIFY_RESULT(live);
        auto replay = loadSchemaSource(u"@head"_s, *project);
        STRATA_VERIFY_RESULT(replay);
        const QString name = QString::fromLatin1(table);
        QVERIFY(live->schema.table(name));
        const QStringList names = constraintNames(*live->schema.table(name));
        QCOMPARE(names, constraintNames(*replay->schema.table(name)));
        for (const QString &n : names)
            QVERIFY2(n.toUtf8().size() <= 63, qPrintable(n));
        verifyNoDrift(**connection, *project, u"bbbb00000001"_s);
    }

    // models.yaml gains an enum value, a table with an unnamed foreign key and
    // a check: migrate writes unnamed operations, the upgrade runs, and
    // neither check nor drift finds anything left.
    void autogenerateOntoLiveDatabase_data() { roundTrip_data(); }
    void autogenerateOntoLiveDatabase()
    {
        QFETCH(QString, dialect);
        TestProject folder;
        const QByteArray before = R"(tables:
  author:
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: role, type: {enum: author_role, values: [reader, writer]}}
)";
        const QByteArray after = R"(tables:
  author:
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: role, type: {enum: author_role, values: [reader, editor, writer]}}
    checks:
      - {expression: "id > 0"}
  book:
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: author_id, type: integer}
      - {name: isbn, type: char(13)}
      - {name: title, type: string}
    foreign_keys:
      - {columns: [author_id], references: author, ref_columns: [id]}
    uniques:
      - {columns: [isbn]}
)";
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        auto connection = db.connect();
        STRATA_VERIFY_RESULT(connection);
        QString lastPath;
        for (const QByteArray &modelsText : {before, after}) {
            QVERIFY(TestProjects::writeFile(folder.path() + u"/models.yaml"_s, modelsText));
            auto project = folder.open();
            STRATA_VERIFY_RESULT(project);
            auto diff = modelChanges(*project);
            STRATA_VERIFY_RESULT(diff);
            QVERIFY(!diff->isEmpty());
            const QStringList heads = project->graph().heads();
            auto path = writeAutogenerated(*project, autogeneratedRevision(*diff, u"step"_s, heads), *diff);
            STRATA_VERIFY_RESULT(path);
            lastPath = *path;
            auto reopened = folder.open();
            STRATA_VERIFY_RESULT(reopened);
            STRATA_VERIFY_RESULT(EngineHelpers::upgrade(**connection, *reopened, u"head"_s));
            auto check = modelChanges(*reopened);
            STRATA_VERIFY_RESULT(check);
            QVERIFY2(check->isEmpty(), qPrintable(schemaDifferences(*check)));
            verifyNoDrift(**connection, *reopened, u"head"_s);
            auto live = databaseSource(**connection, *reopened);
            STRATA_VERIFY_RESULT(live);
            auto models = loadSchemaSource(u"models"_s, *reopened);
            STRATA_VERIFY_RESULT(models);
            auto liveVsModels = diffSources(*live, *models);
            STRATA_VERIFY_RESULT(liveVsModels);
            QVERIFY2(liveVsModels->isEmpty(), qPrintable(schemaDifferences(*liveVsModels)));
        }
        // The generated revision leaves the constraints unnamed, as Alembic's autogenerate does.
        QFile written(lastPath);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(written.readAll());
        QVERIFY2(text.contains(u"references: author"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"book_author_id_fkey"_s) && !text.contains(u"book_isbn_key"_s), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestRealSchema)
#include "tst_realschema.moc"
