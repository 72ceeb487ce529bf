#include "core/ops/columnops.h"

#include "core/dialect/dialect.h"
#include "core/ops/opsupport_p.h"
#include "core/schema/defaultexpression.h"
#include "core/ops/typenarrowing.h"

using namespace Qt::StringLiterals;

namespace strata {

namespace ops {

Result<ColumnSpec> parseColumn(const YAML::Node &map, const QString &file, ColumnContext context)
{
    ColumnSpec spec;
    auto name = yaml::requiredString(map, "name", file);
    if (!name)
        return std::unexpected(name.error());
    spec.column.name = *name;

    auto type = readType(map, "type", file);
    if (!type)
        return std::unexpected(type.error());
    spec.column.type = *type;

    auto nullable = yaml::optionalBool(map, "nullable", file, true);
    auto primaryKey = yaml::optionalBool(map, "primary_key", file, false);
    // autoincrement: serial is how SQLAlchemy numbers a key (see Column::serial).
    const YAML::Node autoincrementNode = map["autoincrement"];
    const bool serial = autoincrementNode.IsDefined() && autoincrementNode.IsScalar()
        && autoincrementNode.Scalar() == "serial";
    auto autoincrement = serial ? Result<bool>(true) : yaml::optionalBool(map, "autoincrement", file, false);
    if (!autoincrement) {
        return std::unexpected(yaml::inputError(autoincrementNode, file,
            u"expected true, false or serial for 'autoincrement'"_s,
            u"true numbers the key with an identity (PostgreSQL) or AUTOINCREMENT (SQLite); "
            "serial the way SQLAlchemy does (SERIAL, SQLite's rowid)"_s));
    }
    auto unique = yaml::optionalBool(map, "unique", file, false);
    for (const auto *flag : {&nullable, &primaryKey, &autoincrement, &unique}) {
        if (!*flag)
            return std::unexpected(flag->error());
    }
    spec.primaryKey = *primaryKey;
    spec.unique = *unique;
    // A primary key column is NOT NULL in both databases, whatever was written.
    spec.column.nullable = *nullable && !spec.primaryKey;
    spec.column.autoincrement = *autoincrement;
    spec.column.serial = serial;

    const YAML::Node defaultNode = map["default"];
    if (defaultNode.IsDefined() && !defaultNode.IsNull()) {
        if (!defaultNode.IsScalar()) {
            return std::unexpected(yaml::inputError(defaultNode, file,
                u"expected an SQL expression for 'default', found %1"_s.arg(yaml::describeNode(defaultNode)),
                u"write default: 0, default: \"'draft'\" or default: CURRENT_TIMESTAMP"_s));
        }
        spec.column.defaultValue = yaml::toQString(defaultNode);
        if (const auto problem = checkDefaultExpression(*spec.column.defaultValue))
            return std::unexpected(yaml::inputError(defaultNode, file, problem->message, problem->hint));
    }

    if (context == ColumnContext::AddColumn) {
        const char *refused = spec.primaryKey ? "primary_key" : spec.unique ? "unique"
                            : spec.column.autoincrement ? "autoincrement" : nullptr;
        if (refused) {
            return std::unexpected(yaml::inputError(map[refused], file,
                u"add_column cannot set '%1' on the new column"_s.arg(QLatin1StringView(refused)),
                spec.unique ? u"add the column, then a create_unique operation"_s
                            : u"a table's primary key is set when create_table creates it"_s));
        }
    }
    if (spec.column.autoincrement && !spec.column.type.isInteger()) {
        return std::unexpected(yaml::inputError(map["autoincrement"], file,
            u"autoincrement needs an integer column; '%1' is %2"_s.arg(spec.column.name, spec.column.type.toString())));
    }
    return spec;
}

YAML::Node columnToYaml(const Column &column, bool primaryKey)
{
    YAML::Node map(YAML::NodeType::Map);
    map["name"] = column.name.toStdString();
    map["type"] = typeToYaml(column.type);
    if (primaryKey)
        map["primary_key"] = true;
    if (column.autoincrement && column.serial)
        map["autoincrement"] = "serial";
    else if (column.autoincrement)
        map["autoincrement"] = true;
    if (!primaryKey && !column.nullable)
        map["nullable"] = false;
    if (column.defaultValue)
        map["default"] = column.defaultValue->toStdString();
    map.SetStyle(YAML::EmitterStyle::Flow);
    return map;
}

} // namespace ops

namespace {

QString qualified(const QString &table, const QString &column)
{
    return table + u'.' + column;
}

// Everything in the schema that still needs table.column, for the refusal to drop it.
QStringList usersOfColumn(const Schema &schema, const Table &table, const QString &column)
{
    const auto describe = [](const QString &what, const QString &name, const QStringList &columns) {
        return name.isEmpty() ? u"a %1 on (%2)"_s.arg(what, columns.join(u", "_s))
                              : u"%1 '%2'"_s.arg(what, name);
    };
    QStringList users;
    if (table.primaryKey.contains(column))
        users << u"the primary key"_s;
    for (const Index &index : table.indexes) {
        if (index.columns.contains(column) || expressionMentions(index.where, column))
            users << u"index '%1'"_s.arg(index.name);
    }
    for (const UniqueConstraint &unique : table.uniques) {
        if (unique.columns.contains(column))
            users << describe(u"unique constraint"_s, unique.name, unique.columns);
    }
    for (const ForeignKey &fk : table.foreignKeys) {
        if (fk.columns.contains(column))
            users << describe(u"foreign key"_s, fk.name, fk.columns);
    }
    for (const CheckConstraint &check : table.checks) {
        if (expressionMentions(check.expression, column))
            users << (check.name.isEmpty() ? u"check (%1)"_s.arg(check.expression) : u"check '%1'"_s.arg(check.name));
    }
    for (const Table &other : schema.tables) {
        for (const ForeignKey &fk : other.foreignKeys) {
            if (fk.refColumns.contains(column) && fk.refTable == table.name)
                users << describe(u"foreign key"_s, fk.name, fk.columns) + u" of table '%1'"_s.arg(other.name);
        }
    }
    return users;
}

void renameIn(QStringList &names, const QString &from, const QString &to)
{
    for (QString &name : names) {
        if (name == from)
            name = to;
    }
}

// A column rename reaches everything that names the column, as it does in the database.
void renameColumnEverywhere(Schema &schema, Table &table, const QString &from, const QString &to)
{
    table.column(from)->name = to;
    renameIn(table.primaryKey, from, to);
    for (Index &index : table.indexes) {
        renameIn(index.columns, from, to);
        index.where = renameInExpression(index.where, from, to);
    }
    for (UniqueConstraint &unique : table.uniques)
        renameIn(unique.columns, from, to);
    for (ForeignKey &fk : table.foreignKeys)
        renameIn(fk.columns, from, to);
    for (CheckConstraint &check : table.checks)
        check.expression = renameInExpression(check.expression, from, to);
    for (Table &other : schema.tables) {
        for (ForeignKey &fk : other.foreignKeys) {
            if (fk.refTable == table.name)
                renameIn(fk.refColumns, from, to);
        }
    }
}

} // namespace

// --- add_column

QString AddColumn::describe() const
{
    return u"add column %1"_s.arg(qualified(table, column.name));
}

Status AddColumn::apply(Schema &schema) const
{
    auto target = ops::requireTable(schema, table);
    if (!target)
        return std::unexpected(target.error());
    if ((*target)->column(column.name)) {
        return std::unexpected(ops::conflict(qualified(table, column.name),
            u"table '%1' already has a column '%2'"_s.arg(table, column.name)));
    }
    (*target)->columns << column;
    ops::syncEnumTypes(schema, table);
    return {};
}

Result<QStringList> AddColumn::render(const Dialect &dialect, const Schema &before) const
{
    Schema after = before;
    return renderAndApply(dialect, after);
}

Result<QStringList> AddColumn::renderAndApply(const Dialect &dialect, Schema &schema) const
{
    auto change = ops::changeTable(*this, schema, table, dialect);
    if (!change)
        return std::unexpected(change.error());
    return ops::withTypes(dialect, *change, dialect.addColumn(change->before, change->after, column));
}

YAML::Node AddColumn::toYaml() const
{
    YAML::Node map(YAML::NodeType::Map);
    map["table"] = table.toStdString();
    map["column"] = ops::columnToYaml(column, false);
    return map;
}

bool AddColumn::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const AddColumn *>(&other);
    return o && table == o->table && column == o->column;
}

