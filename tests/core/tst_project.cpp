#include "core/project/project.h"
#include "core/ops/tableops.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

const QString kExample = QStringLiteral(STRATA_EXAMPLE_PROJECT);
const QString kFixtures = QStringLiteral(STRATA_TEST_DATA "/projects");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

Revision newRevision(const QString &id, const QStringList &parents, const QString &message)
{
    Revision r;
    r.id = id;
    r.downRevisions = parents;
    r.message = message;
    r.created = QDateTime(QDate(2026, 11, 23), QTime(10, 5, 30), Qt::UTC);
    return r;
}

QStringList tableNames(const Schema &schema)
{
    QStringList names;
    for (const Table &t : schema.tables)
        names << t.name;
    return names;
}

} // namespace

class TestProject : public QObject
{
    Q_OBJECT

private slots:
    void opensTheExampleProject();
    void missingFolder_data();
    void missingFolder();
    void brokenProject_data();
    void brokenProject();
    void readsOnlyRevisionFiles();
    void initCreatesAProject();
    void initKeepsThePasswordOutOfTheFile();
    void initRefusesAnExistingProject();
    void writeRevision();
    void writeRevisionRefusesToOverwrite();
    void writeRevisionChecksTheGraph();
    void fileTemplate_data();
    void fileTemplate();
    void slugify_data();
    void slugify();
    void schemaAt_data();
    void schemaAt();
    void schemaAtAskedAgain();
    void config_data();
    void config();
    void configWritesWhatItReads();
};

void TestProject::opensTheExampleProject()
{
    const auto project = Project::open(kExample);
    QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
    const RevisionGraph &graph = project->graph();
    QCOMPARE(graph.size(), 3);
    QCOMPARE(graph.heads(), QStringList{u"c71d2e5a8b04"_s});
    QCOMPARE(graph.bases(), QStringList{u"9b1e0aa2c4f3"_s});
    QCOMPARE(project->config().database, u"sqlite:///habitz.db"_s);
    QCOMPARE(project->config().versionTable, u"strata_version"_s);
    QCOMPARE(project->modelsPath(), QDir(kExample).filePath(u"models.yaml"_s));
    const Revision *first = graph.find(u"9b1e0aa2c4f3"_s);
    QVERIFY(first);
    QCOMPARE(first->filePath, QDir(kExample).absoluteFilePath(u"versions/9b1e0aa2c4f3_initial_schema.yaml"_s));
    QCOMPARE(first->checksum.size(), 64);
}

void TestProject::missingFolder_data()
{
    QTest::addColumn<QString>("directory");
    QTest::newRow("no such folder") << kFixtures + u"/does_not_exist"_s;
    QTest::newRow("a folder that is not a project") << kFixtures;
}

void TestProject::missingFolder()
{
    QFETCH(QString, directory);
    const auto project = Project::open(directory);
    QVERIFY(!project);
    QCOMPARE(project.error().code, Error::Code::NotFound);
    QCOMPARE(project.error().message, u"No migrations folder at "_s + directory);
    QCOMPARE(project.error().hint, u"run `strata init` or pass --directory"_s);
}

void TestProject::brokenProject_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<QString>("whereEndsWith");
    QTest::addColumn<QString>("message");

    const QString dir = kFixtures + u"/%1/versions/"_s;
    QTest::newRow("duplicate id")
        << u"duplicate_id"_s << Error::Code::Graph << u"duplicate_id/versions/1111aaaa0001_first.yaml:1"_s
        << u"revision id '1111aaaa0001' is used by two files: %1 and %2"_s.arg(
               QDir(dir.arg(u"duplicate_id"_s)).absoluteFilePath(u"1111aaaa0001_copy_of_first.yaml"_s),
               QDir(dir.arg(u"duplicate_id"_s)).absoluteFilePath(u"1111aaaa0001_first.yaml"_s));
    QTest::newRow("missing parent")
        << u"missing_parent"_s << Error::Code::Graph << u"missing_parent/versions/2222bbbb0002_second.yaml:2"_s
        << u"revision 2222bbbb0002 names down_revision '9999ffff0000', but no revision has that id"_s;
    QTest::newRow("cycle")
        << u"cycle"_s << Error::Code::Graph << u"cycle/versions/1111aaaa0001.yaml:2"_s
        << u"the revisions form a cycle: 1111aaaa0001 -> 3333cccc0003 -> 2222bbbb0002 -> 1111aaaa0001"_s;
    QTest::newRow("bad YAML")
        << u"bad_yaml"_s << Error::Code::Input << u"bad_yaml/versions/1111aaaa0001_first.yaml:6:4"_s
        << u"not valid YAML: expected a list item ('- ') lined up with the items above it "
           "(end of sequence not found)"_s;
    QTest::newRow("unknown key in a revision")
        << u"unknown_key"_s << Error::Code::Input << u"unknown_key/versions/1111aaaa0001_first.yaml:2:1"_s
        << u"unknown key 'down_revisions' in a revision file; expected one of: revision, down_revision, "
           "message, created, branch_labels, depends_on, transactional, upgrade, downgrade, lint_ignore"_s;
    QTest::newRow("unknown key in strata.yaml")
        << u"bad_config"_s << Error::Code::Input << u"bad_config/strata.yaml:3:1"_s
        << u"unknown key 'version_tabel' in strata.yaml; expected one of: database, models, version_table, "
           "history_table, file_template, schema"_s;
}

