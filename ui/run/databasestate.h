#pragma once

#include "core/dialect/dialectkind.h"
#include "core/error.h"
#include "ui/safety/safetysummary.h"

#include <QHash>
#include <QMetaType>
#include <QStringList>

namespace strata {
class Connection;
class Project;
}

namespace strata::ui {

// What the studio shows about the connected database: where it is on the
// timeline and which checksums it recorded. Never holds a password.
struct DatabaseState
{
    DialectKind dialect = DialectKind::Sqlite;
    QString displayUrl;                       // redacted
    QString databaseName;                     // file name or database name
    bool versioned = false;                   // the version table exists
    QStringList heads;                        // version rows the project knows
    QStringList unknownHeads;                 // version rows it does not (another branch or checkout)
    QHash<QString, QString> appliedChecksums; // revision -> checksum recorded when applied or repaired
    SafetySummary safety;                     // drift, edited files, missing revisions
};

// Reads the version and history tables and the drift through a connection of
// this thread (it introspects: call it in a worker, never on the window's thread).
Result<DatabaseState> readDatabaseState(Connection &connection, const Project &project);

} // namespace strata::ui

Q_DECLARE_METATYPE(strata::ui::DatabaseState)
