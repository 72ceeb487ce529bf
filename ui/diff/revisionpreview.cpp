#include "ui/diff/revisionpreview.h"

#include "core/run/offlinescript.h"
#include "core/dialect/dialect.h"
#include "core/graph/plan.h"
#include "core/project/project.h"
#include "core/project/schemacheckpoints.h"

#include <QFile>
#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

// Up to this many tables the schema tab shows the whole schema before and after.
constexpr qsizetype kWholeSchemaTables = 300;

// The schema replayed at those revisions, through the checkpoints when there are some.
Result<Schema> schemaAt(const Project &project, SchemaCheckpoints *checkpoints, const QStringList &revisionIds)
{
    return checkpoints ? checkpoints->schemaAt(revisionIds) : project.schemaAt(revisionIds);
}

Result<QString> upgradeScript(const Project &project, const Revision &revision, const Dialect &dialect,
                              const Schema &before)
{
    // The same as `strata upgrade PARENT:REV --sql`.
    auto plan = Planner(project.graph()).upgrade(revision.downRevisions, revision.id);
    if (!plan)
        return std::unexpected(plan.error());
    return offlineScript(project, *plan, dialect, false, before);
}

Result<QString> downgradeScript(const Project &project, const Revision &revision, const Dialect &dialect,
                                const Schema &after)
{
    // One step down from the revision: to its parent, to base for a base,
    // and for a merge back to the heads it joined.
    const QString target = revision.isBase()        ? u"base"_s
                         : revision.downRevisions.size() == 1 ? revision.downRevisions.first()
                                                              : u"-1"_s;
    auto plan = Planner(project.graph()).downgrade({revision.id}, target);
    if (!plan)
        return std::unexpected(plan.error());
    return offlineScript(project, *plan, dialect, false, after);
}

QString readFile(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        return QString::fromUtf8(file.readAll());
    return u"# cannot read %1: %2"_s.arg(path, file.errorString());
}

Result<const Revision *> findRevision(const Project &project, const QString &id)
{
    const Revision *revision = project.graph().find(id);
    if (!revision)
        return fail(Error::Code::NotFound, u"no revision %1 in this project"_s.arg(id),
                    project.directory().path(), u"reload the project"_s);
    return revision;
}

// The tables that differ between two schemas (added, dropped or changed,
// each in its own schema's order), and how many are the same on both sides.
struct ChangedTables
{
    Schema before;
    Schema after;
    qsizetype unchanged = 0;
};

ChangedTables changedTables(const Schema &before, const Schema &after)
{
    // Tables a step leaves alone keep their place and share their data with
    // the schema before it, so the common head and tail compare cheaply by
    // position; only the middle, where tables came, went or moved, is matched by name.
    const QList<Table> &left = before.tables;
    const QList<Table> &right = after.tables;
    qsizetype head = 0;
    while (head < left.size() && head < right.size() && left[head].name == right[head].name)
        ++head;
    qsizetype tail = 0;
    while (tail < left.size() - head && tail < right.size() - head
           && left[left.size() - 1 - tail].name == right[right.size() - 1 - tail].name)
        ++tail;
    QHash<QString, qsizetype> middle;   // name -> position in left
    for (qsizetype i = head; i < left.size() - tail; ++i)
        middle.insert(left[i].name, i);

    ChangedTables changed;
    QList<qsizetype> fromLeft;
    QList<qsizetype> fromRight;
    const auto compare = [&](qsizetype was, qsizetype now) {
        if (left[was] == right[now]) {
            ++changed.unchanged;
        } else {
            fromLeft << was;
            fromRight << now;
        }
    };
    for (qsizetype i = 0; i < right.size(); ++i) {
        if (i < head)
            compare(i, i);
        else if (i >= right.size() - tail)
            compare(left.size() - (right.size() - i), i);
        else if (const auto it = middle.constFind(right[i].name); it != middle.cend())
            compare(middle.take(right[i].name), i);
        else
            fromRight << i;   // added
    }
    fromLeft << middle.values();   // dropped
    std::sort(fromLeft.begin(), fromLeft.end());
    std::sort(fromRight.begin(), fromRight.end());
    for (const qsizetype i : std::as_const(fromLeft))
        changed.before.tables << left[i];
    for (const qsizetype i : std::as_const(fromRight))
        changed.after.tables << right[i];
    return changed;
}

