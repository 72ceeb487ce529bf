#pragma once

#include "core/revision/revision.h"

namespace strata::alembic {

// Whether the folder is a Flask-Migrate / Alembic migrations folder:
// alembic.ini, env.py or script.py.mako beside a versions/ folder.
bool isAlembicFolder(const QString &directory);

// What reading one script found: translated whole, or with placeholders.
struct ScriptReport
{
    QString revision;
    QString file;                  // the script's path
    QString message;
    QStringList needsHand;         // "file:line: why: code", upgrade and downgrade
    bool whole() const { return needsHand.isEmpty(); }
};

// An Alembic folder read without running Python: every script's header and
// its upgrade()/downgrade() translated to Strata operations.
struct AlembicProject
{
    QString directory;
    QString databaseUrl;           // alembic.ini's sqlalchemy.url; empty when it has none
    QList<Revision> revisions;     // filePath is the .py script
    QList<ScriptReport> reports;   // in the order of `revisions`
};

// Errors (a script that can't be tokenized, a bad revision header) carry file:line.
Result<AlembicProject> readAlembicProject(const QString &directory);

} // namespace strata::alembic
