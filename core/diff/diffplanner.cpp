#include "core/diff/diffplanner_p.h"

#include "core/diff/inverse.h"
#include "core/ops/columnops.h"
#include "core/ops/constraintops.h"
#include "core/ops/indexops.h"
#include "core/ops/tableops.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// Set equality of two short column lists, without hashing: a key has a few columns.
bool sameSet(const QStringList &a, const QStringList &b)
{
    const auto within = [](const QStringList &x, const QStringList &y) {
        return std::ranges::all_of(x, [&y](const QString &name) { return y.contains(name); });
    };
    return within(a, b) && within(b, a);
}

// Whether the columns are a key of the table, as the foreign key rules need.
bool isKey(const Table &table, const QStringList &columns)
{
    return sameSet(table.primaryKey, columns)
        || std::ranges::any_of(table.uniques, [&](const UniqueConstraint &u) { return sameSet(u.columns, columns); })
        || std::ranges::any_of(table.indexes, [&](const Index &i) {
               return i.unique && i.where.isEmpty() && sameSet(i.columns, columns);
           });
}

QString describeColumns(const QStringList &columns)
{
    return u"("_s + columns.join(u", "_s) + u')';
}

} // namespace

DiffPlanner::DiffPlanner(Schema from, Schema to, CompareRules rules)
    : m_from(std::move(from)), m_to(std::move(to)), m_current(m_from), m_rules(rules)
{
}

Status DiffPlanner::run()
{
    analyse();
    for (auto phase : {&DiffPlanner::dropForeignKeys, &DiffPlanner::dropTables,
                       &DiffPlanner::dropIndexesAndConstraints, &DiffPlanner::createTables,
                       &DiffPlanner::changeColumns, &DiffPlanner::createIndexesAndConstraints,
                       &DiffPlanner::createForeignKeys}) {
        if (auto done = (this->*phase)(); !done)
            return done;
    }
    m_result.downgrade = OperationList(m_inverses.rbegin(), m_inverses.rend());
    return {};
}

void DiffPlanner::analyse()
{
    // By name, once: Schema::table() looks through the list, and schemas have hundreds of tables.
    QHash<QString, const Table *> fromTables;
    QSet<QString> toNames;
    for (const Table &table : std::as_const(m_from.tables))
        fromTables.insert(table.name, &table);
    for (const Table &table : std::as_const(m_to.tables))
        toNames.insert(table.name);
    for (const Table &table : std::as_const(m_from.tables)) {
        if (!toNames.contains(table.name))
            m_dropped << table.name;
    }
    for (const Table &table : std::as_const(m_to.tables)) {
        const Table *before = fromTables.value(table.name);
        if (!before) {
            m_added << table.name;
            continue;
        }
        TableChanges changes;
        changes.name = table.name;
        changes.from = *before;
        changes.to = table;
        analyseTable(changes);
        m_keptIndex.insert(table.name, m_kept.size());
        m_kept << changes;
    }
    // Keys that stay only if what they point at stays: decided once every table is analysed.
    for (TableChanges &changes : m_kept) {
        for (const auto &[i, j] : std::as_const(changes.foreignKeys.kept)) {
            const ForeignKey &fk = changes.from.foreignKeys.at(i);
            const TableChanges *target = kept(fk.refTable);
            const bool retyped = std::ranges::any_of(fk.columns, [&](const QString &c) { return changes.retyped.contains(c); })
                || (target && std::ranges::any_of(fk.refColumns, [&](const QString &c) { return target->retyped.contains(c); }));
            if (retyped || !keyKept(fk))
                changes.recreatedForeignKeys << i;
        }
    }
}

