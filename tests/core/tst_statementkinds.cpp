// A rendered statement carries its kind, said once by the dialect that
// rendered it: the runner runs a foreign key check as a query whose rows are
// broken references, and the offline writer starts a SQLite script with its
// settings, without either reading SQL text.

#include "dialectfixtures.h"

#include "core/dialect/postgresdialect.h"
#include "core/dialect/sqlitedialect.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

Q_DECLARE_METATYPE(strata::Statement::Kind)

class tst_StatementKinds : public QObject
{
    Q_OBJECT

private slots:
    void sqlite_data();
    void sqlite();
    void postgresqlStatementsAreSchema();
    void rebuildOpensAndClosesByKind();
    void scriptPreamble();
};

void tst_StatementKinds::sqlite_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<Statement::Kind>("kind");
    QTest::addColumn<QString>("table");
    using Kind = Statement::Kind;
    QTest::newRow("plain DDL") << u"ALTER TABLE \"user\" ADD COLUMN \"age\" INTEGER"_s << Kind::Schema << QString();
    QTest::newRow("rebuild opening") << u"CREATE TABLE \"_strata_new_user\" (\n  \"id\" INTEGER\n)"_s
                                     << Kind::TableRebuild << u"user"_s;
    QTest::newRow("check of a quoted table") << u"PRAGMA foreign_key_check(\"odd \"\"name\")"_s
                                             << Kind::ForeignKeyCheck << u"odd \"name"_s;
    QTest::newRow("check of every table") << u"pragma foreign_key_check"_s << Kind::ForeignKeyCheck << QString();
    QTest::newRow("check in a schema") << u"PRAGMA main.foreign_key_check(child)"_s << Kind::ForeignKeyCheck
                                       << u"child"_s;
    QTest::newRow("setting") << u"PRAGMA foreign_keys = ON"_s << Kind::Setting << QString();
    QTest::newRow("a table named like a pragma") << u"CREATE TABLE pragma_log (id INTEGER)"_s << Kind::Schema
                                                 << QString();
}

void tst_StatementKinds::sqlite()
{
    QFETCH(QString, sql);
    QFETCH(Statement::Kind, kind);
    QFETCH(QString, table);
    const Statement statement = SqliteDialect().typed(sql);
    QCOMPARE(statement.sql, sql);
    QCOMPARE(statement.kind, kind);
    QCOMPARE(statement.table, table);
}

void tst_StatementKinds::postgresqlStatementsAreSchema()
{
    const PostgresDialect dialect;
    QCOMPARE(dialect.typed(u"ALTER TABLE \"user\" ADD COLUMN \"age\" INTEGER"_s).kind, Statement::Kind::Schema);
    QCOMPARE(dialect.scriptPreamble().size(), 0);
}

// rebuild() opens with the new table and ends with the check, each typed.
void tst_StatementKinds::rebuildOpensAndClosesByKind()
{
    const SqliteDialect dialect;
    const Table before = fixtures::userTable();
    const QStringList sql = dialect.rebuild(before, before);
    QVERIFY(sql.size() > 2);
    QCOMPARE(dialect.typed(sql.first()).kind, Statement::Kind::TableRebuild);
    QCOMPARE(dialect.typed(sql.last()).kind, Statement::Kind::ForeignKeyCheck);
    QCOMPARE(dialect.typed(sql.last()).table, u"user"_s);
    for (qsizetype i = 1; i + 1 < sql.size(); ++i)
        QCOMPARE(dialect.typed(sql.at(i)).kind, Statement::Kind::Schema);
}

void tst_StatementKinds::scriptPreamble()
{
    const StatementList preamble = SqliteDialect().scriptPreamble();
    QCOMPARE(preamble.size(), 1);
    QCOMPARE(preamble.first().kind, Statement::Kind::Setting);
    QCOMPARE(preamble.first().sql, u"PRAGMA foreign_keys = OFF"_s);
}

QTEST_GUILESS_MAIN(tst_StatementKinds)
#include "tst_statementkinds.moc"
