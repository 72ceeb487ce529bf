// Operations that do not fit the schema they are applied to: each row runs
// its operations on the base schema; the last one must fail, say what and
// where, leave the schema untouched, and replay must name it and its line.
// Rendering it refuses too, with the same error, before any SQL is made.

#include "operationtesting.h"

#include "core/dialect/dialect.h"

using namespace Qt::StringLiterals;
using namespace optest;

class TestOperationConflicts : public QObject
{
    Q_OBJECT

private slots:
    void conflicts_data();
    void conflicts();
};

void TestOperationConflicts::conflicts_data()
{
    QTest::addColumn<QByteArray>("operations");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");

    QTest::newRow("create a table that exists")
        << QByteArray("- create_table: {name: user, columns: [{name: id, type: integer}]}") << u"user"_s
        << u"table 'user' already exists"_s << u"another name"_s;
    QTest::newRow("create a table whose foreign key points nowhere")
        << QByteArray("- create_table: {name: t, columns: [{name: a, type: integer}],"
                      " foreign_keys: [{columns: [a], references: nope, ref_columns: [id]}]}")
        << u"t"_s << u"foreign key references table 'nope', which does not exist"_s << u"referenced table first"_s;
    QTest::newRow("create a table with two constraints of one name")
        << QByteArray("- create_table: {name: t, columns: [{name: a, type: integer}],"
                      " uniques: [{name: c, columns: [a]}], checks: [{name: c, expression: a > 0}]}")
        << u"t"_s << u"table 't' already has a constraint named 'c'"_s << u"another name"_s;
    QTest::newRow("drop a missing table") << QByteArray("- drop_table: nope") << u"nope"_s
        << u"there is no table 'nope'"_s << u"earlier operation creates"_s;
    QTest::newRow("drop a table others reference") << QByteArray("- drop_table: user") << u"user"_s
        << u"table 'user' is still referenced by foreign keys of habit"_s << u"drop those tables or their foreign keys"_s;
    QTest::newRow("rename onto an existing table") << QByteArray("- rename_table: {from: habit, to: user}") << u"user"_s
        << u"cannot rename table 'habit' to 'user': that table exists"_s << QString();
    QTest::newRow("add a column that exists") << QByteArray("- add_column: {table: user, name: email, type: text}")
        << u"user.email"_s << u"table 'user' already has a column 'email'"_s << QString();
    QTest::newRow("add a column to a missing table") << QByteArray("- add_column: {table: nope, name: a, type: text}")
        << u"nope"_s << u"there is no table 'nope'"_s << QString();
    QTest::newRow("drop a missing column") << QByteArray("- drop_column: {table: habit, column: nope}")
        << u"habit.nope"_s << u"drop_column names column 'nope', which table 'habit' does not have"_s << QString();
    QTest::newRow("drop a column an index and a foreign key use")
        << QByteArray("- drop_column: {table: habit, column: user_id}") << u"habit.user_id"_s
        << u"column 'habit.user_id' is still used by index 'ix_habit_user_id', foreign key 'fk_habit_user'"_s
        << u"drop_index, drop_constraint"_s;
    QTest::newRow("drop a column a check mentions") << QByteArray("- drop_column: {table: habit, column: title}")
        << u"habit.title"_s << u"still used by check 'ck_habit_title'"_s << QString();
    QTest::newRow("drop a key column another table references")
        << QByteArray("- drop_column: {table: user, column: id}") << u"user.id"_s
        << u"still used by the primary key, foreign key 'fk_habit_user' of table 'habit'"_s << QString();
    QTest::newRow("drop the only column")
        << QByteArray("- create_table: {name: solo, columns: [{name: a, type: text}]}\n"
                      "- drop_column: {table: solo, column: a}")
        << u"solo.a"_s << u"'a' is the only column of table 'solo'"_s << u"drop the table instead"_s;
    QTest::newRow("alter a missing column") << QByteArray("- alter_column: {table: user, column: nope, nullable: true}")
        << u"user.nope"_s << u"alter_column names column 'nope'"_s << QString();
    QTest::newRow("rename a column onto another")
        << QByteArray("- alter_column: {table: user, column: email, new_name: created_at}") << u"user.email"_s
        << u"cannot rename 'email' to 'created_at': table 'user' already has that column"_s << QString();
    QTest::newRow("make a key column nullable") << QByteArray("- alter_column: {table: user, column: id, nullable: yes}")
        << u"user.id"_s << u"column 'user.id' is part of the primary key and cannot be nullable"_s << QString();
    QTest::newRow("turn an autoincrement column into text")
        << QByteArray("- alter_column: {table: user, column: id, type: text}") << u"user.id"_s
        << u"autoincrement and must stay an integer type, not text"_s << QString();
    QTest::newRow("index a missing column")
        << QByteArray("- create_index: {name: ix_x, table: habit, columns: [user_id, nope]}") << u"habit.nope"_s
        << u"index 'ix_x' names column 'nope', which table 'habit' does not have"_s << QString();
    QTest::newRow("reuse an index name on another table")
        << QByteArray("- create_index: {name: ix_habit_user_id, table: user, columns: [email]}") << u"user"_s
        << u"an index named 'ix_habit_user_id' already exists (on table 'habit')"_s << u"unique in the whole schema"_s;
    QTest::newRow("foreign key to a missing column")
        << QByteArray("- create_foreign_key: {name: fk_x, table: habit, columns: [user_id], references: user, ref_columns: [nope]}")
        << u"user.nope"_s << u"foreign key 'fk_x' names column 'nope', which table 'user' does not have"_s << QString();
    QTest::newRow("foreign key to columns that are not a key")
        << QByteArray("- create_foreign_key: {name: fk_x, table: habit, columns: [title], references: user, ref_columns: [created_at]}")
        << u"habit"_s << u"foreign key 'fk_x' references user(created_at), which is neither the primary key nor unique"_s
        << u"add a unique constraint"_s;
    QTest::newRow("unique on a missing column")
        << QByteArray("- create_unique: {name: uq_x, table: habit, columns: [nope]}") << u"habit.nope"_s
        << u"unique constraint 'uq_x' names column 'nope'"_s << QString();
    QTest::newRow("check with a name already taken")
        << QByteArray("- create_check: {name: fk_habit_user, table: habit, expression: \"id > 0\"}") << u"habit"_s
        << u"table 'habit' already has a constraint named 'fk_habit_user'"_s << QString();
    QTest::newRow("drop an unknown constraint") << QByteArray("- drop_constraint: {name: nope, table: habit}")
        << u"habit"_s << u"table 'habit' has no constraint 'nope'"_s << u"an unnamed constraint has the name PostgreSQL gives it"_s;
    QTest::newRow("drop an index with drop_constraint")
        << QByteArray("- drop_constraint: {name: ix_habit_user_id, table: habit}") << u"habit"_s
        << u"table 'habit' has no constraint 'ix_habit_user_id'"_s << u"'ix_habit_user_id' is an index: use drop_index"_s;
    QTest::newRow("drop a constraint with drop_index") << QByteArray("- drop_index: uq_user_email") << u"uq_user_email"_s
        << u"there is no index 'uq_user_email'"_s << u"'uq_user_email' is a constraint of table 'user': use drop_constraint"_s;
    QTest::newRow("drop an index from the wrong table") << QByteArray("- drop_index: {name: ix_habit_user_id, table: user}")
        << u"user"_s << u"table 'user' has no index 'ix_habit_user_id'"_s << QString();
    QTest::newRow("drop the unique another table's foreign key references")
        << QByteArray("- create_foreign_key: {name: fk_habit_email, table: habit, columns: [title], references: user, ref_columns: [email]}\n"
                      "- drop_constraint: {name: uq_user_email, table: user}")
        << u"user"_s << u"foreign key 'fk_habit_email' of table 'habit' still needs 'uq_user_email'"_s
        << u"drop that foreign key first"_s;
}

