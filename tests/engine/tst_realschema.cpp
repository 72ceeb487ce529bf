// What real databases hold, on real databases (issue 12): a revision with
// unnamed constraints, string without a length, char(n), enums (native and
// not), a raw type and a use_alter foreign key is upgraded, read back and
// compared with the replay; PostgreSQL's names for the unnamed constraints
// are the replay's, so a later drop_constraint by that name runs; enum types
// come and go with the tables using them; downgrade to base leaves nothing.
#include "enginehelpers.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include "diff/schemasource.h"
#include "project/project.h"

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

QString differences(const SchemaDiff &diff)
{
    QStringList lines;
    for (const OperationPtr &op : diff.upgrade)
        lines << op->describe();
    return (lines + diff.unsupported).join(u'\n');
}

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

#define VERIFY_RESULT(result) QVERIFY2((result).has_value(), qPrintable((result) ? QString() : (result).error().toString()))

class TestRealSchema : public QObject
{
    Q_OBJECT

    // The live schema equals the replay at the database's revision.
    void verifyNoDrift(Connection &connection, const Project &project, const QString &at)
    {
        auto live = databaseSource(connection, project);
        VERIFY_RESULT(live);
        auto replay = loadSchemaSource(u"@"_s + at, project);
        VERIFY_RESULT(replay);
        auto diff = diffSources(*replay, *live);
        VERIFY_RESULT(diff);
        QVERIFY2(diff->isEmpty(), qPrintable(at + u": "_s + differences(*diff)));
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
        VERIFY_RESULT(project);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        auto connection = db.connect();
        VERIFY_RESULT(connection);
        const bool postgres = dialect == "postgresql"_L1;

        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(**connection, *project, u"aaaa00000001"_s));
        verifyNoDrift(**connection, *project, u"aaaa00000001"_s);
        if (postgres) {
            // The database's own names are the replay's (post_kind_check is the
            // CHECK of the non-native enum, a column type in the replay).
            auto live = databaseSource(**connection, *project);
            VERIFY_RESULT(live);
            auto replay = loadSchemaSource(u"@aaaa00000001"_s, *project);
            VERIFY_RESULT(replay);
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
            VERIFY_RESULT(live);
            auto replay = loadSchemaSource(u"@aaaa00000001"_s, *project);
            VERIFY_RESULT(replay);
            auto diff = diffSources(*replay, *live);
            VERIFY_RESULT(diff);
            QCOMPARE(differences(*diff), u"alter column post.status (type enum post_status (draft, review, published))"_s);
        } else {
            verifyNoDrift(**connection, *project, u"aaaa00000001"_s);
        }

        STRATA_VERIFY_RESULT(EngineHelpers::downgrade(**connection, *project, u"base"_s));
        auto empty = databaseSource(**connection, *project);
        VERIFY_RESULT(empty);
        QCOMPARE(empty->schema.tables.size(), 0);
        if (postgres)
            QCOMPARE(enumTypeCount(**connection), 0);

        // And up again, as a round trip does.
        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(**connection, *project, u"head"_s));
        verifyNoDrift(**connection, *project, u"aaaa00000002"_s);
    }
};

QTEST_GUILESS_MAIN(TestRealSchema)
#include "tst_realschema.moc"
