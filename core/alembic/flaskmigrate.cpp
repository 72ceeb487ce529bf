#include "core/alembic/flaskmigrate.h"

#include "core/alembic/pythonbridge.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSet>

using namespace Qt::StringLiterals;

namespace strata::alembic {

namespace {

QSet<QString> scripts(const QDir &versions)
{
    const QStringList names = versions.entryList({u"*.py"_s}, QDir::Files);
    return QSet<QString>(names.begin(), names.end());
}

} // namespace

Result<FlaskMigration> runFlaskMigrate(const QString &migrationsDirectory, const QString &message)
{
    const QDir migrations(migrationsDirectory);
    const QDir versions(migrations.filePath(u"versions"_s));
    const QString root = QFileInfo(migrations.absolutePath()).absolutePath();
    const QSet<QString> before = scripts(versions);
    QStringList tried;
    for (const QString &interpreter : PythonBridge::candidates()) {
        QProcess process;
        process.setWorkingDirectory(root);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(interpreter, {u"-m"_s, u"flask"_s, u"db"_s, u"migrate"_s, u"-d"_s,
                                    migrations.absolutePath(), u"-m"_s, message});
        if (!process.waitForStarted(10'000)) {
            tried << u"%1: can't be started"_s.arg(interpreter);
            continue;
        }
        process.waitForFinished(600'000);
        const QString output = QString::fromUtf8(process.readAll());
        if (output.contains(u"No module named flask"_s)) {
            tried << u"%1: lacks flask"_s.arg(interpreter);
            continue;
        }
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            return fail(Error::Code::Input,
                        u"`flask db migrate` failed: %1"_s.arg(output.trimmed().section(u'\n', -8)), root,
                        u"it runs the app named by FLASK_APP from %1; set FLASK_APP (and the app's database "
                        "settings) as for `flask db upgrade`"_s.arg(root));
        }
        const QSet<QString> added = scripts(versions) - before;
        if (added.isEmpty())
            return fail(Error::Code::Input, u"`flask db migrate` wrote no revision: %1"_s.arg(output.trimmed()),
                        versions.path(), u"check its output above; with no model changes it writes nothing"_s);
        return FlaskMigration{versions.filePath(*added.begin()), output, interpreter};
    }
    return fail(Error::Code::NotFound, u"no Python with Flask-Migrate: tried %1"_s.arg(tried.join(u"; "_s)), root,
                u"point STRATA_PYTHON at the interpreter your project uses"_s);
}

} // namespace strata::alembic
