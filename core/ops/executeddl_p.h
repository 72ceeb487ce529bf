#pragma once

// What executeddl.cpp and executeddlselect.cpp share: a cursor over one
// statement's tokens and name lookups in the schema.

#include "core/dialect/sqltokens.h"
#include "core/ops/operation.h"

#include <optional>

namespace strata::ddl {

// A cursor over one statement's tokens.
class Reader
{
public:
    explicit Reader(const QString &text) : m_text(text), m_tokens(tokenizeSql(text)) {}

    bool atEnd() const { return m_at >= m_tokens.size(); }
    const SqlToken *peek() const { return atEnd() ? nullptr : &m_tokens.at(m_at); }
    bool word(QLatin1StringView keyword)
    {
        if (atEnd() || !m_tokens.at(m_at).isWord(keyword))
            return false;
        ++m_at;
        return true;
    }
    bool words(std::initializer_list<QLatin1StringView> keywords)
    {
        const qsizetype start = m_at;
        for (QLatin1StringView keyword : keywords) {
            if (!word(keyword)) {
                m_at = start;
                return false;
            }
        }
        return true;
    }
    bool symbol(QLatin1StringView text)
    {
        if (atEnd() || !m_tokens.at(m_at).isSymbol(text))
            return false;
        ++m_at;
        return true;
    }
    // A name, schema-qualified or not: the last part, as written (quoted) or as typed.
    std::optional<SqlToken> name()
    {
        if (atEnd() || !m_tokens.at(m_at).isName())
            return std::nullopt;
        SqlToken last = m_tokens.at(m_at++);
        while (m_at + 1 < m_tokens.size() && m_tokens.at(m_at).isSymbol(QLatin1StringView(".")) && m_tokens.at(m_at + 1).isName()) {
            last = m_tokens.at(m_at + 1);
            m_at += 2;
        }
        return last;
    }
    // The rest of the statement as written.
    QString rest() const { return atEnd() ? QString() : m_text.mid(m_tokens.at(m_at).begin).trimmed(); }
    qsizetype position() const { return m_at; }
    void skipTo(qsizetype at) { m_at = at; }
    const QList<SqlToken> &tokens() const { return m_tokens; }

private:
    const QString &m_text;
    QList<SqlToken> m_tokens;
    qsizetype m_at = 0;
};


// A quoted name is exact; an unquoted one is the schema's name of any case
// (PostgreSQL folds it to lower case, SQLite ignores case).
QString resolved(const SqlToken &token, const QStringList &known);
QStringList tableNames(const Schema &schema);
QStringList columnNames(const Table &table);
QStringList indexNames(const Schema &schema);

// CREATE [TEMP] TABLE name AS SELECT ...: the table it makes, when every
// column of the select can be known from the schema; `in` stands after CREATE.
std::optional<std::shared_ptr<Operation>> createTableAs(Reader &in, const Schema &schema);
// ALTER TABLE t ADD PRIMARY KEY (columns), `in` after ALTER TABLE: applied to the schema when it fits.
bool addPrimaryKey(Reader &in, Schema &schema);

} // namespace strata::ddl
