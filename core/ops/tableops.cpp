#include "core/ops/tableops.h"

#include "core/dialect/dialect.h"
#include "core/ops/opsupport_p.h"
#include "core/schema/constraintnames.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// Reads an optional list of mappings under `key`, each through `read`.
template<typename Read>
Status readEach(const YAML::Node &map, const char *key, const QString &file, Read read)
{
    const YAML::Node list = map[key];
    if (!list.IsDefined() || list.IsNull())
        return {};
    if (!list.IsSequence()) {
        return std::unexpected(yaml::inputError(list, file,
            u"expected a list for '%1', found %2"_s.arg(QLatin1StringView(key), yaml::describeNode(list)),
            u"write each entry on its own line starting with '- '"_s));
    }
    for (const YAML::Node &item : list) {
        if (auto ok = read(item); !ok)
            return ok;
    }
    return {};
}

// Column-level primary keys and table-level primary_key: [..], one or the other.
Status gatherPrimaryKey(Table &table, const QStringList &fromColumns, const YAML::Node &map, const QString &file)
{
    auto listed = yaml::stringList(map, "primary_key", file);
    if (!listed)
        return std::unexpected(listed.error());
    if (!listed->isEmpty() && !fromColumns.isEmpty()) {
        return std::unexpected(yaml::inputError(map["primary_key"], file,
            u"the primary key of '%1' is given twice: on columns and as primary_key"_s.arg(table.name),
            u"keep one: primary_key: true on the columns, or the table's primary_key list"_s));
    }
    table.primaryKey = listed->isEmpty() ? fromColumns : *listed;
    for (const QString &name : std::as_const(*listed)) {
        Column *column = table.column(name);
        if (!column) {
            return std::unexpected(yaml::inputError(map["primary_key"], file,
                u"primary_key names column '%1', which table '%2' does not have"_s.arg(name, table.name)));
        }
        column->nullable = false;
    }
    return {};
}

} // namespace

Result<Table> parseTable(const YAML::Node &map, const QString &file, const QString &nameFromKey)
{
    const QString context = nameFromKey.isEmpty() ? u"create_table"_s : u"table '%1'"_s.arg(nameFromKey);
    Status keys = nameFromKey.isEmpty()
        ? yaml::onlyKeys(map, {"name", "columns", "primary_key", "primary_key_name", "foreign_keys", "uniques", "checks", "indexes"}, context, file)
        : yaml::onlyKeys(map, {"columns", "primary_key", "primary_key_name", "foreign_keys", "uniques", "checks", "indexes"}, context, file);
    if (!keys)
        return std::unexpected(keys.error());

    Table table;
    if (nameFromKey.isEmpty()) {
        auto name = yaml::requiredString(map, "name", file);
        if (!name)
            return std::unexpected(name.error());
        table.name = *name;
    } else {
        table.name = nameFromKey;
    }

    const YAML::Node columns = map["columns"];
    if (!columns.IsSequence() || columns.size() == 0) {
        return std::unexpected(yaml::inputError(columns.IsDefined() ? columns : map, file,
            u"%1 needs a list of columns, found %2"_s.arg(context, yaml::describeNode(columns)),
            u"write columns: [{name: id, type: integer, primary_key: true}, ...]"_s));
    }
    QStringList keyColumns;
    QList<UniqueConstraint> columnUniques;
    QList<YAML::Node> autoincrementColumns;
    for (const YAML::Node &item : columns) {
        if (auto ok = yaml::onlyKeys(item, {"name", "type", "nullable", "default", "primary_key", "autoincrement", "unique"},
                                     u"column"_s, file); !ok)
            return std::unexpected(ok.error());
        auto spec = ops::parseColumn(item, file, ops::ColumnContext::InTable);
        if (!spec)
            return std::unexpected(spec.error());
        if (table.column(spec->column.name)) {
            return std::unexpected(yaml::inputError(item, file,
                u"column '%1' appears twice in table '%2'"_s.arg(spec->column.name, table.name)));
        }
        if (spec->primaryKey)
            keyColumns << spec->column.name;
        if (spec->unique)
            columnUniques << UniqueConstraint{u"uq_%1_%2"_s.arg(table.name, spec->column.name), {spec->column.name}};
        if (spec->column.autoincrement)
            autoincrementColumns << item;
        table.columns << spec->column;
    }
    if (auto ok = gatherPrimaryKey(table, keyColumns, map, file); !ok)
        return std::unexpected(ok.error());
    auto keyName = yaml::optionalString(map, "primary_key_name", file);
    if (!keyName)
        return std::unexpected(keyName.error());
    if (!keyName->isEmpty() && table.primaryKey.isEmpty()) {
        return std::unexpected(yaml::inputError(map["primary_key_name"], file,
            u"primary_key_name is given but table '%1' has no primary key"_s.arg(table.name),
            u"mark the key columns primary_key: true, or drop primary_key_name"_s));
    }
    table.primaryKeyName = *keyName;
    for (const YAML::Node &item : std::as_const(autoincrementColumns)) {
        const QString name = yaml::toQString(item["name"]);
        if (table.primaryKey != QStringList{name}) {
            return std::unexpected(yaml::inputError(item["autoincrement"], file,
                u"autoincrement column '%1' must be the whole primary key of '%2'"_s.arg(name, table.name),
                u"give it primary_key: true, or drop autoincrement"_s));
        }
    }
    table.uniques = columnUniques;

    Status lists = readEach(map, "uniques", file, [&](const YAML::Node &item) -> Status {
        if (auto ok = yaml::onlyKeys(item, {"name", "columns"}, u"unique constraint"_s, file); !ok)
            return ok;
        auto unique = ops::readUnique(item, file, false);
        if (!unique)
            return std::unexpected(unique.error());
        table.uniques << *unique;
        return {};
    });
    if (lists) {
        lists = readEach(map, "foreign_keys", file, [&](const YAML::Node &item) -> Status {
            if (auto ok = yaml::onlyKeys(item, {"name", "columns", "references", "ref_columns", "on_delete", "on_update", "use_alter"},
                                         u"foreign key"_s, file); !ok)
                return ok;
            auto fk = ops::readForeignKey(item, file, false);
            if (!fk)
                return std::unexpected(fk.error());
            table.foreignKeys << *fk;
            return {};
        });
    }
    if (lists) {
        lists = readEach(map, "checks", file, [&](const YAML::Node &item) -> Status {
            if (auto ok = yaml::onlyKeys(item, {"name", "expression"}, u"check"_s, file); !ok)
                return ok;
            auto check = ops::readCheck(item, file, false);
            if (!check)
                return std::unexpected(check.error());
            table.checks << *check;
            return {};
        });
    }
    if (lists) {
        lists = readEach(map, "indexes", file, [&](const YAML::Node &item) -> Status {
            if (auto ok = yaml::onlyKeys(item, {"name", "columns", "unique", "where"}, u"index"_s, file); !ok)
                return ok;
            auto index = ops::readIndex(item, file);
            if (!index)
                return std::unexpected(index.error());
            table.indexes << *index;
            return {};
        });
    }
    if (!lists)
        return std::unexpected(lists.error());
    return table;
}

