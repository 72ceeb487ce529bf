#pragma once

// Internal to core/ops: the pieces the operation families share. Each
// schema element (column, index, unique, foreign key, check) is read, written
// and checked by the family file that owns it, so create_table and the
// single-element operations agree on one shape and one set of rules.

#include "core/ops/operation.h"
#include "core/ops/yamlread.h"

// The revision cache writes an operation through its fields(): these sizes
// (x86-64 and AArch64 with libstdc++) turn a field added without it into a
// compile error in the operation's own file.
#if defined(__GLIBCXX__) && (defined(__x86_64__) || defined(__aarch64__))
#define STRATA_CACHED_SIZE(Class, bytes) \
    static_assert(sizeof(Class) == (bytes), #Class " changed: update " #Class "::fields (the revision cache)")
#else
#define STRATA_CACHED_SIZE(Class, bytes)
#endif

namespace strata::ops {

// --- knowledge every operation answers (operation.cpp)

// "cannot undo '<op>': <why>", for an inverse() that has none.
Error noInverse(const Operation &op, const QString &why);
// Lint's finding for data an operation deletes, with how to silence it.
LintFinding dataLoss(const QString &code, const QString &text);
// "(a, b)", as autogenerate lists columns.
QString columnsText(const QStringList &columns);

// The name a constraint gets when `op` applies: its own, or the one the
// replay (as PostgreSQL) chooses for an unnamed one.
template <typename Element>
QString appliedName(const Operation &op, const QString &tableName, const Element &element,
                    QList<Element> Table::*list, const Schema &before)
{
    if (!element.name.isEmpty())
        return element.name;
    Schema after = before;
    const Table *table = op.apply(after) ? after.table(tableName) : nullptr;
    return table && !(table->*list).isEmpty() ? (table->*list).last().name : QString();
}

// --- fitting the schema (operation.cpp); failures are Code::Conflict with
// where = "table" or "table.column".

Error conflict(const QString &where, const QString &message, const QString &hint = {});
Result<Table *> requireTable(Schema &schema, const QString &name);
Result<const Table *> requireTable(const Schema &schema, const QString &name);
// Every name is a column of the table; `usedBy` says who needs them ("index 'ix_a'").
Status requireColumns(const Table &table, const QStringList &columns, const QString &usedBy);
// The constraint name is not taken by another unique, foreign key or check of the table.
Status requireFreeConstraintName(const Table &table, const QString &name);

// The operation's table before and after it, for dialects that rebuild a
// table (SQLite) and need both shapes, with the schema's native enum types
// before and after (only where the dialect has such types).
struct TableChange
{
    Table before;
    Table after;
    EnumTypes enumsBefore;
    EnumTypes enumsAfter;
};
// Applies the operation to `schema` in place and says how its table changed;
// on an error `schema` may be half changed. render() passes a copy, and
// renderAndApply() the caller's schema, which saves copying it.
Result<TableChange> changeTable(const Operation &op, Schema &schema, const QString &table, const Dialect &dialect);
// Whether a column of the table has a native enum type (a type of its own on PostgreSQL).
bool hasNativeEnum(const Table &table);

// After a table's columns changed: each native enum type it uses takes the
// values its columns give, and every other column of that type follows. A
// value the type had and the new list lacks stays (PostgreSQL cannot remove one).
void syncEnumTypes(Schema &schema, const QString &table);
// The values an enum type has once `wanted` is asked of a type that has
// `existing`: wanted when it keeps every existing value, else existing when
// wanted only leaves some out (a downgrade: PostgreSQL keeps them), else
// wanted followed by the existing values it lacks.
QStringList mergedEnumValues(const QStringList &existing, const QStringList &wanted);

// The operation's statements with the database types it needs created
// first and the ones it leaves unused dropped last (PostgreSQL enums).
QStringList withTypes(const Dialect &dialect, const Schema &before, const Schema &after, const QStringList &statements);
QStringList withTypes(const Dialect &dialect, const TableChange &change, const QStringList &statements);

// A name list written inline: [a, b].
YAML::Node flowList(const QStringList &names);

// --- column types (typeyaml.cpp): a scalar ("string(80)") or a mapping
// ({enum: mood, values: [a, b]}, {raw: "TSVECTOR"}).

Result<ColumnType> readType(const YAML::Node &map, const char *key, const QString &file);
YAML::Node typeToYaml(const ColumnType &type);

// --- columns (columnops.cpp)

enum class ColumnContext { InTable, AddColumn };
struct ColumnSpec
{
    Column column;
    bool primaryKey = false;
    bool unique = false;
};
// Reads one column mapping; add_column refuses primary_key, unique and autoincrement.
Result<ColumnSpec> parseColumn(const YAML::Node &map, const QString &file, ColumnContext context);
YAML::Node columnToYaml(const Column &column, bool primaryKey);

// --- indexes (indexops.cpp)

// Reads name, columns, unique, where; the caller has checked the keys.
Result<Index> readIndex(const YAML::Node &map, const QString &file);
// {name, [table,] columns, unique, where}; table only when given.
YAML::Node indexToYaml(const Index &index, const QString &table = {});
// A new index on `table`: its name is free in the whole schema, its columns exist.
Status checkNewIndex(const Schema &schema, const Table &table, const Index &index);

// --- constraints (constraintops.cpp). Names are optional inside create_table
// (the database then names the constraint) and required for the operations.

Result<UniqueConstraint> readUnique(const YAML::Node &map, const QString &file, bool nameRequired);
Result<ForeignKey> readForeignKey(const YAML::Node &map, const QString &file, bool nameRequired);
Result<CheckConstraint> readCheck(const YAML::Node &map, const QString &file, bool nameRequired);
YAML::Node uniqueToYaml(const UniqueConstraint &unique, const QString &table = {});
YAML::Node foreignKeyToYaml(const ForeignKey &fk, const QString &table = {});
YAML::Node checkToYaml(const CheckConstraint &check, const QString &table = {});
Status checkNewUnique(const Table &table, const UniqueConstraint &unique);
// `table` may not be in the schema yet (create_table), and may reference itself.
Status checkNewForeignKey(const Schema &schema, const Table &table, const ForeignKey &fk);
Status checkNewCheck(const Table &table, const CheckConstraint &check);

} // namespace strata::ops
