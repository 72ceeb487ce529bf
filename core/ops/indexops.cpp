#include "core/ops/indexops.h"

#include "core/dialect/dialect.h"
#include "core/ops/opsupport_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata {

namespace ops {

Result<Index> readIndex(const YAML::Node &map, const QString &file)
{
    Index index;
    auto name = yaml::requiredString(map, "name", file);
    if (!name)
        return std::unexpected(name.error());
    auto columns = yaml::requiredStringList(map, "columns", file);
    if (!columns)
        return std::unexpected(columns.error());
    auto unique = yaml::optionalBool(map, "unique", file, false);
    if (!unique)
        return std::unexpected(unique.error());
    auto where = yaml::optionalString(map, "where", file);
    if (!where)
        return std::unexpected(where.error());
    index.name = *name;
    index.columns = *columns;
    index.unique = *unique;
    index.where = *where;
    return index;
}

YAML::Node indexToYaml(const Index &index, const QString &table)
{
    YAML::Node map(YAML::NodeType::Map);
    map["name"] = index.name.toStdString();
    if (!table.isEmpty())
        map["table"] = table.toStdString();
    map["columns"] = flowList(index.columns);
    if (index.unique)
        map["unique"] = true;
    if (!index.where.isEmpty())
        map["where"] = index.where.toStdString();
    map.SetStyle(YAML::EmitterStyle::Flow);
    return map;
}

Status checkNewIndex(const Schema &schema, const Table &table, const Index &index)
{
    const QString where = table.name;
    // Both databases keep index names in one namespace per schema, shared with tables.
    const Table *owner = schema.tableOfIndex(index.name);
    const bool inThisTable = std::ranges::any_of(table.indexes, [&index](const Index &i) {
        return i.name == index.name;
    });
    if (owner || inThisTable) {
        return std::unexpected(conflict(where,
            u"an index named '%1' already exists (on table '%2')"_s.arg(index.name, owner ? owner->name : table.name),
            u"index names are unique in the whole schema; choose another"_s));
    }
    if (schema.table(index.name)) {
        return std::unexpected(conflict(where,
            u"index name '%1' is already the name of a table"_s.arg(index.name), u"choose another name"_s));
    }
    if (index.columns.isEmpty())
        return std::unexpected(conflict(where, u"index '%1' has no columns"_s.arg(index.name)));
    return requireColumns(table, index.columns, u"index '%1'"_s.arg(index.name));
}

} // namespace ops

// --- create_index

QString CreateIndex::describe() const
{
    return u"create %1index %2 on %3 (%4)"_s.arg(index.unique ? u"unique "_s : QString(), index.name, table,
                                                 index.columns.join(u", "_s));
}

Status CreateIndex::apply(Schema &schema) const
{
    auto target = ops::requireTable(schema, table);
    if (!target)
        return std::unexpected(target.error());
    if (auto fits = ops::checkNewIndex(schema, **target, index); !fits)
        return fits;
    (*target)->indexes << index;
    return {};
}

Result<QStringList> CreateIndex::render(const Dialect &dialect, const Schema &before) const
{
    Schema after = before;
    if (auto fits = apply(after); !fits)
        return std::unexpected(fits.error());
    return dialect.createIndex(table, index);
}

Result<QStringList> CreateIndex::renderAndApply(const Dialect &dialect, Schema &schema) const
{
    if (auto fits = apply(schema); !fits)
        return std::unexpected(fits.error());
    return dialect.createIndex(table, index);
}

YAML::Node CreateIndex::toYaml() const
{
    return ops::indexToYaml(index, table);
}

bool CreateIndex::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const CreateIndex *>(&other);
    return o && table == o->table && index == o->index;
}

Result<std::shared_ptr<Operation>> CreateIndex::fromYaml(const YAML::Node &value, const QString &file)
{
    if (auto keys = yaml::onlyKeys(value, {"name", "table", "columns", "unique", "where"}, u"create_index"_s, file);
        !keys)
        return std::unexpected(keys.error());
    auto op = std::make_shared<CreateIndex>();
    auto tableName = yaml::requiredString(value, "table", file);
    if (!tableName)
        return std::unexpected(tableName.error());
    auto index = ops::readIndex(value, file);
    if (!index)
        return std::unexpected(index.error());
    op->table = *tableName;
    op->index = *index;
    return op;
}

// --- drop_index

