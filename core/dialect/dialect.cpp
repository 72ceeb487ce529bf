#include "core/dialect/dialect.h"

#include "core/dialect/postgresdialect.h"
#include "core/dialect/sqlitedialect.h"
#include "core/ops/executeop.h"
#include "core/ops/sqlstatements.h"

#include <QDateTime>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace strata {

std::unique_ptr<Dialect> Dialect::forKind(Kind kind)
{
    switch (kind) {
    case Kind::Sqlite:
        return std::make_unique<SqliteDialect>();
    case Kind::Postgresql:
        return std::make_unique<PostgresDialect>();
    }
    return nullptr;
}

std::unique_ptr<Dialect> Dialect::forName(const QString &name)
{
    const std::optional<Kind> kind = dialectKindNamed(name);
    return kind ? forKind(*kind) : nullptr;
}

QStringList Dialect::names()
{
    QStringList names;
    for (Kind kind : dialectKinds())
        names << dialectName(kind);
    return names;
}

QString Dialect::quote(const QString &identifier) const
{
    QString escaped = identifier;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

QString Dialect::literal(const QString &text) const
{
    QString escaped = text;
    escaped.replace(u'\'', u"''"_s);
    return u'\'' + escaped + u'\'';
}

QString Dialect::quotedList(const QStringList &identifiers) const
{
    QStringList quoted;
    quoted.reserve(identifiers.size());
    for (const QString &identifier : identifiers)
        quoted << quote(identifier);
    return quoted.join(u", "_s);
}

QString Dialect::trimStatement(const QString &sql)
{
    QString statement = sql.trimmed();
    while (statement.endsWith(u';'))
        statement = statement.chopped(1).trimmed();
    return statement;
}

bool Dialect::isAutoincrement(const Column &column, const Table &table)
{
    return column.autoincrement && column.type.isInteger() && table.primaryKey == QStringList{column.name};
}

QString Dialect::columnDefinition(const Column &column, const Table &table) const
{
    QString definition = quote(column.name) + u' ' + typeName(column.type);
    if (!column.nullable || table.primaryKey.contains(column.name))
        definition += " NOT NULL"_L1;
    if (column.defaultValue)
        definition += " DEFAULT "_L1 + *column.defaultValue;
    return definition + enumCheck(column);
}

QString Dialect::enumCheck(const Column &column) const
{
    const ColumnType &type = column.type;
    if (!type.isEnum() || !type.createConstraint || (hasNativeEnums() && type.native))
        return {};
    QStringList literals;
    for (const QString &value : type.values)
        literals << literal(value);
    return " CHECK ("_L1 + quote(column.name) + " IN ("_L1 + literals.join(u", "_s) + "))"_L1;
}

QStringList Dialect::lateForeignKeys(const Table &table) const
{
    QStringList statements;
    if (!defersForeignKeys())
        return statements;
    for (const ForeignKey &fk : table.foreignKeys) {
        if (fk.useAlter)
            statements << alterTable(table.name) + " ADD "_L1 + foreignKeyClause(fk);
    }
    return statements;
}

QStringList Dialect::createTypes(const Schema &before, const Schema &after) const
{
    return hasNativeEnums() ? createTypes(before.nativeEnums(), after.nativeEnums()) : QStringList();
}

QStringList Dialect::dropTypes(const Schema &before, const Schema &after) const
{
    return hasNativeEnums() ? dropTypes(before.nativeEnums(), after.nativeEnums()) : QStringList();
}

QStringList Dialect::createTypes(const EnumTypes &, const EnumTypes &) const
{
    return {};
}

QStringList Dialect::dropTypes(const EnumTypes &, const EnumTypes &) const
{
    return {};
}

QString Dialect::alterTable(const QString &table) const
{
    return "ALTER TABLE "_L1 + quote(table);
}

namespace {

// What QDateTime::toString(Qt::ISODateWithMs) writes for a UTC time
// ("2026-11-30T16:07:49.123Z"), without its calendar and format machinery.
QString isoUtcWithMs(const QDateTime &time)
{
    const QDateTime utc = time.timeSpec() == Qt::UTC ? time : time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", date.year(), date.month(), date.day(),
                  clock.hour(), clock.minute(), clock.second(), clock.msec());
    return QString::fromLatin1(text);
}

// A generated name is the one the database chooses itself: no CONSTRAINT clause.
QString constraintPrefix(const Dialect &dialect, const QString &name, bool generated)
{
    return name.isEmpty() || generated ? QString() : "CONSTRAINT "_L1 + dialect.constraintName(name) + u' ';
}

} // namespace

QString Dialect::constraintName(const QString &name) const
{
    return quote(name);
}

