#pragma once

#include "core/introspect/introspector.h"

#include <QHash>

namespace strata {

// pg_catalog for one schema: four queries (tables, columns, constraints,
// indexes) whatever the number of tables.
class PostgresIntrospector : public Introspector
{
public:
    explicit PostgresIntrospector(Connection &connection) : m_connection(connection) {}
    Result<Schema> read(const IntrospectOptions &options) override;

private:
    Status readColumns(Schema &schema);
    Status readConstraints(Schema &schema);
    Status readIndexes(Schema &schema);
    Table *tableOf(Schema &schema, const QVariant &oid);
    QStringList columnNames(const QVariant &oid, const QString &attnums) const;

    Connection &m_connection;
    QString m_schema;
    QHash<qint64, qsizetype> m_tables;                  // oid -> index in Schema::tables
    QHash<qint64, QHash<int, QString>> m_attributes;    // oid -> attnum -> column name
};

// A type as PostgreSQL's format_type() spells it, as an abstract type.
Result<ColumnType> postgresColumnType(const QString &formatted);

} // namespace strata
