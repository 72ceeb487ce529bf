#pragma once

#include "core/dialect/dialectkind.h"
#include "core/revision/revision.h"

namespace strata::alembic {

// What evaluating an Alembic folder's scripts for one dialect found, for people.
struct Evaluation
{
    QString interpreter;            // the Python that read the scripts; empty when none could
    QStringList notes;              // interpreters passed over, scripts read statically instead
    QStringList problems;           // "file:line: message" from the recordings
    int fromCache = 0;              // scripts whose recording came from the cache
    int recorded = 0;               // scripts run through Python this time
};

// Replaces each revision's upgrade/downgrade (read statically from its .py
// file) by what its upgrade()/downgrade() do when run against a recording
// `op` for this dialect (Strata's Python bridge, see pythonbridge.h), and
// marks its data steps. A script Python can't load keeps its static reading
// and gets Revision::pythonError. Without a usable Python every revision
// keeps its static reading and the notes say why.
//
// Recordings are kept in cacheFile (empty: no cache), keyed by the script's
// checksum, the dialect, the interpreters tried and the bridge's digest, so
// a second open starts no Python.
Evaluation evaluateScripts(QList<Revision> &revisions, const QString &versionsDirectory, DialectKind dialect,
                           const QString &cacheFile);

} // namespace strata::alembic
