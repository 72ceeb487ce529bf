#pragma once

#include "core/graph/revisiongraph.h"

#include <QSet>

namespace strata::cli {

// Revision lines as Alembic prints them, so Flask-Migrate users read them at a glance.
class RevisionFormat
{
public:
    explicit RevisionFormat(const RevisionGraph &graph, QSet<QString> current = {});

    // "9b1e0aa2c4f3 -> 3f2a9c1b7d10 (head), Add daily notes"
    QString historyLine(const Revision &revision) const;
    // "3f2a9c1b7d10 (head)" with labels and markers
    QString idLine(const Revision &revision) const;
    // The block of `history -v` / `show`: Rev, Parent, Path, message, ids, date.
    QString verbose(const Revision &revision) const;

private:
    QString markers(const Revision &revision) const;
    const RevisionGraph &m_graph;
    QSet<QString> m_heads;
    QSet<QString> m_current;
};

} // namespace strata::cli
