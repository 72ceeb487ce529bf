#pragma once

#include "core/alembic/pythonsyntax_p.h"

#include <QDateTime>

namespace strata::alembic {

// One Alembic revision script (versions/*.py), read without running Python:
// the module-level identifiers, the docstring, and the statements of
// upgrade() and downgrade().
struct AlembicScript
{
    QString path;
    QString revision;
    QStringList downRevisions;     // empty for a base; several for a merge
    QStringList branchLabels;
    QStringList dependsOn;
    QString message;               // the docstring's first paragraph
    QDateTime created;             // the docstring's "Create Date", read as UTC; invalid when absent
    int revisionLine = 0;
    int downRevisionLine = 0;
    int dependsOnLine = 0;

    QList<PyStatement> upgrade;
    QList<PyStatement> downgrade;
    int upgradeLine = 0;           // of the def line; 0 when the function is missing
    int downgradeLine = 0;
    QStringList sourceLines;       // the file, for quoting a statement in a report

    // Lines first..last of the file, as written.
    QString sourceText(int first, int last) const;
};

Result<AlembicScript> readAlembicScript(const QString &path);
Result<AlembicScript> parseAlembicScript(const QString &source, const QString &path);

} // namespace strata::alembic
