#include "core/introspect/schemanormalize.h"

#include "core/dialect/sqltokens.h"
#include "core/introspect/postgresintrospector.h"
#include "core/introspect/sqliteintrospector.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// Words that continue a multi-word type name after a cast: character varying,
// double precision, timestamp without time zone.
bool isTypeContinuation(const SqlToken &token)
{
    static const QStringList words{u"varying"_s, u"precision"_s, u"with"_s, u"without"_s, u"time"_s, u"zone"_s};
    return token.kind == SqlToken::Kind::Word && words.contains(token.text.toLower());
}

// The index just past the cast that starts with the "::" at `at`.
qsizetype castEnd(const QList<SqlToken> &tokens, qsizetype at)
{
    qsizetype j = at + 1;
    if (j >= tokens.size() || !tokens.at(j).isName())
        return j;
    ++j;
    while (j < tokens.size()) {
        if (isTypeContinuation(tokens.at(j))) {
            ++j;
        } else if (tokens.at(j).isSymbol("("_L1)) {
            const qsizetype close = closingParenthesis(tokens, j);
            if (close < 0)
                break;
            j = close + 1;
        } else if (tokens.at(j).isSymbol("["_L1) && j + 1 < tokens.size() && tokens.at(j + 1).isSymbol("]"_L1)) {
            j += 2;
        } else {
            break;
        }
    }
    return j;
}

QList<SqlToken> dropCasts(const QList<SqlToken> &tokens)
{
    QList<SqlToken> kept;
    for (qsizetype i = 0; i < tokens.size();) {
        if (tokens.at(i).isSymbol("::"_L1)) {
            i = castEnd(tokens, i);
            continue;
        }
        kept << tokens.at(i);
        ++i;
    }
    return kept;
}

bool wrappedWhole(const QList<SqlToken> &tokens)
{
    return tokens.size() >= 2 && tokens.first().isSymbol("("_L1)
        && closingParenthesis(tokens, 0) == tokens.size() - 1;
}

QString tokenText(const SqlToken &token)
{
    static const QRegularExpression plain(u"^[a-z_][a-z0-9_$]*$"_s);
    switch (token.kind) {
    case SqlToken::Kind::Word:
        return token.text.toLower();
    case SqlToken::Kind::QuotedIdentifier:
        if (plain.match(token.text).hasMatch())
            return token.text;
        return u'"' + QString(token.text).replace(u"\""_s, u"\"\""_s) + u'"';
    default:
        return token.text;
    }
}

bool isNumericKind(ColumnType::Kind kind)
{
    using Kind = ColumnType::Kind;
    return kind == Kind::Integer || kind == Kind::BigInt || kind == Kind::SmallInt || kind == Kind::Numeric
        || kind == Kind::Float || kind == Kind::Double;
}

} // namespace

QString canonicalExpression(const QString &expression)
{
    QList<SqlToken> tokens = dropCasts(tokenizeSql(expression));
    while (wrappedWhole(tokens))
        tokens = tokens.mid(1, tokens.size() - 2);
    QStringList parts;
    parts.reserve(tokens.size());
    for (const SqlToken &token : std::as_const(tokens))
        parts << tokenText(token);
    return parts.join(u' ');
}

std::optional<QString> canonicalDefault(const std::optional<QString> &expression, const ColumnType &type)
{
    if (!expression)
        return std::nullopt;
    const QString text = canonicalExpression(*expression);
    if (text.isEmpty() || text == "null"_L1)
        return std::nullopt;
    if (type.kind == ColumnType::Kind::Boolean) {
        static const QStringList falses{u"false"_s, u"0"_s, u"'f'"_s, u"'false'"_s, u"'0'"_s, u"'n'"_s, u"'no'"_s};
        static const QStringList trues{u"true"_s, u"1"_s, u"'t'"_s, u"'true'"_s, u"'1'"_s, u"'y'"_s, u"'yes'"_s};
        if (falses.contains(text.toLower()))
            return u"false"_s;
        if (trues.contains(text.toLower()))
            return u"true"_s;
    }
    if (isNumericKind(type.kind)) {
        // PostgreSQL keeps a negative default as '-1'::integer; "- 1" is how -1 tokenizes.
        static const QRegularExpression number(
            u"^'?\\s*([+-]?)\\s*(\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\\.\\d+)\\s*'?$"_s);
        const auto match = number.match(text);
        const bool balanced = text.startsWith(u'\'') == text.endsWith(u'\'');
        if (match.hasMatch() && balanced) {
            const QString sign = match.captured(1) == "-"_L1 ? u"-"_s : QString();
            return sign + match.captured(2);
        }
    }
    return text;
}

