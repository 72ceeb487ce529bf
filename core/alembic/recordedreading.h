#pragma once

#include "core/alembic/alembicproject.h"
#include "core/dialect/dialectkind.h"

namespace strata::alembic {

// What reading an Alembic folder through Python changed, for people.
struct RecordedReading
{
    QString interpreter;       // empty: no Python could read the scripts; the static reading stays
    int recorded = 0;          // scripts whose recording replaced the static reading
    QStringList notes;         // interpreters passed over, scripts Python could not load
    QStringList problems;      // "file:line: message" from the recordings: check these by hand
};

// Replaces each script's static reading by what its upgrade()/downgrade() do
// against a recording `op` for this dialect (see alembicevaluation.h), so
// loops, helper functions, branches and project types convert whole. A
// direction that needs a live connection (a data step) keeps what recording
// it found, with a placeholder at each place that needs the connection; the
// report lists those. A script Python can't load keeps its static reading.
RecordedReading readThroughPython(AlembicProject &project, DialectKind dialect, const QString &cacheFile);

} // namespace strata::alembic
