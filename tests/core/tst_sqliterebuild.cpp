// SQLite's table rebuild on a real in-memory database: every row survives
// with its values, renamed columns carry theirs, new columns take their
// default, indexes come back, the child table's foreign key still works, and
// a rebuild the rows do not fit fails and leaves the table as it was. Also
// when ADD COLUMN and DROP COLUMN run in place and when they rebuild.

#include "dialectfixtures.h"
#include "inmemorysqlite.h"

#include "core/dialect/sqlitedialect.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

using namespace fixtures;
using Renames = QMap<QString, QString>;

namespace {

const QStringList seedRows{
    u"INSERT INTO \"user\" (email, \"select\", score) VALUES ('a@x', 'one', 0)"_s,
    u"INSERT INTO \"user\" (email, \"select\", score) VALUES ('b@x', NULL, 3)"_s,
    u"INSERT INTO \"user\" (email, \"select\", score) VALUES ('o''q@x', 'it''s', 1)"_s,
    u"INSERT INTO habit (user_id, title) VALUES (1, 'run')"_s,
    u"INSERT INTO habit (user_id, title) VALUES (1, 'read')"_s,
    u"INSERT INTO habit (user_id, title) VALUES (2, 'swim')"_s,
};

const QStringList originalRows{u"1|a@x|one|0"_s, u"2|b@x|NULL|3"_s, u"3|o'q@x|it's|1"_s};

} // namespace

class tst_SqliteRebuild : public QObject
{
    Q_OBJECT

private slots:
    void statements();
    void namedForeignKeysFirst();
    void keepsRows_data();
    void keepsRows();
    void addColumn_data();
    void addColumn();
    void dropColumn_data();
    void dropColumn();
};

// The documented order, the new table beside the old one, the check last.
void tst_SqliteRebuild::statements()
{
    const Table before = userTable();
    Table after = before;
    after.columns[2].name = u"choice"_s;
    after.indexes[0].columns = {u"choice"_s};
    const QStringList sql = SqliteDialect().rebuild(before, after, {{u"choice"_s, u"select"_s}});
    QCOMPARE(sql.size(), 8);
    QVERIFY2(sql[0].startsWith("CREATE TABLE \"_strata_new_user\" (\n"_L1), qPrintable(sql[0]));
    QCOMPARE(SqliteDialect::rebuiltTable(sql[0]), u"user"_s);
    QCOMPARE(sql[1], u"INSERT INTO \"_strata_new_user\" (\"id\", \"email\", \"choice\", \"score\") "
                     "SELECT \"id\", \"email\", \"select\", \"score\" FROM \"user\""_s);
    // The AUTOINCREMENT counter moves to the new table before the old one goes.
    QCOMPARE(sql[2], u"UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence "
                     "WHERE name = 'user'), 0)) WHERE name = '_strata_new_user'"_s);
    QCOMPARE(sql[3], u"INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_user', seq FROM sqlite_sequence "
                     "WHERE name = 'user' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_user')"_s);
    QCOMPARE(sql[4], u"DROP TABLE \"user\""_s);
    QCOMPARE(sql[5], u"ALTER TABLE \"_strata_new_user\" RENAME TO \"user\""_s);
    QCOMPARE(sql[6], u"CREATE INDEX \"ix_user_select\" ON \"user\" (\"choice\")"_s);
    QCOMPARE(sql[7], u"PRAGMA foreign_key_check(\"user\")"_s);
}

// As Alembic's batch rebuild writes them: SQLAlchemy's SQLite reflection keeps
// only the first of two keys on the same columns and target (flaskbb
// af3f5579c84d adds named keys beside the unnamed ones it can't drop).
void tst_SqliteRebuild::namedForeignKeysFirst()
{
    Table before;
    before.name = u"message"_s;
    before.columns = {Column{u"id"_s, ColumnType{ColumnType::Kind::Integer}, false},
                      Column{u"sender_id"_s, ColumnType{ColumnType::Kind::Integer}}};
    before.primaryKey = {u"id"_s};
    before.foreignKeys = {ForeignKey{{}, {u"sender_id"_s}, u"user"_s, {u"id"_s}}};
    Table after = before;
    after.foreignKeys << ForeignKey{u"fk_message_sender_id_user"_s, {u"sender_id"_s}, u"user"_s, {u"id"_s},
                                    u"cascade"_s};
    const QString create = SqliteDialect().rebuild(before, after).first();
    const qsizetype named = create.indexOf(u"CONSTRAINT fk_message_sender_id_user FOREIGN KEY"_s);
    const qsizetype unnamed = create.indexOf(u"    FOREIGN KEY (\"sender_id\")"_s);
    QVERIFY2(named > 0 && unnamed > named, qPrintable(create));
}