void TestProject::brokenProject()
{
    QFETCH(QString, name);
    QFETCH(QString, whereEndsWith);
    const auto project = Project::open(kFixtures + u"/"_s + name);
    QVERIFY(!project);
    QTEST(project.error().code, "code");
    QVERIFY2(project.error().where.endsWith(whereEndsWith), qPrintable(project.error().where));
    QTEST(project.error().message, "message");
    QVERIFY2(!project.error().hint.isEmpty(), "an error about a file says what to do");
}

void TestProject::readsOnlyRevisionFiles()
{
    const auto project = Project::open(kFixtures + u"/other_files"_s);
    QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
    QCOMPARE(project->graph().size(), 2);
    QCOMPARE(project->graph().heads(), QStringList{u"2222bbbb0002"_s});
    QCOMPARE(project->config().versionTable, u"app_version"_s);
    QCOMPARE(project->config().historyTable, u"strata_history"_s);
}

void TestProject::initCreatesAProject()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(u"nested/migrations"_s);
    const auto project = Project::init(dir, u"postgresql://app@db.internal/app"_s);
    QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
    QVERIFY(project->graph().isEmpty());
    QVERIFY(QFileInfo(project->versionsPath()).isDir());
    QCOMPARE(project->config().database, u"postgresql://app@db.internal/app"_s);
    QVERIFY(readAll(project->modelsPath()).contains("\ntables: {}\n"));
    const QByteArray config = readAll(QDir(dir).filePath(u"strata.yaml"_s));
    for (const char *key : {"models:", "version_table:", "history_table:", "file_template:", "# schema:"})
        QVERIFY2(config.contains(key), key);
    // A fresh clone has no empty versions/ folder (git keeps none); that is still a project.
    QVERIFY(QDir(project->versionsPath()).removeRecursively());
    const auto reopened = Project::open(dir);
    QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().toString()));
    QVERIFY(reopened->graph().isEmpty());
}

void TestProject::initKeepsThePasswordOutOfTheFile()
{
    QTemporaryDir tmp;
    const auto project = Project::init(tmp.path(), u"postgresql://app:s3cret@db.internal:5433/app"_s);
    QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
    QCOMPARE(project->config().database, u"postgresql://app@db.internal:5433/app"_s);
    const QByteArray config = readAll(tmp.filePath(u"strata.yaml"_s));
    QVERIFY(!config.contains("s3cret"));
    QVERIFY(config.contains("PGPASSWORD"));
}

void TestProject::initRefusesAnExistingProject()
{
    QTemporaryDir tmp;
    QVERIFY(Project::init(tmp.path()));
    QVERIFY(writeAll(tmp.filePath(u"models.yaml"_s), "tables:\n  user: {columns: [{name: id, type: integer}]}\n"));
    const auto again = Project::init(tmp.path());
    QVERIFY(!again);
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QCOMPARE(again.error().message, u"a Strata project already exists here"_s);
    QVERIFY(readAll(tmp.filePath(u"models.yaml"_s)).contains("user"));

    // models.yaml someone already wrote is kept when the project is created around it.
    QTemporaryDir other;
    QVERIFY(writeAll(other.filePath(u"models.yaml"_s), "tables: {note: {columns: [{name: id, type: integer}]}}\n"));
    QVERIFY(Project::init(other.path()));
    QVERIFY(readAll(other.filePath(u"models.yaml"_s)).contains("note"));
}

