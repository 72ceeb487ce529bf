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
    using Dialect::createTypes;
    using Dialect::dropTypes;
    QStringList createTypes(const EnumTypes &existing, const EnumTypes &wanted) const override;
    QStringList dropTypes(const EnumTypes &before, const EnumTypes &after) const override;
    bool hasNativeEnums() const override { return true; }

protected:
    bool defersForeignKeys() const override { return true; }
};

} // namespace strata
