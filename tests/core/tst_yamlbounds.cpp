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
