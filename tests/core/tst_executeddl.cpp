// The simple DDL inside an execute's SQL, as the replay learns it (an
// Alembic script's op.execute("CREATE INDEX ...") that a later
// op.drop_index names): a row gives the base, the execute and the schema
// expected afterwards, written independently as create_table operations.

#include "operationtesting.h"

#include "core/ops/executeop.h"

using namespace Qt::StringLiterals;
using namespace optest;

class TestExecuteDdl : public QObject
{
    Q_OBJECT

private slots:
    void learns_data();
    void learns();
    void laterOperationsFindWhatItMade();
};

namespace {

const QByteArray base = R"(
- create_table:
    name: Distribution
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: commit_id, type: string(50)}
      - {name: hardware_hash, type: string(50)}
    indexes:
      - {name: ix_distribution_commit, columns: [commit_id]}
- create_table:
    name: run
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: distribution_id, type: integer}
    foreign_keys:
      - {name: fk_run_distribution, columns: [distribution_id], references: Distribution, ref_columns: [id]}
)";

QByteArray withIndexes(const QByteArray &indexes)
{
    return QByteArray(base).replace("      - {name: ix_distribution_commit, columns: [commit_id]}\n", indexes);
}

} // namespace

void TestExecuteDdl::learns_data()
{
    QTest::addColumn<QByteArray>("execute");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray commitIndex = "      - {name: ix_distribution_commit, columns: [commit_id]}\n";
    QTest::newRow("create index, unquoted names of another case (conbench)")
        << QByteArray("CREATE INDEX distribution_commit_hardware_index ON distribution (commit_id, HARDWARE_HASH)")
        << withIndexes(commitIndex + "      - {name: distribution_commit_hardware_index, columns: [commit_id, hardware_hash]}\n");
    QTest::newRow("unique, if not exists, schema-qualified, ordered, partial")
        << QByteArray("create unique index if not exists \"ux_hw\" on public.\"Distribution\" using btree "
                      "(hardware_hash DESC NULLS LAST) WHERE hardware_hash IS NOT NULL;")
        << withIndexes(commitIndex + "      - {name: ux_hw, columns: [hardware_hash], unique: true, where: \"hardware_hash IS NOT NULL\"}\n");
    QTest::newRow("if not exists, and it exists: unchanged")
        << QByteArray("CREATE INDEX IF NOT EXISTS ix_distribution_commit ON distribution (hardware_hash)") << base;
    QTest::newRow("an index on an expression: not a Strata index, unchanged")
        << QByteArray("CREATE INDEX ix_lower ON distribution (lower(commit_id))") << base;
    QTest::newRow("an index on a table no revision made: unchanged")
        << QByteArray("CREATE INDEX ix_other ON other (a)") << base;
    QTest::newRow("drop index, if exists, concurrently")
        << QByteArray("DROP INDEX CONCURRENTLY IF EXISTS ix_distribution_commit") << withIndexes({});
    QTest::newRow("several statements, comments and data between")
        << QByteArray("-- rebuild the index\nDROP INDEX ix_distribution_commit;\nUPDATE distribution SET commit_id = 'x';\n"
                      "CREATE INDEX ix_distribution_commit ON distribution (hardware_hash);")
        << withIndexes("      - {name: ix_distribution_commit, columns: [hardware_hash]}\n");
    QTest::newRow("rename table: references follow")
        << QByteArray("ALTER TABLE distribution RENAME TO hardware_distribution")
        << QByteArray(base).replace("name: Distribution", "name: hardware_distribution")
               .replace("references: Distribution", "references: hardware_distribution");
    QTest::newRow("rename column: the index follows")
        << QByteArray("ALTER TABLE \"Distribution\" RENAME COLUMN commit_id TO commit_sha")
        << QByteArray(base).replace("commit_id", "commit_sha");
    QTest::newRow("drop table")
        << QByteArray("DROP TABLE IF EXISTS run CASCADE")
        << base.left(base.indexOf("- create_table:\n    name: run"));
    // conbench 9bee3b519bf1: a backfill by "create table as select", then the tables swapped.
    const QByteArray fingerprints = base + R"(- create_table:
    name: temp
    columns:
      - {name: id, type: integer}
      - {name: commit_id, type: string(50)}
      - {name: hardware_hash, type: string(50)}
      - {name: run_id, type: integer}
      - {name: fingerprint, type: text}
)";
    QTest::newRow("create table as select: t.*, an aliased column, md5() as a name, a join")
        << QByteArray("CREATE TABLE temp AS\n  SELECT d.*, run.id AS run_id,\n"
                      "    MD5(d.commit_id || d.hardware_hash) AS fingerprint\n"
                      "  FROM distribution d LEFT JOIN run ON run.distribution_id = d.id")
        << fingerprints;
    QTest::newRow("create table as select, then the swap and the key by hand")
        << QByteArray("CREATE TABLE temp AS SELECT distribution.*, run.id AS run_id, md5(commit_id) AS fingerprint "
                      "FROM distribution JOIN run ON run.distribution_id = distribution.id;\n"
                      "DROP TABLE run; DROP TABLE distribution; ALTER TABLE temp RENAME TO run;\n"
                      "ALTER TABLE run ADD PRIMARY KEY (id, run_id)")
        << QByteArray(R"(- create_table:
    name: run
    columns:
      - {name: id, type: integer, nullable: false}
      - {name: commit_id, type: string(50)}
      - {name: hardware_hash, type: string(50)}
      - {name: run_id, type: integer, nullable: false}
      - {name: fingerprint, type: text}
    primary_key: [id, run_id]
)");
    QTest::newRow("create table as select: an expression of unknown type leaves it unlearned")
        << QByteArray("CREATE TABLE temp AS SELECT id, commit_id || 'x' AS c FROM distribution") << base;
    QTest::newRow("create table as select: * over a join is past the reading")
        << QByteArray("CREATE TABLE temp AS SELECT * FROM distribution JOIN run ON run.id = distribution.id") << base;
    QTest::newRow("create table as select: an ambiguous column")
        << QByteArray("CREATE TABLE temp AS SELECT id FROM distribution JOIN run ON run.id = distribution.id") << base;
    QTest::newRow("views, triggers and data: unchanged")
        << QByteArray("CREATE VIEW v AS SELECT id FROM distribution; DROP VIEW v; "
                      "INSERT INTO run (id) VALUES (1)") << base;
}

