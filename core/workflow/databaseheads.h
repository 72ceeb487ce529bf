#pragma once

#include "core/error.h"

#include <QStringList>

namespace strata {

class Connection;
class Project;
class RevisionGraph;

// The version rows of the database, each checked against the project: a row
// the project does not know is Alembic's "Can't locate revision", told what
// to do about it.
Result<QStringList> knownDatabaseHeads(Connection &connection, const Project &project);

// The revisions named by the user (ids, prefixes, head, heads), as full ids.
Result<QStringList> lookupRevisions(const RevisionGraph &graph, const QStringList &idsOrPrefixes);

// Refuses unless the database is at exactly the project's heads (what
// migrate and check compare against); `offlineHint` names the way around it.
Status requireDatabaseAtHeads(Connection &connection, const Project &project, const QString &offlineHint);

} // namespace strata
