// Each operation applied to the in-memory schema: a row gives the operations
// (run on top of the base schema) and the schema expected afterwards, written
// independently as create_table operations.

#include "operationtesting.h"

#include <QDir>

using namespace Qt::StringLiterals;
using namespace optest;

class TestOperations : public QObject
{
    Q_OBJECT

private slots:
    void apply_data();
    void apply();
    void executeKeepsTheSchema();
    void exampleProjectReplaysToItsModels();
};

namespace {

const QByteArray habitWithoutIndex = R"(
- create_table:
    name: habit
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: user_id, type: integer, nullable: false}
      - {name: title, type: string(120)}
    foreign_keys:
      - {name: fk_habit_user, columns: [user_id], references: user, ref_columns: [id], on_delete: cascade}
    checks:
      - {name: ck_habit_title, expression: "length(title) > 0"}
)";

} // namespace

void TestOperations::apply_data()
{
    QTest::addColumn<QByteArray>("operations");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("create_table gathers keys, uniques, foreign keys, checks and indexes")
        << QByteArray(R"(
- create_table:
    name: daily_mood
    columns:
      - {name: user_id, type: integer, primary_key: true}
      - {name: day, type: date, primary_key: true}
      - {name: mood, type: smallint, nullable: false, unique: true, default: 3}
    foreign_keys:
      - {columns: [user_id], references: user, ref_columns: [id], on_delete: CASCADE}
    checks:
      - {name: ck_mood, expression: "mood BETWEEN 1 AND 5"}
    indexes:
      - {name: ix_mood_day, columns: [day], where: "mood > 3"}
)")
        << baseSchema + R"(
- create_table:
    name: daily_mood
    columns:
      - {name: user_id, type: integer, nullable: false}
      - {name: day, type: date, nullable: false}
      - {name: mood, type: smallint, nullable: false, default: "3"}
    primary_key: [user_id, day]
    uniques:
      - {name: uq_daily_mood_mood, columns: [mood]}
    foreign_keys:
      - {columns: [user_id], references: user, ref_columns: [id], on_delete: cascade}
    checks:
      - {name: ck_mood, expression: "mood BETWEEN 1 AND 5"}
- create_index: {name: ix_mood_day, table: daily_mood, columns: [day], where: "mood > 3"}
)";

    QTest::newRow("create_table may reference itself")
        << QByteArray(R"(
- create_table:
    name: node
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: parent_id, type: bigint}
    foreign_keys:
      - {name: fk_node_parent, columns: parent_id, references: node, ref_columns: id}
)")
        << baseSchema + R"(
- create_table:
    name: node
    columns:
      - {name: id, type: bigint, nullable: false}
      - {name: parent_id, type: bigint}
    primary_key: [id]
- create_foreign_key: {name: fk_node_parent, table: node, columns: [parent_id], references: node, ref_columns: [id]}
)";

    QTest::newRow("drop_table takes its indexes along")
        << QByteArray("- drop_table: habit\n")
        << userTable;

    QTest::newRow("rename_table repoints the foreign keys that reference it")
        << QByteArray("- rename_table: {from: user, to: account}\n")
        << QByteArray(R"(
- create_table:
    name: account
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: email, type: string(255), nullable: false}
      - {name: created_at, type: datetime, default: CURRENT_TIMESTAMP}
    uniques:
      - {name: uq_user_email, columns: [email]}
