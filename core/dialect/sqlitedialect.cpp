#include "core/dialect/sqlitedialect.h"

#include "core/ops/columnops.h"

#include <QRegularExpression>
#include <algorithm>
#include <QSet>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// A literal SQLite accepts after DEFAULT without parentheses and allows in
// ALTER TABLE ADD COLUMN: a number, a string, a blob, NULL, TRUE or FALSE.
bool isConstant(const QString &expression)
{
    static const QRegularExpression constant(
        u"^(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|0[xX][0-9a-fA-F]+|'(?:[^']|'')*'"
        "|[xX]'[0-9a-fA-F]*'|NULL|TRUE|FALSE)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return constant.match(expression.trimmed()).hasMatch();
}

bool isNull(const QString &expression)
{
    return expression.trimmed().compare("NULL"_L1, Qt::CaseInsensitive) == 0;
}

bool isTimeKeyword(const QString &expression)
{
    static const QRegularExpression keyword(u"^CURRENT_(?:TIMESTAMP|DATE|TIME)$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return keyword.match(expression.trimmed()).hasMatch();
}

// Whether the whole expression sits inside one pair of parentheses.
bool isParenthesized(const QString &expression)
{
    const QString e = expression.trimmed();
    if (!e.startsWith(u'(') || !e.endsWith(u')'))
        return false;
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < e.size(); ++i) {
        const QChar c = e.at(i);
        if (c == u'\'')
            inString = !inString;
        if (inString)
            continue;
        if (c == u'(')
            ++depth;
        else if (c == u')' && --depth == 0 && i != e.size() - 1)
            return false;
    }
    return true;
}

// SQLite takes any other default expression only in parentheses.
QString defaultExpression(const QString &expression)
{
    if (isConstant(expression) || isTimeKeyword(expression) || isParenthesized(expression))
        return expression;
    return u'(' + expression + u')';
}

} // namespace

// Type names are chosen so that SQLite's affinity rules (section 3.1 of
// "Datatypes In SQLite") store values sensibly and ColumnType::parse() maps
// each one back to the same abstract type when a database is introspected:
//   integer INTEGER, bigint BIGINT, smallint SMALLINT     -> INTEGER affinity
//   string(n) VARCHAR(n), char(n) CHAR(n), text TEXT,
//   enum VARCHAR(longest value)                            -> TEXT affinity
//   float FLOAT, double DOUBLE                             -> REAL affinity
//   binary BLOB                                            -> BLOB affinity
//   boolean BOOLEAN, numeric(p,s) NUMERIC(p,s), date DATE, time TIME,
//   datetime DATETIME, timestamptz TIMESTAMPTZ, json JSON, jsonb JSONB, uuid UUID
//                                                          -> NUMERIC affinity
// NUMERIC affinity keeps ISO dates, JSON documents and hyphenated UUIDs as
// text: it converts only text that reads as a number.
QString SqliteDialect::typeName(const ColumnType &type) const
{
    using Kind = ColumnType::Kind;
    switch (type.kind) {
    case Kind::Integer: return u"INTEGER"_s;
    case Kind::BigInt: return u"BIGINT"_s;
    case Kind::SmallInt: return u"SMALLINT"_s;
    case Kind::Boolean: return u"BOOLEAN"_s;
    case Kind::Text: return u"TEXT"_s;
    case Kind::String:
        return type.length > 0 ? u"VARCHAR(%1)"_s.arg(type.length) : u"VARCHAR"_s;
    case Kind::Numeric:
        return type.precision > 0 ? u"NUMERIC(%1,%2)"_s.arg(type.precision).arg(type.scale) : u"NUMERIC"_s;
    case Kind::Float: return u"FLOAT"_s;
    case Kind::Double: return u"DOUBLE"_s;
    case Kind::Date: return u"DATE"_s;
    case Kind::Time: return u"TIME"_s;
    case Kind::DateTime: return u"DATETIME"_s;
    case Kind::TimestampTz: return u"TIMESTAMPTZ"_s;
    case Kind::Json: return u"JSON"_s;
    case Kind::JsonB: return u"JSONB"_s;
    case Kind::Binary: return u"BLOB"_s;
    case Kind::Uuid: return u"UUID"_s;
    case Kind::Char: return type.length > 0 ? u"CHAR(%1)"_s.arg(type.length) : u"CHAR"_s;
    // SQLite has no enum type: a VARCHAR as long as the longest value, as SQLAlchemy makes it.
    case Kind::Enum: return u"VARCHAR(%1)"_s.arg(type.enumLength());
    case Kind::Raw: return type.name;
    }
    return u"TEXT"_s;
}

