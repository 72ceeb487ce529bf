#pragma once

#include "core/error.h"

#include <QStringList>

namespace strata {

class Connection;
class Project;

struct StampOptions
{
    QStringList targets;    // ids or prefixes, head, heads or base
    bool purge = false;     // replace every row, even rows naming revisions the project lacks
};

struct StampOutcome
{
    QStringList headsBefore;
    QStringList headsAfter;
    QStringList removed;    // rows that go: heads on the targets' branches, or every row with purge
    QStringList kept;       // rows that stay: heads of other branches
    // "Stamped sqlite:///app.db at a1b2 (was 9f8e)".
    QString summary(const QString &displayUrl) const;
    // What the version table holds before and after, row by row, in the words
    // of Alembic's rule (the confirmation before a stamp).
    QString explanation() const;
};

// The version rows set to a revision without running anything, the way
// Alembic stamps: only the heads on the branches of the targets move; a head
// of an unrelated branch stays. Under the run lock, in one transaction that
// re-checks the rows it decided from.
class Stamper
{
public:
    Stamper(Connection &connection, const Project &project) : m_connection(connection), m_project(project) {}

    // What stamping would do, without doing it (the studio's confirmation).
    Result<StampOutcome> plan(const StampOptions &options);
    Result<StampOutcome> run(const StampOptions &options);

private:
    Connection &m_connection;
    const Project &m_project;
};

} // namespace strata
