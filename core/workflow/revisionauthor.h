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
};

// Both write into versions/ through Project::writeRevision (which refuses a
// Flask-Migrate folder: its scripts are written by `flask db`), and the
// project then holds the new revision.
Result<AuthoredRevision> createRevision(Project &project, const NewRevisionOptions &options);
Result<AuthoredRevision> mergeRevisions(Project &project, const MergeOptions &options);

// Deleting a revision file is safe only while nothing builds on it: no child
// or dependent revision, and no database that has applied it. Only the
// connected database can be asked; `connection` null: none is connected.
struct RevisionDeletion
{
    QString revisionId;
    QString path;
    QString message;
};
Result<RevisionDeletion> planRevisionDeletion(const Project &project, const QString &idOrPrefix,
                                              Connection *connection);
// Moves the file to the desktop's trash where there is one, else deletes it.
// Returns the trash path, or an empty string when deleted.
Result<QString> deleteRevisionFile(const RevisionDeletion &deletion);

} // namespace strata
