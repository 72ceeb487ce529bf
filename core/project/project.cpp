#include "project.h"

#include "core/alembic/alembicevaluation.h"
#include "core/alembic/alembicproject.h"
#include "core/alembic/alembictranslate.h"
#include "core/db/databaseurl.h"
#include "core/project/headschemacache.h"
#include "core/revision/revisioncache.h"
#include "core/revision/revisionloader.h"

#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSaveFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace strata {

struct Project::ReplayMemo
{
    QMutex mutex;
    QStringList revisionIds;
    std::optional<Schema> schema;
};

namespace {

const auto kConfigFile = u"strata.yaml"_s;
constexpr qsizetype kMaxSlugLength = 40;

// Written to a temporary file and renamed into place: a full disk or a crash
// leaves no empty or half file behind (an empty revision file breaks every
// later command).
Status writeNewFile(const QString &path, const QByteArray &content)
{
    if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
        return fail(Error::Code::Conflict, u"a file already exists here"_s, path,
                    u"move it away or pick another name; Strata never overwrites it"_s);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Error::Code::Io, u"can't create the file: %1"_s.arg(file.errorString()), path);
    // flush() first: QSaveFile's commit() takes a short write (a full disk,
    // a file-size limit) for a whole one and renames the half file into place.
    if (file.write(content) != content.size() || !file.flush() || !file.commit())
        return fail(Error::Code::Io, u"can't write the file: %1"_s.arg(file.errorString()), path,
                    u"nothing was written; free some space or fix the folder's permissions, then run again"_s);
    return {};
}

QByteArray emptyModels()
{
    return "# The schema the application wants: what `strata migrate` compares head against.\n"
           "# Same shape as create_table, keyed by table name, e.g.\n"
           "#\n"
           "# tables:\n"
           "#   user:\n"
           "#     columns:\n"
           "#       - {name: id, type: integer, primary_key: true, autoincrement: true}\n"
           "#       - {name: email, type: string(255), nullable: false}\n"
           "tables: {}\n";
}

} // namespace

QString slugify(const QString &message)
{
    // Decomposing first turns "Café" into "Cafe" + an accent the filter drops.
    const QString plain = message.normalized(QString::NormalizationForm_KD).toLower();
    QStringList words;
    QString word;
    for (QChar c : plain) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            word += c;
        } else if (!c.isMark() && !word.isEmpty()) {
            words << std::exchange(word, {});
        }
    }
    if (!word.isEmpty())
        words << word;
    QString slug;
    for (const QString &w : std::as_const(words)) {
        const qsizetype length = slug.size() + (slug.isEmpty() ? 0 : 1) + w.size();
        if (length > kMaxSlugLength)
            break;
        slug += (slug.isEmpty() ? QString() : u"_"_s) + w;
    }
    if (slug.isEmpty() && !words.isEmpty())
        slug = words.first().left(kMaxSlugLength);
    return slug;
}

Result<Project> Project::open(const QString &directory)
{
    const QDir dir(directory);
    const bool hasConfig = QFileInfo::exists(dir.filePath(kConfigFile));
    const bool hasVersions = QFileInfo(dir.filePath(u"versions"_s)).isDir();
    if (!dir.exists() || (!hasConfig && !hasVersions))
        return fail(Error::Code::NotFound, u"No migrations folder at %1"_s.arg(directory), {},
                    u"run `strata init` or pass --directory"_s);

    Project project;
    project.m_dir = dir;
    project.m_replayed = std::make_shared<ReplayMemo>();
    if (!hasConfig && alembic::isAlembicFolder(directory)) {
        auto alembicProject = alembic::readAlembicProject(directory);
        if (!alembicProject)
            return std::unexpected(alembicProject.error());
        project.m_alembic = true;
        project.m_config.versionTable = u"alembic_version"_s;
        // Out of Alembic's sight, or its autogenerate writes op.drop_table for it (README "In place").
        project.m_config.historyTable = u"strata.strata_history"_s;
        project.m_config.database = alembicProject->databaseUrl;
        auto graph = RevisionGraph::build(std::move(alembicProject->revisions));
        if (!graph)
            return std::unexpected(graph.error());
        project.m_graph = std::move(*graph);
        return project;
    }
    auto config = ProjectConfig::read(dir.filePath(kConfigFile));
    if (!config)
        return std::unexpected(config.error());
    project.m_config = *config;

    // Git keeps no empty folders, so a fresh project may come without versions/;
    // something else by that name is an error, never an empty project.
    if (const QFileInfo versions(project.versionsPath()); !hasVersions && (versions.exists() || versions.isSymLink()))
        return fail(Error::Code::Io, u"can't read the versions folder: it is not a folder"_s, project.versionsPath(),
                    u"move the file away; revision files live in the folder versions/"_s);
    QList<Revision> revisions;
    if (hasVersions) {
        RevisionLoader loader(project.versionsPath(),
                              RevisionCache::disabled() ? QString() : RevisionCache::pathFor(dir.path()));
        auto loaded = loader.load();
        if (!loaded)
            return std::unexpected(loaded.error());
        revisions = std::move(*loaded);
    }
    auto graph = RevisionGraph::build(std::move(revisions));
    if (!graph)
        return std::unexpected(graph.error());
    project.m_graph = std::move(*graph);
    return project;
}

