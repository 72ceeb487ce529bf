#pragma once

#include "core/error.h"

#include <QStringList>

namespace strata {

class Connection;
class Project;

// `strata revision`: an empty revision for a person to fill in.
struct NewRevisionOptions
{
    QString message;
    QString head;                 // parent: empty for the single head, "base" for a new branch, else a revision
    QStringList branchLabels;
    QStringList dependsOn;        // ids or prefixes
    QString revisionId;           // empty: a new random id
};

// `strata merge`: a revision whose parents are the given heads.
struct MergeOptions
{
    QStringList revisions;        // ids, prefixes, or "heads"
    QString message;
    QString revisionId;
};

struct AuthoredRevision
{
    QString revisionId;
    QString path;
    QString command;       // Alembic folders: the tool that wrote the script, as typed
    QString toolOutput;    // and what it printed
};

// Both check the same things in either kind of folder (a message, one head
// or an explicit parent, parents and dependencies that exist), then write: a
// YAML file into versions/ through Project::writeRevision, or, in a
// Flask-Migrate / Alembic folder, a script by the team's own `flask db
// revision|merge` (`alembic revision|merge` when flask can't find the app).
// The project then holds the new revision. In an Alembic folder they start
// Python: call them off the UI thread.
Result<AuthoredRevision> createRevision(Project &project, const NewRevisionOptions &options);
Result<AuthoredRevision> mergeRevisions(Project &project, const MergeOptions &options);

// Deleting a revision file (YAML or an Alembic script) is safe only while
// nothing builds on it: no child or dependent revision, and no database that
// has applied it. Only the connected database can be asked; `connection`
// null: none is connected. `strata delete` and the studio's Delete revision.
struct RevisionDeletion
{
    QString revisionId;
    QString path;
    QString message;
};
Result<RevisionDeletion> planRevisionDeletion(const Project &project, const QString &idOrPrefix,
                                              Connection *connection);
struct DeletedRevision
{
    QString path;
    QString trashPath;     // empty: deleted, there was no trash
    QString summary() const;
};
// Moves the file to the desktop's trash where there is one, else deletes it.
Result<DeletedRevision> deleteRevisionFile(const RevisionDeletion &deletion);

} // namespace strata