Result<std::shared_ptr<Operation>> AddColumn::fromYaml(const YAML::Node &value, const QString &file)
{
    // Either {table, column: {...}} or the column's keys beside `table`.
    const bool nested = yaml::has(value, "column");
    Status keys = nested
        ? yaml::onlyKeys(value, {"table", "column"}, u"add_column"_s, file)
        : yaml::onlyKeys(value, {"table", "name", "type", "nullable", "default", "primary_key", "autoincrement", "unique"},
                         u"add_column"_s, file);
    if (!keys)
        return std::unexpected(keys.error());
    const YAML::Node columnMap = nested ? value["column"] : value;
    if (nested) {
        keys = yaml::onlyKeys(columnMap, {"name", "type", "nullable", "default", "primary_key", "autoincrement", "unique"},
                              u"add_column's column"_s, file);
        if (!keys)
            return std::unexpected(keys.error());
    }
    auto op = std::make_shared<AddColumn>();
    auto tableName = yaml::requiredString(value, "table", file);
    if (!tableName)
        return std::unexpected(tableName.error());
    op->table = *tableName;
    auto spec = ops::parseColumn(columnMap, file, ops::ColumnContext::AddColumn);
    if (!spec)
        return std::unexpected(spec.error());
    op->column = spec->column;
    return op;
}

