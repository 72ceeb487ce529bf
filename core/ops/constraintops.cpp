#include "core/ops/constraintops.h"

#include "core/dialect/dialect.h"
#include "core/ops/opsupport_p.h"
#include "core/schema/constraintnames.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

const QStringList referentialActions{u"cascade"_s, u"set null"_s, u"set default"_s, u"restrict"_s, u"no action"_s};

Result<QString> readAction(const YAML::Node &map, const char *key, const QString &file)
{
    auto text = yaml::optionalString(map, key, file);
    if (!text || text->isEmpty())
        return text;
    // "SET NULL", "set_null" and "set null" all mean the same action.
    const QString action = text->toLower().replace(u'_', u' ').simplified();
    if (!referentialActions.contains(action)) {
        return std::unexpected(yaml::inputError(map[key], file,
            u"unknown action '%1' for '%2'; expected one of: %3"_s.arg(*text, QLatin1StringView(key),
                                                                      referentialActions.join(u", "_s)),
            yaml::didYouMean(action, referentialActions)));
    }
    return action;
}

Result<QString> readName(const YAML::Node &map, const QString &file, bool required)
{
    return required ? yaml::requiredString(map, "name", file) : yaml::optionalString(map, "name", file);
}

// A generated name is the database's to choose again, so it is not written.
void writeName(YAML::Node &map, const QString &name, bool generated, const QString &table)
{
    if (!name.isEmpty() && !generated)
        map["name"] = name.toStdString();
    if (!table.isEmpty())
        map["table"] = table.toStdString();
}

// Whether the columns are a key of the table: its primary key, a unique
// constraint or a full unique index, in any order. A foreign key must point at one.
bool isKey(const Table &table, const QStringList &columns)
{
    const auto same = [&columns](const QStringList &other) {
        return QSet<QString>(columns.begin(), columns.end()) == QSet<QString>(other.begin(), other.end());
    };
    return same(table.primaryKey)
        || std::ranges::any_of(table.uniques, [&](const UniqueConstraint &u) { return same(u.columns); })
        || std::ranges::any_of(table.indexes, [&](const Index &i) { return i.unique && i.where.isEmpty() && same(i.columns); });
}

// "foreign key 'fk_a'" for messages, "foreign key fk_a" for describe().
QString constraintLabel(const QString &what, const QString &name)
{
    return name.isEmpty() ? what : u"%1 '%2'"_s.arg(what, name);
}

QString spelledOut(const QString &what, const QString &name)
{
    return name.isEmpty() ? what : what + u' ' + name;
}

} // namespace