void tst_SqliteRebuild::keepsRows_data()
{
    QTest::addColumn<Table>("after");
    QTest::addColumn<Renames>("renamed");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QString>("error");

    const Table before = userTable();

    Table text = before;
    text.columns[1].type = ColumnType{Kind::Text};
    QTest::newRow("type change keeps every value") << text << Renames() << originalRows << QString();

    Table renamed = before;
    renamed.columns[2].name = u"choice"_s;
    renamed.indexes[0].columns = {u"choice"_s};
    QTest::newRow("renamed column carries its values")
        << renamed << Renames{{u"choice"_s, u"select"_s}} << originalRows << QString();

    Table added = before;
    added.columns << column(u"level"_s, Kind::Integer, false, u"7"_s);
    QTest::newRow("new not-null column takes its default")
        << added << Renames() << QStringList{u"1|a@x|one|0|7"_s, u"2|b@x|NULL|3|7"_s, u"3|o'q@x|it's|1|7"_s}
        << QString();

    Table dropped = before;
    dropped.columns.removeAt(2);
    dropped.indexes.clear();
    QTest::newRow("dropped indexed column")
        << dropped << Renames() << QStringList{u"1|a@x|0"_s, u"2|b@x|3"_s, u"3|o'q@x|1"_s} << QString();

    Table unchecked = before;
    unchecked.checks.clear();
    unchecked.uniques.clear();
    QTest::newRow("check and unique dropped") << unchecked << Renames() << originalRows << QString();

    Table refused = before;
    refused.checks << CheckConstraint{u"ck_user_score_high"_s, u"score > 2"_s};
    QTest::newRow("rows that break a new check fail the step")
        << refused << Renames() << originalRows << u"CHECK constraint failed"_s;

    Table notNull = before;
    notNull.columns[2].nullable = false;
    QTest::newRow("NULLs refuse NOT NULL") << notNull << Renames() << originalRows << u"NOT NULL constraint failed"_s;
}

void tst_SqliteRebuild::keepsRows()
{
    QFETCH(Table, after);
    QFETCH(Renames, renamed);
    QFETCH(QStringList, rows);
    QFETCH(QString, error);

    const SqliteDialect d;
    InMemorySqlite db;
    QVERIFY(db.isOpen());
    QCOMPARE(db.runStep(d.createTable(userTable()) + d.createTable(habitTable()) + seedRows), QString());

    const QString failure = db.runStep(d.rebuild(userTable(), after, renamed));
    QVERIFY2(error.isEmpty() ? failure.isEmpty() : failure.contains(error), qPrintable(failure));

    const Table &now = error.isEmpty() ? after : userTable();
    QStringList names;
    for (const Column &c : now.columns)
        names << c.name;
    QCOMPARE(db.rows(u"SELECT "_s + d.quotedList(names) + u" FROM \"user\" ORDER BY id"_s), rows);

    QStringList indexes;
    for (const Index &index : now.indexes)
        indexes << index.name;
    QCOMPARE(db.rows(u"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'user' "
                     "AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name"_s),
             indexes);
    QCOMPARE(db.rows(u"SELECT count(*) FROM sqlite_master WHERE name LIKE '_strata_new%'"_s), QStringList{u"0"_s});

    // The key keeps counting, and the child's foreign key still finds its parent.
    QCOMPARE(db.runOne(u"PRAGMA foreign_keys = ON"), QString());
    QCOMPARE(db.runOne(u"INSERT INTO \"user\" (email) VALUES ('new@x')"), QString());
    QCOMPARE(db.rows(u"SELECT max(id) FROM \"user\""_s), QStringList{u"4"_s});
    QCOMPARE(db.runOne(u"DELETE FROM \"user\" WHERE id = 1"), QString());
    QCOMPARE(db.rows(u"SELECT title FROM habit ORDER BY id"_s), QStringList{u"swim"_s});
    QVERIFY(!db.runOne(u"INSERT INTO habit (user_id, title) VALUES (99, 'orphan')").isEmpty());
}

