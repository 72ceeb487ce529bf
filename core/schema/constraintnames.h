#pragma once

#include "core/schema/schema.h"

namespace strata {

// The names PostgreSQL gives constraints created without one (ChooseConstraintName
// and ChooseRelationName in PostgreSQL 15): "<table>_<columns>_fkey",
// "<table>_<columns>_key", "<table>_<column>_check" (the one column the
// expression uses, else "<table>_check") and "<table>_pkey", each kept within
// 63 bytes by shortening the table and column parts, not the whole, and made
// unique with a number after the label ("_fkey1") when the name is taken.
// The replayed Schema names unnamed constraints this way so that a later
// drop_constraint, PostgreSQL's introspection and drift all find them.

// makeObjectName(): name1_name2_label in at most 63 bytes; name2 may be empty (none).
QString postgresObjectName(const QString &name1, const QString &name2, const QString &label);

// The name before any numbering, for telling a database-chosen name from a given one.
QString defaultUniqueName(const QString &table, const QStringList &columns);
QString defaultForeignKeyName(const QString &table, const QStringList &columns);
QString defaultCheckName(const Table &table, const QString &expression);
QString defaultPrimaryKeyName(const QString &table);

// Gives each unique, foreign key and check of `table` that has no name the
// name PostgreSQL would choose, marked generated, in the order PostgreSQL
// chooses them (keys, then checks, then foreign keys), avoiding the names the
// table's other constraints and the other tables of `schema` use (a generated
// name already given stays: PostgreSQL keeps it through renames). `table`
// need not be in `schema` yet.
void nameUnnamedConstraints(Table &table, const Schema &schema);

} // namespace strata