void DiffPlanner::analyseTable(TableChanges &changes)
{
    const Table &from = changes.from;
    const Table &to = changes.to;
    for (const Column &column : to.columns) {
        const Column *before = from.column(column.name);
        if (!before) {
            changes.addedColumns << column.name;
            continue;
        }
        const ColumnChange change = compareColumns(*before, column);
        const auto numbering = [](const Column &c) {
            return !c.autoincrement ? u"off"_s : c.serial ? u"serial"_s : u"on"_s;
        };
        if (change.autoincrement) {
            m_result.unsupported << u"autoincrement of column '%1.%2' changes from %3 to %4: no operation "
                                    "changes it; write the migration by hand (execute)"_s
                                        .arg(to.name, column.name, numbering(*before), numbering(column));
        }
        if (change.type)
            changes.retyped.insert(column.name);
        if (change.type || change.nullable || change.defaultValue)
            changes.alteredColumns << column.name;
    }
    for (const Column &column : from.columns) {
        if (!to.column(column.name))
            changes.droppedColumns << column.name;
    }
    if (from.primaryKey != to.primaryKey) {
        changes.primaryKeyChanged = true;
        m_result.unsupported << u"the primary key of table '%1' changes from %2 to %3: no operation changes a "
                                "primary key in place; write the migration by hand"_s
                                    .arg(to.name, describeColumns(from.primaryKey), describeColumns(to.primaryKey));
    }
    const CompareRules rules = m_rules;
    changes.indexes = matchElements(from.indexes, to.indexes,
                                    [&](const Index &a, const Index &b) { return sameIndex(a, b, rules); });
    changes.uniques = matchElements(from.uniques, to.uniques, [&](const auto &a, const auto &b) {
        return sameUnique(a, b, rules);
    });
    changes.foreignKeys = matchElements(from.foreignKeys, to.foreignKeys, [&](const auto &a, const auto &b) {
        return sameForeignKey(a, b, rules);
    });
    changes.checks = matchElements(from.checks, to.checks, [&](const auto &a, const auto &b) {
        return sameCheck(a, b, rules);
    });

    // Same type on both sides of a drop and an add: say so before data is lost.
    QStringList candidates = changes.addedColumns;
    for (const QString &dropped : std::as_const(changes.droppedColumns)) {
        const Column *old = from.column(dropped);
        const auto match = std::ranges::find_if(candidates, [&](const QString &added) {
            return to.column(added)->type == old->type;
        });
        if (match == candidates.end())
            continue;
        m_result.possibleRenames << PossibleRename{to.name, dropped, *match};
        m_result.warnings << u"possible rename: column '%1.%2' is dropped and '%1.%3' added with the same type (%4). "
                             "If it is a rename, replace the drop_column and add_column with alter_column "
                             "{table: %1, column: %2, new_name: %3}, or the data in '%2' is lost."_s
                                 .arg(to.name, dropped, *match, old->type.toString());
        candidates.erase(match);
    }
}

const DiffPlanner::TableChanges *DiffPlanner::kept(const QString &table) const
{
    const auto it = m_keptIndex.constFind(table);
    return it == m_keptIndex.cend() ? nullptr : &m_kept.at(*it);
}

bool DiffPlanner::keyKept(const ForeignKey &fk) const
{
    const TableChanges *target = kept(fk.refTable);
    if (!target)
        return false;
    // A primary key is never changed by generated operations (see analyseTable).
    if (sameSet(target->from.primaryKey, fk.refColumns))
        return true;
    for (const auto &[i, j] : target->uniques.kept) {
        if (sameSet(target->from.uniques.at(i).columns, fk.refColumns))
            return true;
    }
    for (const auto &[i, j] : target->indexes.kept) {
        const Index &index = target->from.indexes.at(i);
        if (index.unique && index.where.isEmpty() && sameSet(index.columns, fk.refColumns))
            return true;
    }
    return false;
}

Status DiffPlanner::push(std::shared_ptr<Operation> op)
{
    auto inverse = inverseOf(*op, m_current);
    if (!inverse)
        return std::unexpected(inverse.error());
    if (auto applied = op->apply(m_current); !applied) {
        return std::unexpected(applied.error().wrappedIn(
            u"the generated operation '%1' does not fit the schema"_s.arg(op->describe())));
    }
    m_result.upgrade << op;
    m_inverses << *inverse;
    return {};
}

Status DiffPlanner::dropConstraint(const QString &table, const QString &name, const QString &what)
{
    if (name.isEmpty()) {
        m_result.unsupported << u"table '%1': %2 is not wanted any more, but it has no name, so no "
                                "drop_constraint can name it; drop it by hand (execute)"_s.arg(table, what);
        return {};
    }
    auto op = std::make_shared<DropConstraint>();
    op->table = table;
    op->name = name;
    return push(op);
}

QString DiffPlanner::freeConstraintName(const QString &table, const QString &base) const
{
    const Table *t = m_current.table(table);
    QString name = base;
    for (int n = 2; t && t->hasConstraint(name); ++n)
        name = base + u'_' + QString::number(n);
    return name;
}

bool DiffPlanner::referenceReady(const QString &table, const ForeignKey &fk) const
{
    if (fk.refTable == table)
        return true;
    const Table *target = m_current.table(fk.refTable);
    if (!target)
        return false;
    for (const QString &column : fk.refColumns) {
        if (!target->column(column))
            return false;
    }
    const TableChanges *changes = kept(fk.refTable);
    if (changes && std::ranges::any_of(fk.refColumns, [&](const QString &c) { return changes->retyped.contains(c); }))
        return false;
    return isKey(*target, fk.refColumns);
}

} // namespace strata