Result<Project> Project::init(const QString &directory, const QString &databaseUrl)
{
    const QDir dir(directory);
    if (QFileInfo::exists(dir.filePath(kConfigFile)))
        return fail(Error::Code::Conflict, u"a Strata project already exists here"_s, dir.filePath(kConfigFile),
                    u"use it as it is, or pick another --directory"_s);
    if (!dir.mkpath(u"versions"_s))
        return fail(Error::Code::Io, u"can't create the folder"_s, dir.filePath(u"versions"_s),
                    u"check that the parent folder exists and is writable"_s);

    ProjectConfig config;
    QByteArray note;
    if (!databaseUrl.isEmpty()) {
        auto url = DatabaseUrl::parse(databaseUrl);
        if (!url)
            return std::unexpected(url.error());
        // strata.yaml is committed with the code: the password stays out of it.
        if (!url->password.isEmpty()) {
            url->password.clear();
            note = "\n# The password given with the URL was left out of this file: supply it with\n"
                   "# DATABASE_URL, PGPASSWORD or ~/.pgpass.\n";
        }
        config.database = url->toString();
    } else {
        // A new project works at once, as Flask-Migrate's does: a local SQLite file.
        config.database = u"sqlite:///app.db"_s;
    }
    if (auto ok = writeNewFile(dir.filePath(kConfigFile), config.toYaml() + note); !ok)
        return std::unexpected(ok.error());
    // An existing models.yaml is the user's work: keep it.
    if (!QFileInfo::exists(dir.filePath(config.models))) {
        if (auto ok = writeNewFile(dir.filePath(config.models), emptyModels()); !ok)
            return std::unexpected(ok.error());
    }
    return open(directory);
}

Status Project::checkWritable() const
{
    if (!m_alembic)
        return {};
    return fail(Error::Code::Conflict,
                u"this is a Flask-Migrate / Alembic folder: Strata runs it as it is but writes no YAML revisions into it"_s,
                m_dir.path(),
                u"write new revisions with `flask db migrate` / `alembic revision`; or switch to Strata revisions: "
                "`strata import-alembic %1` translates the scripts (same ids, same graph) and writes strata.yaml"_s
                    .arg(m_dir.path()));
}

QStringList Project::evaluateFor(DialectKind dialect)
{
    if (!m_alembic || dialect == m_evaluatedDialect)
        return {};
    QList<Revision> revisions = m_graph.revisions();
    const QString cache = RevisionCache::disabled()
        ? QString()
        : QFileInfo(RevisionCache::pathFor(m_dir.path())).dir().filePath(u"alembic-%1.json"_s.arg(dialectName(dialect)));
    alembic::Evaluation evaluation = alembic::evaluateScripts(revisions, versionsPath(), dialect, cache);
    // Same ids and parents as before: only the operations changed.
    auto graph = RevisionGraph::build(std::move(revisions));
    if (graph) {
        m_graph = std::move(*graph);
        m_replayed = std::make_shared<ReplayMemo>();
    }
    m_evaluatedDialect = dialect;
    m_evaluationProblems = evaluation.problems;
    // Said once, when the scripts were read: a cached reading says nothing new.
    return evaluation.recorded > 0 ? evaluation.notes + evaluation.problems : evaluation.notes;
}

