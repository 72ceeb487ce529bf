// The identifier scanning behind drop_column's "a check still uses it" and
// alter_column's rename of checks and index predicates, and the typo
// suggestions of the YAML reader.

#include "core/ops/yamlread.h"
#include "core/schema/schema.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestSchemaExpressions : public QObject
{
    Q_OBJECT

private slots:
    void mentions_data();
    void mentions();
    void rename_data();
    void rename();
    void closestMatch_data();
    void closestMatch();
};

void TestSchemaExpressions::mentions_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<bool>("expected");

    QTest::newRow("inside a function call") << u"length(title) > 0"_s << u"title"_s << true;
    QTest::newRow("part of a longer word") << u"title_length > 0 AND subtitle <> ''"_s << u"title"_s << false;
    QTest::newRow("inside a string literal") << u"kind = 'title'"_s << u"title"_s << false;
    QTest::newRow("literal with an escaped quote") << u"kind = 'it''s title'"_s << u"title"_s << false;
    QTest::newRow("unquoted, other case") << u"TITLE IS NOT NULL"_s << u"title"_s << true;
    QTest::newRow("double-quoted, same case") << u"\"title\" > 0"_s << u"title"_s << true;
    QTest::newRow("double-quoted, other case") << u"\"Title\" > 0"_s << u"title"_s << false;
    QTest::newRow("qualified by the table") << u"habit.title > 0"_s << u"title"_s << true;
    QTest::newRow("exponent of a number") << u"x < 1e10"_s << u"e10"_s << false;
    QTest::newRow("empty expression") << QString() << u"title"_s << false;
}

void TestSchemaExpressions::mentions()
{
    QFETCH(QString, expression);
    QFETCH(QString, identifier);
    QFETCH(bool, expected);
    QCOMPARE(strata::expressionMentions(expression, identifier), expected);
}

void TestSchemaExpressions::rename_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain identifier") << u"length(title) > 0"_s << u"title"_s << u"name"_s << u"length(name) > 0"_s;
    QTest::newRow("every occurrence") << u"a > 0 AND a < 10"_s << u"a"_s << u"b"_s << u"b > 0 AND b < 10"_s;
    QTest::newRow("literals and longer words untouched") << u"subtitle <> 'title' OR title IS NULL"_s << u"title"_s
                                                         << u"name"_s << u"subtitle <> 'title' OR name IS NULL"_s;
    QTest::newRow("quoted stays quoted") << u"\"title\" <> ''"_s << u"title"_s << u"name"_s << u"\"name\" <> ''"_s;
    QTest::newRow("new name that needs quotes") << u"title > 0"_s << u"title"_s << u"Full Name"_s << u"\"Full Name\" > 0"_s;
    QTest::newRow("other quoted names kept") << u"\"a\"\"b\" = title"_s << u"title"_s << u"c"_s << u"\"a\"\"b\" = c"_s;
    QTest::newRow("numbers kept") << u"e10 > 1e10"_s << u"e10"_s << u"x"_s << u"x > 1e10"_s;
}

void TestSchemaExpressions::rename()
{
    QFETCH(QString, expression);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expected);
    QCOMPARE(strata::renameInExpression(expression, from, to), expected);
}

void TestSchemaExpressions::closestMatch_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one letter missing") << u"nulable"_s << u"nullable"_s;
    QTest::newRow("two letters swapped") << u"tpye"_s << u"type"_s;
    QTest::newRow("swapped in a long word") << u"create_tabel"_s << u"create_table"_s;
    QTest::newRow("other case") << u"Name"_s << u"name"_s;
    QTest::newRow("nothing close") << u"colour"_s << QString();
    QTest::newRow("short and different") << u"id"_s << QString();
}

void TestSchemaExpressions::closestMatch()
{
    QFETCH(QString, word);
    QFETCH(QString, expected);
    const QStringList candidates{u"name"_s, u"type"_s, u"nullable"_s, u"default"_s, u"create_table"_s, u"drop_table"_s};
    QCOMPARE(strata::yaml::closestMatch(word, candidates), expected);
}

QTEST_GUILESS_MAIN(TestSchemaExpressions)
#include "tst_schemaexpressions.moc"
