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
    int wideTables = 500;                  // STRATA_BENCH_WIDE_TABLES
    int branchedMax = 1000;                // STRATA_BENCH_BRANCHED_MAX: largest branched project run on a database
    // STRATA_BENCH_SQLITE_MAX: largest project upgraded on SQLite; beyond it
    // `current` runs on a file brought to head untimed. Each SQLite commit waits for fsync, so
    // 10,000 steps take minutes on a VM's disk (for strata and floor alike).
    int sqliteMax = 1000;
    QString output;                        // STRATA_BENCH_OUTPUT: the markdown file

    static Settings fromEnvironment();
    QString describe() const;
};

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

QString clientName(const QString &dialect);       // sqlite3 or psql
QString readText(const QString &path);
// "strata upgrade head exited 1: <stderr>" for a failed run.
QString failure(const ProcessSpec &spec, const ProcessResult &result);

} // namespace Bench
