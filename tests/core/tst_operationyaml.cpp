// The YAML form of operations: every kind read, described, written back and
// read again to an equal operation; the written form stays compact; and bad
// shapes fail with the message and the file:line:col of the offending node.

#include "operationtesting.h"

using namespace Qt::StringLiterals;
using namespace optest;

class TestOperationYaml : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void roundTrip_data();
    void roundTrip();
    void compactForm_data();
    void compactForm();
    void lineIsTheItemsLine();
    void parseErrors_data();
    void parseErrors();
};

namespace {

// One row per kind and per accepted spelling: (item, kind, describe()).
void addKindRows()
{
    QTest::addColumn<QByteArray>("item");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("description");

    QTest::newRow("create_table") << QByteArray(R"y(
- create_table:
    name: daily_mood
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: user_id, type: integer, nullable: false}
      - {name: day, type: date, nullable: false, unique: true}
      - {name: mood, type: "numeric(4,1)", default: 2.5}
    foreign_keys:
      - {name: fk_mood_user, columns: [user_id], references: user, ref_columns: [id], on_delete: cascade, on_update: no action}
      - {columns: [user_id], references: user, ref_columns: [id]}
    uniques:
      - {name: uq_mood_user_day, columns: [user_id, day]}
      - {columns: [mood]}
    checks:
      - {name: ck_mood_range, expression: "mood BETWEEN 1 AND 5"}
    indexes:
      - {name: ix_mood_day, columns: [day], unique: true, where: "mood > 3"}
)y") << u"create_table"_s << u"create table daily_mood"_s;
    QTest::newRow("create_table with a composite key") << QByteArray(R"(
- create_table:
    name: pair
    columns: [{name: a, type: text}, {name: b, type: uuid}, {name: note, type: json}]
    primary_key: [b, a]
)") << u"create_table"_s << u"create table pair"_s;
    QTest::newRow("drop_table as a scalar") << QByteArray("- drop_table: habit\n") << u"drop_table"_s << u"drop table habit"_s;
    QTest::newRow("drop_table as a mapping") << QByteArray("- drop_table: {name: habit}\n") << u"drop_table"_s << u"drop table habit"_s;
    QTest::newRow("rename_table") << QByteArray("- rename_table: {from: user, to: account}\n") << u"rename_table"_s
                                  << u"rename table user to account"_s;
    QTest::newRow("rename_table, Alembic spelling") << QByteArray("- rename_table: {name: user, new_name: account}\n")
                                                    << u"rename_table"_s << u"rename table user to account"_s;
    QTest::newRow("add_column") << QByteArray(R"(
- add_column:
    table: daily_mood
    column: {name: energy, type: smallint, nullable: false, default: "3"}
)") << u"add_column"_s << u"add column daily_mood.energy"_s;
    QTest::newRow("add_column, flat") << QByteArray("- add_column: {table: t, name: c, type: double, default: \"'x'\"}\n")
                                      << u"add_column"_s << u"add column t.c"_s;
    QTest::newRow("drop_column") << QByteArray("- drop_column: {table: daily_mood, column: energy}\n") << u"drop_column"_s
                                 << u"drop column daily_mood.energy"_s;
    QTest::newRow("alter_column, every change") << QByteArray(
        "- alter_column: {table: t, column: c, type: string(20), nullable: false, default: \"'n/a'\", new_name: d}\n")
        << u"alter_column"_s << u"alter column t.c (type string(20), not null, default 'n/a', rename to d)"_s;
    QTest::newRow("alter_column, drop default") << QByteArray("- alter_column: {table: t, column: c, default: ~}\n")
                                                << u"alter_column"_s << u"alter column t.c (drop default)"_s;
    QTest::newRow("alter_column, nullable") << QByteArray("- alter_column: {table: t, column: c, nullable: true}\n")
                                            << u"alter_column"_s << u"alter column t.c (nullable)"_s;
    QTest::newRow("create_index") << QByteArray("- create_index: {name: ix_a, table: t, columns: [a, b]}\n")
                                  << u"create_index"_s << u"create index ix_a on t (a, b)"_s;
    QTest::newRow("create_index, unique partial, one column as a scalar")
        << QByteArray("- create_index: {name: ix_a, table: t, columns: a, unique: true, where: \"a > 0\"}\n")
        << u"create_index"_s << u"create unique index ix_a on t (a)"_s;
    QTest::newRow("drop_index") << QByteArray("- drop_index: {name: ix_a, table: t}\n") << u"drop_index"_s
                                << u"drop index ix_a on t"_s;
    QTest::newRow("drop_index without table") << QByteArray("- drop_index: {name: ix_a}\n") << u"drop_index"_s
                                              << u"drop index ix_a"_s;
    QTest::newRow("create_unique") << QByteArray("- create_unique: {name: uq_a, table: t, columns: [a, b]}\n")
                                   << u"create_unique"_s << u"create unique constraint uq_a on t (a, b)"_s;
    QTest::newRow("create_foreign_key") << QByteArray(
        "- create_foreign_key: {name: fk_a, table: t, columns: [a], references: u, ref_columns: [id], on_delete: set null, on_update: restrict}\n")
        << u"create_foreign_key"_s << u"create foreign key fk_a on t (a) references u (id)"_s;
    QTest::newRow("create_check") << QByteArray("- create_check: {name: ck_a, table: t, expression: \"a <> 'x: y'\"}\n")
                                  << u"create_check"_s << u"create check ck_a on t"_s;
    QTest::newRow("drop_constraint") << QByteArray("- drop_constraint: {name: ck_a, table: t}\n") << u"drop_constraint"_s
                                     << u"drop constraint ck_a from t"_s;
    QTest::newRow("create_table with the issue-12 types and unnamed constraints") << QByteArray(R"y(
- create_table:
    name: post
    primary_key_name: post_key
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: title, type: string}
      - {name: code, type: char(2)}
      - {name: flag, type: char}
      - {name: status, type: {enum: post_status, values: [draft, published]}}
      - {name: kind, type: {enum: post_kind, values: [a, bb], native: false, create_constraint: true}}
      - {name: search, type: {raw: TSVECTOR}}
      - {name: author_id, type: integer}
    foreign_keys:
      - {name: null, columns: [author_id], references: author, ref_columns: [id], use_alter: true}
    uniques:
      - {columns: [title, code]}
    checks:
      - {expression: "code <> 'xx'"}
)y") << u"create_table"_s << u"create table post"_s;
    QTest::newRow("create_unique without a name") << QByteArray("- create_unique: {table: t, columns: [a, b]}\n")
                                                  << u"create_unique"_s << u"create unique constraint on t (a, b)"_s;
    QTest::newRow("create_foreign_key with a null name") << QByteArray(
        "- create_foreign_key: {name: null, table: b, columns: [a_id], references: a, ref_columns: [id]}\n")
        << u"create_foreign_key"_s << u"create foreign key on b (a_id) references a (id)"_s;
    QTest::newRow("create_check without a name") << QByteArray("- create_check: {table: t, expression: \"a > 0\"}\n")
                                                 << u"create_check"_s << u"create check on t"_s;
    QTest::newRow("alter_column to an enum") << QByteArray(
        "- alter_column: {table: t, column: c, type: {enum: mood, values: [happy, sad]}}\n")
        << u"alter_column"_s << u"alter column t.c (type enum mood (happy, sad))"_s;
    QTest::newRow("execute, one SQL for all") << QByteArray("- execute: \"UPDATE t SET a = 1\"\n") << u"execute"_s
                                              << u"execute UPDATE t SET a = 1"_s;
    QTest::newRow("execute, per dialect") << QByteArray(R"(
- execute:
    sql: UPDATE habit SET archived = false WHERE archived IS NULL
    sqlite: UPDATE habit SET archived = 0 WHERE archived IS NULL
)") << u"execute"_s << u"execute UPDATE habit SET archived = false WHERE archived IS NULL"_s;
    QTest::newRow("execute, one dialect only, long") << QByteArray(
        "- execute: {postgresql: \"CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public CASCADE\"}\n")
        << u"execute"_s << u"execute CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA publi..."_s;
}

