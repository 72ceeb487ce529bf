#include "core/workflow/alembicimport.h"

#include "core/alembic/recordedreading.h"
#include "core/db/databaseurl.h"
#include "core/diff/autogenerate.h"
#include "core/graph/revisiongraph.h"
#include "core/project/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata::alembic {

namespace {

struct PlannedFile
{
    QString path;
    QByteArray text;
};

QByteArray revisionFileText(const Revision &revision, const ScriptReport &report)
{
    QByteArray header = "# Imported by `strata import-alembic` from " + QFileInfo(report.file).fileName().toUtf8()
                        + ".\n";
    if (!report.whole())
        header += "# " + QByteArray::number(report.needsHand.size())
                  + " statement(s) could not be translated: each is an execute whose SQL starts with\n"
                    "# STRATA PLACEHOLDER and fails when run. Replace them with operations before upgrading.\n";
    return header + revisionToYaml(revision);
}

QByteArray configText(const QString &iniUrl, QString *databaseUrl)
{
    ProjectConfig config;
    config.versionTable = u"alembic_version"_s;
    QByteArray note;
    if (!iniUrl.isEmpty()) {
        auto url = DatabaseUrl::parse(iniUrl);
        if (url) {
            if (!url->password.isEmpty()) {
                url->password.clear();
                note = "\n# alembic.ini's URL had a password; it was left out: supply it with\n"
                       "# DATABASE_URL, PGPASSWORD or ~/.pgpass.\n";
            }
            config.database = url->toString();
        }
    }
    *databaseUrl = config.database;
    return "# Imported from a Flask-Migrate / Alembic project by `strata import-alembic`.\n"
           "# version_table: alembic_version keeps using the table Alembic wrote, so a database\n"
           "# Alembic upgraded is at the same revision for Strata.\n\n"
           + config.toYaml() + note;
}

Status writeAll(const QList<PlannedFile> &files)
{
    for (const PlannedFile &planned : files) {
        // A temporary file renamed into place: a full disk leaves no empty or half file.
        QSaveFile file(planned.path);
        if (!file.open(QIODevice::WriteOnly) || file.write(planned.text) != planned.text.size() || !file.flush()
            || !file.commit())
            return fail(Error::Code::Io, u"can't write the file: %1"_s.arg(file.errorString()), planned.path,
                        u"that file was not written; free some space or fix the folder's permissions, then run "
                        "again with --force"_s);
    }
    return {};
}

} // namespace

int ImportResult::placeholderCount() const
{
    int count = 0;
    for (const ScriptReport &report : reports)
        count += int(report.needsHand.size());
    return count;
}

