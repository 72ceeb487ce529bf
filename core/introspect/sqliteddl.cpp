#include "core/introspect/sqliteddl_p.h"

#include "core/dialect/sqltokens.h"

using namespace Qt::StringLiterals;

namespace strata {

namespace {

using Constraint = SqliteTableDdl::Constraint;

// A token range [begin, end) of the statement: one column or table constraint.
struct Item
{
    qsizetype begin;
    qsizetype end;
};

class CreateTableReader
{
public:
    explicit CreateTableReader(const QString &sql) : m_sql(sql), m_tokens(tokenizeSql(sql)) {}

    SqliteTableDdl read()
    {
        qsizetype open = 0;
        while (open < m_tokens.size() && !m_tokens.at(open).isSymbol("("_L1))
            ++open;
        const qsizetype close = closingParenthesis(m_tokens, open);
        if (close < 0)
            return m_ddl;
        for (qsizetype i = close + 1; i + 1 < m_tokens.size(); ++i) {
            if (m_tokens.at(i).isWord("WITHOUT"_L1) && m_tokens.at(i + 1).isWord("ROWID"_L1))
                m_ddl.withoutRowid = true;
        }
        for (const Item &item : items(open, close)) {
            if (isTableConstraint(m_tokens.at(item.begin)))
                readTableConstraint(item);
            else
                readColumn(item);
        }
        return m_ddl;
    }

private:
    QList<Item> items(qsizetype open, qsizetype close) const
    {
        QList<Item> result;
        qsizetype start = open + 1;
        int depth = 0;
        for (qsizetype i = open + 1; i < close; ++i) {
            if (m_tokens.at(i).isSymbol("("_L1))
                ++depth;
            else if (m_tokens.at(i).isSymbol(")"_L1))
                --depth;
            else if (depth == 0 && m_tokens.at(i).isSymbol(","_L1)) {
                result.append({start, i});
                start = i + 1;
            }
        }
        if (start < close)
            result.append({start, close});
        return result;
    }

    static bool isTableConstraint(const SqlToken &token)
    {
        for (const auto keyword : {"CONSTRAINT"_L1, "PRIMARY"_L1, "UNIQUE"_L1, "CHECK"_L1, "FOREIGN"_L1}) {
            if (token.isWord(keyword))
                return true;
        }
        return false;
    }

    // The names directly inside the parentheses at `open`: (a, "b" COLLATE nocase, c DESC) -> a, b, c.
    QStringList names(qsizetype open) const
    {
        QStringList result;
        const qsizetype close = closingParenthesis(m_tokens, open);
        for (qsizetype i = open + 1; i < close; ++i) {
            const SqlToken &previous = m_tokens.at(i - 1);
            if (m_tokens.at(i).isName() && (previous.isSymbol("("_L1) || previous.isSymbol(","_L1)))
                result << m_tokens.at(i).text;
        }
        return result;
    }

    // The text between the parentheses at `open`, as written.
    QString inside(qsizetype open) const
    {
        const qsizetype close = closingParenthesis(m_tokens, open);
        if (close < 0)
            return {};
        const qsizetype from = m_tokens.at(open).end;
        return m_sql.mid(from, m_tokens.at(close).begin - from).trimmed();
    }

    bool symbolAt(qsizetype i, QLatin1StringView symbol) const
    {
        return i < m_tokens.size() && m_tokens.at(i).isSymbol(symbol);
    }

    void readTableConstraint(const Item &item)
    {
        qsizetype i = item.begin;
        Constraint c;
        if (m_tokens.at(i).isWord("CONSTRAINT"_L1) && i + 1 < item.end) {
            c.name = m_tokens.at(i + 1).text;
            i += 2;
        }
        if (i >= item.end)
            return;
        const SqlToken &kind = m_tokens.at(i);
        if (kind.isWord("UNIQUE"_L1) && symbolAt(i + 1, "("_L1)) {
            c.kind = Constraint::Kind::Unique;
            c.columns = names(i + 1);
        } else if (kind.isWord("CHECK"_L1) && symbolAt(i + 1, "("_L1)) {
            c.kind = Constraint::Kind::Check;
            c.expression = inside(i + 1);
        } else if (kind.isWord("FOREIGN"_L1) && symbolAt(i + 2, "("_L1)) {
            c.kind = Constraint::Kind::ForeignKey;
            c.columns = names(i + 2);
            const qsizetype references = closingParenthesis(m_tokens, i + 2) + 1;
            if (references <= 0 || references + 1 >= item.end || !m_tokens.at(references).isWord("REFERENCES"_L1))
                return;
            c.refTable = m_tokens.at(references + 1).text;
        } else {
            return;   // PRIMARY KEY: the pragmas say all there is
        }
        m_ddl.constraints << c;
    }

    void readColumn(const Item &item)
    {
        const QString column = m_tokens.at(item.begin).text;
        QString pendingName;
        for (qsizetype i = item.begin + 1; i < item.end; ++i) {
            const SqlToken &token = m_tokens.at(i);
            if (token.isWord("CONSTRAINT"_L1) && i + 1 < item.end) {
                pendingName = m_tokens.at(++i).text;
            } else if (token.isWord("AUTOINCREMENT"_L1)) {
                m_ddl.autoincrementColumn = column;
            } else if (token.isWord("UNIQUE"_L1)) {
                m_ddl.constraints << Constraint{Constraint::Kind::Unique, pendingName, {column}, {}, {}};
                pendingName.clear();
            } else if (token.isWord("CHECK"_L1) && symbolAt(i + 1, "("_L1)) {
                m_ddl.constraints << Constraint{Constraint::Kind::Check, pendingName, {}, {}, inside(i + 1)};
                pendingName.clear();
                i = closingParenthesis(m_tokens, i + 1);
            } else if (token.isWord("REFERENCES"_L1) && i + 1 < item.end) {
                m_ddl.constraints << Constraint{Constraint::Kind::ForeignKey, pendingName, {column},
                                                m_tokens.at(i + 1).text, {}};
                pendingName.clear();
                ++i;
            } else if (token.isSymbol("("_L1)) {
                // A type's size or a default expression: nothing to read inside.
                i = closingParenthesis(m_tokens, i);
            }
            if (i < 0)
                return;
        }
    }

    const QString &m_sql;
    QList<SqlToken> m_tokens;
    SqliteTableDdl m_ddl;
};

} // namespace

SqliteTableDdl parseSqliteCreateTable(const QString &sql)
{
    return CreateTableReader(sql).read();
}

QString sqliteIndexPredicate(const QString &sql)
{
    const QList<SqlToken> tokens = tokenizeSql(sql);
    qsizetype open = 0;
    while (open < tokens.size() && !tokens.at(open).isSymbol("("_L1))
        ++open;
    const qsizetype close = closingParenthesis(tokens, open);
    if (close < 0 || close + 1 >= tokens.size() || !tokens.at(close + 1).isWord("WHERE"_L1))
        return {};
    QString predicate = sql.mid(tokens.at(close + 1).end).trimmed();
    while (predicate.endsWith(u';'))
        predicate.chop(1);
    return predicate.trimmed();
}

} // namespace strata
