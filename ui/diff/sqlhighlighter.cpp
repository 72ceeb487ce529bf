#include "ui/diff/sqlhighlighter.h"

#include "ui/diff/highlightformat_p.h"
#include "ui/theme/themecolors.h"

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

const QString sqlKeywords = u"ADD|ALTER|AND|AS|ASC|AUTOINCREMENT|BEGIN|BETWEEN|BY|CASCADE|CASE|CHECK|COLUMN|"
                            "COMMIT|CONSTRAINT|CREATE|CURRENT_TIMESTAMP|DEFAULT|DELETE|DESC|DISTINCT|DROP|ELSE|END|"
                            "EXISTS|FALSE|FOREIGN|FROM|GENERATED|IDENTITY|IF|IN|INDEX|INSERT|INTO|IS|KEY|LIKE|NOT|"
                            "NULL|ON|OR|ORDER|PRAGMA|PRIMARY|REFERENCES|RENAME|RESTRICT|ROLLBACK|SELECT|SET|TABLE|"
                            "THEN|TO|TRANSACTION|TRUE|TYPE|UNIQUE|UPDATE|USING|VALUES|WHEN|WHERE|WITH|ALWAYS|"
                            "ACTION|NO|DEFERRABLE|INITIALLY|DEFERRED|IMMEDIATE|USING"_s;
const QString sqlTypes = u"BIGINT|BIGSERIAL|BLOB|BOOLEAN|BYTEA|CHAR|DATE|DATETIME|DOUBLE|FLOAT|INTEGER|INT|JSON|"
                         "JSONB|NUMERIC|PRECISION|REAL|SERIAL|SMALLINT|TEXT|TIME|TIMESTAMP|TIMESTAMPTZ|UUID|"
                         "VARCHAR|VARYING|ZONE"_s;

} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document), m_comment(highlightFormat(ThemeColors::comment(palette), false, true))
{
    const auto rule = [this](const QString &pattern, const QTextCharFormat &f) {
        m_rules.append({QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption), f});
    };
    rule(u"\\b(?:"_s + sqlKeywords + u")\\b"_s, highlightFormat(ThemeColors::keyword(palette), true));
    rule(u"\\b(?:"_s + sqlTypes + u")\\b"_s, highlightFormat(ThemeColors::keyword(palette)));
    rule(u"\\b\\d+(?:\\.\\d+)?\\b"_s, highlightFormat(ThemeColors::number(palette)));
    rule(u"\"(?:[^\"]|\"\")*\""_s, highlightFormat(ThemeColors::identifier(palette)));
    rule(u"'(?:[^']|'')*'"_s, highlightFormat(ThemeColors::string(palette)));
    rule(u"--[^\n]*"_s, m_comment);
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        for (auto it = rule.pattern.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), rule.format);
        }
    }
    // /* ... */ may span lines: state 1 means "inside a comment".
    int start = previousBlockState() == 1 ? 0 : int(text.indexOf(u"/*"_s));
    setCurrentBlockState(0);
    while (start >= 0) {
        const int end = int(text.indexOf(u"*/"_s, start));
        const int length = end < 0 ? int(text.size()) - start : end - start + 2;
        if (end < 0)
            setCurrentBlockState(1);
        setFormat(start, length, m_comment);
        start = end < 0 ? -1 : int(text.indexOf(u"/*"_s, start + length));
    }
}

YamlHighlighter::YamlHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document), m_key(highlightFormat(ThemeColors::keyword(palette), true)),
      m_string(highlightFormat(ThemeColors::string(palette))), m_scalar(highlightFormat(ThemeColors::number(palette))),
      m_comment(highlightFormat(ThemeColors::comment(palette), false, true))
{
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression key(u"(?:^|[{,\\-]\\s*|^\\s+)([A-Za-z_][\\w\\-]*)\\s*:(?=\\s|$)"_s);
    static const QRegularExpression quoted(u"\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'"_s);
    static const QRegularExpression scalar(u"\\b(?:true|false|null|\\d+(?:\\.\\d+)?)\\b"_s);
    static const QRegularExpression comment(u"(?:^|\\s)#.*$"_s);
    for (auto it = scalar.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_scalar);
    }
    for (auto it = key.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_key);
    }
    for (auto it = quoted.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_string);
    }
    if (const auto m = comment.match(text); m.hasMatch())
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_comment);
}

} // namespace strata::ui
