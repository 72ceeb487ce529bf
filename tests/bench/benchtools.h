#pragma once

#include "processrun.h"

#include <QList>
#include <QString>
#include <QStringList>

class ScratchDatabase;

// What the suite runs and how often, from the environment, and the command
// lines it times: strata, strata-studio, and the databases' own clients.
namespace Bench {

struct Settings
{
    QList<int> sizes{100, 1000, 10000};   // STRATA_BENCH_SIZES=100,1000
    int runs = 5;                          // STRATA_BENCH_RUNS: runs per figure (at most)
    double figureSeconds = 20;             // STRATA_BENCH_FIGURE_SECONDS: no new run after this long
    int wideTables = 5000;                 // STRATA_BENCH_WIDE_TABLES
    int branchedMax = 1000;                // STRATA_BENCH_BRANCHED_MAX: largest branched project run on a database
    // STRATA_BENCH_SQLITE_MAX: largest project upgraded on SQLite; beyond it
    // `current` runs on a file brought to head untimed. Each SQLite commit waits for fsync, so
    // 10,000 steps take minutes on a VM's disk (for strata and floor alike).
    int sqliteMax = 1000;
    QString output;                        // STRATA_BENCH_OUTPUT: the markdown file
    // STRATA_BENCH_STUDIO_REVISIONS: the big history the studio opens (0: none),
    // written once into STRATA_BENCH_CACHE (the build folder) and reused by later runs.
    int studioRevisions = 100000;
    QString cacheDir;
    // STRATA_BENCH_ALEMBIC: Alembic's command (Debian's by default), timed on
    // projects up to STRATA_BENCH_ALEMBIC_MAX revisions, at most
    // STRATA_BENCH_ALEMBIC_RUNS runs per figure; STRATA_BENCH_ALEMBIC_MAX=0 leaves it out.
    QString alembic = QStringLiteral("/usr/bin/alembic");
    int alembicMax = 1000;
    int alembicRuns = 3;

    static Settings fromEnvironment();
    bool alembicInstalled() const;
    QString describe() const;
};

// `alembic -c DIR/alembic.ini ARGS` with the URL in DATABASE_URL (env.py reads it there).
ProcessSpec alembicCli(const Settings &settings, const QString &projectDir, const QStringList &arguments,
                       const QString &databaseUrl = {}, const QString &stdoutFile = {});
// "alembic 1.8.1, SQLAlchemy 1.4.46", or "not installed".
QString alembicVersions(const Settings &settings);


// `strata ARGS` in a project folder (this tree's build, or STRATA_BENCH_CLI);
// databaseUrl goes in DATABASE_URL (never on the command line, where `ps`
// would show a password).
ProcessSpec strataCli(const QString &projectDir, const QStringList &arguments, const QString &databaseUrl = {},
                   const QString &stdoutFile = {});

// `sqlite3 -bail FILE < script` or `psql -X -q -v ON_ERROR_STOP=1 -d DB -f script`.
ProcessSpec clientScript(const ScratchDatabase &db, const QString &script);
// The one query `strata current` needs, through the client; its output is the version rows.
ProcessSpec clientCurrent(const ScratchDatabase &db, const QString &stdoutFile);
// The catalog queries introspection needs (one per kind of object), through the client.
ProcessSpec clientCatalog(const ScratchDatabase &db);
// One query through the client, its rows (unaligned) to stdoutFile.
ProcessSpec clientQuery(const ScratchDatabase &db, const QString &sql, const QString &stdoutFile);
// The script in one transaction: `sqlite3 FILE < script` (the script holds its
// one BEGIN/COMMIT) or `psql -1 -q -v ON_ERROR_STOP=1 -f script`.
ProcessSpec clientScriptAtomic(const ScratchDatabase &db, const QString &script);

QString clientName(const QString &dialect);       // sqlite3 or psql
QString readText(const QString &path);
// "strata upgrade head exited 1: <stderr>" for a failed run.
QString failure(const ProcessSpec &spec, const ProcessResult &result);

} // namespace Bench
