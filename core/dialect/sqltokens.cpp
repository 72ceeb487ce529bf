#include "core/dialect/sqltokens.h"

using namespace Qt::StringLiterals;

namespace strata {

namespace {

bool isWordStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

bool isOperatorChar(QChar c)
{
    return QStringView(u"<>=!|&+-*/%~^").contains(c);
}

// The offset just past a quoted run that starts at `start` and ends with
// `close`; a doubled closing character is an escaped one.
qsizetype skipQuoted(const QString &sql, qsizetype start, QChar close, QString *content)
{
    qsizetype i = start + 1;
    while (i < sql.size()) {
        if (sql.at(i) == close) {
            if (close != u']' && i + 1 < sql.size() && sql.at(i + 1) == close) {
                if (content)
                    *content += close;
                i += 2;
                continue;
            }
            return i + 1;
        }
        if (content)
            *content += sql.at(i);
        ++i;
    }
    return sql.size();
}

qsizetype skipNumber(const QString &sql, qsizetype i)
{
    if (sql.at(i) == u'0' && i + 1 < sql.size() && (sql.at(i + 1) == u'x' || sql.at(i + 1) == u'X')) {
        i += 2;
        while (i < sql.size() && isWordChar(sql.at(i)))
            ++i;
        return i;
    }
    while (i < sql.size() && (sql.at(i).isDigit() || sql.at(i) == u'.'))
        ++i;
    if (i < sql.size() && (sql.at(i) == u'e' || sql.at(i) == u'E')) {
        qsizetype j = i + 1;
        if (j < sql.size() && (sql.at(j) == u'+' || sql.at(j) == u'-'))
            ++j;
        if (j < sql.size() && sql.at(j).isDigit()) {
            i = j;
            while (i < sql.size() && sql.at(i).isDigit())
                ++i;
        }
    }
    return i;
}

// PostgreSQL's $tag$ ... $tag$ (tag empty or a word without '$'): the offset
// just past the closing tag, or -1 when `start` opens no dollar quote.
qsizetype skipDollarQuoted(const QString &sql, qsizetype start)
{
    qsizetype j = start + 1;
    if (j < sql.size() && isWordStart(sql.at(j))) {
        while (j < sql.size() && isWordChar(sql.at(j)) && sql.at(j) != u'$')
            ++j;
    }
    if (j >= sql.size() || sql.at(j) != u'$')
        return -1;
    const QStringView tag = QStringView(sql).mid(start, j - start + 1);
    const qsizetype close = sql.indexOf(tag, j + 1);
    return close < 0 ? sql.size() : close + tag.size();
}

// PostgreSQL's E'...' string, where a backslash escapes the next character.
qsizetype skipEscapeString(const QString &sql, qsizetype quote)
{
    qsizetype i = quote + 1;
    while (i < sql.size()) {
        if (sql.at(i) == u'\\') {
            i += 2;
            continue;
        }
        if (sql.at(i) == u'\'') {
            if (i + 1 < sql.size() && sql.at(i + 1) == u'\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return sql.size();
}

} // namespace

QList<SqlToken> tokenizeSql(const QString &sql)
{
    QList<SqlToken> tokens;
    tokens.reserve(sql.size() / 4 + 1);
    qsizetype i = 0;
    while (i < sql.size()) {
        const QChar c = sql.at(i);
        const QChar next = i + 1 < sql.size() ? sql.at(i + 1) : QChar();
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u'-' && next == u'-') {
            const qsizetype newline = sql.indexOf(u'\n', i);
            i = newline < 0 ? sql.size() : newline + 1;
            continue;
        }
        if (c == u'/' && next == u'*') {
            const qsizetype close = sql.indexOf("*/"_L1, i + 2);
            i = close < 0 ? sql.size() : close + 2;
            continue;
        }
        SqlToken token;
        token.begin = i;
        const bool previousIsWord = !tokens.isEmpty() && tokens.last().end == i
            && tokens.last().kind == SqlToken::Kind::Word;
        if (c == u'$' && !previousIsWord) {
            if (const qsizetype end = skipDollarQuoted(sql, i); end > 0) {
                token.kind = SqlToken::Kind::String;
                i = end;
                token.text = sql.mid(token.begin, i - token.begin);
                token.end = i;
                tokens << token;
                continue;
            }
        }
        if ((c == u'E' || c == u'e') && next == u'\'' && !previousIsWord) {
            token.kind = SqlToken::Kind::String;
            i = skipEscapeString(sql, i + 1);
            token.text = sql.mid(token.begin, i - token.begin);
        } else if (c == u'\'') {
            token.kind = SqlToken::Kind::String;
            i = skipQuoted(sql, i, u'\'', nullptr);
            token.text = sql.mid(token.begin, i - token.begin);
        } else if (c == u'"' || c == u'`' || c == u'[') {
            token.kind = SqlToken::Kind::QuotedIdentifier;
            i = skipQuoted(sql, i, c == u'[' ? u']' : c, &token.text);
        } else if (isWordStart(c)) {
            token.kind = SqlToken::Kind::Word;
            while (i < sql.size() && isWordChar(sql.at(i)))
                ++i;
            token.text = sql.mid(token.begin, i - token.begin);
        } else if (c.isDigit() || (c == u'.' && next.isDigit())) {
            token.kind = SqlToken::Kind::Number;
            i = skipNumber(sql, i);
            token.text = sql.mid(token.begin, i - token.begin);
        } else if (c == u':' && next == u':') {
            i += 2;
            token.text = u"::"_s;
        } else if (isOperatorChar(c)) {
            // Only the operators SQL spells with two or three characters are
            // one token, so "a=-1" reads as a, =, -, 1 like "a = -1" does.
            static const QStringList longOperators{u"->>"_s, u"<="_s, u">="_s, u"<>"_s, u"!="_s, u"=="_s,
                                                   u"||"_s, u"->"_s, u"<<"_s, u">>"_s};
            i += 1;
            for (const QString &op : longOperators) {
                if (QStringView(sql).mid(token.begin).startsWith(op)) {
                    i = token.begin + op.size();
                    break;
                }
            }
            token.text = sql.mid(token.begin, i - token.begin);
        } else {
            ++i;
            token.text = QString(c);
        }
        token.end = i;
        tokens << token;
    }
    return tokens;
}

qsizetype closingParenthesis(const QList<SqlToken> &tokens, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < tokens.size(); ++i) {
        if (tokens.at(i).isSymbol("("_L1))
            ++depth;
        else if (tokens.at(i).isSymbol(")"_L1) && --depth == 0)
            return i;
    }
    return -1;
}

} // namespace strata
