#pragma once

#include "ops/operation.h"

#include <optional>

namespace strata {

class AddColumn : public Operation
{
public:
    QString table;
    Column column;
    QString kind() const override { return QStringLiteral("add_column"); }
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
};

class DropColumn : public Operation
{
public:
    QString table;
    QString column;
    QString kind() const override { return QStringLiteral("drop_column"); }
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;
    QList<DroppedData> droppedData(const Dialect &) const override { return {{table, column, false}}; }
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
};

// Changes any of type, nullability, default and name of one column.
class AlterColumn : public Operation
{
public:
    QString table;
    QString column;
    std::optional<ColumnType> type;
    std::optional<bool> nullable;
    bool changeDefault = false;             // true: set defaultValue (nullopt drops the default)
    std::optional<QString> defaultValue;
    std::optional<QString> newName;
    QString kind() const override { return QStringLiteral("alter_column"); }
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
};

} // namespace strata
