#pragma once

// Internal to core/diff: the phases of diffSchemas(), in the order that keeps
// every operation valid on both databases.

#include "core/diff/schemadiff.h"

#include <QHash>
#include <QSet>

namespace strata {

class DiffPlanner
{
public:
    DiffPlanner(Schema from, Schema to, CompareRules rules);

    // Plans every phase; each operation is applied to current() as it is
    // planned, with its inverse computed against the schema just before it.
    Status run();
    SchemaDiff takeResult() { return std::move(m_result); }
    const Schema &current() const { return m_current; }

private:
    // A table in both schemas and what differs in it.
    struct TableChanges
    {
        QString name;
        Table from;
        Table to;
        QStringList addedColumns;
        QStringList droppedColumns;
        QStringList alteredColumns;
        QSet<QString> retyped;
        Matching indexes;
        Matching uniques;
        Matching foreignKeys;
        Matching checks;
        QList<qsizetype> recreatedForeignKeys;   // kept, but dropped and re-created around a change they depend on
        bool primaryKeyChanged = false;
    };

    void analyse();
    void analyseTable(TableChanges &changes);
    bool keyKept(const ForeignKey &fk) const;
    const TableChanges *kept(const QString &table) const;

    Status dropForeignKeys();
    Status dropTables();
    Status dropIndexesAndConstraints();
    Status createTables();
    Status changeColumns();
    Status createIndexesAndConstraints();
    Status createForeignKeys();

    Status push(std::shared_ptr<Operation> op);
    Status dropConstraint(const QString &table, const QString &name, const QString &what);
    // Whether a foreign key can be created now: its key exists and keeps its type.
    bool referenceReady(const QString &table, const ForeignKey &fk) const;
    // `base`, or base_2, base_3... whichever no constraint of the table uses yet.
    QString freeConstraintName(const QString &table, const QString &base) const;

    Schema m_from;
    Schema m_to;
    Schema m_current;
    CompareRules m_rules;
    QList<TableChanges> m_kept;
    QHash<QString, qsizetype> m_keptIndex;
    QStringList m_dropped;
    QStringList m_added;
    QList<QPair<QString, ForeignKey>> m_lateForeignKeys;   // new tables' keys that wait for their target
    OperationList m_inverses;
    SchemaDiff m_result;
};

} // namespace strata