// --- drop_column

QString DropColumn::describe() const
{
    return u"drop column %1"_s.arg(qualified(table, column));
}

Status DropColumn::apply(Schema &schema) const
{
    auto target = ops::requireTable(schema, table);
    if (!target)
        return std::unexpected(target.error());
    Table &t = **target;
    if (auto present = ops::requireColumns(t, {column}, u"drop_column"_s); !present)
        return present;
    if (t.columns.size() == 1) {
        return std::unexpected(ops::conflict(qualified(table, column),
            u"'%1' is the only column of table '%2'"_s.arg(column, table), u"drop the table instead"_s));
    }
    const QStringList users = usersOfColumn(schema, t, column);
    if (!users.isEmpty()) {
        return std::unexpected(ops::conflict(qualified(table, column),
            u"column '%1' is still used by %2"_s.arg(qualified(table, column), users.join(u", "_s)),
            u"drop or change those first (drop_index, drop_constraint), then the column"_s));
    }
    t.columns.removeAt(t.columnIndex(column));
    return {};
}

Result<QStringList> DropColumn::render(const Dialect &dialect, const Schema &before) const
{
    Schema after = before;
    return renderAndApply(dialect, after);
}

Result<QStringList> DropColumn::renderAndApply(const Dialect &dialect, Schema &schema) const
{
    auto change = ops::changeTable(*this, schema, table, dialect);
    if (!change)
        return std::unexpected(change.error());
    return ops::withTypes(dialect, *change, dialect.dropColumn(change->before, change->after, column));
}

YAML::Node DropColumn::toYaml() const
{
    YAML::Node map(YAML::NodeType::Map);
    map["table"] = table.toStdString();
    map["column"] = column.toStdString();
    map.SetStyle(YAML::EmitterStyle::Flow);
    return map;
}

bool DropColumn::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const DropColumn *>(&other);
    return o && table == o->table && column == o->column;
}

Result<std::shared_ptr<Operation>> DropColumn::fromYaml(const YAML::Node &value, const QString &file)
{
    if (auto keys = yaml::onlyKeys(value, {"table", "column"}, u"drop_column"_s, file); !keys)
        return std::unexpected(keys.error());
    auto op = std::make_shared<DropColumn>();
    auto tableName = yaml::requiredString(value, "table", file);
    if (!tableName)
        return std::unexpected(tableName.error());
    auto columnName = yaml::requiredString(value, "column", file);
    if (!columnName)
        return std::unexpected(columnName.error());
    op->table = *tableName;
    op->column = *columnName;
    return op;
}

// --- alter_column

QString AlterColumn::describe() const
{
    QStringList changes;
    if (type)
        changes << u"type %1"_s.arg(type->toString());
    if (nullable)
        changes << (*nullable ? u"nullable"_s : u"not null"_s);
    if (changeDefault)
        changes << (defaultValue ? u"default %1"_s.arg(*defaultValue) : u"drop default"_s);
    if (newName)
        changes << u"rename to %1"_s.arg(*newName);
    return u"alter column %1 (%2)"_s.arg(qualified(table, column), changes.join(u", "_s));
}

Status AlterColumn::apply(Schema &schema) const
{
    auto target = ops::requireTable(schema, table);
    if (!target)
        return std::unexpected(target.error());
    Table &t = **target;
    if (auto present = ops::requireColumns(t, {column}, u"alter_column"_s); !present)
        return present;
    const QString where = qualified(table, column);
    if (newName && *newName != column && t.column(*newName)) {
        return std::unexpected(ops::conflict(where,
            u"cannot rename '%1' to '%2': table '%3' already has that column"_s.arg(column, *newName, table)));
    }
    if (nullable && *nullable && t.primaryKey.contains(column)) {
        return std::unexpected(ops::conflict(where,
            u"column '%1' is part of the primary key and cannot be nullable"_s.arg(where)));
    }
    Column &c = *t.column(column);
    if (type && c.autoincrement && !type->isInteger()) {
        return std::unexpected(ops::conflict(where,
            u"column '%1' is autoincrement and must stay an integer type, not %2"_s.arg(where, type->toString())));
    }
    if (type) {
        // The database keeps an enum type's values; a shorter list (a downgrade) leaves them.
        const bool sameEnum = c.type.isNativeEnum() && type->isNativeEnum() && c.type.name == type->name;
        const QStringList values = sameEnum ? ops::mergedEnumValues(c.type.values, type->values) : type->values;
        c.type = *type;
        c.type.values = values;
    }
    ops::syncEnumTypes(schema, table);
    if (nullable)
        c.nullable = *nullable;
    if (changeDefault)
        c.defaultValue = defaultValue;
    if (newName && *newName != column)
        renameColumnEverywhere(schema, t, column, *newName);
    return {};
}