Result<ImportResult> importAlembic(const ImportOptions &options)
{
    auto source = readAlembicProject(options.source);
    if (!source)
        return std::unexpected(source.error());
    // Python resolves what the static reader can't (loops, helpers, branches,
    // project types): revisions made only of operation calls convert whole.
    const DialectKind dialect = options.dialect ? *options.dialect
        : source->databaseUrl.startsWith(u"sqlite"_s, Qt::CaseInsensitive) ? DialectKind::Sqlite
                                                                           : DialectKind::Postgresql;
    const RecordedReading reading = readThroughPython(*source, dialect, {});
    // The graph must hold together before anything is written.
    auto graph = RevisionGraph::build(source->revisions);
    if (!graph)
        return std::unexpected(graph.error());

    ImportResult result;
    result.readWith = reading.interpreter.isEmpty()
        ? u"read without Python (loops, helpers, branches and data code need a hand): "_s + reading.notes.join(u"; "_s)
        : u"read through %1 for %2 (dialect branches resolve for it): %3 of %4 script(s)"_s.arg(
              reading.interpreter, dialectName(dialect)).arg(reading.recorded).arg(source->revisions.size());
    if (!reading.interpreter.isEmpty())
        result.warnings << reading.notes;     // without Python, readWith says why
    result.warnings << reading.problems;
    const QDir dest(options.destination.isEmpty() ? options.source : options.destination);
    result.destination = dest.path();
    // The report reads in history order, base first.
    const QStringList order = graph->topologicalOrder(graph->ancestorsOf(graph->heads()));
    result.reports = source->reports;
    std::ranges::stable_sort(result.reports, {}, [&order](const ScriptReport &r) { return order.indexOf(r.revision); });

    QList<PlannedFile> files;
    files << PlannedFile{dest.filePath(u"strata.yaml"_s), configText(source->databaseUrl, &result.databaseUrl)};
    const QDir versions(dest.filePath(u"versions"_s));
    for (qsizetype i = 0; i < source->revisions.size(); ++i) {
        Revision revision = source->revisions.at(i);
        const QString name = QFileInfo(revision.filePath).completeBaseName() + u".yaml"_s;
        revision.filePath.clear();
        const QByteArray text = revisionFileText(revision, source->reports.at(i));
        // What is written must read back as the same revision.
        auto reread = parseRevision(text, versions.filePath(name));
        if (!reread)
            return std::unexpected(reread.error().wrappedIn(
                u"the translation of %1 would not read back"_s.arg(source->reports.at(i).file)));
        files << PlannedFile{versions.filePath(name), text};
    }
    Schema head;
    for (const QString &id : order) {
        auto replayed = replay(head, graph->find(id)->upgrade);
        if (!replayed) {
            // The revisions are written all the same: the person fixing them needs them.
            result.warnings << u"models.yaml holds the schema before %1, whose operations do not replay: %2"_s.arg(
                id, replayed.error().toString());
            break;
        }
        head = *replayed;
    }
    files << PlannedFile{dest.filePath(u"models.yaml"_s),
                         modelsYaml(head, u"The schema the application wants. Written by `strata import-alembic` "
                                          "from the imported revisions at head;\nchange it with your models, then "
                                          "run `strata migrate -m MSG`."_s)};

    QStringList existing;
    for (const PlannedFile &file : std::as_const(files)) {
        if (QFileInfo::exists(file.path))
            existing << file.path;
    }
    if (!existing.isEmpty() && !options.force)
        return fail(Error::Code::Conflict, u"%1 file(s) exist already: %2"_s.arg(existing.size()).arg(
                                               existing.join(u", "_s)),
                    dest.path(), u"nothing was written; pass --force to replace them, or import into another folder"_s);
    if (!dest.mkpath(u"versions"_s))
        return fail(Error::Code::Io, u"can't create the folder"_s, versions.path());
    if (auto ok = writeAll(files); !ok)
        return std::unexpected(ok.error());
    for (const PlannedFile &file : std::as_const(files))
        result.written << file.path;

    // The written project must open with the very graph Alembic has.
    auto written = Project::open(dest.path());
    if (!written)
        return std::unexpected(written.error().wrappedIn(u"the imported project does not open"_s, dest.path()));
    for (const Revision &revision : graph->revisions()) {
        const Revision *copy = written->graph().find(revision.id);
        if (!copy || copy->downRevisions != revision.downRevisions || copy->branchLabels != revision.branchLabels
            || copy->dependsOn != revision.dependsOn)
            return fail(Error::Code::Internal, u"revision %1 did not keep its place in the graph"_s.arg(revision.id),
                        dest.path());
    }
    return result;
}

QString importReport(const ImportResult &result)
{
    QString text = u"Imported %1 Alembic revision(s) into %2\n"_s.arg(result.reports.size()).arg(result.destination);
    if (!result.readWith.isEmpty())
        text += u"Scripts %1\n"_s.arg(result.readWith);
    for (const ScriptReport &report : result.reports) {
        const QString state = report.whole() ? u"converted whole"_s
                                             : u"needs a hand (%1 placeholder(s))"_s.arg(report.needsHand.size());
        text += u"  %1  %2  %3\n"_s.arg(report.revision.leftJustified(12), state.leftJustified(32), report.message);
        for (const QString &line : report.needsHand)
            text += u"      %1\n"_s.arg(line);
    }
    for (const QString &warning : result.warnings)
        text += u"warning: %1\n"_s.arg(warning);
    const int placeholders = result.placeholderCount();
    text += placeholders == 0
                ? u"Every operation was translated.\n"_s
                : u"%1 statement(s) need translating by hand: in versions/*.yaml each is an execute whose SQL starts "
                  "with STRATA PLACEHOLDER and fails loudly if run. Replace them before upgrading.\n"_s.arg(placeholders);
    text += u"strata.yaml uses version_table: alembic_version, so a database Alembic upgraded keeps its revision.\n"_s;
    if (result.databaseUrl.isEmpty())
        text += u"No database URL was found (Flask-Migrate keeps it in the app's config): pass --database URL or "
                "set DATABASE_URL, or add `database:` to strata.yaml.\n"_s;
    text += u"Next: `strata current` shows where a database is, `strata upgrade --sql` previews, `strata upgrade` runs.\n"_s;
    return text;
}

} // namespace strata::alembic
