#pragma once

#include "core/dialect/dialect.h"

#include <QMap>

namespace strata {

// SQLite cannot ALTER most things in place; those operations are rendered as
// the table rebuild its documentation prescribes (section 7 of "ALTER TABLE"):
// create the new table, copy every row, drop the old, rename, recreate the
// indexes, then check foreign keys. The runner keeps foreign_keys off during a
// step so that dropping the old table cascades nothing.
class SqliteDialect : public Dialect
{
public:
    Kind kind() const override { return Kind::Sqlite; }
    QString typeName(const ColumnType &type) const override;
    // Bare when it needs no quotes, as SQLAlchemy writes it: SQLAlchemy's
    // SQLite reflection reads a foreign key's or primary key's name only when
    // it is bare (CONSTRAINT (\w+)), so a quoted one would read back as unnamed.
    QString constraintName(const QString &name) const override;
    // SQLite has no schema to keep a history table apart in: a history
    // configured in one ("strata.strata_history", Alembic folders) is kept
    // only when STRATA_HISTORY=on, as the plain table.
    QString historyLocation(const QString &configured) const override;
    QString columnDefinition(const Column &column, const Table &table) const override;
    QStringList addColumn(const Table &before, const Table &after, const Column &column) const override;
    QStringList dropColumn(const Table &before, const Table &after, const QString &column) const override;
    QStringList alterColumn(const Table &before, const Table &after, const AlterColumn &op) const override;
    QStringList addUnique(const Table &before, const Table &after, const UniqueConstraint &unique) const override;
    QStringList addForeignKey(const Table &before, const Table &after, const ForeignKey &fk) const override;
    QStringList addCheck(const Table &before, const Table &after, const CheckConstraint &check) const override;
    QStringList dropConstraint(const Table &before, const Table &after, const QString &name) const override;

    // after's columns are copied from before's: newName -> oldName; a column
    // missing from the map keeps its name; one absent from before gets its default.
    QStringList rebuild(const Table &before, const Table &after,
                        const QMap<QString, QString> &renamed = {}) const;

    // The table a statement rebuilds when it is the first statement of a
    // rebuild(), else an empty string: the runner reads the live table first.
    static QString rebuiltTable(const QString &statement);
    // A rebuild's opening and its closing foreign key check, and PRAGMAs, by kind.
    Statement typed(const QString &sql) const override;
    // Foreign keys off, as on a live connection: a rebuild's DROP TABLE must cascade nothing.
    StatementList scriptPreamble() const override;

protected:
    QString primaryKeyClause(const Table &table) const override;

private:
    // The single INTEGER PRIMARY KEY AUTOINCREMENT column, written inline.
    static bool hasInlinePrimaryKey(const Table &table);
};

} // namespace strata
