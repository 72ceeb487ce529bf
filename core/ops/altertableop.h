#pragma once

#include "core/ops/operation.h"

namespace strata {

// A table option, as SQLAlchemy's `table_kwargs` of a batch rebuild gives it.
// sqlite_autoincrement: on SQLite the table is rebuilt with (or without)
// AUTOINCREMENT on its one integer key column (rowids never reused, a
// sqlite_sequence row); in the replay that key becomes `autoincrement: true`
// (on) or `autoincrement: serial` (off). PostgreSQL has no such option: nothing
// runs there. Alembic folders record it only for SQLite, where their scripts
// ask for it; a YAML project that runs on both databases keeps it out of
// revisions PostgreSQL replays, since the replayed key would read as an identity.
class AlterTable : public Operation
{
public:
    QString name;
    bool sqliteAutoincrement = false;
    QString kind() const override;
    Result<OperationPtr> inverse(const Schema &before) const override;
    QList<LintFinding> lint(const LintContext &context) const override;
    QStringList detectedLines(const Operation *undo) const override;
    QString describe() const override;
    QString changedTable() const override { return name; }
    Status apply(Schema &schema) const override;
    Result<QStringList> render(const Dialect &dialect, const Schema &before) const override;
    Result<QStringList> renderAndApply(const Dialect &dialect, Schema &schema) const override;
    YAML::Node toYaml() const override;
    bool equals(const Operation &other) const override;
    static Result<std::shared_ptr<Operation>> fromYaml(const YAML::Node &value, const QString &file);
    // Its data for the revision cache, in one order for writing and reading.
    template <typename Self, typename Io> static void fields(Self &op, Io &&io)
    {
        io(op.name); io(op.sqliteAutoincrement);
    }
};

} // namespace strata
