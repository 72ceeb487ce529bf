#include "benchtools.h"

#include "scratchdatabase.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace Bench {

namespace {

const QString catalogSqlite = u"SELECT name, sql FROM sqlite_master WHERE type = 'table';"
                               "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk FROM sqlite_master AS m "
                               "JOIN pragma_table_info(m.name) AS p WHERE m.type = 'table';"
                               "SELECT m.name, il.name, ii.name FROM sqlite_master AS m JOIN pragma_index_list(m.name) AS il "
                               "JOIN pragma_index_info(il.name) AS ii WHERE m.type = 'table';"
                               "SELECT m.name, f.* FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f "
                               "WHERE m.type = 'table';"_s;

const QString catalogPostgres =
    u"SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = 'public' AND c.relkind = 'r';"
    "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
    "pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid "
    "AND d.adnum = a.attnum WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0;"
    "SELECT k.conname, k.contype, pg_get_expr(k.conbin, k.conrelid) FROM pg_constraint k "
    "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = 'public';"
    "SELECT x.relname, pg_get_expr(i.indpred, i.indrelid) FROM pg_index i JOIN pg_class x "
    "ON x.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n "
    "ON n.oid = c.relnamespace WHERE n.nspname = 'public';"_s;

const QString currentSql = u"SELECT version_num FROM strata_version;"_s;

int intFromEnvironment(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

ProcessSpec client(const ScratchDatabase &db, const QString &sql, const QString &stdoutFile)
{
    ProcessSpec spec;
    if (db.dialect() == "sqlite"_L1)
        spec.arguments = {u"-bail"_s, db.sqliteFile(), sql};
    else
        spec.arguments = {u"-X"_s, u"-q"_s, u"-tA"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-d"_s,
                          db.databaseUrl().database, u"-c"_s, sql};
    spec.program = clientName(db.dialect());
    spec.stdoutFile = stdoutFile;
    return spec;
}

} // namespace

Settings Settings::fromEnvironment()
{
    Settings settings;
    const QString sizes = qEnvironmentVariable("STRATA_BENCH_SIZES");
    if (!sizes.isEmpty()) {
        settings.sizes.clear();
        for (const QString &part : sizes.split(u',', Qt::SkipEmptyParts)) {
            if (const int n = part.trimmed().toInt(); n > 0)
                settings.sizes << n;
        }
    }
    settings.runs = intFromEnvironment("STRATA_BENCH_RUNS", settings.runs);
    settings.figureSeconds = intFromEnvironment("STRATA_BENCH_FIGURE_SECONDS", int(settings.figureSeconds));
    settings.wideTables = intFromEnvironment("STRATA_BENCH_WIDE_TABLES", settings.wideTables);
    bool ok = false;
    if (const int max = qEnvironmentVariableIntValue("STRATA_BENCH_BRANCHED_MAX", &ok); ok && max >= 0)
        settings.branchedMax = max;
    settings.sqliteMax = intFromEnvironment("STRATA_BENCH_SQLITE_MAX", settings.sqliteMax);
    settings.output = qEnvironmentVariable("STRATA_BENCH_OUTPUT", QStringLiteral(STRATA_BENCH_OUTPUT));
    settings.cacheDir = qEnvironmentVariable("STRATA_BENCH_CACHE", QStringLiteral(STRATA_BENCH_CACHE));
    if (const int n = qEnvironmentVariableIntValue("STRATA_BENCH_STUDIO_REVISIONS", &ok); ok && n >= 0)
        settings.studioRevisions = n;
    settings.alembic = qEnvironmentVariable("STRATA_BENCH_ALEMBIC", settings.alembic);
    if (const int n = qEnvironmentVariableIntValue("STRATA_BENCH_ALEMBIC_MAX", &ok); ok && n >= 0)
        settings.alembicMax = n;
    settings.alembicRuns = intFromEnvironment("STRATA_BENCH_ALEMBIC_RUNS", settings.alembicRuns);
    return settings;
}

QString Settings::describe() const
{
    QStringList n;
    for (int size : sizes)
        n << QString::number(size);
    return u"sizes %1 (branched on the databases up to %2, upgrades on SQLite up to %3), at most %4 runs and "
           "%5 s per figure, wide schema of %6 tables, the studio also on %7 revisions, Alembic up to %8 "
           "revisions (at most %9 runs per figure)"_s.arg(n.join(u", "_s))
        .arg(branchedMax)
        .arg(sqliteMax)
        .arg(runs)
        .arg(figureSeconds)
        .arg(wideTables)
        .arg(studioRevisions)
        .arg(alembicMax)
        .arg(alembicRuns);
}

bool Settings::alembicInstalled() const
{
    return alembicMax > 0 && !findProgram(alembic).isEmpty() && QFileInfo(findProgram(alembic)).isExecutable();
}

ProcessSpec alembicCli(const Settings &settings, const QString &projectDir, const QStringList &arguments,
                       const QString &databaseUrl, const QString &stdoutFile)
{
    ProcessSpec spec;
    spec.program = settings.alembic;
    spec.arguments = QStringList{u"-c"_s, projectDir + u"/alembic.ini"_s} + arguments;
    spec.environment.remove(u"DATABASE_URL"_s);
    if (!databaseUrl.isEmpty())
        spec.environment.insert(u"DATABASE_URL"_s, databaseUrl);
    spec.stdoutFile = stdoutFile;
    return spec;
}

QString alembicVersions(const Settings &settings)
{
    if (!settings.alembicInstalled())
        return u"not installed"_s;
    // The interpreter on the script's #! line is the one Alembic runs with.
    QFile script(findProgram(settings.alembic));
    QString python = u"/usr/bin/python3"_s;
    if (script.open(QIODevice::ReadOnly)) {
        const QByteArray first = script.readLine().trimmed();
        if (first.startsWith("#!"))
            python = QString::fromLocal8Bit(first.mid(2)).section(u' ', 0, 0);
    }
    QProcess process;
    process.start(python, {u"-c"_s, u"import alembic, sqlalchemy; print(alembic.__version__, sqlalchemy.__version__)"_s});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return u"unknown (%1 could not import alembic)"_s.arg(python);
    const QStringList v = QString::fromUtf8(process.readAllStandardOutput()).trimmed().split(u' ');
    return u"Alembic %1, SQLAlchemy %2 (%3)"_s.arg(v.value(0), v.value(1), findProgram(settings.alembic));
}

ProcessSpec strataCli(const QString &projectDir, const QStringList &arguments, const QString &databaseUrl,
                   const QString &stdoutFile)
{
    ProcessSpec spec;
    spec.program = qEnvironmentVariable("STRATA_BENCH_CLI", QStringLiteral(STRATA_CLI));
    spec.arguments = QStringList{u"--directory"_s, projectDir} + arguments;
    spec.environment.remove(u"DATABASE_URL"_s);
    if (!databaseUrl.isEmpty())
        spec.environment.insert(u"DATABASE_URL"_s, databaseUrl);
    spec.stdoutFile = stdoutFile;
    return spec;
}

ProcessSpec clientScript(const ScratchDatabase &db, const QString &script)
{
    ProcessSpec spec;
    spec.program = clientName(db.dialect());
    if (db.dialect() == "sqlite"_L1) {
        spec.arguments = {u"-bail"_s, db.sqliteFile()};
        spec.stdinFile = script;
    } else {
        spec.arguments = {u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-d"_s, db.databaseUrl().database,
                          u"-f"_s, script};
    }
    return spec;
}

ProcessSpec clientCurrent(const ScratchDatabase &db, const QString &stdoutFile)
{
    return client(db, currentSql, stdoutFile);
}

ProcessSpec clientCatalog(const ScratchDatabase &db)
{
    return client(db, db.dialect() == "sqlite"_L1 ? catalogSqlite : catalogPostgres, {});
}

ProcessSpec clientQuery(const ScratchDatabase &db, const QString &sql, const QString &stdoutFile)
{
    return client(db, sql, stdoutFile);
}

ProcessSpec clientScriptAtomic(const ScratchDatabase &db, const QString &script)
{
    ProcessSpec spec = clientScript(db, script);
    if (db.dialect() != "sqlite"_L1)
        spec.arguments.prepend(u"-1"_s);
    return spec;
}

QString clientName(const QString &dialect)
{
    return dialect == "sqlite"_L1 ? u"sqlite3"_s : u"psql"_s;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString failure(const ProcessSpec &spec, const ProcessResult &result)
{
    const QString what = QFileInfo(spec.program).fileName() + u' ' + spec.arguments.mid(spec.program.endsWith(u"strata"_s) ? 2 : 0).join(u' ');
    if (!result.started)
        return u"%1 did not start: %2"_s.arg(what, result.stderrText);
    if (result.timedOut)
        return u"%1 timed out after %2 s"_s.arg(what).arg(spec.timeoutSeconds);
    return u"%1 exited %2: %3"_s.arg(what).arg(result.exitCode).arg(result.stderrText);
}

} // namespace Bench
