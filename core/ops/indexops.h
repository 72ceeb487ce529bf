#pragma once

#include "ops/operation.h"

namespace strata {

class CreateIndex : public Operation
{
public:
    QString table;
    Index index;
    QString kind() const override { return QStringLiteral("create_index"); }
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
};

class DropIndex : public Operation
{
public:
    QString table;   // optional in the file; found from the schema when empty
    QString name;
    QString kind() const override { return QStringLiteral("drop_index"); }
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
};

} // namespace strata
