#pragma once

#include "core/dialect/dialectkind.h"
#include "core/dialect/statement.h"
#include "core/error.h"
#include "core/schema/schema.h"

#include <QDateTime>
#include <QStringList>

#include <memory>

namespace strata {

class AlterColumn;
class Execute;

// What one applied step writes to the history table.
struct HistoryEntry
{
    QString revision;
    QString direction;        // "upgrade" or "downgrade"
    QString checksum;         // sha256 hex of the revision file
    QDateTime appliedAt;      // UTC
    qint64 durationMs = 0;
    QString appliedBy;        // user@host
};

// Renders dialect-neutral operations as SQL for one database. Statements
// come without a trailing ';'. Identifiers are always quoted.
class Dialect
{
public:
    virtual ~Dialect() = default;

    // Decisions that depend on the database ask the kind, never compare names.
    using Kind = DialectKind;
    static std::unique_ptr<Dialect> forKind(Kind kind);
    // For names read from text ("sqlite", "postgresql"); nullptr for any other.
    static std::unique_ptr<Dialect> forName(const QString &name);
    static QStringList names();

    virtual Kind kind() const = 0;
    QString name() const { return dialectName(kind()); }

    QString quote(const QString &identifier) const;     // "my ""odd"" name"
    QString literal(const QString &text) const;          // 'it''s'
    QString quotedList(const QStringList &identifiers) const;
    // A constraint's name after CONSTRAINT: quoted, except where the
    // database's readers need it bare (SQLite, see SqliteDialect).
    virtual QString constraintName(const QString &name) const;

    // The dialect's spelling of a type; ColumnType::parse() reads it back,
    // which is what introspection relies on.
    virtual QString typeName(const ColumnType &type) const = 0;
    virtual QString columnDefinition(const Column &column, const Table &table) const;

    virtual QStringList createTable(const Table &table) const;   // with its indexes
    virtual QStringList dropTable(const Table &table) const;
    virtual QStringList renameTable(const QString &from, const QString &to) const;
    virtual QStringList addColumn(const Table &before, const Table &after, const Column &column) const;
    virtual QStringList dropColumn(const Table &before, const Table &after, const QString &column) const;
    virtual QStringList alterColumn(const Table &before, const Table &after, const AlterColumn &op) const = 0;
    virtual QStringList createIndex(const QString &table, const Index &index) const;
    virtual QStringList dropIndex(const QString &table, const QString &name) const;
    virtual QStringList addUnique(const Table &before, const Table &after, const UniqueConstraint &unique) const;
    virtual QStringList addForeignKey(const Table &before, const Table &after, const ForeignKey &fk) const;
    virtual QStringList addCheck(const Table &before, const Table &after, const CheckConstraint &check) const;
    virtual QStringList dropConstraint(const Table &before, const Table &after, const QString &name) const;
    virtual QStringList execute(const Execute &op) const;
    // Database types an operation needs before it runs (CREATE TYPE, ALTER
    // TYPE ... ADD VALUE) and those it leaves unused (DROP TYPE), given the
    // schema before and after it. Only PostgreSQL has such types (enums).
    // The use_alter foreign keys of a created table as ALTER TABLE statements,
    // for after the revision's other operations; empty where they stay inline.
    QStringList lateForeignKeys(const Table &table) const;
    QStringList createTypes(const Schema &before, const Schema &after) const;
    QStringList dropTypes(const Schema &before, const Schema &after) const;
    // The same from the native enum types before and after (Schema::nativeEnums()),
    // for a caller that keeps them instead of two whole schemas.
    virtual QStringList createTypes(const EnumTypes &before, const EnumTypes &after) const;
    virtual QStringList dropTypes(const EnumTypes &before, const EnumTypes &after) const;
    // Whether enums are database types here; if not, an enum is a VARCHAR
    // with, when asked for, a CHECK (col IN (...)).
    virtual bool hasNativeEnums() const { return false; }

    // The whole schema as DDL, the types it uses first, then the tables in
    // order, each followed by its indexes.
    QStringList schemaDdl(const Schema &schema) const;

    // Where the history table configured as `configured` lives here: a name
    // "schema.table" is a table in its own schema (Alembic folders keep it out
    // of Alembic's sight, see README "In place"); empty for no history table.
    virtual QString historyLocation(const QString &configured) const { return configured; }
    // A table name, quoted; "schema.table" as "schema"."table".
    QString quoteTable(const QString &name) const;

    // Version bookkeeping, the same SQL online and offline. Without a history
    // location, no history table, and insertHistory() is empty.
    virtual QStringList createVersionTables(const QString &versionTable, const QString &historyTable) const;
    QString insertVersion(const QString &versionTable, const QString &revision) const;
    QString deleteVersion(const QString &versionTable, const QString &revision) const;
    QString updateVersion(const QString &versionTable, const QString &from, const QString &to) const;
    QString insertHistory(const QString &historyTable, const HistoryEntry &entry) const;

    virtual QString beginTransaction() const { return QStringLiteral("BEGIN"); }
    virtual QString commitTransaction() const { return QStringLiteral("COMMIT"); }

    // What a statement this dialect rendered is. Asked once, where a step is
    // rendered (renderStep), so the runner and the offline writer decide by
    // the kind; the dialect is the one that knows its own SQL.
    virtual Statement typed(const QString &sql) const { return Statement(sql); }
    // The settings an offline script starts with, as a run's connection has them.
    virtual StatementList scriptPreamble() const { return {}; }

    // A statement as the dialect runs it: surrounding blanks and trailing ';' removed.
    static QString trimStatement(const QString &sql);

protected:
    // Whether CREATE TABLE leaves use_alter foreign keys to lateForeignKeys().
    virtual bool defersForeignKeys() const { return false; }
    // " CHECK (...)" for an enum column that is a VARCHAR here and asks for a constraint.
    QString enumCheck(const Column &column) const;
    QString foreignKeyClause(const ForeignKey &fk) const;     // FOREIGN KEY (...) REFERENCES ...
    QString uniqueClause(const UniqueConstraint &unique) const;
    QString checkClause(const CheckConstraint &check) const;
    // "PRIMARY KEY (...)" for the table clause list, empty when there is none
    // or when a column definition already carries it.
    virtual QString primaryKeyClause(const Table &table) const;
    // CREATE TABLE alone (no indexes), under a given name so that a rebuild
    // can create the new table beside the old one.
    QString createTableStatement(const Table &table, const QString &name, bool ifNotExists = false) const;
    QString alterTable(const QString &table) const;          // ALTER TABLE "t"
    // An autoincrement integer column that is the whole primary key.
    static bool isAutoincrement(const Column &column, const Table &table);
};

} // namespace strata
