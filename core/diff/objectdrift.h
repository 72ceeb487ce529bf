#pragma once

#include "core/diff/schemacompare_p.h"

namespace strata {

// One schema object that differs between what the history builds and what
// the database holds, for the studio's database view and anyone who wants
// drift object by object rather than as the operations that would fix it.
struct ObjectDrift
{
    enum class Side {
        OnlyInDatabase,   // the database has it, the replayed history does not
        OnlyInHistory,    // the history creates it, the database does not have it
        Differs,          // both have it, with a different definition
    };
    enum class Kind { Table, Column, PrimaryKey, Index, Unique, ForeignKey, Check };

    Side side = Side::Differs;
    Kind kind = Kind::Table;
    QString table;
    QString name;      // the object's name (empty for an unnamed constraint or a primary key)
    QString detail;    // what it is or what differs, for people: "text -> varchar(40)", "(user_id) -> user(id)"

    friend bool operator==(const ObjectDrift &, const ObjectDrift &) = default;
};

QString objectKindName(ObjectDrift::Kind kind);   // "table", "column", "unique constraint"...
QString driftSideName(ObjectDrift::Side side);    // "only in the database"...

// history -> database, both already prepared for the comparison (see
// prepareComparison()); they are normalised again as diffSchemas() does.
// A table on one side only is one entry, not one per column. Ordered by
// table name, then kind, then name.
QList<ObjectDrift> objectDrift(const Schema &history, const Schema &database, const CompareRules &rules = {});

} // namespace strata
