#pragma once

#include "core/ops/operation.h"

namespace strata {

class CreateTable : public Operation
{
public:
    Table table;     // columns, primary key, uniques, foreign keys, checks; indexes too (rendered after the table)
    QString kind() const override;
    Result<OperationPtr> inverse(const Schema &before) const override;
    QList<LintFinding> lint(const LintContext &context) const override;
    QStringList detectedLines(const Operation *undo) const override;
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    Result<QStringList> renderAndApply(const Dialect &dialect, Schema &schema) const override;
    QStringList renderLate(const Dialect &dialect, const Schema &after) const override;
    QStringList createdTables() const override { return {table.name}; }
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
    // Its data for the revision cache, in one order for writing and reading.
    template <typename Self, typename Io> static void fields(Self &op, Io &&io)
    {
        io(op.table);
    }
};

class DropTable : public Operation
{
public:
    QString name;
    // SQLite drops a table that other tables' foreign keys still name (it
    // checks keys on rows, not on DROP), and Alembic lets it: the bridge sets
    // this for SQLite so the replay is no stricter than the database. Those
    // keys stay, naming a missing table, as they do in the database.
    bool keepReferences = false;
    QString kind() const override;
    Result<OperationPtr> inverse(const Schema &before) const override;
    QList<LintFinding> lint(const LintContext &context) const override;
    QStringList detectedLines(const Operation *undo) const override;
    QString describe() const override;
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    YAML::Node toYaml() const override;   // a plain scalar: "drop_table: daily_note", else a mapping
    QList<DroppedData> droppedData(const Dialect &) const override { return {{name, {}, false}}; }
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
    // Its data for the revision cache, in one order for writing and reading.
    template <typename Self, typename Io> static void fields(Self &op, Io &&io)
    {
        io(op.name); io(op.keepReferences);
    }
};

class RenameTable : public Operation
{
public:
    QString from;
    QString to;
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
        io(op.from); io(op.to);
    }
};

// The table shape shared by create_table and models.yaml:
//   {name, columns: [{name, type, nullable, default, primary_key, autoincrement, unique}],
//    primary_key: [..], foreign_keys: [..], uniques: [..], checks: [..], indexes: [..]}
// A column's `primary_key: true` joins Table::primaryKey (in column order) and
// makes it NOT NULL; its `unique: true` becomes a UniqueConstraint named
// "uq_<table>_<column>", so it can be dropped by name and matches what
// introspection reads back. With nameFromKey (models.yaml, keyed by table
// name) the mapping has no `name` key.
Result<Table> parseTable(const YAML::Node &map, const QString &file, const QString &nameFromKey = {});
// The inverse of parseTable(); withName false leaves out `name` (models.yaml).
YAML::Node tableToYaml(const Table &table, bool withName = true);

} // namespace strata
