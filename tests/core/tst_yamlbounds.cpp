// The limits a YAML text must keep before its nodes are walked: aliases that
// expand without end are refused, long texts written out in full are not.
#include "core/ops/yamlbounds.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

// A list of `count` tables of ten columns each, as a baseline of a big schema writes it.
std::string writtenOut(int count)
{
    std::string text = "upgrade:\n";
    for (int i = 0; i < count; ++i) {
        text += "  - create_table:\n      name: t" + std::to_string(i) + "\n      columns:\n";
        for (int c = 0; c < 10; ++c)
            text += "        - {name: c" + std::to_string(c) + ", type: integer, nullable: true}\n";
    }
    return text;
}

// Each level repeats the one before nine times: 9^depth values from a few lines.
std::string nestedAliases(int depth)
{
    std::string text = "l0: &l0 [a, a, a, a, a, a, a, a, a]\n";
    for (int level = 1; level <= depth; ++level) {
        const std::string prev = "*l" + std::to_string(level - 1);
        text += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
        for (int k = 0; k < 9; ++k)
            text += (k ? ", " : "") + prev;
        text += "]\n";
    }
    return text;
}

// Block mappings nested `depth` deep, by indentation alone: no brackets.
std::string blockNesting(int depth)
{
    std::string text;
    for (int level = 0; level < depth; ++level)
        text += std::string(size_t(level) * 2, ' ') + "k" + std::to_string(level) + ":\n";
    return text + std::string(size_t(depth) * 2, ' ') + "leaf\n";
}

// The same depth with no indentation: nested sequences on one line.
std::string compactSequences(int depth)
{
    std::string text;
    for (int level = 0; level < depth; ++level)
        text += "- ";
    return text + "x\n";
}

} // namespace

class TestYamlBounds : public QObject
{
    Q_OBJECT

private slots:
    void bounds_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");     // a phrase of the message, or empty when the text passes
        // 5,000 tables: over 200,000 values written out, none repeated.
        QTest::newRow("long text written out in full") << QByteArray::fromStdString(writtenOut(5000)) << QString();
        QTest::newRow("a few aliases") << QByteArray("a: &a [1, 2]\nb: [*a, *a]\n") << QString();
        QTest::newRow("nested aliases past the limit")
            << QByteArray::fromStdString(nestedAliases(6)) << u"the aliases here expand to more than 200000"_s;
        QTest::newRow("alias inside its own anchor") << QByteArray("a: &a [1, *a]\n") << u"contains it"_s;
        // A text with no anchor and little nesting passes from its bytes; these
        // must still be refused or passed exactly as a full reading decides.
        QTest::newRow("block nesting within the limit") << QByteArray::fromStdString(blockNesting(40)) << QString();
        QTest::newRow("block nesting past the limit")
            << QByteArray::fromStdString(blockNesting(70)) << u"nested more than 64 deep"_s;
        QTest::newRow("nested sequences on one line past the limit")
            << QByteArray::fromStdString(compactSequences(70)) << u"nested more than 64 deep"_s;
        QTest::newRow("an ampersand in SQL text") << QByteArray("sql: SELECT 1 WHERE a && b\n") << QString();
        QTest::newRow("a revision file")
            << QByteArray("revision: a1\ndown_revision: null\nupgrade:\n  - create_table:\n      name: t\n"
                          "      columns:\n        - {name: id, type: integer, primary_key: true}\n"
                          "downgrade:\n  - drop_table: t\n")
            << QString();
    }

    void bounds()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        const Status status = yaml::checkBounds(text.toStdString(), u"case.yaml"_s);
        QCOMPARE(status.has_value(), error.isEmpty());
        if (!status)
            QVERIFY2(status.error().message.contains(error), qPrintable(status.error().message));
    }
};

QTEST_APPLESS_MAIN(TestYamlBounds)
#include "tst_yamlbounds.moc"
