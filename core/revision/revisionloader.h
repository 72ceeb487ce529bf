#pragma once

#include "core/revision/revision.h"

namespace strata {

// Reads every revision file of a versions/ folder (*.yaml, *.yml), in file
// name order: unchanged files come from the RevisionCache, the others are
// parsed on all cores. The result, and the error when a file is bad (the
// first bad file in name order), are the same as reading the files one by
// one; the cache is rewritten only when something changed.
class RevisionLoader
{
public:
    // cachePath empty: no cache (parse everything, write nothing).
    RevisionLoader(QString versionsPath, QString cachePath);

    Result<QList<Revision>> load();

    // Files changed less than this long before load() are parsed but not
    // cached (RevisionCache::kRacyWindowNs); tests shorten it rather than sleep.
    void setRacyWindowNs(qint64 window) { m_racyWindowNs = window; }

    // How the last load() went, for tests and benchmarks.
    qsizetype parsedCount() const { return m_parsed; }
    qsizetype cachedCount() const { return m_cached; }

private:
    QString m_versionsPath;
    QString m_cachePath;
    qsizetype m_parsed = 0;
    qsizetype m_cached = 0;
    qint64 m_racyWindowNs;
};

} // namespace strata
