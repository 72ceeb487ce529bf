#include "core/alembic/scriptcommand.h"

#include "core/alembic/pythonbridge.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>

using namespace Qt::StringLiterals;

namespace strata::alembic {

namespace {

// Alembic's own command line, with the script location set to the folder that
// was opened: a Flask-Migrate alembic.ini has none (Flask-Migrate passes it),
// and one above the folder may name another.
constexpr auto kAlembicMain = R"(import sys
from alembic.config import CommandLine, Config
ini, location = sys.argv[1], sys.argv[2]
cli = CommandLine(prog="alembic")
options = cli.parser.parse_args(sys.argv[3:])
config = Config(file_=ini or None, ini_section=options.name, cmd_opts=options)
config.set_main_option("script_location", location)
cli.run_cmd(config, options)
)";

QSet<QString> scripts(const QDir &versions)
{
    const QStringList names = versions.entryList({u"*.py"_s}, QDir::Files);
    return QSet<QString>(names.begin(), names.end());
}

QString iniFor(const QDir &migrations)
{
    for (const QString &candidate : {migrations.filePath(u"alembic.ini"_s), migrations.filePath(u"../alembic.ini"_s)}) {
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).absoluteFilePath();
    }
    return {};
}

bool lacksTool(const QString &output, ScriptTool tool)
{
    const QStringList missing = tool == ScriptTool::FlaskDb
        ? QStringList{u"No module named flask"_s, u"No module named 'flask'"_s}
        : QStringList{u"No module named 'alembic'"_s, u"No module named alembic"_s};
    for (const QString &text : missing) {
        if (output.contains(text))
            return true;
    }
    return false;
}

QString quoted(const QString &argument)
{
    return argument.contains(u' ') || argument.isEmpty() ? u"\""_s + argument + u"\""_s : argument;
}

} // namespace

ScriptTool scriptToolFor(const QString &migrationsDirectory)
{
    const QDir migrations(migrationsDirectory);
    QFile env(migrations.filePath(u"env.py"_s));
    const bool flaskEnv = env.open(QIODevice::ReadOnly) && env.readAll().contains("current_app");
    if (!flaskEnv)
        return ScriptTool::Alembic;
    const QDir root(QFileInfo(migrations.absolutePath()).absolutePath());
    const bool appKnown = !qEnvironmentVariable("FLASK_APP").isEmpty() || root.exists(u"app.py"_s)
        || root.exists(u"wsgi.py"_s);
    return appKnown ? ScriptTool::FlaskDb : ScriptTool::Alembic;
}

Result<WrittenScript> runScriptCommand(const QString &migrationsDirectory, ScriptTool tool, const QString &verb,
                                       const QStringList &arguments)
{
    const QDir migrations(migrationsDirectory);
    const QDir versions(migrations.filePath(u"versions"_s));
    const QString root = QFileInfo(migrations.absolutePath()).absolutePath();
    const QString ini = iniFor(migrations);
    QStringList programArguments;
    QString shown;
    if (tool == ScriptTool::FlaskDb) {
        programArguments = QStringList{u"-m"_s, u"flask"_s, u"db"_s, verb, u"-d"_s, migrations.absolutePath()} + arguments;
        shown = u"flask db "_s + verb;
    } else {
        programArguments = QStringList{u"-c"_s, QString::fromUtf8(kAlembicMain), ini, migrations.absolutePath(), verb}
            + arguments;
        shown = u"alembic "_s + (ini.isEmpty() ? QString() : u"-c "_s + quoted(ini) + u' ') + verb;
    }
    for (const QString &argument : arguments)
        shown += u' ' + quoted(argument);
    const QString hint = tool == ScriptTool::FlaskDb
        ? u"it runs the app named by FLASK_APP from %1; set FLASK_APP (and the app's database settings) as for "
          "`flask db upgrade`"_s.arg(root)
        : u"run the same command in %1 to see Alembic's whole message"_s.arg(root);

    // Said up front: Alembic's own message is a Mako traceback.
    if (!migrations.exists(u"script.py.mako"_s))
        return fail(Error::Code::Input,
                    u"`%1` can't write a script: the folder has no script.py.mako, the template Alembic writes "
                    "every new script from"_s.arg(shown),
                    migrations.absolutePath(),
                    u"copy the script.py.mako that `flask db init` (or `alembic init`) made into the folder"_s);
    const QSet<QString> before = scripts(versions);
    QStringList tried;
    for (const QString &interpreter : PythonBridge::candidates()) {
        QProcess process;
        process.setWorkingDirectory(root);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(interpreter, programArguments);
        if (!process.waitForStarted(10'000)) {
            tried << u"%1: can't be started"_s.arg(interpreter);
            continue;
        }
        process.waitForFinished(600'000);
        const QString output = QString::fromUtf8(process.readAll());
        if (lacksTool(output, tool)) {
            tried << u"%1: lacks %2"_s.arg(interpreter, tool == ScriptTool::FlaskDb ? u"flask"_s : u"alembic"_s);
            continue;
        }
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return fail(Error::Code::Input, u"`%1` failed: %2"_s.arg(shown, output.trimmed().section(u'\n', -8)), root,
                        hint);
        const QSet<QString> added = scripts(versions) - before;
        if (added.isEmpty())
            return fail(Error::Code::Input, u"`%1` wrote no revision: %2"_s.arg(shown, output.trimmed()),
                        versions.path(),
                        verb == u"migrate"_s ? u"check its output above; with no model changes it writes nothing"_s
                                             : u"check its output above"_s);
        return WrittenScript{versions.filePath(*added.begin()), output, interpreter, shown};
    }
    return fail(Error::Code::NotFound,
                u"no Python with %1: tried %2"_s.arg(tool == ScriptTool::FlaskDb ? u"Flask-Migrate"_s : u"Alembic"_s,
                                                     tried.join(u"; "_s)),
                root, u"point STRATA_PYTHON at the interpreter your project uses"_s);
}

} // namespace strata::alembic