void TestExecuteDdl::learns()
{
    QFETCH(QByteArray, execute);
    QFETCH(QByteArray, expected);
    const auto before = schemaFrom(base);
    STRATA_VERIFY_RESULT(before);
    strata::Execute op;
    op.sql = QString::fromUtf8(execute);
    strata::Schema after = *before;
    QVERIFY(op.apply(after).has_value());
    const auto wanted = schemaFrom(expected);
    STRATA_VERIFY_RESULT(wanted);
    QCOMPARE(after, *wanted);
}

// Per-dialect variants may make different things: the replay learns nothing from them.
void TestExecuteDdl::laterOperationsFindWhatItMade()
{
    const auto ops = parseList(base + R"y(
- execute: CREATE INDEX distribution_commit_hardware_index ON distribution (commit_id, hardware_hash)
- drop_index: {name: distribution_commit_hardware_index, table: Distribution}
- execute: {sqlite: "CREATE INDEX ix_v ON distribution (commit_id)", postgresql: "CREATE INDEX ix_v ON distribution (hardware_hash)"}
)y");
    STRATA_VERIFY_RESULT(ops);
    const auto after = strata::replay({}, *ops);
    STRATA_VERIFY_RESULT(after);
    const auto wanted = schemaFrom(base);
    STRATA_VERIFY_RESULT(wanted);
    QCOMPARE(*after, *wanted);
}

QTEST_GUILESS_MAIN(TestExecuteDdl)
#include "tst_executeddl.moc"
