// The phases of DiffPlanner::run(), in the order they run: first everything
// that goes away (foreign keys, then tables, then indexes and constraints),
// then everything that comes (tables, columns, indexes and constraints,
// foreign keys last, when every key they point at exists).
#include "core/diff/diffplanner_p.h"

#include "core/ops/columnops.h"
#include "core/ops/constraintops.h"
#include "core/ops/indexops.h"
#include "core/ops/tableops.h"

using namespace Qt::StringLiterals;

namespace strata {

namespace {

QString foreignKeyLabel(const ForeignKey &fk)
{
    return u"the foreign key (%1) -> %2(%3)"_s.arg(fk.columns.join(u", "_s), fk.refTable, fk.refColumns.join(u", "_s));
}

} // namespace

Status DiffPlanner::dropForeignKeys()
{
    for (const TableChanges &changes : std::as_const(m_kept)) {
        QList<qsizetype> dropped = changes.foreignKeys.removed;
        for (qsizetype i : changes.recreatedForeignKeys) {
            // An unnamed key cannot be dropped and re-created; the database carries it over.
            if (!changes.from.foreignKeys.at(i).name.isEmpty())
                dropped << i;
        }
        for (qsizetype i : std::as_const(dropped)) {
            const ForeignKey &fk = changes.from.foreignKeys.at(i);
            if (auto done = dropConstraint(changes.name, fk.name, foreignKeyLabel(fk)); !done)
                return done;
        }
    }
    return {};
}

Status DiffPlanner::dropTables()
{
    QStringList remaining = m_dropped;
    // Who still points at each table to drop, kept up to date as tables go,
    // so hundreds of tables cost no more than one pass over their keys each.
    QHash<QString, QSet<QString>> referrers;
    const auto recount = [&](const QString &target) {
        const QStringList names = m_current.tablesReferencing(target);
        referrers[target] = QSet<QString>(names.begin(), names.end());
    };
    for (const QString &name : std::as_const(remaining))
        referrers.insert(name, {});
    for (const Table &table : std::as_const(m_current.tables)) {
        for (const ForeignKey &fk : table.foreignKeys) {
            if (fk.refTable != table.name && referrers.contains(fk.refTable))
                referrers[fk.refTable].insert(table.name);
        }
    }
    while (!remaining.isEmpty()) {
        const auto free = std::ranges::find_if(remaining, [&](const QString &name) { return referrers[name].isEmpty(); });
        if (free == remaining.end()) {
            // Every table left is referenced by another: a cycle. Open it at
            // the first table by dropping the keys that point at it.
            const QString target = remaining.first();
            for (const QString &referrer : std::as_const(referrers[target])) {
                const QList<ForeignKey> keys = m_current.table(referrer)->foreignKeys;
                for (const ForeignKey &fk : keys) {
                    if (fk.refTable != target)
                        continue;
                    if (auto done = dropConstraint(referrer, fk.name, foreignKeyLabel(fk)); !done)
                        return done;
                }
            }
            recount(target);
            if (!referrers[target].isEmpty()) {
                return fail(Error::Code::Conflict,
                            u"cannot drop table '%1': unnamed foreign keys of %2 still point at it"_s
                                .arg(target, QStringList(referrers[target].begin(), referrers[target].end()).join(u", "_s)),
                            target, u"name those foreign keys in a revision first, or drop them by hand"_s);
            }
            continue;
        }
        const QString name = *free;
        remaining.erase(free);
        const Table table = *m_current.table(name);
        for (const Index &index : table.indexes) {
            auto op = std::make_shared<DropIndex>();
            op->table = name;
            op->name = index.name;
            if (auto done = push(op); !done)
                return done;
        }
        auto op = std::make_shared<DropTable>();
        op->name = name;
        if (auto done = push(op); !done)
            return done;
        for (const ForeignKey &fk : table.foreignKeys) {
            if (referrers.contains(fk.refTable))
                referrers[fk.refTable].remove(name);
        }
    }
    return {};
}

Status DiffPlanner::dropIndexesAndConstraints()
{
    for (const TableChanges &changes : std::as_const(m_kept)) {
        for (qsizetype i : changes.indexes.removed) {
            auto op = std::make_shared<DropIndex>();
            op->table = changes.name;
            op->name = changes.from.indexes.at(i).name;
            if (auto done = push(op); !done)
                return done;
        }
        for (qsizetype i : changes.uniques.removed) {
            const UniqueConstraint &unique = changes.from.uniques.at(i);
            const QString what = u"the unique constraint on (%1)"_s.arg(unique.columns.join(u", "_s));
            if (auto done = dropConstraint(changes.name, unique.name, what); !done)
                return done;
        }
        for (qsizetype i : changes.checks.removed) {
            const CheckConstraint &check = changes.from.checks.at(i);
            if (auto done = dropConstraint(changes.name, check.name, u"the check (%1)"_s.arg(check.expression)); !done)
                return done;
        }
    }
    return {};
}

Status DiffPlanner::createTables()
{
    QStringList remaining = m_added;
    QSet<QString> pending(m_added.begin(), m_added.end());
    QHash<QString, const Table *> wanted;
    for (const Table &table : std::as_const(m_to.tables))
        wanted.insert(table.name, &table);
    while (!remaining.isEmpty()) {
        const auto waitsFor = [&](const QString &name) {
            return std::ranges::any_of(wanted.value(name)->foreignKeys, [&](const ForeignKey &fk) {
                return fk.refTable != name && pending.contains(fk.refTable);
            });
        };
        // Referenced tables first; in a cycle the first table goes ahead and
        // its keys into the rest of the cycle come later as create_foreign_key.
        const auto ready = std::ranges::find_if(remaining, [&](const QString &name) { return !waitsFor(name); });
        const QString name = ready == remaining.end() ? remaining.first() : *ready;
        Table table = *wanted.value(name);
        QList<ForeignKey> now;
        for (const ForeignKey &fk : std::as_const(table.foreignKeys)) {
            const bool later = fk.refTable != name && (pending.contains(fk.refTable) || !referenceReady(name, fk));
            if (later)
                m_lateForeignKeys.append({name, fk});
            else
                now << fk;
        }
        remaining.removeOne(name);
        pending.remove(name);
        const QList<Index> indexes = table.indexes;
        table.indexes.clear();
        table.foreignKeys = now;
        auto op = std::make_shared<CreateTable>();
        op->table = table;
        if (auto done = push(op); !done)
            return done;
        for (const Index &index : indexes) {
            auto create = std::make_shared<CreateIndex>();
            create->table = name;
            create->index = index;
            if (auto done = push(create); !done)
                return done;
        }
    }
    return {};
}

Status DiffPlanner::changeColumns()
{
    for (const TableChanges &changes : std::as_const(m_kept)) {
        for (const QString &name : changes.addedColumns) {
            auto op = std::make_shared<AddColumn>();
            op->table = changes.name;
            op->column = *changes.to.column(name);
            op->column.autoincrement = false;   // only create_table makes a numbered key
            if (!op->column.nullable && !op->column.defaultValue) {
                m_result.warnings << u"column '%1.%2' is added NOT NULL without a default: the upgrade fails on a "
                                     "table that has rows. Give it a default, or add it nullable, fill it, then "
                                     "make it NOT NULL."_s.arg(changes.name, name);
            }
            if (auto done = push(op); !done)
                return done;
        }
        for (const QString &name : changes.alteredColumns) {
            const Column &before = *changes.from.column(name);
            const Column &after = *changes.to.column(name);
            const ColumnChange change = compareColumns(before, after);
            auto op = std::make_shared<AlterColumn>();
            op->table = changes.name;
            op->column = name;
            if (change.type)
                op->type = after.type;
            if (change.nullable)
                op->nullable = after.nullable;
            if (change.defaultValue) {
                op->changeDefault = true;
                op->defaultValue = after.defaultValue;
            }
            if (auto done = push(op); !done)
                return done;
        }
        for (const QString &name : changes.droppedColumns) {
            // A key column stays until the (hand-written) key change moves it.
            if (changes.primaryKeyChanged && changes.from.primaryKey.contains(name))
                continue;
            auto op = std::make_shared<DropColumn>();
            op->table = changes.name;
            op->column = name;
            if (auto done = push(op); !done)
                return done;
        }
    }
    return {};
}

Status DiffPlanner::createIndexesAndConstraints()
{
    for (const TableChanges &changes : std::as_const(m_kept)) {
        for (qsizetype j : changes.uniques.added) {
            auto op = std::make_shared<CreateUnique>();
            op->table = changes.name;
            op->constraint = changes.to.uniques.at(j);
            if (op->constraint.name.isEmpty())
                op->constraint.name = freeConstraintName(changes.name,
                                                         u"uq_%1_%2"_s.arg(changes.name, op->constraint.columns.join(u'_')));
            if (auto done = push(op); !done)
                return done;
        }
        for (qsizetype j : changes.checks.added) {
            auto op = std::make_shared<CreateCheck>();
            op->table = changes.name;
            op->check = changes.to.checks.at(j);
            if (op->check.name.isEmpty())
                op->check.name = freeConstraintName(changes.name, u"ck_%1"_s.arg(changes.name));
            if (auto done = push(op); !done)
                return done;
        }
        for (qsizetype j : changes.indexes.added) {
            auto op = std::make_shared<CreateIndex>();
            op->table = changes.name;
            op->index = changes.to.indexes.at(j);
            if (auto done = push(op); !done)
                return done;
        }
    }
    return {};
}

Status DiffPlanner::createForeignKeys()
{
    QList<QPair<QString, ForeignKey>> keys;
    for (const TableChanges &changes : std::as_const(m_kept)) {
        for (qsizetype i : changes.recreatedForeignKeys) {
            if (!changes.from.foreignKeys.at(i).name.isEmpty())
                keys.append({changes.name, changes.from.foreignKeys.at(i)});
        }
        for (qsizetype j : changes.foreignKeys.added)
            keys.append({changes.name, changes.to.foreignKeys.at(j)});
    }
    keys << m_lateForeignKeys;
    for (const auto &[table, fk] : std::as_const(keys)) {
        auto op = std::make_shared<CreateForeignKey>();
        op->table = table;
        op->foreignKey = fk;
        if (fk.name.isEmpty())
            op->foreignKey.name = freeConstraintName(table, u"fk_%1_%2"_s.arg(table, fk.columns.join(u'_')));
        if (auto done = push(op); !done)
            return done;
    }
    return {};
}

} // namespace strata
