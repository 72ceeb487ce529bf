#include "ui/diff/pythonhighlighter.h"

#include "ui/diff/highlightformat_p.h"
#include "ui/theme/themecolors.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

enum BlockState { Plain = 0, InDoubleTriple = 1, InSingleTriple = 2 };

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document), m_keyword(highlightFormat(ThemeColors::keyword(palette), true)),
      m_string(highlightFormat(ThemeColors::string(palette))), m_number(highlightFormat(ThemeColors::number(palette))),
      m_comment(highlightFormat(ThemeColors::comment(palette), false, true))
{
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression keyword(
        u"\\b(?:and|as|assert|break|class|continue|def|elif|else|except|False|finally|for|from|if|import|in|is|"
        "lambda|None|not|or|pass|raise|return|True|try|while|with|yield)\\b"_s);
    static const QRegularExpression number(u"\\b\\d+(?:\\.\\d+)?\\b"_s);
    for (auto it = keyword.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_keyword);
    }
    for (auto it = number.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_number);
    }
    // Strings and comments, left to right: a quote inside a comment or a # inside a string is text.
    int state = previousBlockState() < 0 ? Plain : previousBlockState();
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        if (state != Plain) {
            const QString close = state == InDoubleTriple ? u"\"\"\""_s : u"'''"_s;
            const int end = int(text.indexOf(close, i));
            const int stop = end < 0 ? n : end + 3;
            setFormat(i, stop - i, m_string);
            i = stop;
            if (end >= 0)
                state = Plain;
            continue;
        }
        const QChar c = text.at(i);
        if (c == u'#') {
            setFormat(i, n - i, m_comment);
            break;
        }
        if (c == u'"' || c == u'\'') {
            const QString triple(3, c);
            if (text.mid(i, 3) == triple) {
                state = c == u'"' ? InDoubleTriple : InSingleTriple;
                setFormat(i, 3, m_string);
                i += 3;
                continue;
            }
            int j = i + 1;
            while (j < n && text.at(j) != c)
                j += text.at(j) == u'\\' ? 2 : 1;
            const int stop = std::min(j + 1, n);
            setFormat(i, stop - i, m_string);
            i = stop;
            continue;
        }
        ++i;
    }
    setCurrentBlockState(state);
}

} // namespace strata::ui
