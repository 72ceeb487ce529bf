#pragma once

#include "core/ops/operation.h"

namespace strata {

class CreateUnique : public Operation
{
public:
    QString table;
    UniqueConstraint constraint;
    QString kind() const override;
    Result<OperationPtr> inverse(const Schema &before) const override;
    QList<LintFinding> lint(const LintContext &context) const override;
    QStringList detectedLines(const Operation *undo) const override;
    QString addedElement() const override { return QStringLiteral("unique constraint"); }
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
        io(op.table); io(op.constraint);
    }
};

class CreateForeignKey : public Operation
{
public:
    QString table;
    ForeignKey foreignKey;
    QString kind() const override;
    Result<OperationPtr> inverse(const Schema &before) const override;
    QList<LintFinding> lint(const LintContext &context) const override;
    QStringList detectedLines(const Operation *undo) const override;
    QString addedElement() const override { return QStringLiteral("foreign key"); }
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
        io(op.table); io(op.foreignKey);
    }
};

class CreateCheck : public Operation
{
public:
    QString table;
    CheckConstraint check;
    QString kind() const override;
    Result<OperationPtr> inverse(const Schema &before) const override;
    QList<LintFinding> lint(const LintContext &context) const override;
    QStringList detectedLines(const Operation *undo) const override;
    QString addedElement() const override { return QStringLiteral("check constraint"); }
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
        io(op.table); io(op.check);
    }
};

// Drops a named unique, foreign key or check constraint.
class DropConstraint : public Operation
{
public:
    QString table;
    QString name;
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
        io(op.table); io(op.name);
    }
};

} // namespace strata
