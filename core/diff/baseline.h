#pragma once

#include "core/diff/schemadiff.h"
#include "core/revision/revision.h"

namespace strata {

class Connection;
class Project;

struct BaselineResult
{
    Revision revision;
    QString path;              // the revision file written
    SchemaDiff diff;           // empty schema -> the database's schema
    QStringList warnings;      // what introspection left out or read approximately
    bool wroteModels = false;  // models.yaml was missing or empty and now describes the database
};

// Adopts a database made without migrations (an app's create_all): its
// tables become the project's first revision, the database is stamped at
// it, and models.yaml is written from it when the project has none. Refuses
// a project that already has revisions, a database that is already
// versioned, and one without tables.
Result<BaselineResult> baseline(Project &project, Connection &connection, const QString &message,
                                const QString &revisionId = {});

} // namespace strata
