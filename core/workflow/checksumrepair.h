#pragma once

#include "core/error.h"

#include <QStringList>

namespace strata {

class Connection;
class Project;

// `strata repair`: after a person decided the edits to applied files were
// harmless, records each file's checksum now as a new "repair" row in the
// history table (the original upgrade rows stay for the record).
struct RepairOutcome
{
    QStringList files;    // the files whose checksum was recorded again; empty: nothing to repair

    // "Recorded the new checksum of versions/x.yaml" per file, or "Nothing to repair: ...".
    QStringList lines() const;
};

Result<RepairOutcome> repairChecksums(Connection &connection, const Project &project);

} // namespace strata