QString SqliteDialect::constraintName(const QString &name) const
{
    // SQLite's keywords ("SQL Language Keywords"); any of them is quoted.
    static const QSet<QString> keywords = [] {
        const QString list = u"abort action add after all alter always analyze and as asc attach autoincrement "
            "before begin between by cascade case cast check collate column commit conflict constraint create cross "
            "current current_date current_time current_timestamp database default deferrable deferred delete desc "
            "detach distinct do drop each else end escape except exclude exclusive exists explain fail filter first "
            "following for foreign from full generated glob group groups having if ignore immediate in index indexed "
            "initially inner insert instead intersect into is isnull join key last left like limit match materialized "
            "natural no not nothing notnull null nulls of offset on or order others outer over partition plan pragma "
            "preceding primary query raise range recursive references regexp reindex release rename replace restrict "
            "returning right rollback row rows savepoint select set table temp temporary then ties to transaction "
            "trigger unbounded union unique update using vacuum values view virtual when where window with without"_s;
        const QStringList words = list.split(u' ');
        return QSet<QString>(words.cbegin(), words.cend());
    }();
    static const QRegularExpression bare(u"^[a-z_][a-z0-9_]*$"_s);
    return bare.match(name).hasMatch() && !keywords.contains(name) ? name : quote(name);
}

QString SqliteDialect::historyLocation(const QString &configured) const
{
    const qsizetype dot = configured.indexOf(u'.');
    if (dot < 0)
        return configured;
    return qEnvironmentVariable("STRATA_HISTORY").compare("on"_L1, Qt::CaseInsensitive) == 0 ? configured.mid(dot + 1)
                                                                                             : QString();
}

bool SqliteDialect::hasInlinePrimaryKey(const Table &table)
{
    // A serial key is SQLAlchemy's: the rowid, declared apart from the PRIMARY KEY clause, without AUTOINCREMENT.
    return std::ranges::any_of(table.columns, [&table](const Column &c) { return isAutoincrement(c, table) && !c.serial; });
}

QString SqliteDialect::primaryKeyClause(const Table &table) const
{
    return hasInlinePrimaryKey(table) ? QString() : Dialect::primaryKeyClause(table);
}

QString SqliteDialect::columnDefinition(const Column &column, const Table &table) const
{
    // AUTOINCREMENT is allowed only on a column declared exactly
    // "INTEGER PRIMARY KEY", so a bigint or smallint key is declared INTEGER
    // (SQLite integers are 64-bit whatever the declaration).
    if (isAutoincrement(column, table) && !column.serial) {
        const QString named = table.primaryKeyName.isEmpty() ? QString() : " CONSTRAINT "_L1 + constraintName(table.primaryKeyName);
        return quote(column.name) + " INTEGER NOT NULL"_L1 + named + " PRIMARY KEY AUTOINCREMENT"_L1;
    }
    QString definition = quote(column.name) + u' ' + typeName(column.type);
    if (!column.nullable || table.primaryKey.contains(column.name))
        definition += " NOT NULL"_L1;
    if (column.defaultValue)
        definition += " DEFAULT "_L1 + defaultExpression(*column.defaultValue);
    return definition + enumCheck(column);
}

QStringList SqliteDialect::addColumn(const Table &before, const Table &after, const Column &column) const
{
    // ALTER TABLE ADD COLUMN refuses a key or unique column, a default that is
    // not a constant, and NOT NULL without a non-null default.
    const bool keyed = after.primaryKey.contains(column.name)
        || std::ranges::any_of(after.uniques, [&column](const UniqueConstraint &u) {
               return u.columns.contains(column.name);
           });
    const bool constantDefault = column.defaultValue && isConstant(*column.defaultValue);
    const bool defaultAllowed = !column.defaultValue || constantDefault;
    const bool notNullAllowed = column.nullable || (constantDefault && !isNull(*column.defaultValue));
    if (keyed || !defaultAllowed || !notNullAllowed)
        return rebuild(before, after);
    return {alterTable(after.name) + " ADD COLUMN "_L1 + columnDefinition(column, after)};
}

QStringList SqliteDialect::dropColumn(const Table &before, const Table &after, const QString &column) const
{
    // ALTER TABLE DROP COLUMN refuses a column that any key, index or
    // constraint of the table uses.
    const auto names = [&column](const QStringList &columns) { return columns.contains(column); };
    const bool used = names(before.primaryKey)
        || std::ranges::any_of(before.indexes, [&](const Index &i) {
               return names(i.columns) || expressionMentions(i.where, column);
           })
        || std::ranges::any_of(before.uniques, [&](const UniqueConstraint &u) { return names(u.columns); })
        || std::ranges::any_of(before.foreignKeys, [&](const ForeignKey &fk) { return names(fk.columns); })
        || std::ranges::any_of(before.checks, [&](const CheckConstraint &c) {
               return expressionMentions(c.expression, column);
           });
    if (used)
        return rebuild(before, after);
    return Dialect::dropColumn(before, after, column);
}

QStringList SqliteDialect::alterColumn(const Table &before, const Table &after, const AlterColumn &op) const
{
    const QString newName = op.newName.value_or(op.column);
    const Column *oldColumn = before.column(op.column);
    const Column *newColumn = after.column(newName);
    if (!oldColumn || !newColumn)
        return {};

    // SQLite renames in place and rewrites every reference to the column,
    // other tables' REFERENCES clauses included, which a rebuild would not;
    // so a rename goes first and any other change rebuilds under the new name.
    QStringList statements;
    Table renamedBefore = before;
    if (newName != op.column) {
        statements << alterTable(after.name) + " RENAME COLUMN "_L1 + quote(op.column) + " TO "_L1 + quote(newName);
        renamedBefore.column(op.column)->name = newName;
    }
    const Column &renamedOnly = *renamedBefore.column(newName);
    if (columnDefinition(renamedOnly, after) != columnDefinition(*newColumn, after))
        statements << rebuild(renamedBefore, after);
    return statements;
}

