// The statement guard of `execute:`: texts split at the ';' that end
// statements (not those in strings, quoted names, comments, dollar quotes or
// trigger bodies), and transaction control refused when the revision is read.
#include "core/ops/executeop.h"
#include "core/ops/sqlstatements.h"
#include "core/revision/revision.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

class TestSqlStatements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void rule_data();
    void rule();
    void refusedWhenRead_data();
    void refusedWhenRead();
};

void TestSqlStatements::split_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("one, no semicolon") << u"UPDATE t SET a = 1"_s << QStringList{u"UPDATE t SET a = 1"_s};
    QTest::newRow("two") << u"UPDATE t SET a = 1; DELETE FROM t;"_s
                         << QStringList{u"UPDATE t SET a = 1"_s, u"DELETE FROM t"_s};
    QTest::newRow("semicolon in a string") << u"INSERT INTO t VALUES ('a;b'); SELECT 1"_s
                                           << QStringList{u"INSERT INTO t VALUES ('a;b')"_s, u"SELECT 1"_s};
    QTest::newRow("semicolon in a quoted name") << u"SELECT \"a;b\" FROM t"_s << QStringList{u"SELECT \"a;b\" FROM t"_s};
    QTest::newRow("comments around and inside")
        << u"-- first; not a statement\nUPDATE t SET a = 1 /* ; */ ; /* trailing; */"_s
        << QStringList{u"UPDATE t SET a = 1 /* ; */"_s};
    QTest::newRow("only a comment") << u"-- nothing to run; really"_s << QStringList();
    QTest::newRow("only semicolons") << u" ; ;; "_s << QStringList();
    QTest::newRow("PostgreSQL dollar-quoted body")
        << u"CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; SELECT 2; $body$ LANGUAGE sql; SELECT f()"_s
        << QStringList{u"CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; SELECT 2; $body$ LANGUAGE sql"_s,
                       u"SELECT f()"_s};
    QTest::newRow("PostgreSQL rule with two actions")
        << u"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1"_s
        << QStringList{u"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))"_s,
                       u"SELECT 1"_s};
    QTest::newRow("empty dollar tag") << u"DO $$ BEGIN PERFORM 1; END $$; SELECT 1"_s
                                      << QStringList{u"DO $$ BEGIN PERFORM 1; END $$"_s, u"SELECT 1"_s};
    QTest::newRow("escape string") << u"SELECT E'it\\'s; fine'; SELECT 2"_s
                                   << QStringList{u"SELECT E'it\\'s; fine'"_s, u"SELECT 2"_s};
    QTest::newRow("SQLite trigger body")
        << u"CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = CASE WHEN a > 1 THEN 1 ELSE 2 END; "
           "DELETE FROM u; END; SELECT 1"_s
        << QStringList{u"CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = CASE WHEN a > 1 THEN 1 ELSE 2 "
                       "END; DELETE FROM u; END"_s,
                       u"SELECT 1"_s};
}

void TestSqlStatements::split()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, statements);
    QStringList texts;
    for (const SqlStatement &statement : splitSqlStatements(sql))
        texts << statement.text;
    QCOMPARE(texts, statements);
}

void TestSqlStatements::rule_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<int>("rule");
    const int allowed = int(StatementRule::Allowed);
    const int control = int(StatementRule::TransactionControl);
    const int outside = int(StatementRule::OutsideTransaction);
    QTest::newRow("COMMIT") << u"commit"_s << control;
    QTest::newRow("ROLLBACK TO") << u"ROLLBACK TO SAVEPOINT a"_s << control;
    QTest::newRow("BEGIN") << u"BEGIN IMMEDIATE"_s << control;
    QTest::newRow("SAVEPOINT") << u"SAVEPOINT a"_s << control;
    QTest::newRow("RELEASE") << u"RELEASE a"_s << control;
    QTest::newRow("END") << u"END"_s << control;
    QTest::newRow("START TRANSACTION") << u"START TRANSACTION"_s << control;
    QTest::newRow("VACUUM") << u"VACUUM"_s << outside;
    QTest::newRow("PRAGMA foreign_keys") << u"PRAGMA foreign_keys = ON"_s << outside;
    QTest::newRow("PRAGMA main.foreign_keys") << u"PRAGMA main.foreign_keys=1"_s << outside;
    QTest::newRow("PRAGMA foreign_key_check") << u"PRAGMA foreign_key_check"_s << allowed;
    QTest::newRow("commit as a column") << u"UPDATE t SET \"commit\" = 1"_s << allowed;
    QTest::newRow("trigger with BEGIN") << u"CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; END"_s << allowed;
}

void TestSqlStatements::rule()
{
    QFETCH(QString, statement);
    QFETCH(int, rule);
    QCOMPARE(int(statementRule(statement)), rule);
}

void TestSqlStatements::refusedWhenRead_data()
{
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<QByteArray>("execute");
    QTest::addColumn<QString>("error");
    QTest::newRow("COMMIT in a transactional revision")
        << QByteArray() << QByteArray("\"UPDATE t SET a = 1; COMMIT\"") << u"transaction control (COMMIT)"_s;
    QTest::newRow("ROLLBACK in a dialect variant")
        << QByteArray() << QByteArray("{sql: SELECT 1, postgresql: ROLLBACK}") << u"transaction control (ROLLBACK)"_s;
    QTest::newRow("BEGIN in a non-transactional revision")
        << QByteArray("transactional: false\n") << QByteArray("BEGIN") << u"transaction control (BEGIN)"_s;
    QTest::newRow("PRAGMA foreign_keys in a transactional revision")
        << QByteArray() << QByteArray("PRAGMA foreign_keys = ON") << u"cannot work inside the transaction"_s;
    QTest::newRow("PRAGMA foreign_keys outside a transaction")
        << QByteArray("transactional: false\n") << QByteArray("PRAGMA foreign_keys = ON") << QString();
    QTest::newRow("VACUUM outside a transaction")
        << QByteArray("transactional: false\n") << QByteArray("VACUUM") << QString();
    QTest::newRow("only a comment") << QByteArray() << QByteArray("\"-- nothing; yet\"") << QString();
}

void TestSqlStatements::refusedWhenRead()
{
    QFETCH(QByteArray, options);
    QFETCH(QByteArray, execute);
    QFETCH(QString, error);
    const QByteArray text = "revision: a1\ndown_revision: null\nmessage: Guard\n" + options
        + "\nupgrade:\n  - execute: SELECT 1\n  - execute: " + execute + "\ndowngrade: []\n";
    const auto revision = parseRevision(text, u"versions/a1_guard.yaml"_s);
    if (error.isEmpty()) {
        QVERIFY2(revision, qPrintable(revision ? QString() : revision.error().toString()));
        return;
    }
    QVERIFY(!revision);
    QCOMPARE(revision.error().code, Error::Code::Input);
    const int line = options.isEmpty() ? 7 : 8;
    QCOMPARE(revision.error().where, u"versions/a1_guard.yaml:%1"_s.arg(line));
    QVERIFY2(revision.error().message.contains(error), qPrintable(revision.error().toString()));
    QVERIFY2(revision.error().hint.contains(u"transactional: false"_s), qPrintable(revision.error().hint));
}

QTEST_GUILESS_MAIN(TestSqlStatements)
#include "tst_sqlstatements.moc"
