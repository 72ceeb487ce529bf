#include "core/workflow/alembicauthor_p.h"

#include "core/alembic/scriptcommand.h"
#include "core/project/project.h"

using namespace Qt::StringLiterals;

namespace strata {

Result<AuthoredRevision> writeAlembicRevision(Project &project, const Revision &revision)
{
    const bool merge = revision.downRevisions.size() > 1;
    QStringList arguments{u"-m"_s, revision.message, u"--rev-id"_s, revision.id};
    for (const QString &label : revision.branchLabels)
        arguments << u"--branch-label"_s << label;
    if (merge) {
        arguments += revision.downRevisions;
    } else {
        // Always named: the script goes on the parent the checks above chose,
        // not on whatever Alembic would take as the head.
        const QString parent = revision.downRevisions.isEmpty() ? u"base"_s : revision.downRevisions.first();
        arguments << u"--head"_s << parent;
        // Strata starts a branch on any revision; Alembic wants that said.
        if (!revision.downRevisions.isEmpty() && !project.graph().heads().contains(parent))
            arguments << u"--splice"_s;
        for (const QString &dependency : revision.dependsOn)
            arguments << u"--depends-on"_s << dependency;
    }
    const QString directory = project.directory().absolutePath();
    auto written = alembic::runScriptCommand(directory, alembic::scriptToolFor(directory),
                                             merge ? u"merge"_s : u"revision"_s, arguments);
    if (!written)
        return std::unexpected(written.error());
    auto reread = Project::open(directory);
    if (!reread)
        return std::unexpected(reread.error());
    if (!reread->graph().find(revision.id))
        return fail(Error::Code::Input, u"`%1` wrote %2, which is not revision %3"_s.arg(written->command,
                                                                                        written->path, revision.id),
                    written->path, u"check the folder's script.py.mako and file_template"_s);
    project = std::move(*reread);
    return AuthoredRevision{revision.id, written->path, written->command, written->output};
}

} // namespace strata