QStringList schemaLines(const Dialect &dialect, const Schema &schema, qsizetype unchanged)
{
    QStringList lines = ddlLines(dialect.schemaDdl(schema));
    if (unchanged > 0) {
        const QString note = unchanged == 1 ? u"-- 1 table unchanged by this step is not shown"_s
                                            : u"-- %1 tables unchanged by this step are not shown"_s.arg(unchanged);
        lines.prepend(note);
    }
    return lines;
}

struct Replayed
{
    Schema before;   // at older's parents
    Schema after;    // at newer
};

// Fills the schema before and after, and their diff; returns both schemas,
// where the upgrade and downgrade scripts start.
Result<Replayed> fillSchemas(RevisionPreview &preview, const Project &project, SchemaCheckpoints *checkpoints,
                             const Revision &older, const Revision &newer, const Dialect &dialect)
{
    auto before = schemaAt(project, checkpoints, older.downRevisions);
    if (!before)
        return std::unexpected(before.error());
    auto after = schemaAt(project, checkpoints, {newer.id});
    if (!after)
        return std::unexpected(after.error());
    preview.dialect = dialect.kind();
    preview.beforeLabel = older.isBase() ? u"base"_s : older.downRevisions.join(u" + "_s);
    if (std::max(before->tables.size(), after->tables.size()) > kWholeSchemaTables) {
        // Tens of thousands of tables: the schema tab shows the ones that change.
        const ChangedTables changed = changedTables(*before, *after);
        preview.beforeDdl = schemaLines(dialect, changed.before, changed.unchanged);
        preview.afterDdl = schemaLines(dialect, changed.after, changed.unchanged);
    } else {
        preview.beforeDdl = ddlLines(dialect.schemaDdl(*before));
        preview.afterDdl = ddlLines(dialect.schemaDdl(*after));
    }
    preview.rows = diffLines(preview.beforeDdl, preview.afterDdl);
    return Replayed{std::move(*before), std::move(*after)};
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
                                        const Dialect &dialect, SchemaCheckpoints *checkpoints)
{
    auto revision = findRevision(project, revisionId);
    if (!revision)
        return std::unexpected(revision.error());
    RevisionPreview preview;
    preview.revisionId = (*revision)->id;
    preview.message = (*revision)->message;
    auto schemas = fillSchemas(preview, project, checkpoints, **revision, **revision, dialect);
    if (!schemas)
        return std::unexpected(schemas.error());
    preview.upgradeSql = upgradeScript(project, **revision, dialect, schemas->before);
    preview.downgradeSql = downgradeScript(project, **revision, dialect, schemas->after);
    preview.filePath = (*revision)->filePath;
    preview.fileText = readFile(preview.filePath);
    return preview;
}

Result<RevisionPreview> previewRange(const Project &project, const QString &olderId, const QString &newerId,
                                     const Dialect &dialect, SchemaCheckpoints *checkpoints)
{
    auto older = findRevision(project, olderId);
    if (!older)
        return std::unexpected(older.error());
    auto newer = findRevision(project, newerId);
    if (!newer)
        return std::unexpected(newer.error());
    const Planner planner(project.graph());
    auto plan = planner.upgrade((*older)->downRevisions, (*newer)->id);
    if (!plan)
        return std::unexpected(plan.error());

    RevisionPreview preview;
    preview.revisionId = (*newer)->id;
    preview.rangeStart = (*older)->id;
    preview.message = (*newer)->message;
    preview.stepCount = int(plan->steps.size());
    auto schemas = fillSchemas(preview, project, checkpoints, **older, **newer, dialect);
    if (!schemas)
        return std::unexpected(schemas.error());
    preview.upgradeSql = offlineScript(project, *plan, dialect, false, schemas->before);
    // Back down the same way: from newer to older's parents (base for a base).
    const QString down = (*older)->isBase() ? u"base"_s : (*older)->downRevisions.join(u' ');
    if ((*older)->downRevisions.size() > 1) {
        preview.downgradeSql = fail(Error::Code::Usage,
                                    u"the range starts at the merge %1; a downgrade cannot end at two heads at once"_s
                                        .arg((*older)->id.left(12)),
                                    {}, u"select a range that starts after the merge"_s);
    } else if (auto back = planner.downgrade({(*newer)->id}, down); back) {
        preview.downgradeSql = offlineScript(project, *back, dialect, false, schemas->after);
    } else {
        preview.downgradeSql = std::unexpected(back.error());
    }
    // The file tab shows the newer end; its path says which file it is.
    preview.filePath = (*newer)->filePath;
    preview.fileText = readFile(preview.filePath);
    return preview;
}

} // namespace strata::ui
