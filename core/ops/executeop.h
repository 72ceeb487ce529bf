#pragma once

#include "core/ops/operation.h"

#include <QMap>

namespace strata {

// The escape hatch: SQL as written, optionally one variant per dialect.
// The replayed schema learns only the simple DDL in it (see executeddl.h).
class Execute : public Operation
{
public:
    QString sql;                        // used by every dialect without its own variant
    QMap<QString, QString> variants;    // dialect name ("sqlite", "postgresql") -> SQL
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
        io(op.sql); io(op.variants);
    }

    QString sqlFor(const QString &dialectName) const;
    // DROP TABLE statements in the SQL this dialect runs.
    QList<DroppedData> droppedData(const Dialect &dialect) const override;

    // Refuses, at read time, a statement that would break the step's
    // transaction (COMMIT, ROLLBACK, BEGIN, SAVEPOINT, ...) and, in a
    // transactional revision, one that cannot run inside a transaction
    // (VACUUM, PRAGMA foreign_keys). The error is at file:line of the operation.
    Status checkInRevision(bool transactional, const QString &file) const override;
    std::optional<QString> rawSql() const override { return sql; }
};

} // namespace strata