YAML::Node tableToYaml(const Table &table, bool withName)
{
    // A one-column key reads best on its column; a composite key keeps its order in a list.
    const bool keyOnColumn = table.primaryKey.size() == 1;
    YAML::Node map(YAML::NodeType::Map);
    if (withName)
        map["name"] = table.name.toStdString();
    YAML::Node columns(YAML::NodeType::Sequence);
    for (const Column &column : table.columns)
        columns.push_back(ops::columnToYaml(column, keyOnColumn && table.primaryKey.first() == column.name));
    map["columns"] = columns;
    if (table.primaryKey.size() > 1)
        map["primary_key"] = ops::flowList(table.primaryKey);
    if (!table.primaryKeyName.isEmpty())
        map["primary_key_name"] = table.primaryKeyName.toStdString();

    const auto list = [&map](const char *key, const auto &elements, auto write) {
        if (elements.isEmpty())
            return;
        YAML::Node items(YAML::NodeType::Sequence);
        for (const auto &element : elements)
            items.push_back(write(element, QString()));
        map[key] = items;
    };
    list("foreign_keys", table.foreignKeys, &ops::foreignKeyToYaml);
    list("uniques", table.uniques, &ops::uniqueToYaml);
    list("checks", table.checks, &ops::checkToYaml);
    list("indexes", table.indexes, &ops::indexToYaml);
    return map;
}

// --- create_table

QString CreateTable::describe() const
{
    return u"create table %1"_s.arg(table.name);
}

