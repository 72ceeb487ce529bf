#include "core/alembic/alembicproject.h"

#include "core/alembic/alembictranslate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace strata::alembic {

namespace {

// [alembic] sqlalchemy.url, when it is a plain URL (Flask-Migrate leaves it
// out: the Flask app's config holds it).
QString iniDatabaseUrl(const QString &iniPath)
{
    QFile file(iniPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    bool inAlembic = false;
    for (const QString &raw : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.startsWith(u'['))
            inAlembic = line == u"[alembic]"_s;
        else if (inAlembic && line.startsWith(u"sqlalchemy.url"_s) && line.contains(u'=')) {
            const QString value = line.section(u'=', 1).trimmed();
            if (!value.contains(u"%("_s) && value.contains(u"://"_s))
                return value;
        }
    }
    return {};
}

Result<Revision> readScript(const QString &path, ScriptReport &report)
{
    auto script = readAlembicScript(path);
    if (!script)
        return std::unexpected(script.error());
    Revision revision;
    revision.id = script->revision;
    revision.downRevisions = script->downRevisions;
    revision.message = script->message;
    revision.created = script->created;
    if (!revision.created.isValid())
        revision.created = QFileInfo(path).lastModified().toUTC();
    revision.branchLabels = script->branchLabels;
    revision.dependsOn = script->dependsOn;
    revision.filePath = QFileInfo(path).absoluteFilePath();
    revision.idLine = script->revisionLine;
    revision.downRevisionLine = script->downRevisionLine;
    revision.dependsOnLine = script->dependsOnLine;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        revision.checksum = revisionChecksum(file.readAll());

    TranslatedBody up = translateBody(*script, script->upgrade);
    TranslatedBody down = translateBody(*script, script->downgrade);
    revision.upgrade = up.operations;
    revision.downgrade = down.operations;
    report.revision = revision.id;
    report.file = revision.filePath;
    report.message = revision.message;
    report.needsHand = up.needsHand + down.needsHand;
    return revision;
}

} // namespace

bool isAlembicFolder(const QString &directory)
{
    const QDir dir(directory);
    const bool marker = QFileInfo::exists(dir.filePath(u"alembic.ini"_s)) || QFileInfo::exists(dir.filePath(u"env.py"_s))
                        || QFileInfo::exists(dir.filePath(u"script.py.mako"_s));
    return marker && QFileInfo(dir.filePath(u"versions"_s)).isDir();
}

Result<AlembicProject> readAlembicProject(const QString &directory)
{
    if (!isAlembicFolder(directory))
        return fail(Error::Code::NotFound, u"no Alembic migrations folder here"_s, directory,
                    u"point at the folder `flask db init` made: it holds alembic.ini, env.py and versions/"_s);
    AlembicProject project;
    const QDir dir(directory);
    project.directory = dir.absolutePath();
    project.databaseUrl = iniDatabaseUrl(dir.filePath(u"alembic.ini"_s));
    const QDir versions(dir.filePath(u"versions"_s));
    for (const QString &name : versions.entryList({u"*.py"_s}, QDir::Files, QDir::Name)) {
        if (name == u"__init__.py"_s)
            continue;
        ScriptReport report;
        auto revision = readScript(versions.filePath(name), report);
        if (!revision)
            return std::unexpected(revision.error());
        project.revisions << std::move(*revision);
        project.reports << std::move(report);
    }
    return project;
}

} // namespace strata::alembic
