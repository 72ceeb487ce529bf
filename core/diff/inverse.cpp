#include "diff/inverse.h"

#include "ops/columnops.h"
#include "ops/constraintops.h"
#include "ops/indexops.h"
#include "ops/tableops.h"

using namespace Qt::StringLiterals;

namespace strata {

namespace {

Error noInverse(const Operation &op, const QString &why)
{
    return Error::make(Error::Code::Conflict, u"cannot undo '%1': %2"_s.arg(op.describe(), why));
}

Result<OperationPtr> undoDropConstraint(const DropConstraint &op, const Schema &before)
{
    const Table *table = before.table(op.table);
    if (!table)
        return std::unexpected(noInverse(op, u"table '%1' does not exist"_s.arg(op.table)));
    for (const UniqueConstraint &unique : table->uniques) {
        if (unique.name == op.name) {
            auto create = std::make_shared<CreateUnique>();
            create->table = op.table;
            create->constraint = unique;
            return create;
        }
    }
    for (const ForeignKey &fk : table->foreignKeys) {
        if (fk.name == op.name) {
            auto create = std::make_shared<CreateForeignKey>();
            create->table = op.table;
            create->foreignKey = fk;
            return create;
        }
    }
    for (const CheckConstraint &check : table->checks) {
        if (check.name == op.name) {
            auto create = std::make_shared<CreateCheck>();
            create->table = op.table;
            create->check = check;
            return create;
        }
    }
    return std::unexpected(noInverse(op, u"table '%1' has no constraint '%2'"_s.arg(op.table, op.name)));
}

// The name the constraint gets when the operation applies: its own, or the
// one the replay (as PostgreSQL) chooses for an unnamed one.
template<typename Element>
QString appliedName(const Operation &op, const QString &tableName, const Element &element,
                    QList<Element> Table::*list, const Schema &before)
{
    if (!element.name.isEmpty())
        return element.name;
    Schema after = before;
    const Table *table = op.apply(after) ? after.table(tableName) : nullptr;
    return table && !(table->*list).isEmpty() ? (table->*list).last().name : QString();
}

Result<OperationPtr> undoAlterColumn(const AlterColumn &op, const Schema &before)
{
    const Table *table = before.table(op.table);
    const Column *column = table ? table->column(op.column) : nullptr;
    if (!column)
        return std::unexpected(noInverse(op, u"column '%1.%2' does not exist"_s.arg(op.table, op.column)));
    auto undo = std::make_shared<AlterColumn>();
    undo->table = op.table;
    undo->column = op.newName.value_or(op.column);
    if (op.type)
        undo->type = column->type;
    if (op.nullable)
        undo->nullable = column->nullable;
    if (op.changeDefault) {
        undo->changeDefault = true;
        undo->defaultValue = column->defaultValue;
    }
    if (op.newName && *op.newName != op.column)
        undo->newName = op.column;
    return undo;
}

Result<OperationPtr> undoDropIndex(const DropIndex &op, const Schema &before)
{
    const Table *table = op.table.isEmpty() ? before.tableOfIndex(op.name) : before.table(op.table);
    if (table) {
        for (const Index &index : table->indexes) {
            if (index.name == op.name) {
                auto create = std::make_shared<CreateIndex>();
                create->table = table->name;
                create->index = index;
                return create;
            }
        }
    }
    return std::unexpected(noInverse(op, u"index '%1' does not exist"_s.arg(op.name)));
}

} // namespace

Result<OperationPtr> inverseOf(const Operation &op, const Schema &before)
{
    if (const auto *create = dynamic_cast<const CreateTable *>(&op)) {
        auto drop = std::make_shared<DropTable>();
        drop->name = create->table.name;
        return drop;
    }
    if (const auto *drop = dynamic_cast<const DropTable *>(&op)) {
        const Table *table = before.table(drop->name);
        if (!table)
            return std::unexpected(noInverse(op, u"table '%1' does not exist"_s.arg(drop->name)));
        auto create = std::make_shared<CreateTable>();
        create->table = *table;
        return create;
    }
    if (const auto *rename = dynamic_cast<const RenameTable *>(&op)) {
        auto back = std::make_shared<RenameTable>();
        back->from = rename->to;
        back->to = rename->from;
        return back;
    }
    if (const auto *add = dynamic_cast<const AddColumn *>(&op)) {
        auto drop = std::make_shared<DropColumn>();
        drop->table = add->table;
        drop->column = add->column.name;
        return drop;
    }
    if (const auto *drop = dynamic_cast<const DropColumn *>(&op)) {
        const Table *table = before.table(drop->table);
        const Column *column = table ? table->column(drop->column) : nullptr;
        if (!column)
            return std::unexpected(noInverse(op, u"column '%1.%2' does not exist"_s.arg(drop->table, drop->column)));
        auto add = std::make_shared<AddColumn>();
        add->table = drop->table;
        add->column = *column;
        return add;
    }
    if (const auto *alter = dynamic_cast<const AlterColumn *>(&op))
        return undoAlterColumn(*alter, before);
    if (const auto *create = dynamic_cast<const CreateIndex *>(&op)) {
        auto drop = std::make_shared<DropIndex>();
        drop->table = create->table;
        drop->name = create->index.name;
        return drop;
    }
    if (const auto *drop = dynamic_cast<const DropIndex *>(&op))
        return undoDropIndex(*drop, before);
    if (const auto *unique = dynamic_cast<const CreateUnique *>(&op)) {
        auto drop = std::make_shared<DropConstraint>();
        drop->table = unique->table;
        drop->name = appliedName(op, unique->table, unique->constraint, &Table::uniques, before);
        return drop;
    }
    if (const auto *fk = dynamic_cast<const CreateForeignKey *>(&op)) {
        auto drop = std::make_shared<DropConstraint>();
        drop->table = fk->table;
        drop->name = appliedName(op, fk->table, fk->foreignKey, &Table::foreignKeys, before);
        return drop;
    }
    if (const auto *check = dynamic_cast<const CreateCheck *>(&op)) {
        auto drop = std::make_shared<DropConstraint>();
        drop->table = check->table;
        drop->name = appliedName(op, check->table, check->check, &Table::checks, before);
        return drop;
    }
    if (const auto *drop = dynamic_cast<const DropConstraint *>(&op))
        return undoDropConstraint(*drop, before);
    return std::unexpected(noInverse(op, u"only schema operations can be undone automatically"_s));
}

} // namespace strata