strata::Result<strata::OperationPtr> parseOne(const QByteArray &item)
{
    auto ops = parseList(item);
    if (!ops)
        return std::unexpected(ops.error());
    if (ops->size() != 1)
        return strata::fail(strata::Error::Code::Input, u"expected one operation in the row"_s);
    return ops->first();
}

QByteArray emitted(const strata::Operation &op)
{
    YAML::Emitter out;
    out << strata::operationToYaml(op);
    return QByteArray(out.c_str());
}

} // namespace

void TestOperationYaml::parse_data()
{
    addKindRows();
}

void TestOperationYaml::parse()
{
    QFETCH(QByteArray, item);
    QFETCH(QString, kind);
    QFETCH(QString, description);

    const auto op = parseOne(item);
    STRATA_VERIFY_RESULT(op);
    QCOMPARE((*op)->kind(), kind);
    QCOMPARE((*op)->describe(), description);
}

void TestOperationYaml::roundTrip_data()
{
    addKindRows();
}

void TestOperationYaml::roundTrip()
{
    QFETCH(QByteArray, item);

    const auto original = parseOne(item);
    STRATA_VERIFY_RESULT(original);
    // Through text, as the revision writer and the next reader see it.
    const QByteArray text = "- " + emitted(**original).replace("\n", "\n  ") + "\n";
    const auto again = parseOne(text);
    QVERIFY2(again.has_value(), qPrintable((again ? QString() : again.error().toString()) + u"\n"_s
                                           + QString::fromUtf8(text)));
    QCOMPARE(**again, **original);
}