QString Dialect::primaryKeyClause(const Table &table) const
{
    if (table.primaryKey.isEmpty())
        return {};
    return constraintPrefix(*this, table.primaryKeyName, false) + "PRIMARY KEY ("_L1 + quotedList(table.primaryKey) + u')';
}


QString Dialect::uniqueClause(const UniqueConstraint &unique) const
{
    return constraintPrefix(*this, unique.name, unique.generatedName) + "UNIQUE ("_L1 + quotedList(unique.columns) + u')';
}

QString Dialect::foreignKeyClause(const ForeignKey &fk) const
{
    QString clause = constraintPrefix(*this, fk.name, fk.generatedName) + "FOREIGN KEY ("_L1 + quotedList(fk.columns)
        + ") REFERENCES "_L1 + quote(fk.refTable) + " ("_L1 + quotedList(fk.refColumns) + u')';
    if (!fk.onDelete.isEmpty())
        clause += " ON DELETE "_L1 + fk.onDelete.toUpper();
    if (!fk.onUpdate.isEmpty())
        clause += " ON UPDATE "_L1 + fk.onUpdate.toUpper();
    return clause;
}

QString Dialect::checkClause(const CheckConstraint &check) const
{
    return constraintPrefix(*this, check.name, check.generatedName) + "CHECK ("_L1 + check.expression + u')';
}

QString Dialect::createTableStatement(const Table &table, const QString &name, bool ifNotExists) const
{
    QStringList parts;
    for (const Column &column : table.columns)
        parts << columnDefinition(column, table);
    if (const QString pk = primaryKeyClause(table); !pk.isEmpty())
        parts << pk;
    for (const UniqueConstraint &unique : table.uniques)
        parts << uniqueClause(unique);
    for (const ForeignKey &fk : table.foreignKeys) {
        if (!(fk.useAlter && defersForeignKeys()))
            parts << foreignKeyClause(fk);
    }
    for (const CheckConstraint &check : table.checks)
        parts << checkClause(check);
    return "CREATE TABLE "_L1 + (ifNotExists ? "IF NOT EXISTS "_L1 : ""_L1) + quote(name) + " (\n    "_L1
        + parts.join(u",\n    "_s) + "\n)"_L1;
}

QStringList Dialect::createTable(const Table &table) const
{
    QStringList statements{createTableStatement(table, table.name)};
    for (const Index &index : table.indexes)
        statements << createIndex(table.name, index);
    return statements;
}

QStringList Dialect::dropTable(const Table &table) const
{
    return {"DROP TABLE "_L1 + quote(table.name)};
}

QStringList Dialect::renameTable(const QString &from, const QString &to) const
{
    return {alterTable(from) + " RENAME TO "_L1 + quote(to)};
}

QStringList Dialect::addColumn(const Table &, const Table &after, const Column &column) const
{
    return {alterTable(after.name) + " ADD COLUMN "_L1 + columnDefinition(column, after)};
}

QStringList Dialect::dropColumn(const Table &, const Table &after, const QString &column) const
{
    return {alterTable(after.name) + " DROP COLUMN "_L1 + quote(column)};
}

QStringList Dialect::createIndex(const QString &table, const Index &index) const
{
    QString statement = (index.unique ? "CREATE UNIQUE INDEX "_L1 : "CREATE INDEX "_L1) + quote(index.name)
        + " ON "_L1 + quote(table) + " ("_L1 + quotedList(index.columns) + u')';
    if (!index.where.isEmpty())
        statement += " WHERE "_L1 + index.where;
    return {statement};
}

QStringList Dialect::dropIndex(const QString &, const QString &name) const
{
    // Index names belong to the schema, not the table, in both databases.
    return {"DROP INDEX "_L1 + quote(name)};
}

QStringList Dialect::addUnique(const Table &, const Table &after, const UniqueConstraint &unique) const
{
    return {alterTable(after.name) + " ADD "_L1 + uniqueClause(unique)};
}

QStringList Dialect::addForeignKey(const Table &, const Table &after, const ForeignKey &fk) const
{
    return {alterTable(after.name) + " ADD "_L1 + foreignKeyClause(fk)};
}

QStringList Dialect::addCheck(const Table &, const Table &after, const CheckConstraint &check) const
{
    return {alterTable(after.name) + " ADD "_L1 + checkClause(check)};
}

QStringList Dialect::dropConstraint(const Table &, const Table &after, const QString &name) const
{
    return {alterTable(after.name) + " DROP CONSTRAINT "_L1 + quote(name)};
}

QStringList Dialect::execute(const Execute &op) const
{
    // One statement each, so the runner runs them one by one and names the one
    // that fails; a text of only comments runs nothing.
    QStringList statements;
    for (const SqlStatement &statement : splitSqlStatements(op.sqlFor(name())))
        statements << statement.text;
    return statements;
}