- create_table:
    name: habit
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: user_id, type: integer, nullable: false}
      - {name: title, type: string(120)}
    foreign_keys:
      - {name: fk_habit_user, columns: [user_id], references: account, ref_columns: [id], on_delete: cascade}
    checks:
      - {name: ck_habit_title, expression: "length(title) > 0"}
)") + habitIndex;

    QTest::newRow("rename_table with Alembic's key names")
        << QByteArray("- rename_table: {name: habit, new_name: routine}\n")
        << userTable + QByteArray(habitWithoutIndex).replace("name: habit", "name: routine")
               + "- create_index: {name: ix_habit_user_id, table: routine, columns: [user_id]}\n";

    QTest::newRow("add_column with a nested column")
        << QByteArray(R"(
- add_column:
    table: habit
    column: {name: archived, type: boolean, nullable: false, default: false}
)")
        << userTable + QByteArray(habitWithoutIndex).replace(
               "- {name: title, type: string(120)}",
               "- {name: title, type: string(120)}\n      - {name: archived, type: boolean, nullable: false, default: 'false'}")
               + habitIndex;

    QTest::newRow("add_column with the column keys beside table")
        << QByteArray("- add_column: {table: habit, name: notes, type: varchar(40)}\n")
        << userTable + QByteArray(habitWithoutIndex).replace(
               "- {name: title, type: string(120)}",
               "- {name: title, type: string(120)}\n      - {name: notes, type: string(40)}")
               + habitIndex;

    QTest::newRow("drop_column removes an unused column")
        << QByteArray("- drop_column: {table: user, column: created_at}\n")
        << QByteArray(userTable).replace("      - {name: created_at, type: datetime, default: CURRENT_TIMESTAMP}\n", "")
               + habitTable + habitIndex;

    QTest::newRow("alter_column changes type, nullability and default")
        << QByteArray("- alter_column: {table: habit, column: title, type: text, nullable: false, default: \"'untitled'\"}\n")
        << userTable + QByteArray(habitWithoutIndex).replace(
               "- {name: title, type: string(120)}",
               "- {name: title, type: text, nullable: false, default: \"'untitled'\"}")
               + habitIndex;

    QTest::newRow("alter_column with default null drops the default")
        << QByteArray("- alter_column: {table: user, column: created_at, default: null}\n")
        << QByteArray(userTable).replace("type: datetime, default: CURRENT_TIMESTAMP", "type: datetime")
               + habitTable + habitIndex;

    QTest::newRow("alter_column rename reaches the key, index, check and both ends of a foreign key")
        << QByteArray(R"(
- alter_column: {table: user, column: id, new_name: uid}
- alter_column: {table: habit, column: user_id, new_name: owner_id}
- alter_column: {table: habit, column: title, new_name: name}
)")
        << QByteArray(R"(
- create_table:
    name: user
    columns:
      - {name: uid, type: integer, primary_key: true, autoincrement: true}
      - {name: email, type: string(255), nullable: false, unique: true}
      - {name: created_at, type: datetime, default: CURRENT_TIMESTAMP}
- create_table:
    name: habit
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: owner_id, type: integer, nullable: false}
      - {name: name, type: string(120)}
    foreign_keys:
      - {name: fk_habit_user, columns: [owner_id], references: user, ref_columns: [uid], on_delete: cascade}
    checks:
      - {name: ck_habit_title, expression: "length(name) > 0"}
    indexes:
      - {name: ix_habit_user_id, columns: [owner_id]}
)");

    QTest::newRow("create_index, unique and partial")
        << QByteArray("- create_index: {name: ix_habit_title, table: habit, columns: [user_id, title], unique: true, where: \"title IS NOT NULL\"}\n")
        << baseSchema + "- create_index: {name: ix_habit_title, table: habit, columns: [user_id, title], unique: yes, where: \"title IS NOT NULL\"}\n";

    QTest::newRow("drop_index finds the table itself")
        << QByteArray("- drop_index: ix_habit_user_id\n")
        << userTable + habitTable;

    QTest::newRow("drop_index with its table")
        << QByteArray("- drop_index: {name: ix_habit_user_id, table: habit}\n")
        << userTable + habitTable;

    QTest::newRow("create_unique")
        << QByteArray("- create_unique: {name: uq_habit_title, table: habit, columns: [user_id, title]}\n")
        << userTable + QByteArray(habitWithoutIndex).replace(
               "    checks:", "    uniques:\n      - {name: uq_habit_title, columns: [user_id, title]}\n    checks:")
               + habitIndex;

    QTest::newRow("create_foreign_key to a unique column")
        << QByteArray("- create_foreign_key: {name: fk_habit_title, table: habit, columns: [title], references: user, ref_columns: [email], on_update: SET_NULL}\n")
        << userTable + QByteArray(habitWithoutIndex).replace(
               "on_delete: cascade}",
               "on_delete: cascade}\n      - {name: fk_habit_title, columns: [title], references: user, ref_columns: [email], on_update: set null}")
               + habitIndex;

    QTest::newRow("create_check")
        << QByteArray("- create_check: {name: ck_habit_id, table: habit, expression: \"id > 0\"}\n")
        << userTable + QByteArray(habitWithoutIndex).replace(
               "expression: \"length(title) > 0\"}",
               "expression: \"length(title) > 0\"}\n      - {name: ck_habit_id, expression: \"id > 0\"}")
               + habitIndex;

    QTest::newRow("drop_constraint of a foreign key frees the referenced table")
        << QByteArray(R"(
- drop_constraint: {name: fk_habit_user, table: habit}
- drop_table: user
)")
        << QByteArray(habitWithoutIndex).replace(
               "      - {name: fk_habit_user, columns: [user_id], references: user, ref_columns: [id], on_delete: cascade}\n", "")
               .replace("    foreign_keys:\n", "")
               + habitIndex;

    QTest::newRow("drop_constraint of a check")
        << QByteArray("- drop_constraint: {name: ck_habit_title, table: habit}\n")
        << userTable + QByteArray(habitWithoutIndex).replace(
               "    checks:\n      - {name: ck_habit_title, expression: \"length(title) > 0\"}\n", "")
               + habitIndex;

    QTest::newRow("drop_constraint of a unique made by a column's unique: true")
        << QByteArray("- drop_constraint: {name: uq_user_email, table: user}\n")
        << QByteArray(userTable).replace("nullable: false, unique: true", "nullable: false") + habitTable + habitIndex;
}