void TestOperationYaml::compactForm_data()
{
    QTest::addColumn<QByteArray>("item");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("drop_table is a scalar") << QByteArray("- drop_table: {name: habit}") << QByteArray("drop_table: habit");
    QTest::newRow("create_index on one line")
        << QByteArray("- create_index:\n    name: ix_a\n    table: t\n    columns: a")
        << QByteArray("create_index: {name: ix_a, table: t, columns: [a]}");
    QTest::newRow("add_column keeps the column on one line")
        << QByteArray("- add_column: {table: t, name: c, type: boolean, nullable: false}")
        << QByteArray("add_column:\n  table: t\n  column: {name: c, type: boolean, nullable: false}");
    QTest::newRow("create_table lists one column per line")
        << QByteArray("- create_table: {name: t, columns: [{name: id, type: int, primary_key: true}, {name: b, type: text}],"
                      " indexes: [{name: ix_b, columns: [b]}]}")
        << QByteArray("create_table:\n  name: t\n  columns:\n    - {name: id, type: integer, primary_key: true}\n"
                      "    - {name: b, type: text}\n  indexes:\n    - {name: ix_b, columns: [b]}");
    QTest::newRow("alter_column drops a default with null")
        << QByteArray("- alter_column: {table: t, column: c, default: null}")
        << QByteArray("alter_column: {table: t, column: c, default: ~}");
}

void TestOperationYaml::compactForm()
{
    QFETCH(QByteArray, item);
    QFETCH(QByteArray, expected);

    const auto op = parseOne(item);
    STRATA_VERIFY_RESULT(op);
    QCOMPARE(emitted(**op), expected);
}

void TestOperationYaml::lineIsTheItemsLine()
{
    const auto ops = parseList(R"(# upgrade
- create_table:
    name: t
    columns: [{name: id, type: integer}]

# then an index
- create_index: {name: ix, table: t, columns: [id]}
-   drop_index: ix
)");
    STRATA_VERIFY_RESULT(ops);
    QCOMPARE(ops->size(), 3);
    QCOMPARE(ops->at(0)->line, 2);
    QCOMPARE(ops->at(1)->line, 7);
    QCOMPARE(ops->at(2)->line, 8);
}

