#include "core/ops/executeddl.h"
#include "core/ops/executeddl_p.h"

#include "core/dialect/sqltokens.h"
#include "core/ops/columnops.h"
#include "core/ops/indexops.h"
#include "core/ops/sqlstatements.h"
#include "core/ops/tableops.h"

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace strata {

namespace ddl {

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

} // namespace ddl

namespace {

using namespace ddl;


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
        const qsizetype afterCreate = in.position();
        if (auto op = createTableAs(in, schema))
            return {*op};
        in.skipTo(afterCreate);
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
        Reader in(statement.text);
        if (in.words({"alter"_L1, "table"_L1})) {
            Schema attempt = schema;
            if (addPrimaryKey(in, attempt)) {
                schema = std::move(attempt);
                continue;
            }
        }
        for (const auto &op : operationsOf(statement.text, schema)) {
            Schema attempt = schema;
            if (op->apply(attempt))
                schema = std::move(attempt);
        }
    }
}

} // namespace strata
