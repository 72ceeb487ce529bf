#include "core/ops/executeddl_p.h"

#include "core/ops/tableops.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata::ddl {

namespace {

// Words that end a FROM item: what follows a table name is an alias only when it is none of these.
bool endsFromItem(const SqlToken &token)
{
    static const QLatin1StringView words[] = {"on"_L1, "using"_L1, "left"_L1, "right"_L1, "inner"_L1, "outer"_L1,
        "full"_L1, "cross"_L1, "natural"_L1, "join"_L1, "where"_L1, "group"_L1, "order"_L1, "limit"_L1, "union"_L1};
    return std::ranges::any_of(words, [&](QLatin1StringView word) { return token.isWord(word); });
}

// The result type of an expression the replay can know without the database: md5() and the text functions.
std::optional<ColumnType> expressionType(const QList<SqlToken> &tokens, qsizetype from, qsizetype to)
{
    static const QLatin1StringView textFunctions[] = {"md5"_L1, "lower"_L1, "upper"_L1, "concat"_L1, "trim"_L1};
    if (to - from < 3 || !tokens.at(from + 1).isSymbol("("_L1) || closingParenthesis(tokens, from + 1) != to - 1)
        return std::nullopt;
    if (!std::ranges::any_of(textFunctions, [&](QLatin1StringView f) { return tokens.at(from).isWord(f); }))
        return std::nullopt;
    return ColumnType{};      // Kind::Text
}

} // namespace

// CREATE TABLE name AS SELECT t.*, t.col [AS a], md5(...) AS a FROM t [alias] [JOIN u [alias] ON ...]:
// the new table has the columns the select names, with their types, nullable,
// without defaults, keys or indexes (as CREATE TABLE AS makes them). Any item
// whose type can't be known leaves the statement unlearned.
std::optional<std::shared_ptr<Operation>> createTableAs(Reader &in, const Schema &schema)
{
    if (!in.word("temp"_L1) && !in.word("temporary"_L1))
        in.word("unlogged"_L1);
    if (!in.word("table"_L1))
        return std::nullopt;
    in.words({"if"_L1, "not"_L1, "exists"_L1});
    const auto name = in.name();
    if (!name || !in.words({"as"_L1, "select"_L1}) || schema.table(name->text))
        return std::nullopt;
    const QList<SqlToken> &tokens = in.tokens();
    // The select list's items (top-level commas) up to FROM.
    QList<std::pair<qsizetype, qsizetype>> items;
    qsizetype start = in.position();
    qsizetype at = start;
    for (; at < tokens.size() && !tokens.at(at).isWord("from"_L1); ++at) {
        if (tokens.at(at).isSymbol("("_L1)) {
            if ((at = closingParenthesis(tokens, at)) < 0)
                return std::nullopt;
        } else if (tokens.at(at).isSymbol(","_L1)) {
            items.append({start, at});
            start = at + 1;
        }
    }
    items.append({start, at});
    // FROM and JOIN tables, by alias and by name.
    QMap<QString, const Table *> sources;
    QList<const Table *> fromTables;
    for (qsizetype k = at; k + 1 < tokens.size(); ++k) {
        if (tokens.at(k).isSymbol("("_L1) && (k = closingParenthesis(tokens, k)) < 0)
            return std::nullopt;
        // FROM a, b or a sub-select: which columns `*` means is past this reading.
        if (tokens.at(k).isSymbol(","_L1))
            return std::nullopt;
        if (!(tokens.at(k).isWord("from"_L1) || tokens.at(k).isWord("join"_L1)))
            continue;
        if (!tokens.at(k + 1).isName())
            return std::nullopt;
        const Table *table = schema.table(resolved(tokens.at(k + 1), tableNames(schema)));
        if (!table)
            return std::nullopt;
        fromTables << table;
        sources.insert(table->name.toLower(), table);
        qsizetype alias = k + 2;
        if (alias < tokens.size() && tokens.at(alias).isWord("as"_L1))
            ++alias;
        if (alias < tokens.size() && tokens.at(alias).isName() && !endsFromItem(tokens.at(alias)))
            sources.insert(tokens.at(alias).text.toLower(), table);
    }
    if (fromTables.isEmpty())
        return std::nullopt;
    auto op = std::make_shared<CreateTable>();
    op->table.name = name->text;
    const auto add = [&](const Column &source, const QString &as) {
        Column column;
        column.name = as;
        column.type = source.type;
        op->table.columns << column;
    };
    for (const auto &[first, last] : items) {
        const qsizetype n = last - first;
        const SqlToken &head = tokens.at(first);
        const bool star = n == 1 && head.isSymbol("*"_L1);
        const bool tableStar = (n == 2 && tokens.at(first + 1).isSymbol(".*"_L1))
            || (n == 3 && tokens.at(first + 1).isSymbol("."_L1) && tokens.at(first + 2).isSymbol("*"_L1));
        if (star || tableStar) {
            if (star && fromTables.size() != 1)
                return std::nullopt;
            const Table *table = star ? fromTables.first() : sources.value(head.text.toLower());
            if (!table)
                return std::nullopt;
            for (const Column &column : table->columns)
                add(column, column.name);
            continue;
        }
        // A trailing [AS] alias names the column.
        qsizetype end = last;
        QString alias;
        if (n >= 2 && tokens.at(last - 1).isName() && (tokens.at(last - 2).isWord("as"_L1) || n == 2)) {
            alias = tokens.at(last - 1).text;
            end = tokens.at(last - 2).isWord("as"_L1) ? last - 2 : last - 1;
        }
        // [t.]column
        const bool qualified = end - first == 3 && tokens.at(first + 1).isSymbol("."_L1);
        if ((end - first == 1 || qualified) && tokens.at(end - 1).isName()) {
            const Table *table = qualified ? sources.value(head.text.toLower()) : nullptr;
            const Column *column = nullptr;
            for (const Table *candidate : qualified ? QList<const Table *>{table} : fromTables) {
                const Column *found = candidate ? candidate->column(resolved(tokens.at(end - 1), columnNames(*candidate)))
                                                : nullptr;
                if (found && column)
                    return std::nullopt;       // ambiguous
                column = found ? found : column;
            }
            if (!column)
                return std::nullopt;
            add(*column, alias.isEmpty() ? column->name : alias);
            continue;
        }
        const auto type = expressionType(tokens, first, end);
        if (!type || alias.isEmpty())
            return std::nullopt;
        op->table.columns << Column{alias, *type};
    }
    return op;
}

// ALTER TABLE t ADD PRIMARY KEY (columns): the key, its columns NOT NULL, named by the database.
bool addPrimaryKey(Reader &in, Schema &schema)
{
    in.word("only"_L1);
    const auto tableToken = in.name();
    if (!tableToken || !in.words({"add"_L1, "primary"_L1, "key"_L1}) || !in.symbol("("_L1))
        return false;
    Table *table = schema.table(resolved(*tableToken, tableNames(schema)));
    if (!table || !table->primaryKey.isEmpty())
        return false;
    QStringList key;
    do {
        const auto column = in.name();
        Column *found = column && table ? table->column(resolved(*column, columnNames(*table))) : nullptr;
        if (!found)
            return false;
        key << found->name;
    } while (in.symbol(","_L1));
    if (!in.symbol(")"_L1) || !in.atEnd())
        return false;
    for (const QString &column : key)
        table->column(column)->nullable = false;
    table->primaryKey = key;
    return true;
}

} // namespace strata::ddl