void TestProject::writeRevision()
{
    QTemporaryDir tmp;
    auto project = Project::init(tmp.path());
    QVERIFY(project);
    const auto first = project->writeRevision(newRevision(u"1111aaaa0001"_s, {}, u"Add users & roles!"_s));
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
    QCOMPARE(*first, QDir(project->versionsPath()).filePath(u"1111aaaa0001_add_users_roles.yaml"_s));
    const auto second = project->writeRevision(newRevision(u"2222bbbb0002"_s, {u"1111aaaa0001"_s}, QString()));
    QVERIFY2(second, qPrintable(second ? QString() : second.error().toString()));
    QCOMPARE(QFileInfo(*second).fileName(), u"2222bbbb0002.yaml"_s);
    QCOMPARE(project->graph().heads(), QStringList{u"2222bbbb0002"_s});

    const auto reopened = Project::open(tmp.path());
    QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().toString()));
    QCOMPARE(reopened->graph().size(), 2);
    const Revision *read = reopened->graph().find(u"1111aaaa0001"_s);
    QCOMPARE(read->message, u"Add users & roles!"_s);
    QCOMPARE(read->created, QDateTime(QDate(2026, 11, 23), QTime(10, 5, 30), Qt::UTC));
    QCOMPARE(read->checksum, project->graph().find(u"1111aaaa0001"_s)->checksum);
}

void TestProject::writeRevisionRefusesToOverwrite()
{
    QTemporaryDir tmp;
    QVERIFY(Project::init(tmp.path()));
    // Two people (or two runs) that both loaded the project before either wrote.
    auto mine = Project::open(tmp.path());
    auto theirs = Project::open(tmp.path());
    QVERIFY(mine && theirs);
    QVERIFY(mine->writeRevision(newRevision(u"1111aaaa0001"_s, {}, u"Mine"_s)));
    const QByteArray before = readAll(QDir(mine->versionsPath()).filePath(u"1111aaaa0001_mine.yaml"_s));
    const auto again = theirs->writeRevision(newRevision(u"1111aaaa0001"_s, {}, u"Mine"_s));
    QVERIFY(!again);
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QCOMPARE(readAll(QDir(mine->versionsPath()).filePath(u"1111aaaa0001_mine.yaml"_s)), before);
}

void TestProject::writeRevisionChecksTheGraph()
{
    QTemporaryDir tmp;
    auto project = Project::init(tmp.path());
    QVERIFY(project);
    const auto orphan = project->writeRevision(newRevision(u"2222bbbb0002"_s, {u"9999ffff0000"_s}, u"Orphan"_s));
    QVERIFY(!orphan);
    QCOMPARE(orphan.error().code, Error::Code::Graph);
    QCOMPARE(QDir(project->versionsPath()).entryList(QDir::Files), QStringList());
    QVERIFY(project->writeRevision(newRevision(u"1111aaaa0001"_s, {}, u"First"_s)));
    const auto duplicate = project->writeRevision(newRevision(u"1111aaaa0001"_s, {}, u"First again"_s));
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error().code, Error::Code::Graph);
}

void TestProject::fileTemplate_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("fileName");

    QTest::newRow("default") << QByteArray() << u"Add notes"_s << u"3f2a9c1b7d10_add_notes.yaml"_s;
    QTest::newRow("date first") << QByteArray("file_template: \"{date}_{rev}_{slug}\"\n") << u"Add notes"_s
                                << u"20261123_1005_3f2a9c1b7d10_add_notes.yaml"_s;
    QTest::newRow("no message leaves no stray underscore")
        << QByteArray() << QString() << u"3f2a9c1b7d10.yaml"_s;
}

void TestProject::fileTemplate()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, message);
    QTemporaryDir tmp;
    QVERIFY(QDir(tmp.path()).mkpath(u"versions"_s));
    QVERIFY(writeAll(tmp.filePath(u"strata.yaml"_s), config));
    auto project = Project::open(tmp.path());
    QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
    const auto path = project->writeRevision(newRevision(u"3f2a9c1b7d10"_s, {}, message));
    QVERIFY2(path, qPrintable(path ? QString() : path.error().toString()));
    QTEST(QFileInfo(*path).fileName(), "fileName");
}