QStringList Dialect::schemaDdl(const Schema &schema) const
{
    QStringList statements = createTypes(Schema(), schema);
    for (const Table &table : schema.tables)
        statements << createTable(table);
    for (const Table &table : schema.tables)
        statements << lateForeignKeys(table);
    return statements;
}

QString Dialect::quoteTable(const QString &name) const
{
    const qsizetype dot = name.indexOf(u'.');
    return dot < 0 ? quote(name) : quote(name.left(dot)) + u'.' + quote(name.mid(dot + 1));
}

QStringList Dialect::createVersionTables(const QString &versionTable, const QString &configuredHistory) const
{
    const QString historyTable = historyLocation(configuredHistory);
    const QString versionColumn = quote(u"version_num"_s);
    const QString version = "CREATE TABLE IF NOT EXISTS "_L1 + quote(versionTable) + " (\n    "_L1 + versionColumn
        + u' ' + typeName(ColumnType{ColumnType::Kind::String, 32}) + " NOT NULL,\n    CONSTRAINT "_L1
        + quote(versionTable + "_pkc"_L1) + " PRIMARY KEY ("_L1 + versionColumn + ")\n)"_L1;

    const auto column = [](const QString &name, ColumnType::Kind kind, int length, bool nullable) {
        Column c;
        c.name = name;
        c.type = ColumnType{kind, length};
        c.nullable = nullable;
        return c;
    };
    using Kind = ColumnType::Kind;
    Table history;
    history.name = historyTable;
    Column id = column(u"id"_s, Kind::Integer, 0, false);
    id.autoincrement = true;
    // applied_at is ISO-8601 UTC text ("2026-11-23T10:00:00.000Z"): the same
    // literal works online, offline and in both databases.
    history.columns = {id,
                       column(u"revision"_s, Kind::String, 32, false),
                       column(u"direction"_s, Kind::String, 10, false),
                       column(u"checksum"_s, Kind::String, 64, true),
                       column(u"applied_at"_s, Kind::String, 32, true),
                       column(u"duration_ms"_s, Kind::Integer, 0, true),
                       column(u"applied_by"_s, Kind::String, 255, true)};
    history.primaryKey = {u"id"_s};
    if (historyTable.isEmpty())
        return {version};
    const qsizetype dot = historyTable.indexOf(u'.');
    if (dot < 0)
        return {version, createTableStatement(history, historyTable, true)};
    // In a schema of its own: created with it, under its qualified name.
    const QString bare = historyTable.mid(dot + 1);
    QString create = createTableStatement(history, bare, true);
    create.replace(create.indexOf(quote(bare)), quote(bare).size(), quoteTable(historyTable));
    return {version, "CREATE SCHEMA IF NOT EXISTS "_L1 + quote(historyTable.left(dot)), create};
}

QString Dialect::insertVersion(const QString &versionTable, const QString &revision) const
{
    return "INSERT INTO "_L1 + quote(versionTable) + " ("_L1 + quote(u"version_num"_s) + ") VALUES ("_L1
        + literal(revision) + u')';
}

QString Dialect::deleteVersion(const QString &versionTable, const QString &revision) const
{
    return "DELETE FROM "_L1 + quote(versionTable) + " WHERE "_L1 + quote(u"version_num"_s) + " = "_L1
        + literal(revision);
}

QString Dialect::updateVersion(const QString &versionTable, const QString &from, const QString &to) const
{
    const QString column = quote(u"version_num"_s);
    return "UPDATE "_L1 + quote(versionTable) + " SET "_L1 + column + " = "_L1 + literal(to) + " WHERE "_L1
        + column + " = "_L1 + literal(from);
}

QString Dialect::insertHistory(const QString &configuredHistory, const HistoryEntry &entry) const
{
    const QString historyTable = historyLocation(configuredHistory);
    if (historyTable.isEmpty())
        return {};
    const auto textOrNull = [this](const QString &text) {
        return text.isEmpty() ? u"NULL"_s : literal(text);
    };
    static const QStringList columns{u"revision"_s, u"direction"_s, u"checksum"_s,
                                     u"applied_at"_s, u"duration_ms"_s, u"applied_by"_s};
    // Written once per step of a run: appended in place rather than through a list and join.
    QString sql;
    sql.reserve(320);
    sql += "INSERT INTO "_L1 + quoteTable(historyTable) + " ("_L1 + quotedList(columns) + ") VALUES ("_L1;
    sql += literal(entry.revision) + ", "_L1 + literal(entry.direction) + ", "_L1 + textOrNull(entry.checksum) + ", "_L1;
    sql += entry.appliedAt.isValid() ? literal(isoUtcWithMs(entry.appliedAt)) : u"NULL"_s;
    sql += ", "_L1 + QString::number(entry.durationMs) + ", "_L1 + textOrNull(entry.appliedBy) + u')';
    return sql;
}

} // namespace strata