Result<QStringList> AlterColumn::render(const Dialect &dialect, const Schema &before) const
{
    Schema after = before;
    return renderAndApply(dialect, after);
}

Result<QStringList> AlterColumn::renderAndApply(const Dialect &dialect, Schema &schema) const
{
    auto change = ops::changeTable(*this, schema, table, dialect);
    if (!change)
        return std::unexpected(change.error());
    return ops::withTypes(dialect, *change, dialect.alterColumn(change->before, change->after, *this));
}

YAML::Node AlterColumn::toYaml() const
{
    YAML::Node map(YAML::NodeType::Map);
    map["table"] = table.toStdString();
    map["column"] = column.toStdString();
    if (type)
        map["type"] = ops::typeToYaml(*type);
    if (nullable)
        map["nullable"] = *nullable;
    if (changeDefault) {
        if (defaultValue)
            map["default"] = defaultValue->toStdString();
        else
            map["default"] = YAML::Node(YAML::NodeType::Null);
    }
    if (newName)
        map["new_name"] = newName->toStdString();
    map.SetStyle(YAML::EmitterStyle::Flow);
    return map;
}

bool AlterColumn::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const AlterColumn *>(&other);
    return o && table == o->table && column == o->column && type == o->type && nullable == o->nullable
        && changeDefault == o->changeDefault && defaultValue == o->defaultValue && newName == o->newName;
}

Result<std::shared_ptr<Operation>> AlterColumn::fromYaml(const YAML::Node &value, const QString &file)
{
    if (auto keys = yaml::onlyKeys(value, {"table", "column", "type", "nullable", "default", "new_name"},
                                   u"alter_column"_s, file); !keys)
        return std::unexpected(keys.error());
    auto op = std::make_shared<AlterColumn>();
    auto tableName = yaml::requiredString(value, "table", file);
    if (!tableName)
        return std::unexpected(tableName.error());
    auto columnName = yaml::requiredString(value, "column", file);
    if (!columnName)
        return std::unexpected(columnName.error());
    op->table = *tableName;
    op->column = *columnName;

    if (yaml::has(value, "type")) {
        auto type = ops::readType(value, "type", file);
        if (!type)
            return std::unexpected(type.error());
        op->type = *type;
    }
    if (yaml::has(value, "nullable")) {
        auto nullable = yaml::optionalBool(value, "nullable", file, true);
        if (!nullable)
            return std::unexpected(nullable.error());
        op->nullable = *nullable;
    }
    if (yaml::has(value, "default")) {
        // `default: null` (or ~) drops the default; any scalar sets it.
        op->changeDefault = true;
        const YAML::Node defaultNode = value["default"];
        if (!defaultNode.IsNull()) {
            if (!defaultNode.IsScalar()) {
                return std::unexpected(yaml::inputError(defaultNode, file,
                    u"expected an SQL expression or null for 'default', found %1"_s.arg(yaml::describeNode(defaultNode))));
            }
            op->defaultValue = yaml::toQString(defaultNode);
            if (const auto problem = checkDefaultExpression(*op->defaultValue))
                return std::unexpected(yaml::inputError(defaultNode, file, problem->message, problem->hint));
        }
    }
    if (yaml::has(value, "new_name")) {
        auto newName = yaml::requiredString(value, "new_name", file);
        if (!newName)
            return std::unexpected(newName.error());
        op->newName = *newName;
    }
    if (!op->type && !op->nullable && !op->changeDefault && !op->newName) {
        return std::unexpected(yaml::inputError(value, file,
            u"alter_column of '%1' changes nothing"_s.arg(qualified(op->table, op->column)),
            u"give at least one of type, nullable, default (null drops it), new_name"_s));
    }
    return op;
}

// --- what each column operation means beyond its SQL

STRATA_CACHED_SIZE(AddColumn, 184);
STRATA_CACHED_SIZE(DropColumn, 64);
STRATA_CACHED_SIZE(AlterColumn, 216);