namespace {

// The table that owns the index: the one named, or the one the schema finds.
Result<Table *> ownerOfIndex(Schema &schema, const QString &tableName, const QString &indexName)
{
    const auto missing = [&](const QString &where, const QString &message) {
        const Table *constraintOwner = nullptr;
        for (const Table &t : schema.tables) {
            if (t.hasConstraint(indexName))
                constraintOwner = &t;
        }
        return std::unexpected(ops::conflict(where, message,
            constraintOwner ? u"'%1' is a constraint of table '%2': use drop_constraint"_s.arg(indexName, constraintOwner->name)
                            : u"check the name, or that an earlier operation creates the index"_s));
    };
    if (tableName.isEmpty()) {
        const Table *owner = schema.tableOfIndex(indexName);
        if (!owner)
            return missing(indexName, u"there is no index '%1'"_s.arg(indexName));
        return schema.table(owner->name);
    }
    auto target = ops::requireTable(schema, tableName);
    if (!target)
        return target;
    const bool found = std::ranges::any_of((*target)->indexes, [&](const Index &i) { return i.name == indexName; });
    if (!found)
        return missing(tableName, u"table '%1' has no index '%2'"_s.arg(tableName, indexName));
    return target;
}

} // namespace

QString DropIndex::describe() const
{
    return table.isEmpty() ? u"drop index %1"_s.arg(name) : u"drop index %1 on %2"_s.arg(name, table);
}

Status DropIndex::apply(Schema &schema) const
{
    auto owner = ownerOfIndex(schema, table, name);
    if (!owner)
        return std::unexpected(owner.error());
    (*owner)->indexes.removeIf([this](const Index &i) { return i.name == name; });
    return {};
}

Result<QStringList> DropIndex::render(const Dialect &dialect, const Schema &before) const
{
    Schema copy = before;
    auto owner = ownerOfIndex(copy, table, name);
    if (!owner)
        return std::unexpected(owner.error());
    return dialect.dropIndex((*owner)->name, name);
}

YAML::Node DropIndex::toYaml() const
{
    YAML::Node map(YAML::NodeType::Map);
    map["name"] = name.toStdString();
    if (!table.isEmpty())
        map["table"] = table.toStdString();
    map.SetStyle(YAML::EmitterStyle::Flow);
    return map;
}

bool DropIndex::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const DropIndex *>(&other);
    return o && table == o->table && name == o->name;
}

Result<std::shared_ptr<Operation>> DropIndex::fromYaml(const YAML::Node &value, const QString &file)
{
    auto op = std::make_shared<DropIndex>();
    if (value.IsScalar()) {   // drop_index: ix_name
        op->name = yaml::toQString(value);
        if (op->name.isEmpty())
            return std::unexpected(yaml::inputError(value, file, u"drop_index needs the index name"_s));
        return op;
    }
    if (auto keys = yaml::onlyKeys(value, {"name", "table"}, u"drop_index"_s, file); !keys)
        return std::unexpected(keys.error());
    auto indexName = yaml::requiredString(value, "name", file);
    if (!indexName)
        return std::unexpected(indexName.error());
    auto tableName = yaml::optionalString(value, "table", file);
    if (!tableName)
        return std::unexpected(tableName.error());
    op->name = *indexName;
    op->table = *tableName;
    return op;
}

// --- what each index operation means beyond its SQL

STRATA_CACHED_SIZE(CreateIndex, 120);
STRATA_CACHED_SIZE(DropIndex, 64);

Result<OperationPtr> CreateIndex::inverse(const Schema &) const
{
    auto drop = std::make_shared<DropIndex>();
    drop->table = table;
    drop->name = index.name;
    return drop;
}

QList<LintFinding> CreateIndex::lint(const LintContext &context) const
{
    if (context.dialect != Dialect::Kind::Postgresql || !context.start.table(table))
        return {};
    return {{LintFinding::Severity::Warning, u"non-concurrent-index"_s,
             u"create index %1 on the existing table %2 blocks writes to it while it builds on PostgreSQL; "
             "for a large table use execute: CREATE INDEX CONCURRENTLY in a revision with "
             "transactional: false"_s.arg(index.name, table)}};
}

QStringList CreateIndex::detectedLines(const Operation *) const
{
    return {u"Detected added %1index '%2' on '%3' %4"_s.arg(index.unique ? u"unique "_s : QString(), index.name,
                                                             table, ops::columnsText(index.columns))};
}

Result<OperationPtr> DropIndex::inverse(const Schema &before) const
{
    const Table *found = table.isEmpty() ? before.tableOfIndex(name) : before.table(table);
    if (found) {
        for (const Index &existing : found->indexes) {
            if (existing.name == name) {
                auto create = std::make_shared<CreateIndex>();
                create->table = found->name;
                create->index = existing;
                return create;
            }
        }
    }
    return std::unexpected(ops::noInverse(*this, u"index '%1' does not exist"_s.arg(name)));
}

QList<LintFinding> DropIndex::lint(const LintContext &) const { return {}; }

QStringList DropIndex::detectedLines(const Operation *) const
{
    return {u"Detected removed index '%1' on '%2'"_s.arg(name, table)};
}

} // namespace strata