QString withoutCasts(const QString &expression)
{
    const QList<SqlToken> tokens = tokenizeSql(expression);
    QString result = expression;
    // Cut from the end so earlier offsets stay valid.
    for (qsizetype i = tokens.size() - 1; i >= 0; --i) {
        if (!tokens.at(i).isSymbol("::"_L1))
            continue;
        const qsizetype end = castEnd(tokens, i);
        const qsizetype stop = end > i + 1 ? tokens.at(end - 1).end : tokens.at(i).end;
        result.remove(tokens.at(i).begin, stop - tokens.at(i).begin);
    }
    return result.trimmed();
}

QString withoutOuterParentheses(const QString &expression)
{
    QString text = expression.trimmed();
    QList<SqlToken> tokens = tokenizeSql(text);
    while (wrappedWhole(tokens)) {
        text = text.mid(tokens.first().end, tokens.last().begin - tokens.first().end).trimmed();
        tokens = tokenizeSql(text);
    }
    return text;
}

QString canonicalAction(const QString &action)
{
    const QString text = action.toLower().replace(u'_', u' ').simplified();
    return text == "no action"_L1 ? QString() : text;
}

namespace {

// CHAR alone is char(1) in both databases. An enum that is not a database
// type reads back as the VARCHAR it is, with its CHECK when it has one.
void normalizeType(Table &table, Column &column, bool nativeEnums)
{
    ColumnType &type = column.type;
    // A raw type reads back as the database understands its text.
    if (type.kind == ColumnType::Kind::Raw) {
        if (!nativeEnums) {
            type = sqliteDeclaredType(type.name);
        } else if (auto known = postgresColumnType(type.name)) {
            type = *known;
        } else {
            type.name = type.name.toLower().simplified();
        }
    }
    if (type.kind == ColumnType::Kind::Char && type.length == 0)
        type.length = 1;
    if (type.kind != ColumnType::Kind::Enum || (nativeEnums && type.native))
        return;
    if (type.createConstraint) {
        QStringList literals;
        for (const QString &value : std::as_const(type.values))
            literals << u'\'' + QString(value).replace(u"'"_s, u"''"_s) + u'\'';
        CheckConstraint check;
        check.expression = column.name + " IN ("_L1 + literals.join(u", "_s) + u')';
        table.checks << check;
    }
    type = ColumnType{ColumnType::Kind::String, type.enumLength()};
}

} // namespace

Schema normalizedSchema(Schema schema, std::optional<Dialect::Kind> dialect)
{
    const bool sqlite = dialect == Dialect::Kind::Sqlite;
    const bool postgres = dialect == Dialect::Kind::Postgresql;
    for (Table &table : schema.tables) {
        if (dialect) {
            for (Column &column : table.columns)
                normalizeType(table, column, postgres);
        }
        // SQLite keeps no name for a constraint created without one.
        const auto forget = [sqlite](auto &c) {
            if (sqlite && c.generatedName) {
                c.name.clear();
                c.generatedName = false;
            }
        };
        std::ranges::for_each(table.uniques, forget);
        std::ranges::for_each(table.foreignKeys, forget);
        std::ranges::for_each(table.checks, forget);
        for (Column &column : table.columns) {
            if (table.primaryKey.contains(column.name))
                column.nullable = false;
            const bool soleKey = table.primaryKey.size() == 1 && table.primaryKey.first() == column.name;
            column.autoincrement = column.autoincrement && column.type.isInteger() && soleKey;
            // SQLite's serial key is the rowid only when declared INTEGER; a BIGINT one is a plain column.
            if (sqlite && column.serial && column.type.kind != ColumnType::Kind::Integer)
                column.autoincrement = false;
            column.serial = column.serial && column.autoincrement;
            if (column.autoincrement && sqlite && !column.serial)
                column.type = ColumnType{ColumnType::Kind::Integer};
            // On SQLite an INTEGER key is the rowid, numbered by the database either way;
            // without AUTOINCREMENT it is the serial one.
            if (sqlite && soleKey && column.type.kind == ColumnType::Kind::Integer && !column.autoincrement) {
                column.autoincrement = true;
                column.serial = true;
            }
            const bool maybeNull = column.defaultValue
                && (column.defaultValue->contains("null"_L1, Qt::CaseInsensitive) || column.defaultValue->trimmed().isEmpty());
            if (maybeNull && !canonicalDefault(column.defaultValue, column.type))
                column.defaultValue.reset();
        }
        for (ForeignKey &fk : table.foreignKeys) {
            fk.onDelete = canonicalAction(fk.onDelete);
            fk.onUpdate = canonicalAction(fk.onUpdate);
        }
        for (Index &index : table.indexes)
            index.where = index.where.trimmed();
        for (CheckConstraint &check : table.checks)
            check.expression = check.expression.trimmed();
    }
    return schema;
}

} // namespace strata
