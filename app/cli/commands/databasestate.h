#pragma once

#include "context.h"

namespace strata::cli {

// The version rows of the connected database, each checked against the
// project: a row the project does not know is Alembic's "Can't locate
// revision" and gets told what to do about it.
Result<QStringList> currentHeads(Context &context);

// The revisions the user named on the command line, resolved to full ids.
Result<QStringList> lookupAll(const RevisionGraph &graph, const QStringList &idsOrPrefixes);

} // namespace strata::cli
