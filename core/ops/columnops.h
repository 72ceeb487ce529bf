#pragma once

#include "core/ops/operation.h"

#include <optional>

namespace strata {

class AddColumn : public Operation
{
public:
    QString table;
    Column column;
    QString kind() const override;
    Result<OperationPtr> inverse(const Schema &before) const override;
    QList<LintFinding> lint(const LintContext &context) const override;
    QStringList detectedLines(const Operation *undo) const override;
    QString describe() const override;
    QString changedTable() const override { return table; }
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    Result<QStringList> renderAndApply(const Dialect &dialect, Schema &schema) const override;
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
    // Its data for the revision cache, in one order for writing and reading.
    template <typename Self, typename Io> static void fields(Self &op, Io &&io)
    {
        io(op.table); io(op.column);
    }
};

class DropColumn : public Operation
{
public:
    QString table;
    QString column;
    QString kind() const override;
    Result<OperationPtr> inverse(const Schema &before) const override;
    QList<LintFinding> lint(const LintContext &context) const override;
    QStringList detectedLines(const Operation *undo) const override;
    QString describe() const override;
    QString changedTable() const override { return table; }
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    Result<QStringList> renderAndApply(const Dialect &dialect, Schema &schema) const override;
    YAML::Node toYaml() const override;
    QList<DroppedData> droppedData(const Dialect &) const override { return {{table, column, false}}; }
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
    // Its data for the revision cache, in one order for writing and reading.
    template <typename Self, typename Io> static void fields(Self &op, Io &&io)
    {
        io(op.table); io(op.column);
    }
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
    QString kind() const override;
    Result<OperationPtr> inverse(const Schema &before) const override;
    QList<LintFinding> lint(const LintContext &context) const override;
    QStringList detectedLines(const Operation *undo) const override;
    QString describe() const override;
    QString changedTable() const override { return table; }
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    Result<QStringList> renderAndApply(const Dialect &dialect, Schema &schema) const override;
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
    // Its data for the revision cache, in one order for writing and reading.
    template <typename Self, typename Io> static void fields(Self &op, Io &&io)
    {
        io(op.table); io(op.column); io(op.type); io(op.nullable); io(op.changeDefault); io(op.defaultValue);
        io(op.newName);
    }
};

} // namespace strata
