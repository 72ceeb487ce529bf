#pragma once

#include "core/alembic/alembicproject.h"
#include "core/dialect/dialectkind.h"

namespace strata::alembic {

// `strata import-alembic SRC [DEST]`: writes a Strata project from an Alembic
// folder. Each script becomes versions/<same name>.yaml with the same id,
// parents, branch labels and dependencies, so a database Alembic left at a
// revision is at the same Strata revision. strata.yaml says
// version_table: alembic_version; models.yaml holds the schema at head, so
// `strata migrate` and `check` start from where the scripts end.
struct ImportOptions
{
    QString source;
    QString destination;        // empty: the source folder itself
    bool force = false;         // replace files that exist already
    // The database the scripts are read for through Python (their dialect
    // branches resolve for it); none: alembic.ini's URL says, else
    // PostgreSQL. Without Python, the static reading.
    std::optional<DialectKind> dialect;
};

struct ImportResult
{
    QString destination;
    QStringList written;        // every file written, in order
    QList<ScriptReport> reports;
    QString databaseUrl;        // written to strata.yaml; empty when none was found
    QStringList warnings;       // what a person should check besides the placeholders
    QString readWith;           // how the scripts were read: through which Python, for which database, or statically
    int placeholderCount() const;
};

// Nothing is written when any target file exists (without force) or when a
// script can't be read: the destination is left as it was.
Result<ImportResult> importAlembic(const ImportOptions &options);

// The summary for people: each revision converted whole or needing a hand,
// with the file:line of every placeholder, then what to do next.
QString importReport(const ImportResult &result);

} // namespace strata::alembic