// SQLite's ALTER TABLE ADD COLUMN takes a nullable or constant-default column;
// anything else is a rebuild. Either way the existing rows stay.
void tst_SqliteRebuild::addColumn_data()
{
    QTest::addColumn<Column>("column");
    QTest::addColumn<bool>("inPlace");
    QTest::addColumn<QString>("valueAfter");
    QTest::newRow("nullable, no default") << column(u"c"_s, Kind::Text) << true << u"NULL"_s;
    QTest::newRow("not null with constant default") << column(u"c"_s, Kind::Integer, false, u"3"_s) << true << u"3"_s;
    QTest::newRow("not null with NULL default") << column(u"c"_s, Kind::Integer, false, u"NULL"_s) << false
                                                << u"error"_s;
    QTest::newRow("CURRENT_DATE default") << column(u"c"_s, Kind::Date, true, u"CURRENT_DATE"_s) << false
                                          << u"today"_s;
    QTest::newRow("expression default") << column(u"c"_s, Kind::Integer, false, u"1 + 1"_s) << false << u"2"_s;
}

void tst_SqliteRebuild::addColumn()
{
    QFETCH(Column, column);
    QFETCH(bool, inPlace);
    QFETCH(QString, valueAfter);
    const Table before = habitTable();
    Table after = before;
    after.columns << column;
    const QStringList statements = SqliteDialect().addColumn(before, after, column);
    QCOMPARE(statements.first().startsWith("ALTER TABLE \"habit\" ADD COLUMN"_L1), inPlace);

    InMemorySqlite db;
    QCOMPARE(db.runStep(SqliteDialect().createTable(userTable()) + SqliteDialect().createTable(before)
                        + QStringList{u"INSERT INTO \"user\" (email) VALUES ('a@x')"_s,
                                      u"INSERT INTO habit (user_id, title) VALUES (1, 'run')"_s}),
             QString());
    const QString error = db.runStep(statements);
    if (valueAfter == "error"_L1) {
        QVERIFY2(error.contains("NOT NULL"_L1), qPrintable(error));
        return;
    }
    QCOMPARE(error, QString());
    const QString expected = valueAfter == "today"_L1 ? db.rows(u"SELECT CURRENT_DATE"_s).value(0) : valueAfter;
    QCOMPARE(db.rows(u"SELECT id, user_id, title, c FROM habit"_s), QStringList{u"1|1|run|"_s + expected});
}

void tst_SqliteRebuild::dropColumn_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("inPlace");
    QTest::newRow("unused column") << u"title"_s << true;
    QTest::newRow("indexed column") << u"select"_s << false;
    QTest::newRow("column in a check") << u"score"_s << false;
    QTest::newRow("unique column") << u"email"_s << false;
    QTest::newRow("foreign key column") << u"user_id"_s << false;
    QTest::newRow("column in a partial index predicate") << u"title"_s << false;
}

void tst_SqliteRebuild::dropColumn()
{
    QFETCH(QString, column);
    QFETCH(bool, inPlace);
    Table before = column == "user_id"_L1 || column == "title"_L1 ? habitTable() : userTable();
    if (QByteArray(QTest::currentDataTag()).contains("partial"))
        before.indexes = {Index{u"ix_habit_titled"_s, {u"user_id"_s}, false, u"title IS NOT NULL"_s}};
    Table after = before;
    after.columns.removeAt(after.columnIndex(column));
    after.indexes.removeIf([&](const Index &i) { return i.columns.contains(column); });
    after.uniques.removeIf([&](const UniqueConstraint &u) { return u.columns.contains(column); });
    after.foreignKeys.removeIf([&](const ForeignKey &fk) { return fk.columns.contains(column); });
    after.checks.removeIf([&](const CheckConstraint &c) { return expressionMentions(c.expression, column); });
    if (QByteArray(QTest::currentDataTag()).contains("partial"))
        after.indexes.clear();

    const QStringList statements = SqliteDialect().dropColumn(before, after, column);
    QCOMPARE(statements.first() == "ALTER TABLE \"%1\" DROP COLUMN \"%2\""_L1.arg(before.name, column), inPlace);

    InMemorySqlite db;
    QStringList setup = SqliteDialect().createTable(userTable());
    if (before.name == "habit"_L1)
        setup << SqliteDialect().createTable(before);
    QCOMPARE(db.runStep(setup), QString());
    QCOMPARE(db.runStep(statements), QString());
}

QTEST_GUILESS_MAIN(tst_SqliteRebuild)
#include "tst_sqliterebuild.moc"
