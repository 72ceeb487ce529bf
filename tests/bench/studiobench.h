#pragma once

#include "benchproject.h"
#include "processrun.h"

class ScratchDatabase;

// What the studio's figures need besides the runs themselves: big projects
// kept in the build folder between bench runs, databases brought to head, and
// the command line of a measured studio.
namespace Bench {

// A linear project of `revisions` in cacheDir, written the first time (100,000
// files take a while) and reused while its marker says it was written whole by
// this generator.
GeneratedProject cachedProject(const QString &cacheDir, int revisions, QString *error);

// Setup, not timed: the offline script through sqlite3 without waiting for
// fsync at each commit, so 10,000 steps take seconds, not minutes. Returns
// what failed, or an empty string.
QString upgradeWithoutFsync(const GeneratedProject &project, const ScratchDatabase &db, const QString &workDir);

// `strata-studio ARGS` offscreen, its settings in the work folder.
ProcessSpec studioSpec(const QString &program, const QStringList &arguments, const QString &workDir,
                       const QString &stdoutFile);
// The version rows of db (strata_version) through the client.
QString versionRows(const ScratchDatabase &db, const QString &workDir);

} // namespace Bench
