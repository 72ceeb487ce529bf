#pragma once

#include "ops/operation.h"

namespace strata {

class CreateTable : public Operation
{
public:
    Table table;     // columns, primary key, uniques, foreign keys, checks; indexes too (rendered after the table)
    QString kind() const override { return QStringLiteral("create_table"); }
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;
};

class DropTable : public Operation
{
public:
    QString name;
    QString kind() const override { return QStringLiteral("drop_table"); }
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;   // a plain scalar: "drop_table: daily_note"
};

class RenameTable : public Operation
{
public:
    QString from;
    QString to;
    QString kind() const override { return QStringLiteral("rename_table"); }
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;
};

} // namespace strata
