// alter_table's sqlite_autoincrement (an Alembic batch rebuild with
// table_kwargs={'sqlite_autoincrement': ...}, ihatemoney's cb038f79982e):
// what it does to the replayed key, the SQLite rebuild it renders, nothing
// on PostgreSQL, and its YAML.

#include "operationtesting.h"

#include "core/dialect/dialect.h"
#include "core/ops/altertableop.h"

using namespace Qt::StringLiterals;
using namespace optest;

class TestAlterTable : public QObject
{
    Q_OBJECT

private slots:
    void key_data();
    void key();
    void renders();
    void yaml();
};

namespace {

const QByteArray tables = R"(
- create_table:
    name: bill
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: serial}
      - {name: what, type: string(40), nullable: false}
- create_table:
    name: billowers
    columns:
      - {name: bill_id, type: integer, primary_key: true}
      - {name: person_id, type: integer, primary_key: true}
)";

} // namespace

void TestAlterTable::key_data()
{
    QTest::addColumn<QByteArray>("operations");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("on: the rowid key gets AUTOINCREMENT")
        << QByteArray("- alter_table: {name: bill, sqlite_autoincrement: true}\n")
        << QByteArray(tables).replace("autoincrement: serial", "autoincrement: true");
    QTest::newRow("off again: the rowid")
        << QByteArray("- alter_table: {name: bill, sqlite_autoincrement: true}\n"
                      "- alter_table: {name: bill, sqlite_autoincrement: false}\n")
        << tables;
    QTest::newRow("a composite key: nothing, as SQLAlchemy")
        << QByteArray("- alter_table: {name: billowers, sqlite_autoincrement: true}\n") << tables;
}

void TestAlterTable::key()
{
    QFETCH(QByteArray, operations);
    QFETCH(QByteArray, expected);
    const auto after = schemaFrom(tables + operations);
    STRATA_VERIFY_RESULT(after);
    const auto wanted = schemaFrom(expected);
    STRATA_VERIFY_RESULT(wanted);
    QCOMPARE(*after, *wanted);
}

void TestAlterTable::renders()
{
    const auto before = schemaFrom(tables);
    STRATA_VERIFY_RESULT(before);
    strata::AlterTable on;
    on.name = u"bill"_s;
    on.sqliteAutoincrement = true;
    const auto sqlite = on.render(*strata::Dialect::forName(u"sqlite"_s), *before);
    STRATA_VERIFY_RESULT(sqlite);
    const QString text = sqlite->join(u"\n"_s);
    QVERIFY2(text.contains(u"\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT"_s), qPrintable(text));
    QVERIFY2(text.contains(u"INSERT INTO \"_strata_new_bill\" (\"id\", \"what\") SELECT \"id\", \"what\" FROM \"bill\""_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"DROP TABLE \"bill\""_s), qPrintable(text));
    const auto postgres = on.render(*strata::Dialect::forName(u"postgresql"_s), *before);
    STRATA_VERIFY_RESULT(postgres);
    QCOMPARE(*postgres, QStringList());
    // Asking for what the table has already: no rebuild.
    on.sqliteAutoincrement = false;
    const auto unchanged = on.render(*strata::Dialect::forName(u"sqlite"_s), *before);
    STRATA_VERIFY_RESULT(unchanged);
    QCOMPARE(*unchanged, QStringList());
    // A table no revision made.
    on.name = u"nothing"_s;
    QVERIFY(!on.render(*strata::Dialect::forName(u"sqlite"_s), *before).has_value());
}

void TestAlterTable::yaml()
{
    const auto ops = parseList("- alter_table: {name: bill, sqlite_autoincrement: true}\n");
    STRATA_VERIFY_RESULT(ops);
    QCOMPARE(ops->first()->describe(), u"alter table bill (sqlite_autoincrement on)"_s);
    const auto again = strata::parseOperation(strata::operationToYaml(*ops->first()), fileName());
    STRATA_VERIFY_RESULT(again);
    QCOMPARE(**again, *ops->first());
    const auto empty = parseList("- alter_table: {name: bill}\n");
    QVERIFY(!empty.has_value());
    QVERIFY2(empty.error().toString().contains(u"alter_table has no option to change"_s), qPrintable(empty.error().toString()));
}

QTEST_GUILESS_MAIN(TestAlterTable)
#include "tst_altertable.moc"