void TestOperationConflicts::conflicts()
{
    QFETCH(QByteArray, operations);
    QFETCH(QString, where);
    QFETCH(QString, message);
    QFETCH(QString, hint);

    const auto base = schemaFrom(baseSchema);
    STRATA_VERIFY_RESULT(base);
    const auto ops = parseList(operations);
    STRATA_VERIFY_RESULT(ops);

    // The operations before the last one fit; the last one does not, and changes nothing.
    auto before = strata::replay(*base, ops->mid(0, ops->size() - 1));
    STRATA_VERIFY_RESULT(before);
    strata::Schema schema = *before;
    const strata::OperationPtr last = ops->last();
    const strata::Status applied = last->apply(schema);
    QVERIFY(!applied.has_value());
    QCOMPARE(schema, *before);
    QCOMPARE(applied.error().code, strata::Error::Code::Conflict);
    QCOMPARE(applied.error().where, where);
    QVERIFY2(applied.error().message.contains(message), qPrintable(applied.error().message));
    QVERIFY2(applied.error().hint.contains(hint), qPrintable(applied.error().hint));

    // replay names the operation and its line, and keeps the cause.
    const auto replayed = strata::replay(*base, *ops);
    QVERIFY(!replayed.has_value());
    QCOMPARE(replayed.error().where, u"line %1"_s.arg(last->line));
    QCOMPARE(replayed.error().message, u"cannot %1: it does not fit the schema so far"_s.arg(last->describe()));
    QCOMPARE(rootCause(replayed.error()).message, applied.error().message);

    for (const QString &name : strata::Dialect::names()) {
        const auto dialect = strata::Dialect::forName(name);
        QVERIFY(dialect);
        const auto rendered = last->render(*dialect, *before);
        QVERIFY2(!rendered.has_value(), qPrintable(name));
        QCOMPARE(rendered.error().message, applied.error().message);
    }
}

QTEST_GUILESS_MAIN(TestOperationConflicts)
#include "tst_operationconflicts.moc"
