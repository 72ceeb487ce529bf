#pragma once

#include "core/schema/schema.h"

namespace strata {

class Project;

// models.yaml parsed once per change of the file, like the revision cache:
// the parsed Schema is kept in .strata-cache/models-<tag>.bin with the
// file's path and stat() stamp, and served only while both are unchanged.
// A 5,000-table models.yaml costs seconds of YAML parsing and a few
// milliseconds to decode. A file changed within the racy window before it
// was read, or one that does not parse, is never stored (its errors are
// reported afresh on every run).
class ModelsCache
{
public:
    // .strata-cache/models-<tag>.bin of a project folder.
    static QString pathFor(const QString &projectDirectory);

    // cachePath empty: no cache, the file is always parsed.
    explicit ModelsCache(QString cachePath);

    // The models file at modelsPath, from the cache when it is unchanged. A
    // missing models file is an empty schema.
    Result<Schema> read(const QString &modelsPath);
    // Whether the last read() was served from the cache file.
    bool lastReadCached() const { return m_lastCached; }
    // Tests write a file and read it at once: they shrink the racy window.
    void setRacyWindowNs(qint64 ns) { m_racyWindowNs = ns; }

private:
    QString m_cachePath;
    qint64 m_racyWindowNs;
    bool m_lastCached = false;
};

// The project's models.yaml, through its cache unless STRATA_NO_CACHE is set.
Result<Schema> readProjectModels(const Project &project);

} // namespace strata
