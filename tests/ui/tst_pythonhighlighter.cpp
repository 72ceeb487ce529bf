// The Revision file tab colours an Alembic script as Python: the docstring
// (Alembic's "Revises:" header in it) is one string across lines, a # in a
// string is text, keywords and comments are told apart.

#include "ui/diff/pythonhighlighter.h"
#include "ui/theme/themecolors.h"

#include <QGuiApplication>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Qt::StringLiterals;
using strata::ui::PythonHighlighter;

namespace {

const char *const script = R"("""add habit

Revises: c9d796546734
Create Date: 2026-11-30 09:17:28

"""
from alembic import op
down_revision = 'c9d796546734'  # the parent
op.execute("UPDATE t SET x = '#1'")
)";

// The colour the highlighter gave the first character of `word` on line `line` (0-based).
QColor colourAt(QTextDocument &document, int line, const QString &word)
{
    const QTextBlock block = document.findBlockByNumber(line);
    const int at = int(block.text().indexOf(word));
    if (at < 0)
        return {};
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (at >= range.start && at < range.start + range.length)
            return range.format.foreground().color();
    }
    return QColor();   // plain text
}

} // namespace

class TestPythonHighlighter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void colours_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("kind");
        QTest::newRow("docstring header is string, not a key") << 2 << u"Revises"_s << u"string"_s;
        QTest::newRow("docstring continues over lines") << 3 << u"Create"_s << u"string"_s;
        QTest::newRow("from is a keyword") << 6 << u"from"_s << u"keyword"_s;
        QTest::newRow("assignment name is plain") << 7 << u"down_revision"_s << u"plain"_s;
        QTest::newRow("quoted id is string") << 7 << u"'c9d7"_s << u"string"_s;
        QTest::newRow("trailing comment") << 7 << u"# the parent"_s << u"comment"_s;
        QTest::newRow("a # inside a string is text") << 8 << u"#1"_s << u"string"_s;
    }

    void colours()
    {
        QFETCH(int, line);
        QFETCH(QString, word);
        QFETCH(QString, kind);
        const QPalette palette = QGuiApplication::palette();
        const QHash<QString, QColor> expected{{u"string"_s, strata::ui::ThemeColors::string(palette)},
                                              {u"keyword"_s, strata::ui::ThemeColors::keyword(palette)},
                                              {u"comment"_s, strata::ui::ThemeColors::comment(palette)},
                                              {u"plain"_s, QColor()}};
        QTextDocument document;
        document.setPlainText(QString::fromUtf8(script));
        PythonHighlighter highlighter(&document, palette);
        highlighter.rehighlight();
        QCOMPARE(colourAt(document, line, word), expected.value(kind));
    }
};

QTEST_MAIN(TestPythonHighlighter)
#include "tst_pythonhighlighter.moc"
