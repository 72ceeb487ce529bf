#include "diff/revisionpreview.h"

#include "db/offlinescript.h"
#include "dialect/dialect.h"
#include "graph/plan.h"
#include "project/project.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

Result<QString> upgradeScript(const Project &project, const Revision &revision, const Dialect &dialect)
{
    // The same as `strata upgrade PARENT:REV --sql`.
    auto plan = Planner(project.graph()).upgrade(revision.downRevisions, revision.id);
    if (!plan)
        return std::unexpected(plan.error());
    return offlineScript(project, *plan, dialect);
}

Result<QString> downgradeScript(const Project &project, const Revision &revision, const Dialect &dialect)
{
    // One step down from the revision: to its parent, to base for a base,
    // and for a merge back to the heads it joined.
    const QString target = revision.isBase()        ? u"base"_s
                         : revision.downRevisions.size() == 1 ? revision.downRevisions.first()
                                                              : u"-1"_s;
    auto plan = Planner(project.graph()).downgrade({revision.id}, target);
    if (!plan)
        return std::unexpected(plan.error());
    return offlineScript(project, *plan, dialect);
}

} // namespace

QStringList ddlLines(const QStringList &statements)
{
    QStringList lines;
    for (const QString &statement : statements) {
        if (!lines.isEmpty() && statement.startsWith(u"CREATE TABLE"_s, Qt::CaseInsensitive))
            lines << QString();
        lines << QString(statement + u';').split(u'\n');
    }
    return lines;
}

Result<RevisionPreview> previewRevision(const Project &project, const QString &revisionId,
                                        const Dialect &dialect)
{
    const Revision *revision = project.graph().find(revisionId);
    if (!revision)
        return fail(Error::Code::NotFound, u"no revision %1 in this project"_s.arg(revisionId),
                    project.directory().path(), u"reload the project"_s);
    auto before = project.schemaAt(revision->downRevisions);
    if (!before)
        return std::unexpected(before.error());
    auto after = project.schemaAt({revision->id});
    if (!after)
        return std::unexpected(after.error());

    RevisionPreview preview;
    preview.revisionId = revision->id;
    preview.message = revision->message;
    preview.dialect = dialect.name();
    preview.beforeLabel = revision->isBase() ? u"base"_s : revision->downRevisions.join(u" + "_s);
    preview.beforeDdl = ddlLines(dialect.schemaDdl(*before));
    preview.afterDdl = ddlLines(dialect.schemaDdl(*after));
    preview.rows = diffLines(preview.beforeDdl, preview.afterDdl);
    preview.upgradeSql = upgradeScript(project, *revision, dialect);
    preview.downgradeSql = downgradeScript(project, *revision, dialect);
    preview.filePath = revision->filePath;
    QFile file(revision->filePath);
    if (file.open(QIODevice::ReadOnly))
        preview.fileText = QString::fromUtf8(file.readAll());
    else
        preview.fileText = u"# cannot read %1: %2"_s.arg(revision->filePath, file.errorString());
    return preview;
}

} // namespace strata::ui