void TestOperationYaml::parseErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");

    QTest::newRow("unknown operation kind") << QByteArray("- create_tabel: {name: t}\n") << u"test.yaml:1:3"_s
        << u"unknown operation 'create_tabel'; expected one of: create_table, drop_table"_s
        << u"did you mean 'create_table'?"_s;
    QTest::newRow("an item that is a plain word") << QByteArray("- drop_table\n") << u"test.yaml:1:3"_s
        << u"expected an operation (a mapping with one key, the operation kind), found 'drop_table'"_s
        << u"'- drop_table: habit'"_s;
    QTest::newRow("fields not indented under the kind") << QByteArray("- create_index:\n  name: ix\n  table: t\n")
        << u"test.yaml:2:3"_s << u"an operation has exactly one key, its kind; found create_index, name, table"_s
        << u"indent the operation's fields"_s;
    QTest::newRow("misspelt column key") << QByteArray(R"(
- create_table:
    name: t
    columns:
      - {name: id, type: integer, nulable: false}
)") << u"test.yaml:5:35"_s
        << u"unknown key 'nulable' in column; expected one of: name, type, nullable, default, primary_key"_s
        << u"did you mean 'nullable'?"_s;
    QTest::newRow("a comma splitting an unquoted type in a flow mapping") << QByteArray(
        "- add_column: {table: t, name: c, type: numeric(10,2)}\n")
        << u"test.yaml:1:52"_s << u"unknown key '2)' in add_column"_s << u"quote it: type: \"numeric(10,2)\""_s;
    QTest::newRow("unknown column type") << QByteArray(R"(
- create_table:
    name: t
    columns:
      - name: id
        type: strng
)") << u"test.yaml:6:15"_s << u"unknown column type 'strng'"_s << u"string(n)"_s;
    QTest::newRow("missing name") << QByteArray("- create_index: {table: t, columns: [a]}\n") << u"test.yaml:1:17"_s
        << u"missing required key 'name'"_s << QString();
    QTest::newRow("enum without values") << QByteArray("- add_column: {table: t, name: c, type: {enum: mood}}\n")
        << u"test.yaml:1:41"_s << u"missing required key 'values'"_s << QString();
    QTest::newRow("enum listing a value twice") << QByteArray("- add_column: {table: t, name: c, type: {enum: m, values: [a, a]}}\n")
        << u"test.yaml:1:59"_s << u"enum 'm' lists a value twice"_s << u"once"_s;
    QTest::newRow("a type mapping of neither kind") << QByteArray("- add_column: {table: t, name: c, type: {kind: x}}\n")
        << u"test.yaml:1:41"_s << u"must be {enum: NAME, values: [...]} or {raw: \"SQL TYPE\"}"_s << u"string(80)"_s;
    QTest::newRow("an empty raw type") << QByteArray("- add_column: {table: t, name: c, type: {raw: \"\"}}\n")
        << u"test.yaml:1:47"_s << u"'raw' is empty"_s << QString();
    QTest::newRow("primary_key_name without a key") << QByteArray(
        "- create_table: {name: t, primary_key_name: pk, columns: [{name: a, type: text}]}\n")
        << u"test.yaml:1:45"_s << u"primary_key_name is given but table 't' has no primary key"_s << u"primary_key: true"_s;
    QTest::newRow("nullable is not a boolean") << QByteArray("- add_column: {table: t, name: c, type: text, nullable: maybe}\n")
        << u"test.yaml:1:57"_s << u"expected true or false for 'nullable', found 'maybe'"_s << QString();
    QTest::newRow("columns is not a list") << QByteArray("- create_table: {name: t, columns: id}\n")
        << u"test.yaml:1:36"_s << u"create_table needs a list of columns, found 'id'"_s << u"columns: [{name: id"_s;
    QTest::newRow("a column that is not a mapping") << QByteArray("- create_table: {name: t, columns: [id]}\n")
        << u"test.yaml:1:37"_s << u"expected a mapping for column, found 'id'"_s << QString();
    QTest::newRow("primary key given twice") << QByteArray(
        "- create_table: {name: t, columns: [{name: a, type: text, primary_key: true}], primary_key: [a]}\n")
        << u"test.yaml:1:93"_s << u"the primary key of 't' is given twice"_s << u"keep one"_s;
    QTest::newRow("primary_key names a missing column") << QByteArray(
        "- create_table: {name: t, columns: [{name: a, type: text}], primary_key: [b]}\n")
        << u"test.yaml:1:74"_s << u"primary_key names column 'b', which table 't' does not have"_s << QString();
    QTest::newRow("autoincrement off the key") << QByteArray(R"(
- create_table:
    name: t
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: n, type: integer, autoincrement: true}
)") << u"test.yaml:6:49"_s << u"autoincrement column 'n' must be the whole primary key of 't'"_s << QString();
    QTest::newRow("autoincrement on text") << QByteArray(
        "- create_table: {name: t, columns: [{name: id, type: text, primary_key: true, autoincrement: true}]}\n")
        << u"test.yaml:1:94"_s << u"autoincrement needs an integer column; 'id' is text"_s << QString();
    QTest::newRow("add_column with a primary key") << QByteArray(
        "- add_column: {table: t, column: {name: id, type: integer, primary_key: true}}\n")
        << u"test.yaml:1:73"_s << u"add_column cannot set 'primary_key' on the new column"_s << u"create_table"_s;
    QTest::newRow("add_column with unique") << QByteArray("- add_column: {table: t, name: c, type: text, unique: true}\n")
        << u"test.yaml:1:55"_s << u"add_column cannot set 'unique'"_s << u"create_unique"_s;
    QTest::newRow("alter_column that changes nothing") << QByteArray("- alter_column: {table: t, column: c}\n")
        << u"test.yaml:1:17"_s << u"alter_column of 't.c' changes nothing"_s << u"new_name"_s;
    QTest::newRow("alter_column with a bad type") << QByteArray("- alter_column: {table: t, column: c, type: int(3)}\n")
        << u"test.yaml:1:45"_s << u"'int(3)': int takes no size"_s << QString();
    QTest::newRow("foreign key column counts differ") << QByteArray(
        "- create_foreign_key: {name: fk, table: t, columns: [a, b], references: u, ref_columns: [id]}\n")
        << u"test.yaml:1:89"_s << u"foreign key has 2 columns but 1 ref_columns"_s << u"same order"_s;
    QTest::newRow("foreign key without ref_columns") << QByteArray(
        "- create_foreign_key: {name: fk, table: t, columns: [a], references: u}\n")
        << u"test.yaml:1:23"_s << u"missing required key 'ref_columns'"_s << QString();
    QTest::newRow("unknown on_delete action") << QByteArray(
        "- create_foreign_key: {name: fk, table: t, columns: [a], references: u, ref_columns: [id], on_delete: cascde}\n")
        << u"test.yaml:1:103"_s << u"unknown action 'cascde' for 'on_delete'"_s << u"did you mean 'cascade'?"_s;
    QTest::newRow("a list inside a column list") << QByteArray("- create_unique: {name: uq, table: t, columns: [[a]]}\n")
        << u"test.yaml:1:49"_s << u"expected a name in the list 'columns', found a list"_s << QString();
    QTest::newRow("execute without SQL") << QByteArray("- execute: \"\"\n") << u"test.yaml:1:12"_s
        << u"execute has no SQL"_s << u"execute: {sql: ..."_s;
    QTest::newRow("execute for an unknown dialect") << QByteArray("- execute: {sql: SELECT 1, mysql: SELECT 2}\n")
        << u"test.yaml:1:28"_s << u"unknown key 'mysql' in execute; expected one of: sql, sqlite, postgresql"_s << QString();
    QTest::newRow("rename_table mixing spellings") << QByteArray("- rename_table: {from: a, new_name: b}\n")
        << u"test.yaml:1:17"_s << u"either {from, to} or {name, new_name}, not a mix"_s << QString();
    QTest::newRow("drop_table of nothing") << QByteArray("- drop_table: {}\n") << u"test.yaml:1:15"_s
        << u"missing required key 'name'"_s << QString();
    QTest::newRow("a key given twice") << QByteArray("- drop_index: {name: a, name: b}\n") << u"test.yaml:1:25"_s
        << u"key 'name' appears twice in drop_index"_s << QString();
    QTest::newRow("a name that is a mapping") << QByteArray("- drop_constraint: {name: {a: b}, table: t}\n")
        << u"test.yaml:1:27"_s << u"expected a string for 'name', found a mapping"_s << QString();
}

void TestOperationYaml::parseErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, where);
    QFETCH(QString, message);
    QFETCH(QString, hint);

    const auto ops = parseList(text);
    QVERIFY(!ops.has_value());
    const strata::Error &error = ops.error();
    QCOMPARE(error.code, strata::Error::Code::Input);
    QCOMPARE(error.where, where);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY2(error.hint.contains(hint), qPrintable(error.hint));
}

QTEST_GUILESS_MAIN(TestOperationYaml)
#include "tst_operationyaml.moc"