Result<QString> Project::writeRevision(Revision revision)
{
    if (auto writable = checkWritable(); !writable)
        return std::unexpected(writable.error());
    if (revision.id.isEmpty())
        revision.id = newRevisionId();
    if (!revision.created.isValid())
        revision.created = QDateTime::currentDateTimeUtc();
    // Whole seconds: the file keeps no milliseconds, and the graph order must
    // not change between writing and reading back.
    revision.created.setTime(QTime(revision.created.time().hour(), revision.created.time().minute(),
                                   revision.created.time().second()));

    const QByteArray text = revisionToYaml(revision);
    // Parse what we are about to write: the file must read back as this revision.
    auto reread = parseRevision(text, revision.id);
    if (!reread)
        return std::unexpected(reread.error().wrappedIn(u"the new revision would not read back"_s));

    QList<Revision> all = m_graph.revisions();
    all << *reread;
    auto graph = RevisionGraph::build(all);
    if (!graph)
        return std::unexpected(graph.error());

    QString name = m_config.fileTemplate;
    name.replace(u"{rev}"_s, revision.id)
        .replace(u"{slug}"_s, slugify(revision.message))
        .replace(u"{date}"_s, revision.created.toUTC().toString(u"yyyyMMdd_HHmm"_s));
    static const QRegularExpression strayUnderscores(u"^_+|_+$"_s);
    name.remove(strayUnderscores);
    const QString path = QDir(versionsPath()).filePath(name + u".yaml"_s);
    // The template is checked when strata.yaml is read; this holds for any
    // name it makes (a slug never has '/', but the message could).
    if (name.startsWith(u'.') || QDir::cleanPath(QFileInfo(path).absolutePath()) != QDir::cleanPath(QFileInfo(versionsPath()).absoluteFilePath()))
        return fail(Error::Code::Input, u"file_template makes '%1', which is not a file name inside versions/"_s.arg(name),
                    m_dir.filePath(kConfigFile), u"keep file_template to one file name, e.g. \"{rev}_{slug}\""_s);

    if (!m_dir.mkpath(u"versions"_s))
        return fail(Error::Code::Io, u"can't create the folder"_s, versionsPath());
    if (auto ok = writeNewFile(path, text); !ok)
        return std::unexpected(ok.error());

    auto written = readRevisionFile(path);
    if (!written)
        return std::unexpected(written.error());
    all.last() = *written;
    auto rebuilt = RevisionGraph::build(std::move(all));
    if (!rebuilt)
        return std::unexpected(rebuilt.error().wrappedIn(u"the new revision file does not read back as written"_s, path));
    m_graph = std::move(*rebuilt);
    m_replayed = std::make_shared<ReplayMemo>();
    return path;
}

Result<Schema> Project::schemaAt(const QStringList &revisionIds) const
{
    if (auto known = checkRevisionsKnown(revisionIds); !known)
        return std::unexpected(known.error());
    if (m_replayed) {
        const QMutexLocker locker(&m_replayed->mutex);
        if (m_replayed->schema && m_replayed->revisionIds == revisionIds)
            return *m_replayed->schema;
    }
    Schema schema;
    QString untranslated;
    const QStringList order = m_graph.topologicalOrder(m_graph.ancestorsOf(revisionIds));
    // The heads' schema comes from the cache while the revisions are unchanged
    // (an Alembic folder's replay also depends on how its scripts were evaluated).
    QStringList heads = m_graph.heads();
    QStringList asked = revisionIds;
    heads.sort();
    asked.sort();
    const bool cacheable = !m_alembic && !asked.isEmpty() && asked == heads && !RevisionCache::disabled();
    const HeadSchemaCache cache(cacheable ? HeadSchemaCache::pathFor(m_dir.path()) : QString());
    const QString key = cacheable ? HeadSchemaCache::keyOf(m_graph, order) : QString();
    if (std::optional<Schema> hit = cache.read(key)) {
        schema = std::move(*hit);
    } else {
        if (auto replayed = replay(schema, order, 0, order.size(), untranslated); !replayed)
            return std::unexpected(replayed.error());
        cache.write(key, schema);
    }
    if (m_replayed) {
        const QMutexLocker locker(&m_replayed->mutex);
        m_replayed->revisionIds = revisionIds;
        m_replayed->schema = schema;
    }
    return schema;
}

Status Project::checkRevisionsKnown(const QStringList &revisionIds) const
{
    for (const QString &id : revisionIds) {
        if (!m_graph.find(id))
            return fail(Error::Code::NotFound, u"Can't locate revision identified by '%1'"_s.arg(id), {},
                        u"the heads are "_s + m_graph.heads().join(u", "_s));
    }
    return {};
}

Status Project::replay(Schema &schema, const QStringList &order, qsizetype from, qsizetype to,
                       QString &untranslated) const
{
    for (qsizetype i = from; i < to; ++i) {
        const QString &id = order.at(i);
        const Revision *revision = m_graph.find(id);
        const QString file = revision->filePath.isEmpty() ? u"revision "_s + id : revision->filePath;
        const QList<AlembicCall> &calls = revision->upgradeCalls;
        for (qsizetype i = 0; i < revision->upgrade.size(); ++i) {
            const OperationPtr &op = revision->upgrade.at(i);
            if (m_alembic && alembic::isPlaceholder(*op))
                untranslated = u"%1:%2"_s.arg(file).arg(op->line);
            // A call that runs as Alembic's own SQL when the replay lacks its
            // object (see renderStep) leaves the replay as it is, there too.
            if (m_alembic && i < calls.size() && calls.at(i).sql) {
                i = applyAlembicCall(schema, revision->upgrade, calls, i) - 1;
                continue;
            }
            if (auto ok = op->apply(schema); !ok) {
                Error error = ok.error().wrappedIn(u"replaying revision %1 failed at %2"_s.arg(id, op->describe()),
                                                   op->line > 0 ? u"%1:%2"_s.arg(file).arg(op->line) : file);
                if (!untranslated.isEmpty())
                    error.hint = u"probably caused by the statement at %1, which Strata could not translate "
                                 "(see the messages above, or `strata show`); "_s.arg(untranslated) + error.hint;
                return std::unexpected(error);
            }
        }
    }
    return {};
}

} // namespace strata