namespace ops {

Result<UniqueConstraint> readUnique(const YAML::Node &map, const QString &file, bool nameRequired)
{
    auto name = readName(map, file, nameRequired);
    if (!name)
        return std::unexpected(name.error());
    auto columns = yaml::requiredStringList(map, "columns", file);
    if (!columns)
        return std::unexpected(columns.error());
    return UniqueConstraint{*name, *columns};
}

Result<ForeignKey> readForeignKey(const YAML::Node &map, const QString &file, bool nameRequired)
{
    ForeignKey fk;
    auto name = readName(map, file, nameRequired);
    if (!name)
        return std::unexpected(name.error());
    auto columns = yaml::requiredStringList(map, "columns", file);
    if (!columns)
        return std::unexpected(columns.error());
    auto references = yaml::requiredString(map, "references", file);
    if (!references)
        return std::unexpected(references.error());
    auto refColumns = yaml::requiredStringList(map, "ref_columns", file);
    if (!refColumns)
        return std::unexpected(refColumns.error());
    auto onDelete = readAction(map, "on_delete", file);
    if (!onDelete)
        return std::unexpected(onDelete.error());
    auto onUpdate = readAction(map, "on_update", file);
    if (!onUpdate)
        return std::unexpected(onUpdate.error());
    auto useAlter = yaml::optionalBool(map, "use_alter", file, false);
    if (!useAlter)
        return std::unexpected(useAlter.error());
    fk.useAlter = *useAlter;
    if (columns->size() != refColumns->size()) {
        return std::unexpected(yaml::inputError(map["ref_columns"], file,
            u"foreign key has %1 columns but %2 ref_columns"_s.arg(columns->size()).arg(refColumns->size()),
            u"list one referenced column for each column, in the same order"_s));
    }
    fk.name = *name;
    fk.columns = *columns;
    fk.refTable = *references;
    fk.refColumns = *refColumns;
    fk.onDelete = *onDelete;
    fk.onUpdate = *onUpdate;
    return fk;
}

Result<CheckConstraint> readCheck(const YAML::Node &map, const QString &file, bool nameRequired)
{
    auto name = readName(map, file, nameRequired);
    if (!name)
        return std::unexpected(name.error());
    auto expression = yaml::requiredString(map, "expression", file);
    if (!expression)
        return std::unexpected(expression.error());
    return CheckConstraint{*name, *expression};
}

YAML::Node uniqueToYaml(const UniqueConstraint &unique, const QString &table)
{
    YAML::Node map(YAML::NodeType::Map);
    writeName(map, unique.name, unique.generatedName, table);
    map["columns"] = flowList(unique.columns);
    map.SetStyle(YAML::EmitterStyle::Flow);
    return map;
}

YAML::Node foreignKeyToYaml(const ForeignKey &fk, const QString &table)
{
    YAML::Node map(YAML::NodeType::Map);
    writeName(map, fk.name, fk.generatedName, table);
    map["columns"] = flowList(fk.columns);
    map["references"] = fk.refTable.toStdString();
    map["ref_columns"] = flowList(fk.refColumns);
    if (!fk.onDelete.isEmpty())
        map["on_delete"] = fk.onDelete.toStdString();
    if (!fk.onUpdate.isEmpty())
        map["on_update"] = fk.onUpdate.toStdString();
    if (fk.useAlter)
        map["use_alter"] = true;
    map.SetStyle(YAML::EmitterStyle::Flow);
    return map;
}

YAML::Node checkToYaml(const CheckConstraint &check, const QString &table)
{
    YAML::Node map(YAML::NodeType::Map);
    writeName(map, check.name, check.generatedName, table);
    map["expression"] = check.expression.toStdString();
    map.SetStyle(YAML::EmitterStyle::Flow);
    return map;
}

Status checkNewUnique(const Table &table, const UniqueConstraint &unique)
{
    if (auto free = requireFreeConstraintName(table, unique.name); !free)
        return free;
    if (unique.columns.isEmpty())
        return std::unexpected(conflict(table.name, u"%1 has no columns"_s.arg(constraintLabel(u"unique constraint"_s, unique.name))));
    return requireColumns(table, unique.columns, constraintLabel(u"unique constraint"_s, unique.name));
}

Status checkNewForeignKey(const Schema &schema, const Table &table, const ForeignKey &fk)
{
    const QString label = constraintLabel(u"foreign key"_s, fk.name);
    if (auto free = requireFreeConstraintName(table, fk.name); !free)
        return free;
    if (fk.columns.isEmpty() || fk.columns.size() != fk.refColumns.size()) {
        return std::unexpected(conflict(table.name,
            u"%1 needs as many ref_columns as columns, and at least one"_s.arg(label)));
    }
    if (auto present = requireColumns(table, fk.columns, label); !present)
        return present;
    const Table *target = fk.refTable == table.name ? &table : schema.table(fk.refTable);
    if (!target) {
        return std::unexpected(conflict(table.name,
            u"%1 references table '%2', which does not exist"_s.arg(label, fk.refTable),
            u"create the referenced table first"_s));
    }
    if (auto present = requireColumns(*target, fk.refColumns, label); !present)
        return present;
    if (!isKey(*target, fk.refColumns)) {
        return std::unexpected(conflict(table.name,
            u"%1 references %2(%3), which is neither the primary key nor unique"_s
                .arg(label, fk.refTable, fk.refColumns.join(u", "_s)),
            u"reference the primary key, or add a unique constraint on those columns first"_s));
    }
    return {};
}

Status checkNewCheck(const Table &table, const CheckConstraint &check)
{
    if (auto free = requireFreeConstraintName(table, check.name); !free)
        return free;
    if (check.expression.trimmed().isEmpty())
        return std::unexpected(conflict(table.name, u"%1 has no expression"_s.arg(constraintLabel(u"check"_s, check.name))));
    return {};
}

} // namespace ops

