#include "core/ops/operation.h"

#include "core/dialect/dialect.h"
#include "core/ops/operationkinds.h"
#include "core/ops/opsupport_p.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

QStringList keysOf(const YAML::Node &map)
{
    QStringList keys;
    for (auto it = map.begin(); it != map.end(); ++it)
        keys << yaml::shown(yaml::toQString(it->first));
    return keys;
}

} // namespace

Result<OperationPtr> parseOperation(const YAML::Node &item, const QString &file)
{
    const QString example = u"write each operation as '- kind: {...}', e.g. '- drop_table: habit'"_s;
    if (!item.IsMap() || item.size() == 0) {
        return std::unexpected(yaml::inputError(item, file,
            u"expected an operation (a mapping with one key, the operation kind), found %1"_s
                .arg(item.IsMap() ? u"an empty mapping"_s : yaml::describeNode(item)),
            example));
    }
    if (item.size() > 1) {
        auto second = item.begin();
        ++second;
        return std::unexpected(yaml::inputError(second->first, file,
            u"an operation has exactly one key, its kind; found %1"_s.arg(keysOf(item).join(u", "_s)),
            u"indent the operation's fields under its kind, or start a new operation with '- '"_s));
    }

    const auto entry = item.begin();
    const YAML::Node keyNode = entry->first;   // a copy: -> yields a temporary proxy
    const QString kind = keyNode.IsScalar() ? yaml::toQString(keyNode) : QString();
    Result<std::shared_ptr<Operation>> op;
    const bool known = visitOperationKind(kind, [&](auto *type) {
        op = std::remove_pointer_t<decltype(type)>::fromYaml(entry->second, file);
    });
    if (known) {
        if (!op)
            return std::unexpected(op.error());
        (*op)->line = item.Mark().is_null() ? 0 : item.Mark().line + 1;
        return OperationPtr(std::move(*op));
    }
    return std::unexpected(yaml::inputError(keyNode, file,
        u"unknown operation '%1'; expected one of: %2"_s.arg(yaml::shown(kind), operationKinds().join(u", "_s)),
        yaml::didYouMean(kind, operationKinds(), example)));
}

YAML::Node operationToYaml(const Operation &op)
{
    YAML::Node item(YAML::NodeType::Map);
    item[op.kind().toStdString()] = op.toYaml();
    return item;
}

Result<QStringList> Operation::renderAndApply(const Dialect &dialect, Schema &schema) const
{
    auto statements = render(dialect, schema);
    if (!statements)
        return statements;
    if (auto applied = apply(schema); !applied)
        return std::unexpected(applied.error());
    return statements;
}

Result<Schema> replay(Schema schema, const OperationList &ops)
{
    for (const OperationPtr &op : ops) {
        if (auto applied = op->apply(schema); !applied) {
            return std::unexpected(applied.error().wrappedIn(
                u"cannot %1: it does not fit the schema so far"_s.arg(op->describe()),
                op->line > 0 ? u"line %1"_s.arg(op->line) : QString()));
        }
    }
    return schema;
}