void TestOperations::apply()
{
    QFETCH(QByteArray, operations);
    QFETCH(QByteArray, expected);

    const auto base = schemaFrom(baseSchema);
    STRATA_VERIFY_RESULT(base);
    const auto ops = parseList(operations);
    STRATA_VERIFY_RESULT(ops);
    const auto actual = strata::replay(*base, *ops);
    STRATA_VERIFY_RESULT(actual);
    const auto wanted = schemaFrom(expected);
    STRATA_VERIFY_RESULT(wanted);
    QCOMPARE(*actual, *wanted);
}

void TestOperations::executeKeepsTheSchema()
{
    const auto base = schemaFrom(baseSchema);
    STRATA_VERIFY_RESULT(base);
    const auto ops = parseList("- execute: UPDATE habit SET title = 'x'\n");
    STRATA_VERIFY_RESULT(ops);
    const auto after = strata::replay(*base, *ops);
    STRATA_VERIFY_RESULT(after);
    QCOMPARE(*after, *base);
}

// The bundled example: its revisions, replayed up from nothing, give the
// schema its models.yaml describes, and their downgrades lead back to nothing.
void TestOperations::exampleProjectReplaysToItsModels()
{
    const QDir versions(QStringLiteral(STRATA_EXAMPLE_PROJECT "/versions"));
    QMap<QString, YAML::Node> byParent;   // down_revision ("" for the base) -> file
    QMap<QString, QString> pathOf;
    for (const QString &name : versions.entryList({u"*.yaml"_s}, QDir::Files)) {
        const QString path = versions.filePath(name);
        const YAML::Node root = YAML::LoadFile(path.toStdString());
        const QString parent = root["down_revision"].IsNull() ? QString() : QString::fromStdString(root["down_revision"].as<std::string>());
        QVERIFY2(!byParent.contains(parent), "the example project is expected to be linear");
        byParent.insert(parent, root);
        pathOf.insert(QString::fromStdString(root["revision"].as<std::string>()), path);
    }
    QVERIFY(!byParent.isEmpty());

    strata::Schema schema;
    QList<strata::OperationList> downgrades;
    for (QString parent; byParent.contains(parent);) {
        const YAML::Node root = byParent.value(parent);
        const QString id = QString::fromStdString(root["revision"].as<std::string>());
        strata::OperationList upgrade;
        strata::OperationList downgrade;
        for (const YAML::Node &item : root["upgrade"]) {
            auto op = strata::parseOperation(item, pathOf.value(id));
            STRATA_VERIFY_RESULT(op);
            upgrade << *op;
        }
        for (const YAML::Node &item : root["downgrade"]) {
            auto op = strata::parseOperation(item, pathOf.value(id));
            STRATA_VERIFY_RESULT(op);
            downgrade << *op;
        }
        auto next = strata::replay(schema, upgrade);
        STRATA_VERIFY_RESULT(next);
        schema = *next;
        downgrades.prepend(downgrade);
        parent = id;
    }

    const QString modelsPath = QStringLiteral(STRATA_EXAMPLE_PROJECT "/models.yaml");
    const YAML::Node models = YAML::LoadFile(modelsPath.toStdString());
    strata::Schema wanted;
    for (const auto &entry : models["tables"]) {
        auto table = strata::parseTable(entry.second, modelsPath, QString::fromStdString(entry.first.as<std::string>()));
        STRATA_VERIFY_RESULT(table);
        wanted.tables << *table;
    }
    QCOMPARE(schema, wanted);

    for (const strata::OperationList &downgrade : std::as_const(downgrades)) {
        auto previous = strata::replay(schema, downgrade);
        STRATA_VERIFY_RESULT(previous);
        schema = *previous;
    }
    QCOMPARE(schema, strata::Schema());
}

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