namespace {

// Reads {name, table, ...}: the table, then the element through `read`.
template<typename Op, typename Read>
Result<std::shared_ptr<Operation>> readConstraintOp(const YAML::Node &value, const QString &file, Read read,
                                                    auto member)
{
    auto op = std::make_shared<Op>();
    auto tableName = yaml::requiredString(value, "table", file);
    if (!tableName)
        return std::unexpected(tableName.error());
    // Unnamed, as Alembic's autogenerate writes them: the replay names it as PostgreSQL would.
    auto element = read(value, file, false);
    if (!element)
        return std::unexpected(element.error());
    op->table = *tableName;
    (*op).*member = *element;
    return op;
}

// Applies a constraint addition: checks it against the table, then appends it.
template<typename Element>
Status addTo(Schema &schema, const QString &tableName, const Element &element, QList<Element> Table::*list,
             Status (*check)(const Table &, const Element &))
{
    auto target = ops::requireTable(schema, tableName);
    if (!target)
        return std::unexpected(target.error());
    if (auto fits = check(**target, element); !fits)
        return fits;
    ((**target).*list) << element;
    nameUnnamedConstraints(**target, schema);
    return {};
}

} // namespace

// --- create_unique

QString CreateUnique::describe() const
{
    return u"create %1 on %2 (%3)"_s.arg(spelledOut(u"unique constraint"_s, constraint.name), table,
                                        constraint.columns.join(u", "_s));
}

Status CreateUnique::apply(Schema &schema) const
{
    return addTo(schema, table, constraint, &Table::uniques, &ops::checkNewUnique);
}

Result<QStringList> CreateUnique::render(const Dialect &dialect, const Schema &before) const
{
    Schema after = before;
    return renderAndApply(dialect, after);
}

Result<QStringList> CreateUnique::renderAndApply(const Dialect &dialect, Schema &schema) const
{
    auto change = ops::changeTable(*this, schema, table, dialect);
    if (!change)
        return std::unexpected(change.error());
    return dialect.addUnique(change->before, change->after, constraint);
}

YAML::Node CreateUnique::toYaml() const
{
    return ops::uniqueToYaml(constraint, table);
}

bool CreateUnique::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const CreateUnique *>(&other);
    return o && table == o->table && constraint == o->constraint;
}

Result<std::shared_ptr<Operation>> CreateUnique::fromYaml(const YAML::Node &value, const QString &file)
{
    if (auto keys = yaml::onlyKeys(value, {"name", "table", "columns"}, u"create_unique"_s, file); !keys)
        return std::unexpected(keys.error());
    return readConstraintOp<CreateUnique>(value, file, &ops::readUnique, &CreateUnique::constraint);
}

// --- create_foreign_key

QString CreateForeignKey::describe() const
{
    return u"create %1 on %2 (%3) references %4 (%5)"_s.arg(
        spelledOut(u"foreign key"_s, foreignKey.name), table, foreignKey.columns.join(u", "_s), foreignKey.refTable,
        foreignKey.refColumns.join(u", "_s));
}

Status CreateForeignKey::apply(Schema &schema) const
{
    auto target = ops::requireTable(schema, table);
    if (!target)
        return std::unexpected(target.error());
    if (auto fits = ops::checkNewForeignKey(schema, **target, foreignKey); !fits)
        return fits;
    (*target)->foreignKeys << foreignKey;
    nameUnnamedConstraints(**target, schema);
    return {};
}

Result<QStringList> CreateForeignKey::render(const Dialect &dialect, const Schema &before) const
{
    Schema after = before;
    return renderAndApply(dialect, after);
}

Result<QStringList> CreateForeignKey::renderAndApply(const Dialect &dialect, Schema &schema) const
{
    auto change = ops::changeTable(*this, schema, table, dialect);
    if (!change)
        return std::unexpected(change.error());
    return dialect.addForeignKey(change->before, change->after, foreignKey);
}

YAML::Node CreateForeignKey::toYaml() const
{
    return ops::foreignKeyToYaml(foreignKey, table);
}

bool CreateForeignKey::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const CreateForeignKey *>(&other);
    return o && table == o->table && foreignKey == o->foreignKey;
}