void TestProject::slugify_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("slug");

    QTest::newRow("words") << u"Add daily notes!"_s << u"add_daily_notes"_s;
    QTest::newRow("punctuation and spaces collapse") << u"  fix: user.email -- unique  "_s
                                                     << u"fix_user_email_unique"_s;
    QTest::newRow("accents are dropped, not the letters") << u"Café crème"_s << u"cafe_creme"_s;
    QTest::newRow("other scripts are dropped") << u"Добавить users"_s << u"users"_s;
    QTest::newRow("digits kept") << u"Add index on v2 API"_s << u"add_index_on_v2_api"_s;
    QTest::newRow("long messages stop at a word")
        << u"Add daily notes and mood tracking with reminders for every user"_s
        << u"add_daily_notes_and_mood_tracking_with"_s;
    QTest::newRow("one very long word is cut")
        << u"Pneumonoultramicroscopicsilicovolcanoconiosis ward"_s
        << u"pneumonoultramicroscopicsilicovolcanocon"_s;
    QTest::newRow("nothing usable") << u"!!!"_s << QString();
}

void TestProject::slugify()
{
    QFETCH(QString, message);
    QTEST(strata::slugify(message), "slug");
    QVERIFY(strata::slugify(message).size() <= 40);
}

void TestProject::schemaAt_data()
{
    QTest::addColumn<QStringList>("revisions");
    QTest::addColumn<QStringList>("tables");
    QTest::addColumn<QStringList>("moodColumns");

    QTest::newRow("nothing") << QStringList() << QStringList() << QStringList();
    QTest::newRow("first revision") << QStringList{u"9b1e0aa2c4f3"_s} << QStringList{u"user"_s, u"habit"_s}
                                    << QStringList();
    QTest::newRow("second revision")
        << QStringList{u"3f2a9c1b7d10"_s} << QStringList{u"user"_s, u"habit"_s, u"daily_note"_s, u"daily_mood"_s}
        << QStringList{u"id"_s, u"user_id"_s, u"day"_s, u"mood"_s};
    QTest::newRow("head")
        << QStringList{u"c71d2e5a8b04"_s} << QStringList{u"user"_s, u"habit"_s, u"daily_note"_s, u"daily_mood"_s}
        << QStringList{u"id"_s, u"user_id"_s, u"day"_s, u"mood"_s, u"energy"_s};
}

void TestProject::schemaAt()
{
    QFETCH(QStringList, revisions);
    const auto project = Project::open(kExample);
    QVERIFY(project);
    const auto schema = project->schemaAt(revisions);
    QVERIFY2(schema, qPrintable(schema ? QString() : schema.error().toString()));
    QTEST(tableNames(*schema), "tables");
    QStringList moodColumns;
    if (const Table *mood = schema->table(u"daily_mood"_s)) {
        for (const Column &c : mood->columns)
            moodColumns << c.name;
    }
    QTEST(moodColumns, "moodColumns");

    const auto unknown = project->schemaAt({u"deadbeef0000"_s});
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, Error::Code::NotFound);
}

// The last replay is kept for the next request of the same revisions
// (`strata migrate` asks four times): the answers stay those of a fresh
// replay, a caller's change to one does not reach the next, and a project
// that writes a revision replays its new graph.
void TestProject::schemaAtAskedAgain()
{
    QTemporaryDir tmp;
    auto project = Project::init(tmp.path());
    QVERIFY(project);
    Revision first = newRevision(u"1111aaaa0001"_s, {}, u"Users"_s);
    auto users = std::make_shared<CreateTable>();
    users->table.name = u"user"_s;
    users->table.columns << Column{u"id"_s, ColumnType{ColumnType::Kind::Integer}};
    first.upgrade << users;
    QVERIFY(project->writeRevision(first));

    auto once = project->schemaAt({u"1111aaaa0001"_s});
    QVERIFY(once);
    QCOMPARE(tableNames(*once), QStringList{u"user"_s});
    once->tables.clear();
    const auto twice = project->schemaAt({u"1111aaaa0001"_s});
    QVERIFY(twice);
    QCOMPARE(tableNames(*twice), QStringList{u"user"_s});

    Project copy = *project;
    Revision second = newRevision(u"2222bbbb0002"_s, {u"1111aaaa0001"_s}, u"Notes"_s);
    auto notes = std::make_shared<CreateTable>();
    notes->table.name = u"note"_s;
    notes->table.columns << Column{u"id"_s, ColumnType{ColumnType::Kind::Integer}};
    second.upgrade << notes;
    QVERIFY(copy.writeRevision(second));
    QCOMPARE(tableNames(*copy.schemaAt({u"2222bbbb0002"_s})), (QStringList{u"user"_s, u"note"_s}));
    QCOMPARE(tableNames(*copy.schemaAt({u"1111aaaa0001"_s})), QStringList{u"user"_s});
    QCOMPARE(tableNames(*project->schemaAt({u"1111aaaa0001"_s})), QStringList{u"user"_s});
    QVERIFY(!project->schemaAt({u"2222bbbb0002"_s}));
}

