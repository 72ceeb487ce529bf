#include "core/ops/altertableop.h"

#include "core/dialect/sqlitedialect.h"
#include "core/ops/opsupport_p.h"

using namespace Qt::StringLiterals;

namespace strata {

STRATA_CACHED_SIZE(AlterTable, 48);

QString AlterTable::describe() const
{
    return u"alter table %1 (sqlite_autoincrement %2)"_s.arg(name, sqliteAutoincrement ? u"on"_s : u"off"_s);
}

Status AlterTable::apply(Schema &schema) const
{
    auto target = ops::requireTable(schema, name);
    if (!target)
        return std::unexpected(target.error());
    Table &table = **target;
    // Like SQLAlchemy, only a key of one integer column is numbered: any other table is left as it is.
    if (table.primaryKey.size() != 1)
        return {};
    Column *key = table.column(table.primaryKey.first());
    if (!key || !key->type.isInteger())
        return {};
    if (sqliteAutoincrement) {
        // A batch rebuild reflects the key, whose autoincrement SQLAlchemy then assumes.
        key->autoincrement = true;
        key->serial = false;
    } else if (key->autoincrement) {
        key->serial = true;
    }
    return {};
}

Result<QStringList> AlterTable::render(const Dialect &dialect, const Schema &before) const
{
    Schema after = before;
    return renderAndApply(dialect, after);
}

Result<QStringList> AlterTable::renderAndApply(const Dialect &dialect, Schema &schema) const
{
    auto change = ops::changeTable(*this, schema, name, dialect);
    if (!change)
        return std::unexpected(change.error());
    if (dialect.kind() != Dialect::Kind::Sqlite || change->before == change->after)
        return QStringList();
    return static_cast<const SqliteDialect &>(dialect).rebuild(change->before, change->after);
}

// Back to what the table was: AUTOINCREMENT on its key, or a plain rowid key.
Result<OperationPtr> AlterTable::inverse(const Schema &before) const
{
    const Table *table = before.table(name);
    if (!table)
        return std::unexpected(ops::noInverse(*this, u"table %1 does not exist before it"_s.arg(name)));
    const Column *key = table->primaryKey.size() == 1 ? table->column(table->primaryKey.first()) : nullptr;
    auto back = std::make_shared<AlterTable>();
    back->name = name;
    back->sqliteAutoincrement = key && key->autoincrement && !key->serial;
    return back;
}

// A rebuild on SQLite, where a write locks the whole file anyway; nothing on PostgreSQL.
QList<LintFinding> AlterTable::lint(const LintContext &) const { return {}; }

QStringList AlterTable::detectedLines(const Operation *) const { return {describe()}; }

YAML::Node AlterTable::toYaml() const
{
    YAML::Node map(YAML::NodeType::Map);
    map["name"] = name.toStdString();
    map["sqlite_autoincrement"] = sqliteAutoincrement;
    map.SetStyle(YAML::EmitterStyle::Flow);
    return map;
}

bool AlterTable::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const AlterTable *>(&other);
    return o && name == o->name && sqliteAutoincrement == o->sqliteAutoincrement;
}

Result<std::shared_ptr<Operation>> AlterTable::fromYaml(const YAML::Node &value, const QString &file)
{
    if (auto keys = yaml::onlyKeys(value, {"name", "sqlite_autoincrement"}, u"alter_table"_s, file); !keys)
        return std::unexpected(keys.error());
    auto tableName = yaml::requiredString(value, "name", file);
    if (!tableName)
        return std::unexpected(tableName.error());
    if (!yaml::has(value, "sqlite_autoincrement"))
        return std::unexpected(yaml::inputError(value, file, u"alter_table has no option to change"_s,
            u"write alter_table: {name: %1, sqlite_autoincrement: true}"_s.arg(*tableName)));
    auto on = yaml::optionalBool(value, "sqlite_autoincrement", file, false);
    if (!on)
        return std::unexpected(on.error());
    auto op = std::make_shared<AlterTable>();
    op->name = *tableName;
    op->sqliteAutoincrement = *on;
    return op;
}

} // namespace strata
