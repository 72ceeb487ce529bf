#include "core/ops/executeddl.h"

#include "core/dialect/sqltokens.h"
#include "core/ops/columnops.h"
#include "core/ops/indexops.h"
#include "core/ops/sqlstatements.h"
#include "core/ops/tableops.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

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
        while (m_at + 1 < m_tokens.size() && m_tokens.at(m_at).isSymbol("."_L1) && m_tokens.at(m_at + 1).isName()) {
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
QString resolved(const SqlToken &token, const QStringList &known)
{
    if (token.kind == SqlToken::Kind::QuotedIdentifier || known.contains(token.text))
        return token.text;
    for (const QString &name : known) {
        if (name.compare(token.text, Qt::CaseInsensitive) == 0)
            return name;
    }
    return token.text;
}

QStringList tableNames(const Schema &schema)
{
    QStringList names;
    for (const Table &table : schema.tables)
        names << table.name;
    return names;
}

QStringList columnNames(const Table &table)
{
    QStringList names;
    for (const Column &column : table.columns)
        names << column.name;
    return names;
}

QStringList indexNames(const Schema &schema)
{
    QStringList names;
    for (const Table &table : schema.tables) {
        for (const Index &index : table.indexes)
            names << index.name;
    }
    return names;
}

std::optional<std::shared_ptr<Operation>> createIndex(Reader &in, const Schema &schema)
{
    const bool unique = in.word("unique"_L1);
    if (!in.word("index"_L1))
        return std::nullopt;
    in.word("concurrently"_L1);
    const bool ifNotExists = in.words({"if"_L1, "not"_L1, "exists"_L1});
    const auto name = in.name();
    if (!name || !in.word("on"_L1))
        return std::nullopt;
    in.word("only"_L1);
    const auto tableToken = in.name();
    if (!tableToken)
        return std::nullopt;
    const Table *table = schema.table(resolved(*tableToken, tableNames(schema)));
    if (!table)
        return std::nullopt;
    if (in.word("using"_L1) && !in.name())
        return std::nullopt;
    const qsizetype open = in.position();
    if (!in.symbol("("_L1))
        return std::nullopt;
    const qsizetype close = closingParenthesis(in.tokens(), open);
    if (close < 0)
        return std::nullopt;
    auto op = std::make_shared<CreateIndex>();
    op->table = table->name;
    op->index.name = resolved(*name, indexNames(schema));
    op->index.unique = unique;
    if (ifNotExists && schema.tableOfIndex(op->index.name))
        return std::nullopt;
    // Plain columns, each with an optional order: an expression or an operator class is not a Strata index.
    while (in.position() < close) {
        const auto column = in.name();
        if (!column)
            return std::nullopt;
        op->index.columns << resolved(*column, columnNames(*table));
        if (!in.word("asc"_L1))
            in.word("desc"_L1);
        if (in.word("nulls"_L1) && !(in.word("first"_L1) || in.word("last"_L1)))
            return std::nullopt;
        if (in.position() < close && !in.symbol(","_L1))
            return std::nullopt;
    }
    in.skipTo(close + 1);
    if (in.word("where"_L1))
        op->index.where = in.rest();
    else if (!in.atEnd())
        return std::nullopt;
    return op;
}

QList<std::shared_ptr<Operation>> dropIndexes(Reader &in, const Schema &schema)
{
    QList<std::shared_ptr<Operation>> ops;
    in.word("concurrently"_L1);
    in.words({"if"_L1, "exists"_L1});
    do {
        const auto name = in.name();
        if (!name)
            return {};
        const QString indexName = resolved(*name, indexNames(schema));
        if (const Table *table = schema.tableOfIndex(indexName)) {
            auto op = std::make_shared<DropIndex>();
            op->table = table->name;
            op->name = indexName;
            ops << op;
        }
    } while (in.symbol(","_L1));
    return ops;
}

QList<std::shared_ptr<Operation>> dropTables(Reader &in, const Schema &schema)
{
    QList<std::shared_ptr<Operation>> ops;
    in.words({"if"_L1, "exists"_L1});
    do {
        const auto name = in.name();
        if (!name)
            return {};
        auto op = std::make_shared<DropTable>();
        op->name = resolved(*name, tableNames(schema));
        op->keepReferences = true;   // the database decides: SQLite drops it, PostgreSQL refuses without CASCADE
        ops << op;
    } while (in.symbol(","_L1));
    return ops;
}

std::optional<std::shared_ptr<Operation>> alterTableRename(Reader &in, const Schema &schema)
{
    in.words({"if"_L1, "exists"_L1});
    in.word("only"_L1);
    const auto tableToken = in.name();
    if (!tableToken || !in.word("rename"_L1))
        return std::nullopt;
    const QString tableName = resolved(*tableToken, tableNames(schema));
    if (in.word("to"_L1)) {
        const auto to = in.name();
        if (!to || !in.atEnd())
            return std::nullopt;
        auto op = std::make_shared<RenameTable>();
        op->from = tableName;
        op->to = to->text;
        return op;
    }
    in.word("column"_L1);
    const auto column = in.name();
    if (!column || !in.word("to"_L1))
        return std::nullopt;
    const auto to = in.name();
    const Table *table = schema.table(tableName);
    if (!to || !in.atEnd() || !table)
        return std::nullopt;
    auto op = std::make_shared<AlterColumn>();
    op->table = tableName;
    op->column = resolved(*column, columnNames(*table));
    op->newName = to->text;
    return op;
}

QList<std::shared_ptr<Operation>> operationsOf(const QString &statement, const Schema &schema)
{
    Reader in(statement);
    if (in.word("create"_L1)) {
        if (auto op = createIndex(in, schema))
            return {*op};
        return {};
    }
    if (in.words({"drop"_L1, "index"_L1}))
        return dropIndexes(in, schema);
    if (in.words({"drop"_L1, "table"_L1}))
        return dropTables(in, schema);
    if (in.words({"alter"_L1, "table"_L1})) {
        if (auto op = alterTableRename(in, schema))
            return {*op};
    }
    return {};
}

} // namespace

void learnFromSql(Schema &schema, const QString &sql)
{
    for (const SqlStatement &statement : splitSqlStatements(sql)) {
        for (const auto &op : operationsOf(statement.text, schema)) {
            Schema attempt = schema;
            if (op->apply(attempt))
                schema = std::move(attempt);
        }
    }
}

} // namespace strata