Result<std::shared_ptr<Operation>> CreateForeignKey::fromYaml(const YAML::Node &value, const QString &file)
{
    if (auto keys = yaml::onlyKeys(value, {"name", "table", "columns", "references", "ref_columns", "on_delete", "on_update", "use_alter"},
                                   u"create_foreign_key"_s, file); !keys)
        return std::unexpected(keys.error());
    return readConstraintOp<CreateForeignKey>(value, file, &ops::readForeignKey, &CreateForeignKey::foreignKey);
}

// --- create_check

QString CreateCheck::describe() const
{
    return u"create %1 on %2"_s.arg(spelledOut(u"check"_s, check.name), table);
}

Status CreateCheck::apply(Schema &schema) const
{
    return addTo(schema, table, check, &Table::checks, &ops::checkNewCheck);
}

Result<QStringList> CreateCheck::render(const Dialect &dialect, const Schema &before) const
{
    Schema after = before;
    return renderAndApply(dialect, after);
}

Result<QStringList> CreateCheck::renderAndApply(const Dialect &dialect, Schema &schema) const
{
    auto change = ops::changeTable(*this, schema, table, dialect);
    if (!change)
        return std::unexpected(change.error());
    return dialect.addCheck(change->before, change->after, check);
}

YAML::Node CreateCheck::toYaml() const
{
    return ops::checkToYaml(check, table);
}

bool CreateCheck::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const CreateCheck *>(&other);
    return o && table == o->table && check == o->check;
}

Result<std::shared_ptr<Operation>> CreateCheck::fromYaml(const YAML::Node &value, const QString &file)
{
    if (auto keys = yaml::onlyKeys(value, {"name", "table", "expression"}, u"create_check"_s, file); !keys)
        return std::unexpected(keys.error());
    return readConstraintOp<CreateCheck>(value, file, &ops::readCheck, &CreateCheck::check);
}

// --- drop_constraint

QString DropConstraint::describe() const
{
    return u"drop constraint %1 from %2"_s.arg(name, table);
}

Status DropConstraint::apply(Schema &schema) const
{
    auto target = ops::requireTable(schema, table);
    if (!target)
        return std::unexpected(target.error());
    Table &t = **target;
    if (!t.hasConstraint(name)) {
        const bool isIndex = std::ranges::any_of(t.indexes, [this](const Index &i) { return i.name == name; });
        return std::unexpected(ops::conflict(table, u"table '%1' has no constraint '%2'"_s.arg(table, name),
            isIndex ? u"'%1' is an index: use drop_index"_s.arg(name)
                    : u"check the name; an unnamed constraint has the name PostgreSQL gives it, e.g. '%1_a_fkey'"_s.arg(table)));
    }
    const auto named = [this](const auto &c) { return c.name == name; };
    Table changed = t;
    changed.uniques.removeIf(named);
    changed.foreignKeys.removeIf(named);
    changed.checks.removeIf(named);
    // A unique constraint may be the key another table's foreign key points at.
    for (const Table &other : schema.tables) {
        for (const ForeignKey &fk : other.foreignKeys) {
            const bool dropped = other.name == table && fk.name == name;
            if (fk.refTable == table && !dropped && isKey(t, fk.refColumns) && !isKey(changed, fk.refColumns)) {
                return std::unexpected(ops::conflict(table,
                    u"%1 of table '%2' still needs '%3' as the key it references"_s.arg(
                        constraintLabel(u"foreign key"_s, fk.name), other.name, name),
                    u"drop that foreign key first"_s));
            }
        }
    }
    t = std::move(changed);
    return {};
}

Result<QStringList> DropConstraint::render(const Dialect &dialect, const Schema &before) const
{
    Schema after = before;
    return renderAndApply(dialect, after);
}

Result<QStringList> DropConstraint::renderAndApply(const Dialect &dialect, Schema &schema) const
{
    auto change = ops::changeTable(*this, schema, table, dialect);
    if (!change)
        return std::unexpected(change.error());
    return dialect.dropConstraint(change->before, change->after, name);
}

YAML::Node DropConstraint::toYaml() const
{
    YAML::Node map(YAML::NodeType::Map);
    map["name"] = name.toStdString();
    map["table"] = table.toStdString();
    map.SetStyle(YAML::EmitterStyle::Flow);
    return map;
}

bool DropConstraint::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const DropConstraint *>(&other);
    return o && table == o->table && name == o->name;
}

