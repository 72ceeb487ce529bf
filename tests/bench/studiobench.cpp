#include "studiobench.h"

#include "benchtools.h"
#include "scratchdatabase.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Bench {

namespace {

// Bump when the generator writes other files, so stale caches are rewritten.
constexpr char generatorVersion[] = "chain-2\n";

} // namespace

GeneratedProject cachedProject(const QString &cacheDir, int revisions, QString *error)
{
    const QString directory = cacheDir + u"/linear-%1"_s.arg(revisions);
    const QString marker = directory + u"/.complete"_s;
    GeneratedProject project{directory, QString::fromLatin1(revisionId(Shape::Linear, revisions - 1)), revisions,
                             (revisions + 3) / 4};
    if (readText(marker) == QLatin1String(generatorVersion))
        return project;
    QDir(directory).removeRecursively();
    qInfo("Writing a %d-revision project into %s (once; later runs reuse it)", revisions, qPrintable(directory));
    project = writeChainProject(directory, revisions, Shape::Linear, error);
    if (project.directory.isEmpty() || !writeText(marker, generatorVersion, error))
        return {};
    return project;
}

QString upgradeWithoutFsync(const GeneratedProject &project, const ScratchDatabase &db, const QString &workDir)
{
    const QString script = workDir + u"/setup.sql"_s;
    const ProcessSpec sql = strataCli(project.directory, {u"upgrade"_s, u"head"_s, u"--sql"_s}, db.url(), script);
    ProcessResult r = runProcess(sql);
    if (!r.ok())
        return failure(sql, r);
    QFile file(script);
    if (!file.open(QIODevice::ReadWrite))
        return u"cannot open %1"_s.arg(script);
    const QByteArray text = file.readAll();
    file.seek(0);
    file.write("PRAGMA synchronous = OFF;\nPRAGMA journal_mode = MEMORY;\n" + text);
    file.close();
    const ProcessSpec client = clientScript(db, script);
    r = runProcess(client);
    if (!r.ok())
        return failure(client, r);
    if (const QString rows = versionRows(db, workDir); rows != project.headId)
        return u"the setup script left the version at \"%1\", not %2"_s.arg(rows, project.headId);
    return {};
}

ProcessSpec studioSpec(const QString &program, const QStringList &arguments, const QString &workDir,
                       const QString &stdoutFile)
{
    ProcessSpec spec;
    spec.program = program;
    spec.arguments = arguments;
    spec.stdoutFile = stdoutFile;
    spec.environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // Its settings (recent projects) stay in the scratch folder.
    spec.environment.insert(u"XDG_CONFIG_HOME"_s, workDir + u"/config"_s);
    spec.environment.insert(u"XDG_DATA_HOME"_s, workDir + u"/data"_s);
    return spec;
}

QString versionRows(const ScratchDatabase &db, const QString &workDir)
{
    const QString out = workDir + u"/rows.txt"_s;
    const ProcessResult r = runProcess(clientCurrent(db, out));
    return r.ok() ? readText(out).trimmed() : u"(could not read strata_version)"_s;
}

} // namespace Bench