Result<OperationPtr> AddColumn::inverse(const Schema &) const
{
    auto drop = std::make_shared<DropColumn>();
    drop->table = table;
    drop->column = column.name;
    return drop;
}

QList<LintFinding> AddColumn::lint(const LintContext &context) const
{
    if (column.nullable || column.defaultValue || !context.start.table(table))
        return {};
    return {{LintFinding::Severity::Error, u"not-null-without-default"_s,
             u"add column %1.%2 NOT NULL without a default fails on a table with rows; give it a default, "
             "or add it nullable, fill it, then set NOT NULL"_s.arg(table, column.name)}};
}

QStringList AddColumn::detectedLines(const Operation *) const
{
    return {u"Detected added column '%1.%2'"_s.arg(table, column.name)};
}

Result<OperationPtr> DropColumn::inverse(const Schema &before) const
{
    const Table *found = before.table(table);
    const Column *dropped = found ? found->column(column) : nullptr;
    if (!dropped)
        return std::unexpected(ops::noInverse(*this, u"column '%1.%2' does not exist"_s.arg(table, column)));
    auto add = std::make_shared<AddColumn>();
    add->table = table;
    add->column = *dropped;
    return add;
}

QList<LintFinding> DropColumn::lint(const LintContext &) const
{
    return {ops::dataLoss(u"drop-column"_s, u"drop column %1.%2 deletes its data"_s.arg(table, column))};
}

QStringList DropColumn::detectedLines(const Operation *) const
{
    return {u"Detected removed column '%1.%2'"_s.arg(table, column)};
}

Result<OperationPtr> AlterColumn::inverse(const Schema &before) const
{
    const Table *found = before.table(table);
    const Column *old = found ? found->column(column) : nullptr;
    if (!old)
        return std::unexpected(ops::noInverse(*this, u"column '%1.%2' does not exist"_s.arg(table, column)));
    auto undo = std::make_shared<AlterColumn>();
    undo->table = table;
    undo->column = newName.value_or(column);
    if (type)
        undo->type = old->type;
    if (nullable)
        undo->nullable = old->nullable;
    if (changeDefault) {
        undo->changeDefault = true;
        undo->defaultValue = old->defaultValue;
    }
    if (newName && *newName != column)
        undo->newName = column;
    return undo;
}

QList<LintFinding> AlterColumn::lint(const LintContext &context) const
{
    // A table the revision creates is empty: nothing in it to narrow or to be NULL.
    if (!context.start.table(table))
        return {};
    const Table *found = context.before.table(table);
    const Column *old = found ? found->column(column) : nullptr;
    QList<LintFinding> findings;
    if (type && old && typeNarrows(old->type, *type))
        findings << LintFinding{LintFinding::Severity::Warning, u"type-narrowing"_s,
                                u"alter column %1.%2 from %3 to %4 may not fit the values it holds (truncation or "
                                "failure)"_s.arg(table, column, old->type.toString(), type->toString())};
    if (nullable == false && old && old->nullable
        && !(changeDefault ? defaultValue.has_value() : old->defaultValue.has_value()))
        findings << LintFinding{LintFinding::Severity::Error, u"not-null-without-default"_s,
                                u"alter column %1.%2 to NOT NULL fails if a row holds NULL; fill the column first"_s
                                    .arg(table, column)};
    if (newName)
        findings << LintFinding{LintFinding::Severity::Warning, u"rename"_s,
                                u"rename column %1.%2 to %3 breaks code still using the old name; add the new column, "
                                "write both, then drop the old one"_s.arg(table, column, *newName)};
    return findings;
}

QStringList AlterColumn::detectedLines(const Operation *undo) const
{
    // The undo is this class's own inverse: it holds the old values.
    const auto *old = dynamic_cast<const AlterColumn *>(undo);
    const auto shownDefault = [](const std::optional<QString> &value) { return value ? *value : u"none"_s; };
    const QString where = u"'%1.%2'"_s.arg(table, column);
    QStringList lines;
    if (type) {
        lines << u"Detected type change from %1 to %2 on %3"_s.arg(
            old && old->type ? old->type->toString() : u"?"_s, type->toString(), where);
    }
    if (nullable)
        lines << u"Detected %1 on column %2"_s.arg(*nullable ? u"NULL"_s : u"NOT NULL"_s, where);
    if (changeDefault) {
        lines << u"Detected default change from %1 to %2 on %3"_s.arg(
            shownDefault(old ? old->defaultValue : std::nullopt), shownDefault(defaultValue), where);
    }
    return lines;
}

} // namespace strata
