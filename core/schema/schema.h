#pragma once

#include "schema/columntype.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

struct Column
{
    QString name;
    ColumnType type;
    bool nullable = true;
    std::optional<QString> defaultValue;   // an SQL expression, as written: "0", "'draft'", "CURRENT_TIMESTAMP"
    bool autoincrement = false;            // only meaningful on an integer primary key

    friend bool operator==(const Column &, const Column &) = default;
};

struct Index
{
    QString name;
    QStringList columns;
    bool unique = false;
    QString where;                         // partial index predicate, empty for none
    friend bool operator==(const Index &, const Index &) = default;
};

struct UniqueConstraint
{
    QString name;                          // may be empty: the dialect then lets the database name it
    QStringList columns;
    friend bool operator==(const UniqueConstraint &, const UniqueConstraint &) = default;
};

struct ForeignKey
{
    QString name;
    QStringList columns;
    QString refTable;
    QStringList refColumns;
    QString onDelete;                      // "cascade", "set null", "restrict", "no action", "set default" or empty
    QString onUpdate;
    friend bool operator==(const ForeignKey &, const ForeignKey &) = default;
};

struct CheckConstraint
{
    QString name;
    QString expression;
    friend bool operator==(const CheckConstraint &, const CheckConstraint &) = default;
};

struct Table
{
    QString name;
    QList<Column> columns;
    QStringList primaryKey;                // column names, in key order
    QList<UniqueConstraint> uniques;
    QList<ForeignKey> foreignKeys;
    QList<CheckConstraint> checks;
    QList<Index> indexes;

    Column *column(const QString &name);
    const Column *column(const QString &name) const;
    qsizetype columnIndex(const QString &name) const;
    bool hasConstraint(const QString &name) const;   // unique, foreign key or check of that name
    friend bool operator==(const Table &, const Table &) = default;
};

// The one representation of "a schema" in Strata: what replaying operations
// produces, what introspection returns, what models.yaml describes.
struct Schema
{
    QList<Table> tables;                   // in creation order

    Table *table(const QString &name);
    const Table *table(const QString &name) const;
    qsizetype tableIndex(const QString &name) const;
    // The table that owns the index of that name, or nullptr.
    const Table *tableOfIndex(const QString &indexName) const;
    // Names of the other tables with a foreign key to this one, in schema order.
    QStringList tablesReferencing(const QString &tableName) const;
    friend bool operator==(const Schema &, const Schema &) = default;
};

// Whether an SQL expression (a check, an index predicate) names the identifier:
// a whole word outside string literals, unquoted (any case) or double-quoted (exact).
bool expressionMentions(const QString &expression, const QString &identifier);
// The expression with that identifier renamed, the way PostgreSQL and SQLite
// rewrite checks and index predicates when a column is renamed.
QString renameInExpression(const QString &expression, const QString &from, const QString &to);

} // namespace strata
