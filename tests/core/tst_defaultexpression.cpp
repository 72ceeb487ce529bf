// A column's `default:` must be an SQL expression: what would render as
// something else than was meant (issue 14: `default: UTC` became DEFAULT (UTC))
// is refused where it is read, with the file, the line and what to write.
#include "core/revision/revision.h"
#include "core/schema/defaultexpression.h"

#include <QTest>

using namespace Qt::StringLiterals;
using strata::checkDefaultExpression;

class TestDefaultExpression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("a number") << u"0"_s;
        QTest::newRow("a negative decimal") << u"-1.5"_s;
        QTest::newRow("a quoted text") << u"'draft'"_s;
        QTest::newRow("a quote doubled inside a text") << u"'it''s'"_s;
        QTest::newRow("a parenthesis inside a text") << u"'(draft'"_s;
        QTest::newRow("current timestamp") << u"CURRENT_TIMESTAMP"_s;
        QTest::newRow("a keyword in lower case") << u"current_date"_s;
        QTest::newRow("true") << u"true"_s;
        QTest::newRow("null") << u"NULL"_s;
        QTest::newRow("a function call") << u"now()"_s;
        QTest::newRow("a PostgreSQL cast") << u"'{}'::jsonb"_s;
        QTest::newRow("an expression in parentheses") << u"(datetime('now'))"_s;
    }

    void accepted()
    {
        QFETCH(QString, expression);
        const auto problem = checkDefaultExpression(expression);
        QVERIFY2(!problem, qPrintable(problem ? problem->message : QString()));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        QTest::newRow("a bare word") << u"UTC"_s << u"the default UTC is not an SQL expression"_s
                                     << u"default: \"'UTC'\""_s;
        QTest::newRow("a bare word with an underscore") << u"draft_state"_s << u"a bare word reads as a column name"_s
                                                        << u"default: \"'draft_state'\""_s;
        QTest::newRow("an unclosed quote") << u"'draft"_s << u"opens a quote it does not close"_s << u"'draft'"_s;
        QTest::newRow("an unclosed parenthesis") << u"(1 + 2"_s << u"unbalanced parentheses"_s << u"close every"_s;
        QTest::newRow("a closing parenthesis first") << u")1("_s << u"unbalanced parentheses"_s << u"close every"_s;
        QTest::newRow("blank") << u"  "_s << u"the default is empty"_s << u"default: null"_s;
    }

    void refused()
    {
        QFETCH(QString, expression);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        const auto problem = checkDefaultExpression(expression);
        QVERIFY(problem.has_value());
        QVERIFY2(problem->message.contains(message), qPrintable(problem->message));
        QVERIFY2(problem->hint.contains(hint), qPrintable(problem->hint));
    }

    // Read from a revision file, the refusal names the file and the line.
    void refusedWhereTheFileSaysIt()
    {
        const QByteArray text = "revision: a1\ndown_revision: null\nmessage: zones\nupgrade:\n"
                                "  - create_table:\n      name: place\n      columns:\n"
                                "        - {name: zone, type: string, default: UTC}\ndowngrade:\n  - drop_table: place\n";
        auto parsed = strata::parseRevision(text, u"versions/a1.yaml"_s);
        QVERIFY(!parsed.has_value());
        const QString error = parsed.error().toString();
        QVERIFY2(error.contains(u"versions/a1.yaml:8:"_s), qPrintable(error));
        QVERIFY2(error.contains(u"the default UTC is not an SQL expression"_s), qPrintable(error));
        QVERIFY2(error.contains(u"hint: a text value is quoted"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDefaultExpression)
#include "tst_defaultexpression.moc"
