#pragma once

#include "ops/operation.h"

namespace strata {

class CreateUnique : public Operation
{
public:
    QString table;
    UniqueConstraint constraint;
    QString kind() const override { return QStringLiteral("create_unique"); }
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
};

class CreateForeignKey : public Operation
{
public:
    QString table;
    ForeignKey foreignKey;
    QString kind() const override { return QStringLiteral("create_foreign_key"); }
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
};

class CreateCheck : public Operation
{
public:
    QString table;
    CheckConstraint check;
    QString kind() const override { return QStringLiteral("create_check"); }
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
};

// Drops a named unique, foreign key or check constraint.
class DropConstraint : public Operation
{
public:
    QString table;
    QString name;
    QString kind() const override { return QStringLiteral("drop_constraint"); }
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
};

} // namespace strata
