#pragma once

#include <QList>
#include <QString>

namespace strata {

// One lexical token of SQL text, with where it sits in the source so that a
// caller can cut the original text (a CHECK expression exactly as written).
struct SqlToken
{
    enum class Kind {
        Word,               // identifier or keyword, unquoted
        QuotedIdentifier,   // "x", `x` or [x]; text holds the name without quotes
        String,             // 'it''s', text as written with its quotes
        Number,
        Symbol,             // ( ) , ; :: and runs of operator characters
    };

    Kind kind = Kind::Symbol;
    QString text;
    qsizetype begin = 0;    // offset of the first character in the source
    qsizetype end = 0;      // offset one past the last character

    bool isWord(QLatin1StringView keyword) const
    {
        return kind == Kind::Word && text.compare(keyword, Qt::CaseInsensitive) == 0;
    }
    bool isSymbol(QLatin1StringView symbol) const { return kind == Kind::Symbol && text == symbol; }
    // A word or a quoted identifier: something that names a table, column or constraint.
    bool isName() const { return kind == Kind::Word || kind == Kind::QuotedIdentifier; }
};

// Splits SQL text into tokens; comments and blanks are dropped. Unterminated
// quotes run to the end of the text rather than failing: the text comes from
// a database that already accepted it.
QList<SqlToken> tokenizeSql(const QString &sql);

// The index of the ')' that closes the '(' at `open`, or -1.
qsizetype closingParenthesis(const QList<SqlToken> &tokens, qsizetype open);

} // namespace strata