Status CreateTable::apply(Schema &schema) const
{
    const QString &name = table.name;
    if (schema.table(name))
        return std::unexpected(ops::conflict(name, u"table '%1' already exists"_s.arg(name), u"choose another name"_s));
    if (table.columns.isEmpty())
        return std::unexpected(ops::conflict(name, u"table '%1' has no columns"_s.arg(name)));
    QSet<QString> seen;
    for (const Column &column : table.columns) {
        if (seen.contains(column.name))
            return std::unexpected(ops::conflict(name, u"column '%1' appears twice in table '%2'"_s.arg(column.name, name)));
        seen.insert(column.name);
    }
    if (auto ok = ops::requireColumns(table, table.primaryKey, u"the primary key"_s); !ok)
        return ok;

    // Add the elements one by one to a staged copy, so each is checked against
    // the ones before it (duplicate names, a foreign key to the table itself).
    Table staged = table;
    staged.uniques.clear();
    staged.foreignKeys.clear();
    staged.checks.clear();
    staged.indexes.clear();
    for (const UniqueConstraint &unique : table.uniques) {
        if (auto ok = ops::checkNewUnique(staged, unique); !ok)
            return ok;
        staged.uniques << unique;
    }
    for (const Index &index : table.indexes) {
        if (auto ok = ops::checkNewIndex(schema, staged, index); !ok)
            return ok;
        staged.indexes << index;
    }
    for (const ForeignKey &fk : table.foreignKeys) {
        // A use_alter key may point at a table the revision creates later.
        const bool later = fk.useAlter && fk.refTable != name && !schema.table(fk.refTable);
        if (auto ok = later ? ops::requireColumns(staged, fk.columns, u"foreign key"_s)
                            : ops::checkNewForeignKey(schema, staged, fk); !ok)
            return ok;
        staged.foreignKeys << fk;
    }
    for (const CheckConstraint &check : table.checks) {
        if (auto ok = ops::checkNewCheck(staged, check); !ok)
            return ok;
        staged.checks << check;
    }
    Table named = table;
    nameUnnamedConstraints(named, schema);
    schema.tables << named;
    ops::syncEnumTypes(schema, named.name);
    return {};
}

Result<QStringList> CreateTable::render(const Dialect &dialect, const Schema &before) const
{
    Schema after = before;
    if (auto fits = apply(after); !fits)
        return std::unexpected(fits.error());
    return ops::withTypes(dialect, before, after, dialect.createTable(*after.table(table.name)));
}

Result<QStringList> CreateTable::renderAndApply(const Dialect &dialect, Schema &schema) const
{
    // Only a table with an enum column can bring a type: the types (every column of the schema) are read only then.
    const bool types = dialect.hasNativeEnums() && ops::hasNativeEnum(table);
    const EnumTypes before = types ? schema.nativeEnums() : EnumTypes{};
    if (auto fits = apply(schema); !fits)
        return std::unexpected(fits.error());
    const EnumTypes after = types ? schema.nativeEnums() : EnumTypes{};
    return dialect.createTypes(before, after) + dialect.createTable(*std::as_const(schema).table(table.name))
        + dialect.dropTypes(before, after);
}

QStringList CreateTable::renderLate(const Dialect &dialect, const Schema &after) const
{
    const Table *created = after.table(table.name);
    return created ? dialect.lateForeignKeys(*created) : QStringList();
}

YAML::Node CreateTable::toYaml() const
{
    return tableToYaml(table, true);
}

bool CreateTable::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const CreateTable *>(&other);
    return o && table == o->table;
}

Result<std::shared_ptr<Operation>> CreateTable::fromYaml(const YAML::Node &value, const QString &file)
{
    auto table = parseTable(value, file);
    if (!table)
        return std::unexpected(table.error());
    auto op = std::make_shared<CreateTable>();
    op->table = std::move(*table);
    return op;
}

// --- drop_table

QString DropTable::describe() const
{
    return u"drop table %1"_s.arg(name);
}

Status DropTable::apply(Schema &schema) const
{
    if (auto present = ops::requireTable(schema, name); !present)
        return std::unexpected(present.error());
    const QStringList referencing = schema.tablesReferencing(name);
    if (!referencing.isEmpty() && !keepReferences) {
        return std::unexpected(ops::conflict(name,
            u"table '%1' is still referenced by foreign keys of %2"_s.arg(name, referencing.join(u", "_s)),
            u"drop those tables or their foreign keys first"_s));
    }
    schema.tables.removeAt(schema.tableIndex(name));
    return {};
}

Result<QStringList> DropTable::render(const Dialect &dialect, const Schema &before) const
{
    Schema after = before;
    if (auto fits = apply(after); !fits)
        return std::unexpected(fits.error());
    return ops::withTypes(dialect, before, after, dialect.dropTable(*before.table(name)));
}

YAML::Node DropTable::toYaml() const
{
    if (!keepReferences)
        return YAML::Node(name.toStdString());
    YAML::Node map(YAML::NodeType::Map);
    map["name"] = name.toStdString();
    map["keep_references"] = true;
    map.SetStyle(YAML::EmitterStyle::Flow);
    return map;
}

bool DropTable::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const DropTable *>(&other);
    return o && name == o->name && keepReferences == o->keepReferences;
}