void TestProject::config_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("versionTable");
    QTest::addColumn<QString>("fileTemplate");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("error");

    QTest::newRow("every key")
        << QByteArray("database: postgresql://app@localhost/app\nmodels: schema/models.yaml\n"
                      "version_table: app_version\nhistory_table: app_history\n"
                      "file_template: \"{date}_{rev}\"\nschema: billing\n")
        << u"postgresql://app@localhost/app"_s << u"app_version"_s << u"{date}_{rev}"_s << u"billing"_s
        << QString();
    QTest::newRow("empty file gives the defaults")
        << QByteArray("") << QString() << u"strata_version"_s << u"{rev}_{slug}"_s << QString() << QString();
    QTest::newRow("only comments") << QByteArray("# nothing yet\n") << QString() << u"strata_version"_s
                                   << u"{rev}_{slug}"_s << QString() << QString();
    QTest::newRow("unknown key")
        << QByteArray("database: sqlite://\nmodel: m.yaml\n") << QString() << QString() << QString() << QString()
        << u"strata.yaml:2:1: unknown key 'model' in strata.yaml; expected one of: database, models, "
           "version_table, history_table, file_template, schema"_s;
    QTest::newRow("a list where a name belongs")
        << QByteArray("version_table: [a, b]\n") << QString() << QString() << QString() << QString()
        << u"strata.yaml:1:16: expected a string for 'version_table', found a list"_s;
    QTest::newRow("template without the id")
        << QByteArray("file_template: \"{slug}\"\n") << QString() << QString() << QString() << QString()
        << u"strata.yaml:1:16: file_template must contain {rev}"_s;
    QTest::newRow("not YAML")
        << QByteArray("database: [sqlite://\n") << QString() << QString() << QString() << QString()
        << u"strata.yaml:2:1: not valid YAML: expected ',' or ']' to close the '[' list "
           "(end of sequence flow not found)"_s;
}

void TestProject::config()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"strata.yaml"_s);
    QVERIFY(writeAll(path, text));
    const auto config = ProjectConfig::read(path);
    if (!error.isEmpty()) {
        QVERIFY(!config);
        QCOMPARE(config.error().code, Error::Code::Input);
        QCOMPARE(config.error().where + u": "_s + config.error().message, tmp.path() + u"/"_s + error);
        return;
    }
    QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
    QTEST(config->database, "database");
    QTEST(config->versionTable, "versionTable");
    QTEST(config->fileTemplate, "fileTemplate");
    QTEST(config->schema, "schema");
}

void TestProject::configWritesWhatItReads()
{
    ProjectConfig written;
    written.database = u"sqlite:///data/app.db"_s;
    written.models = u"models/app.yaml"_s;
    written.versionTable = u"app_version"_s;
    written.fileTemplate = u"{date}_{rev}_{slug}"_s;
    written.schema = u"billing"_s;
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"strata.yaml"_s);
    QVERIFY(writeAll(path, written.toYaml()));
    const auto read = ProjectConfig::read(path);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
    QCOMPARE(read->database, written.database);
    QCOMPARE(read->models, written.models);
    QCOMPARE(read->versionTable, written.versionTable);
    QCOMPARE(read->historyTable, written.historyTable);
    QCOMPARE(read->fileTemplate, written.fileTemplate);
    QCOMPARE(read->schema, written.schema);
    QVERIFY(ProjectConfig::read(tmp.filePath(u"missing.yaml"_s)));
}

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
