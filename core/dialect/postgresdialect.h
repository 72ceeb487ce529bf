#pragma once

#include "core/dialect/dialect.h"

namespace strata {

class PostgresDialect : public Dialect
{
public:
    Kind kind() const override { return Kind::Postgresql; }
    QString typeName(const ColumnType &type) const override;
    QString columnDefinition(const Column &column, const Table &table) const override;
    QStringList alterColumn(const Table &before, const Table &after, const AlterColumn &op) const override;
    QStringList createTypes(const Schema &before, const Schema &after) const override;
    QStringList dropTypes(const Schema &before, const Schema &after) const override;

protected:
    bool hasNativeEnums() const override { return true; }
    bool defersForeignKeys() const override { return true; }
};

} // namespace strata