Result<std::shared_ptr<Operation>> DropTable::fromYaml(const YAML::Node &value, const QString &file)
{
    auto op = std::make_shared<DropTable>();
    if (value.IsScalar()) {
        op->name = yaml::toQString(value);
        if (op->name.isEmpty())
            return std::unexpected(yaml::inputError(value, file, u"drop_table needs the table name"_s));
        return op;
    }
    if (auto keys = yaml::onlyKeys(value, {"name", "keep_references"}, u"drop_table"_s, file); !keys)
        return std::unexpected(keys.error());
    auto name = yaml::requiredString(value, "name", file);
    if (!name)
        return std::unexpected(name.error());
    auto keep = yaml::optionalBool(value, "keep_references", file, false);
    if (!keep)
        return std::unexpected(keep.error());
    op->name = *name;
    op->keepReferences = *keep;
    return op;
}

// --- rename_table

QString RenameTable::describe() const
{
    return u"rename table %1 to %2"_s.arg(from, to);
}

Status RenameTable::apply(Schema &schema) const
{
    auto table = ops::requireTable(schema, from);
    if (!table)
        return std::unexpected(table.error());
    if (schema.table(to)) {
        return std::unexpected(ops::conflict(to, u"cannot rename table '%1' to '%2': that table exists"_s.arg(from, to),
                                             u"choose another name"_s));
    }
    (*table)->name = to;
    for (Table &other : schema.tables) {
        for (ForeignKey &fk : other.foreignKeys) {
            if (fk.refTable == from)
                fk.refTable = to;
        }
    }
    return {};
}

Result<QStringList> RenameTable::render(const Dialect &dialect, const Schema &before) const
{
    Schema after = before;
    if (auto fits = apply(after); !fits)
        return std::unexpected(fits.error());
    return dialect.renameTable(from, to);
}

YAML::Node RenameTable::toYaml() const
{
    YAML::Node map(YAML::NodeType::Map);
    map["from"] = from.toStdString();
    map["to"] = to.toStdString();
    map.SetStyle(YAML::EmitterStyle::Flow);
    return map;
}

bool RenameTable::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const RenameTable *>(&other);
    return o && from == o->from && to == o->to;
}

Result<std::shared_ptr<Operation>> RenameTable::fromYaml(const YAML::Node &value, const QString &file)
{
    if (auto keys = yaml::onlyKeys(value, {"from", "to", "name", "new_name"}, u"rename_table"_s, file); !keys)
        return std::unexpected(keys.error());
    // {from, to} or, as Alembic spells it, {name, new_name}; not a mix.
    const bool fromTo = yaml::has(value, "from") || yaml::has(value, "to");
    if (fromTo && (yaml::has(value, "name") || yaml::has(value, "new_name"))) {
        return std::unexpected(yaml::inputError(value, file,
            u"rename_table takes either {from, to} or {name, new_name}, not a mix"_s));
    }
    auto oldName = yaml::requiredString(value, fromTo ? "from" : "name", file);
    if (!oldName)
        return std::unexpected(oldName.error());
    auto newName = yaml::requiredString(value, fromTo ? "to" : "new_name", file);
    if (!newName)
        return std::unexpected(newName.error());
    auto op = std::make_shared<RenameTable>();
    op->from = *oldName;
    op->to = *newName;
    return op;
}

// --- what each table operation means beyond its SQL

STRATA_CACHED_SIZE(CreateTable, 208);
STRATA_CACHED_SIZE(DropTable, 48);
STRATA_CACHED_SIZE(RenameTable, 64);

Result<OperationPtr> CreateTable::inverse(const Schema &) const
{
    auto drop = std::make_shared<DropTable>();
    drop->name = table.name;
    return drop;
}

QList<LintFinding> CreateTable::lint(const LintContext &) const { return {}; }

QStringList CreateTable::detectedLines(const Operation *) const
{
    return {u"Detected added table '%1'"_s.arg(table.name)};
}

Result<OperationPtr> DropTable::inverse(const Schema &before) const
{
    const Table *table = before.table(name);
    if (!table)
        return std::unexpected(ops::noInverse(*this, u"table '%1' does not exist"_s.arg(name)));
    auto create = std::make_shared<CreateTable>();
    create->table = *table;
    return create;
}

QList<LintFinding> DropTable::lint(const LintContext &) const
{
    return {ops::dataLoss(u"drop-table"_s, u"drop table %1 deletes its rows"_s.arg(name))};
}

QStringList DropTable::detectedLines(const Operation *) const
{
    return {u"Detected removed table '%1'"_s.arg(name)};
}

Result<OperationPtr> RenameTable::inverse(const Schema &) const
{
    auto back = std::make_shared<RenameTable>();
    back->from = to;
    back->to = from;
    return back;
}

QList<LintFinding> RenameTable::lint(const LintContext &) const
{
    return {{LintFinding::Severity::Warning, u"rename"_s,
             u"rename table %1 to %2 breaks code still using the old name; deploy code that reads both "
             "first (a view under the old name gives a compatibility window)"_s.arg(from, to)}};
}

QStringList RenameTable::detectedLines(const Operation *) const { return {describe()}; }

} // namespace strata