QStringList SqliteDialect::addUnique(const Table &before, const Table &after, const UniqueConstraint &) const
{
    return rebuild(before, after);
}

QStringList SqliteDialect::addForeignKey(const Table &before, const Table &after, const ForeignKey &) const
{
    return rebuild(before, after);
}

QStringList SqliteDialect::addCheck(const Table &before, const Table &after, const CheckConstraint &) const
{
    return rebuild(before, after);
}

QStringList SqliteDialect::dropConstraint(const Table &before, const Table &after, const QString &) const
{
    return rebuild(before, after);
}

QString SqliteDialect::rebuiltTable(const QString &statement)
{
    // rebuild() opens with CREATE TABLE "_strata_new_<name>" (, quoted by quote().
    static const QString prefix = u"CREATE TABLE \"_strata_new_"_s;
    if (!statement.startsWith(prefix))
        return {};
    QString name;
    for (qsizetype i = prefix.size(); i < statement.size(); ++i) {
        if (statement.at(i) == u'"') {
            if (i + 1 < statement.size() && statement.at(i + 1) == u'"') {
                name += u'"';
                ++i;
                continue;
            }
            return name;
        }
        name += statement.at(i);
    }
    return {};
}

Statement SqliteDialect::typed(const QString &sql) const
{
    if (const QString table = rebuiltTable(sql); !table.isEmpty())
        return Statement(sql, Statement::Kind::TableRebuild, table);
    // PRAGMA [schema.]foreign_key_check[(table)]: rebuild() ends with one; an
    // execute: may run one too, and either way its rows are broken references.
    static const QRegularExpression pragma(
        uR"(^\s*PRAGMA\s+(?:\w+\s*\.\s*)?(\w+)\s*(?:\(\s*("(?:[^"]|"")*"|\w+)\s*\))?)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pragma.match(sql);
    if (!match.hasMatch())
        return Statement(sql);
    if (match.captured(1).compare("foreign_key_check"_L1, Qt::CaseInsensitive) != 0)
        return Statement(sql, Statement::Kind::Setting);
    QString table = match.captured(2);
    if (table.startsWith(u'"'))
        table = table.mid(1, table.size() - 2).replace(u"\"\""_s, u"\""_s);
    return Statement(sql, Statement::Kind::ForeignKeyCheck, table);
}

StatementList SqliteDialect::scriptPreamble() const
{
    return {Statement(u"PRAGMA foreign_keys = OFF"_s, Statement::Kind::Setting)};
}

QStringList SqliteDialect::rebuild(const Table &before, const Table &after,
                                   const QMap<QString, QString> &renamed) const
{
    const QString newTable = "_strata_new_"_L1 + after.name;
    // Named foreign keys before unnamed ones, as Alembic's batch rebuild writes
    // them: SQLAlchemy's SQLite reflection keeps only the first of two keys on
    // the same columns and target, so the order decides what it (and
    // `flask db migrate`) sees after the rebuild.
    Table ordered = after;
    std::ranges::stable_partition(ordered.foreignKeys, [](const ForeignKey &fk) { return !fk.name.isEmpty() && !fk.generatedName; });
    QStringList statements{createTableStatement(ordered, newTable)};

    QStringList targets;
    QStringList sources;
    for (const Column &column : after.columns) {
        const QString source = renamed.value(column.name, column.name);
        if (before.column(source)) {
            targets << column.name;
            sources << source;
        }
    }
    if (!targets.isEmpty()) {
        statements << "INSERT INTO "_L1 + quote(newTable) + " ("_L1 + quotedList(targets) + ") SELECT "_L1
                + quotedList(sources) + " FROM "_L1 + quote(before.name);
    }
    // DROP TABLE deletes the old table's sqlite_sequence row and the copy
    // counted only up to the highest id still present: keep the old counter so
    // the ids of deleted rows are never handed out again.
    if (hasInlinePrimaryKey(after)) {
        const QString oldName = literal(before.name);
        const QString newName = literal(newTable);
        statements << "UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence "
                      "WHERE name = "_L1 + oldName + "), 0)) WHERE name = "_L1 + newName;
        statements << "INSERT INTO sqlite_sequence (name, seq) SELECT "_L1 + newName
                + ", seq FROM sqlite_sequence WHERE name = "_L1 + oldName
                + " AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = "_L1 + newName + u')';
    }
    statements << "DROP TABLE "_L1 + quote(before.name);
    statements << renameTable(newTable, after.name);
    for (const Index &index : after.indexes)
        statements << createIndex(after.name, index);
    statements << "PRAGMA foreign_key_check("_L1 + quote(after.name) + u')';
    return statements;
}

} // namespace strata