Result<std::shared_ptr<Operation>> DropConstraint::fromYaml(const YAML::Node &value, const QString &file)
{
    if (auto keys = yaml::onlyKeys(value, {"name", "table"}, u"drop_constraint"_s, file); !keys)
        return std::unexpected(keys.error());
    auto op = std::make_shared<DropConstraint>();
    auto constraintName = yaml::requiredString(value, "name", file);
    if (!constraintName)
        return std::unexpected(constraintName.error());
    auto tableName = yaml::requiredString(value, "table", file);
    if (!tableName)
        return std::unexpected(tableName.error());
    op->name = *constraintName;
    op->table = *tableName;
    return op;
}

// --- what each constraint operation means beyond its SQL

STRATA_CACHED_SIZE(CreateUnique, 96);
STRATA_CACHED_SIZE(CreateForeignKey, 192);
STRATA_CACHED_SIZE(CreateCheck, 96);
STRATA_CACHED_SIZE(DropConstraint, 64);

namespace {

OperationPtr dropOf(const QString &table, const QString &name)
{
    auto drop = std::make_shared<DropConstraint>();
    drop->table = table;
    drop->name = name;
    return drop;
}

// A constraint of `table` in `before` named `name`, as the operation that creates it.
template <typename Create, typename Element>
OperationPtr recreated(const QString &table, const QString &name, const QList<Element> &elements,
                       Element Create::*member)
{
    for (const Element &element : elements) {
        if (element.name == name) {
            auto create = std::make_shared<Create>();
            create->table = table;
            (*create).*member = element;
            return create;
        }
    }
    return nullptr;
}

} // namespace

Result<OperationPtr> CreateUnique::inverse(const Schema &before) const
{
    return dropOf(table, ops::appliedName(*this, table, constraint, &Table::uniques, before));
}

QList<LintFinding> CreateUnique::lint(const LintContext &) const { return {}; }

QStringList CreateUnique::detectedLines(const Operation *) const
{
    return {u"Detected added unique constraint '%1' on '%2' %3"_s.arg(constraint.name, table,
                                                                     ops::columnsText(constraint.columns))};
}

Result<OperationPtr> CreateForeignKey::inverse(const Schema &before) const
{
    return dropOf(table, ops::appliedName(*this, table, foreignKey, &Table::foreignKeys, before));
}

QList<LintFinding> CreateForeignKey::lint(const LintContext &) const { return {}; }

QStringList CreateForeignKey::detectedLines(const Operation *) const
{
    return {u"Detected added foreign key '%1' on '%2' %3 -> %4%5"_s.arg(
        foreignKey.name, table, ops::columnsText(foreignKey.columns), foreignKey.refTable,
        ops::columnsText(foreignKey.refColumns))};
}

Result<OperationPtr> CreateCheck::inverse(const Schema &before) const
{
    return dropOf(table, ops::appliedName(*this, table, check, &Table::checks, before));
}

QList<LintFinding> CreateCheck::lint(const LintContext &) const { return {}; }

QStringList CreateCheck::detectedLines(const Operation *) const
{
    return {u"Detected added check constraint '%1' on '%2'"_s.arg(check.name, table)};
}

Result<OperationPtr> DropConstraint::inverse(const Schema &before) const
{
    const Table *found = before.table(table);
    if (!found)
        return std::unexpected(ops::noInverse(*this, u"table '%1' does not exist"_s.arg(table)));
    if (OperationPtr unique = recreated(table, name, found->uniques, &CreateUnique::constraint))
        return unique;
    if (OperationPtr fk = recreated(table, name, found->foreignKeys, &CreateForeignKey::foreignKey))
        return fk;
    if (OperationPtr check = recreated(table, name, found->checks, &CreateCheck::check))
        return check;
    return std::unexpected(ops::noInverse(*this, u"table '%1' has no constraint '%2'"_s.arg(table, name)));
}

QList<LintFinding> DropConstraint::lint(const LintContext &) const { return {}; }

QStringList DropConstraint::detectedLines(const Operation *undo) const
{
    // The undo re-creates what this drops, so it knows what kind of constraint it was.
    const QString what = undo && !undo->addedElement().isEmpty() ? undo->addedElement() : u"constraint"_s;
    return {u"Detected removed %1 '%2' on '%3'"_s.arg(what, name, table)};
}

} // namespace strata
