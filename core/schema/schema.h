#pragma once

#include "core/schema/columntype.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
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
    // With autoincrement: numbered the way SQLAlchemy numbers a key, for
    // Alembic projects (YAML `autoincrement: serial`): SERIAL / BIGSERIAL /
    // SMALLSERIAL on PostgreSQL (a sequence the column owns, not an identity),
    // on SQLite the plain rowid key, without AUTOINCREMENT.
    bool serial = false;

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

// A constraint created without a name has, in a replayed Schema, the name
// PostgreSQL gives it (see constraintnames.h) with generatedName set: the
// DDL then carries no CONSTRAINT clause and the YAML no name. An empty name
// is an unnamed constraint not yet named (a parsed operation, SQLite's
// introspection).
struct UniqueConstraint
{
    QString name;
    QStringList columns;
    bool generatedName = false;
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
    bool generatedName = false;
    // May reference a table created later in the same revision: PostgreSQL
    // adds it by ALTER TABLE after the revision's other operations.
    bool useAlter = false;
    friend bool operator==(const ForeignKey &, const ForeignKey &) = default;
};

struct CheckConstraint
{
    QString name;
    QString expression;
    bool generatedName = false;
    friend bool operator==(const CheckConstraint &, const CheckConstraint &) = default;
};

struct Table
{
    QString name;
    QList<Column> columns;
    QStringList primaryKey;                // column names, in key order
    QString primaryKeyName;                // as given (primary_key_name); empty: the database names it
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

// Schema's lookups by table name and by index name, kept beside the public
// table list so that a replay of thousands of tables is not quadratic. It is
// a cache, never trusted blindly: it holds shared copies of every table's name
// and index list, so any change to the list (an append, a removal, a rename
// in place, an index added) shows as a different size or data pointer, and a
// lookup that misses first checks that and rebuilds. Copies carry it along;
// equality ignores it; a mutex makes concurrent const lookups safe.
class SchemaLookup
{
public:
    SchemaLookup() = default;
    SchemaLookup(const SchemaLookup &other);
    SchemaLookup &operator=(const SchemaLookup &other);
    friend bool operator==(const SchemaLookup &, const SchemaLookup &) { return true; }

    qsizetype tableIndex(const QList<Table> &tables, const QString &name) const;
    qsizetype tableOfIndex(const QList<Table> &tables, const QString &indexName) const;

private:
    struct Entry
    {
        QString name;                      // shared with the table's name while it is unchanged
        QList<Index> indexes;              // shared with the table's index list likewise
    };
    bool isCurrent(const QList<Table> &tables) const;
    void update(const QList<Table> &tables) const;

    mutable QMutex m_mutex;
    mutable QList<Entry> m_entries;
    mutable QHash<QString, qsizetype> m_byName;
    mutable QHash<QString, qsizetype> m_byIndexName;
};

// Native enum types by name, with their values in order.
using EnumTypes = QMap<QString, QStringList>;

// The one representation of "a schema" in Strata: what replaying operations
// produces, what introspection returns, what models.yaml describes.
struct Schema
{
    QList<Table> tables;                   // in creation order
    SchemaLookup lookup;                   // a cache of tables' positions by name (see SchemaLookup)

    Table *table(const QString &name);
    const Table *table(const QString &name) const;
    qsizetype tableIndex(const QString &name) const;
    // The table that owns the index of that name, or nullptr.
    const Table *tableOfIndex(const QString &indexName) const;
    // Names of the other tables with a foreign key to this one, in schema order.
    QStringList tablesReferencing(const QString &tableName) const;
    // The database enum types (native enums) the columns use, by name, with
    // their values; PostgreSQL keeps one type per name for the whole schema.
    QMap<QString, QStringList> nativeEnums() const;
    // Every native enum column of that name takes these values: adding a
    // value to the type changes it for every table that uses it.
    void setEnumValues(const QString &enumName, const QStringList &values);
    friend bool operator==(const Schema &, const Schema &) = default;
};

// Whether an SQL expression (a check, an index predicate) names the identifier:
// a whole word outside string literals, unquoted (any case) or double-quoted (exact).
bool expressionMentions(const QString &expression, const QString &identifier);
// The expression with that identifier renamed, the way PostgreSQL and SQLite
// rewrite checks and index predicates when a column is renamed.
QString renameInExpression(const QString &expression, const QString &from, const QString &to);

} // namespace strata
