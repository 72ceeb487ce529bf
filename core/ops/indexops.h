#pragma once

#include "core/ops/operation.h"

namespace strata {

class CreateIndex : public Operation
{
public:
    QString table;
    Index index;
    QString kind() const override;
    Result<OperationPtr> inverse(const Schema &before) const override;
    QList<LintFinding> lint(const LintContext &context) const override;
    QStringList detectedLines(const Operation *undo) const override;
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    Result<QStringList> renderAndApply(const Dialect &dialect, Schema &schema) const override;
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
    // Its data for the revision cache, in one order for writing and reading.
    template <typename Self, typename Io> static void fields(Self &op, Io &&io)
    {
        io(op.table); io(op.index);
    }
};

class DropIndex : public Operation
{
public:
    QString table;   // optional in the file; found from the schema when empty
    QString name;
    QString kind() const override;
    Result<OperationPtr> inverse(const Schema &before) const override;
    QList<LintFinding> lint(const LintContext &context) const override;
    QStringList detectedLines(const Operation *undo) const override;
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
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