namespace ops {

Error noInverse(const Operation &op, const QString &why)
{
    return Error::make(Error::Code::Conflict, u"cannot undo '%1': %2"_s.arg(op.describe(), why));
}

LintFinding dataLoss(const QString &code, const QString &text)
{
    return {LintFinding::Severity::Warning, code,
            text + u"; if intended, add {code: %1, reason: ...} to lint_ignore"_s.arg(code)};
}

QString columnsText(const QStringList &columns)
{
    return u"("_s + columns.join(u", "_s) + u')';
}

Error conflict(const QString &where, const QString &message, const QString &hint)
{
    return Error::make(Error::Code::Conflict, message, where, hint);
}

Result<Table *> requireTable(Schema &schema, const QString &name)
{
    if (Table *table = schema.table(name))
        return table;
    return std::unexpected(conflict(name, u"there is no table '%1'"_s.arg(name),
        u"check the name, or that an earlier operation creates the table"_s));
}

Result<const Table *> requireTable(const Schema &schema, const QString &name)
{
    if (const Table *table = schema.table(name))
        return table;
    return std::unexpected(conflict(name, u"there is no table '%1'"_s.arg(name),
        u"check the name, or that an earlier operation creates the table"_s));
}

Status requireColumns(const Table &table, const QStringList &columns, const QString &usedBy)
{
    for (const QString &name : columns) {
        if (!table.column(name)) {
            return std::unexpected(conflict(table.name + u'.' + name,
                u"%1 names column '%2', which table '%3' does not have"_s.arg(usedBy, name, table.name)));
        }
    }
    return {};
}

Status requireFreeConstraintName(const Table &table, const QString &name)
{
    if (!table.hasConstraint(name))
        return {};
    return std::unexpected(conflict(table.name,
        u"table '%1' already has a constraint named '%2'"_s.arg(table.name, name),
        u"choose another name"_s));
}

bool hasNativeEnum(const Table &table)
{
    return std::ranges::any_of(table.columns, [](const Column &c) { return c.type.isNativeEnum(); });
}

namespace {

// An operation on one table changes the schema's enum types only through an
// enum column of that table, before or after it (syncEnumTypes then reaches
// the other tables); whether it has one after is seen by trying the operation
// on the table alone. One that needs more than its table may.
bool mayChangeEnumTypes(const Operation &op, const Table &table)
{
    if (hasNativeEnum(table))
        return true;
    Schema alone;
    alone.tables << table;
    if (!op.apply(alone))
        return true;
    const Table *after = std::as_const(alone).table(table.name);
    return !after || hasNativeEnum(*after);
}

} // namespace

Result<TableChange> changeTable(const Operation &op, Schema &schema, const QString &table, const Dialect &dialect)
{
    auto original = requireTable(std::as_const(schema), table);
    if (!original)
        return std::unexpected(original.error());
    TableChange change{**original, {}, {}, {}};
    // Reading the enum types walks every column of the schema; where they
    // cannot change, none before and none after say the same (nothing to create or drop).
    const bool types = dialect.hasNativeEnums() && mayChangeEnumTypes(op, change.before);
    if (types)
        change.enumsBefore = schema.nativeEnums();
    if (auto applied = op.apply(schema); !applied)
        return std::unexpected(applied.error());
    change.after = *std::as_const(schema).table(table);
    if (types)
        change.enumsAfter = schema.nativeEnums();
    return change;
}

QStringList mergedEnumValues(const QStringList &existing, const QStringList &wanted)
{
    const auto containsAll = [](const QStringList &list, const QStringList &values) {
        return std::ranges::all_of(values, [&list](const QString &v) { return list.contains(v); });
    };
    if (containsAll(wanted, existing))
        return wanted;
    if (containsAll(existing, wanted))
        return existing;
    QStringList merged = wanted;
    for (const QString &value : existing) {
        if (!merged.contains(value))
            merged << value;
    }
    return merged;
}

void syncEnumTypes(Schema &schema, const QString &tableName)
{
    const Table *table = schema.table(tableName);
    if (!table)
        return;
    QMap<QString, QStringList> wanted;
    for (const Column &column : table->columns) {
        if (column.type.isNativeEnum())
            wanted.insert(column.type.name, column.type.values);
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        QStringList values = it.value();
        for (const Table &other : std::as_const(schema.tables)) {
            for (const Column &column : other.columns) {
                if (column.type.isNativeEnum() && column.type.name == it.key())
                    values = mergedEnumValues(column.type.values, values);
            }
        }
        schema.setEnumValues(it.key(), values);
    }
}

QStringList withTypes(const Dialect &dialect, const Schema &before, const Schema &after, const QStringList &statements)
{
    return dialect.createTypes(before, after) + statements + dialect.dropTypes(before, after);
}

QStringList withTypes(const Dialect &dialect, const TableChange &change, const QStringList &statements)
{
    return dialect.createTypes(change.enumsBefore, change.enumsAfter) + statements
        + dialect.dropTypes(change.enumsBefore, change.enumsAfter);
}

YAML::Node flowList(const QStringList &names)
{
    YAML::Node list(YAML::NodeType::Sequence);
    for (const QString &name : names)
        list.push_back(name.toStdString());
    list.SetStyle(YAML::EmitterStyle::Flow);
    return list;
}

} // namespace ops

} // namespace strata
