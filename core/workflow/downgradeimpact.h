#pragma once

#include "core/error.h"

#include <QStringList>

#include <optional>

namespace strata {

class Connection;
class Project;

// Data a downgrade would delete, read from the database as it is now.
struct DataAtRisk
{
    QString revision;              // the revision whose downgrade drops it
    QString table;
    QString column;                // empty: the whole table
    bool fromRawSql = false;       // a DROP TABLE in an execute
    std::optional<qint64> rows;    // rows (or non-null values) it holds now; nullopt when not there or unreadable

    // "table daily_note (12 rows)", "column habit.archived (3 values), raw SQL"
    QString toString() const;
};

// Plans the downgrade from the database's heads to the target and lists what
// its steps drop, with the row counts the live database holds. Empty: nothing
// with data would go.
Result<QList<DataAtRisk>> dataDroppedByDowngrade(Connection &connection, const Project &project,
                                                 const QString &target);

} // namespace strata
