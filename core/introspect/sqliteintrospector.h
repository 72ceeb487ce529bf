#pragma once

#include "core/introspect/introspector.h"
#include "core/introspect/sqliteddl_p.h"

#include <QHash>

namespace strata {

// What a declared SQLite type reads back as: one of Strata's spellings
// exactly, else by SQLite's affinity rules; `exact` says which.
ColumnType sqliteDeclaredType(const QString &declared, bool *exact = nullptr);

// sqlite_master plus the pragma table-valued functions (table_info,
// index_list, index_info, foreign_key_list), each joined over every table in
// one query; names of constraints, checks and AUTOINCREMENT come from the
// stored CREATE TABLE statements.
class SqliteIntrospector : public Introspector
{
public:
    explicit SqliteIntrospector(Connection &connection) : m_connection(connection) {}
    Result<Schema> read(const IntrospectOptions &options) override;

private:
    Status readColumns(Schema &schema);
    Status readIndexes(Schema &schema);
    Status readForeignKeys(Schema &schema);
    ColumnType columnType(const QString &declared, const QString &table, const QString &column);
    // By name, exact or (as SQLite compares names) ignoring case; nullptr for none.
    Table *table(Schema &schema, const QString &name) const;

    Connection &m_connection;
    QHash<QString, SqliteTableDdl> m_ddl;   // table -> what its CREATE TABLE statement says
    QHash<QString, qsizetype> m_index;      // lower-case table name -> index in Schema::tables
    struct ReadType { ColumnType type; bool exact = true; };
    QHash<QString, ReadType> m_types;       // declared type -> as read: a schema repeats a handful thousands of times
};

} // namespace strata
