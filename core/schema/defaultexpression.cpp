#include "core/schema/defaultexpression.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// The words SQL reads as values, not as column names.
bool isValueKeyword(const QString &word)
{
    static const QSet<QString> keywords{u"NULL"_s, u"TRUE"_s, u"FALSE"_s, u"CURRENT_TIMESTAMP"_s,
                                        u"CURRENT_DATE"_s, u"CURRENT_TIME"_s, u"LOCALTIMESTAMP"_s,
                                        u"LOCALTIME"_s, u"CURRENT_USER"_s, u"SESSION_USER"_s, u"USER"_s};
    return keywords.contains(word.toUpper());
}

// Quotes and parentheses outside string literals must close.
std::optional<DefaultProblem> checkBalance(const QString &text)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (c == u'\'')
                inString = i + 1 < text.size() && text.at(i + 1) == u'\'' ? (++i, true) : false;
            continue;
        }
        if (c == u'\'')
            inString = true;
        else if (c == u'(')
            ++depth;
        else if (c == u')' && --depth < 0)
            break;
    }
    if (inString)
        return DefaultProblem{u"the default %1 opens a quote it does not close"_s.arg(text),
                              u"a text value is one quoted literal: default: \"'draft'\""_s};
    if (depth != 0)
        return DefaultProblem{u"the default %1 has unbalanced parentheses"_s.arg(text),
                              u"close every '(' it opens"_s};
    return std::nullopt;
}

} // namespace

std::optional<DefaultProblem> checkDefaultExpression(const QString &expression)
{
    const QString text = expression.trimmed();
    if (text.isEmpty())
        return DefaultProblem{u"the default is empty"_s,
                              u"an empty text is written default: \"''\"; no default is default: null"_s};
    static const QRegularExpression bareWord(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (bareWord.match(text).hasMatch() && !isValueKeyword(text))
        return DefaultProblem{u"the default %1 is not an SQL expression: a bare word reads as a column name, "
                              "and DEFAULT (%1) fails when it runs"_s.arg(text),
                              u"a text value is quoted inside the YAML value: default: \"'%1'\"; a function "
                              "is called with parentheses, e.g. default: now()"_s.arg(text)};
    return checkBalance(text);
}

} // namespace strata
