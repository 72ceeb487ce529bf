#pragma once

#include "core/schema/schema.h"

#include <QString>

#include <optional>

namespace strata {

class RevisionGraph;

// The schema at the heads, replayed once per change of the revisions, not on
// every run: check, migrate, status and drift all compare with it, and on a
// 5,000-table history its replay costs more than reading the database. Kept
// in .strata-cache/heads-<tag>.bin (one entry: the heads last asked for)
// under a digest of the replay order, each revision's id and the checksum of
// its file, so an edited, added or removed revision is a miss.
class HeadSchemaCache
{
public:
    // .strata-cache/heads-<tag>.bin of a project folder.
    static QString pathFor(const QString &projectDirectory);
    // The digest of a replay order; empty when a revision has no checksum
    // (not read from a file), which is never cached.
    static QString keyOf(const RevisionGraph &graph, const QStringList &order);

    explicit HeadSchemaCache(QString cachePath) : m_cachePath(std::move(cachePath)) {}

    std::optional<Schema> read(const QString &key) const;
    // Failure to write is no error: the cache is only a shortcut.
    void write(const QString &key, const Schema &schema) const;

private:
    QString m_cachePath;
};

} // namespace strata
