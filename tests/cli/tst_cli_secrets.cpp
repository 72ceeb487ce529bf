// A database password never leaves the process: every command, and the
// studio, is run with it in each form (user:password@, libpq's ?password=,
// PGPASSWORD and ~/.pgpass), and no output line, no file written (strata.yaml,
// revision files, the studio's settings) and no row in the database (version
// and history rows) holds it. A URL that does not parse
// does not print it either, nor does a strata.yaml that links to another file
// print that file.
#include "cliprocess.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include "core/db/databaseurl.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// The environment a user's shell gives: the test's own, without the PG*
// password variables (each form adds back only its own), and HOME in the
// test's folder so ~/.pgpass and the studio's settings land where they are read.
QProcessEnvironment cleanEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"PGPASSWORD", "PGPASSFILE", "DATABASE_URL", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
                             "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"HOME"_s, home);
    return env;
}

// A command can wait on a server that does not answer: 90 s before it counts as hung.
constexpr int timeoutMs = 90000;

CliRun runStrata(const QStringList &args, const QString &workingDirectory)
{
    return runCli(QStringLiteral(STRATA_CLI), args, workingDirectory, cleanEnvironment(workingDirectory), timeoutMs);
}

// Every file under the folder that holds the secret, by relative path.
QStringList filesHolding(const QString &folder, const QString &secret, const QStringList &except = {})
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        const QString relative = QDir(folder).relativeFilePath(file.fileName());
        if (!except.contains(relative) && file.open(QIODevice::ReadOnly) && file.readAll().contains(secret.toUtf8()))
            found << relative;
    }
    return found;
}

// Every row of every table of the database's own schema (version and history
// rows included) that holds the secret, as "table: row".
QStringList rowsHolding(const ScratchDatabase &db, const QString &secret)
{
    auto connection = db.connect();
    if (!connection)
        return {u"error: "_s + connection.error().toString()};
    auto tables = (*connection)->select(u"SELECT table_name FROM information_schema.tables "
                                        "WHERE table_schema = current_schema()"_s);
    if (!tables)
        return {u"error: "_s + tables.error().toString()};
    QStringList found;
    for (const QVariantList &table : *tables) {
        const QString name = table.value(0).toString();
        auto rows = (*connection)->select(u"SELECT t::text FROM \"%1\" AS t"_s.arg(name));
        if (!rows)
            return {u"error: "_s + rows.error().toString()};
        for (const QVariantList &row : *rows) {
            if (row.value(0).toString().contains(secret))
                found << name + u": "_s + row.value(0).toString();
        }
    }
    return found;
}

// The example's history and models in the project init made, strata.yaml kept;
// models.yaml gets a column so `migrate` writes a revision.
bool addExampleRevisions(const QString &project)
{
    QFile config(project + u"/strata.yaml"_s);
    if (!config.open(QIODevice::ReadOnly))
        return false;
    const QByteArray initConfig = config.readAll();
    config.close();
    if (!TestProjects::copyExampleProject(project) || !TestProjects::writeFile(project + u"/strata.yaml"_s, initConfig))
        return false;
    QFile models(project + u"/models.yaml"_s);
    if (!models.open(QIODevice::ReadOnly))
        return false;
    QByteArray text = models.readAll();
    models.close();
    const qsizetype at = text.indexOf("      - {name: email");
    if (at < 0)
        return false;
    text.insert(at, "      - {name: nickname, type: string(40)}\n");
    return TestProjects::writeFile(project + u"/models.yaml"_s, text);
}

} // namespace

class TestCliSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passwordInNoOutputAndNoFile_data();
    void passwordInNoOutputAndNoFile();
    void unparsableUrlHidesPassword_data();
    void unparsableUrlHidesPassword();
    void symlinkedConfigIsNotEchoed();
};

void TestCliSecrets::passwordInNoOutputAndNoFile_data()
{
    QTest::addColumn<QString>("form");
    QTest::newRow("user:password@host") << u"userinfo"_s;
    QTest::newRow("?password=") << u"query"_s;
    QTest::newRow("PGPASSWORD") << u"PGPASSWORD"_s;
    QTest::newRow("~/.pgpass") << u"pgpass"_s;
}

void TestCliSecrets::passwordInNoOutputAndNoFile()
{
    QFETCH(QString, form);
    ScratchDatabase db(u"postgresql"_s);
    STRATA_REQUIRE_DATABASE(db);
    const QString password = db.password();
    QVERIFY2(password.size() >= 6, "the test server needs a password for this test to mean anything");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment env = cleanEnvironment(dir.path());
    QString url = db.url();
    if (form != u"userinfo"_s) {
        auto parsed = strata::DatabaseUrl::parse(url);
        QVERIFY(parsed);
        parsed->password.clear();
        url = parsed->toString();
    }
    if (form == u"query"_s) {
        url += (url.contains(u'?') ? u"&password="_s : u"?password="_s)
            + QString::fromLatin1(QUrl::toPercentEncoding(password));
    } else if (form == u"PGPASSWORD"_s) {
        env.insert(u"PGPASSWORD"_s, password);
    } else if (form == u"pgpass"_s) {
        QVERIFY(TestProjects::writeFile(dir.filePath(u".pgpass"_s), "*:*:*:*:" + password.toUtf8() + '\n'));
        QVERIFY(QFile::setPermissions(dir.filePath(u".pgpass"_s), QFile::ReadOwner | QFile::WriteOwner));
    }
    const QStringList secretFiles{u".pgpass"_s};
    const QString project = dir.filePath(u"migrations"_s);
    const QStringList common{u"--directory"_s, project, u"--database"_s, url};
    const auto strata = [&](const QStringList &args) {
        return runCli(QStringLiteral(STRATA_CLI), args, dir.path(), env, timeoutMs);
    };

    const CliRun init = strata({u"--database"_s, url, u"init"_s, project});
    QVERIFY2(init.exitCode == 0, qPrintable(QString(init.all()).replace(password, u"<password>"_s)));
    QVERIFY(addExampleRevisions(project));
    const QString appliedFile = project + u"/versions/9b1e0aa2c4f3_initial_schema.yaml"_s;

    // Every command, with what it must exit with (-2: whatever it says, as long as it finishes).
    const QList<QPair<QStringList, int>> commands{
        {{u"upgrade"_s, u"+1"_s}, 0},
        {{u"current"_s}, 0}, {{u"status"_s}, -2}, {{u"history"_s}, 0}, {{u"heads"_s}, 0},
        {{u"check"_s}, 1}, {{u"lint"_s}, -2},
        {{u"upgrade"_s, u"--sql"_s}, 0},
        {{u"upgrade"_s}, 0},
        {{u"migrate"_s, u"-m"_s, u"Add nickname"_s}, 0},
        {{u"upgrade"_s}, 0},
        {{u"revision"_s, u"-m"_s, u"Add thing"_s}, 0},
        {{u"stamp"_s, u"head"_s}, 0},
        {{u"repair"_s}, 0},                 // after the applied file is edited, below
        {{u"downgrade"_s, u"-1"_s, u"--sql"_s}, -2},
        {{u"downgrade"_s, u"base"_s}, 0},
        {{u"upgrade"_s, u"nosuchrevision"_s}, -2},   // an error message
        {{u"roundtrip"_s, u"head"_s}, -2},
    };
    for (const auto &[command, expected] : commands) {
        if (command.first() == u"repair"_s) {
            QFile edited(appliedFile);
            QVERIFY(edited.open(QIODevice::Append));
            edited.write("# reviewed\n");
        }
        const CliRun r = strata(common + command);
        const QString shown = QString(r.all()).replace(password, u"<password>"_s);
        QVERIFY2(r.exitCode >= 0, qPrintable(command.join(u' ') + u": did not finish"_s));
        QVERIFY2(expected == -2 || r.exitCode == expected,
                 qPrintable(u"`strata %1` exited %2:\n%3"_s.arg(command.join(u' ')).arg(r.exitCode).arg(shown)));
        QVERIFY2(!r.all().contains(password),
                 qPrintable(u"`strata %1` printed the password:\n%2"_s.arg(command.join(u' '), shown)));
    }
    QVERIFY2(QFile::exists(project + u"/strata.yaml"_s), "init wrote no strata.yaml");
    QCOMPARE(filesHolding(dir.path(), password, secretFiles), QStringList());
    QCOMPARE(rowsHolding(db, password), QStringList());

    // A failing connection (a wrong database name) names the server, not the password.
    const QString wrongDatabase = QString(url).replace(u"strata_test_"_s, u"strata_none_"_s);
    QVERIFY(wrongDatabase != url);
    const CliRun failed = strata({u"--directory"_s, project, u"--database"_s, wrongDatabase, u"current"_s});
    QVERIFY(failed.exitCode != 0);
    QVERIFY2(!failed.all().contains(password), qPrintable(failed.all()));

    // The studio, offscreen on the same URL: no output, picture or settings file holds it.
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const QString shot = dir.filePath(u"studio.png"_s);
    const CliRun studio = runCli(QStringLiteral(STRATA_STUDIO),
                                  {u"--database"_s, url, u"--size"_s, u"800x600"_s, u"--screenshot"_s, shot, project},
                                  dir.path(), env, timeoutMs);
    QVERIFY2(studio.exitCode == 0, qPrintable(QString(studio.all()).replace(password, u"<password>"_s)));
    QVERIFY2(!studio.all().contains(password), "the studio printed the password");
    const QString settings = dir.filePath(u".config/Strata/strata-studio.conf"_s);
    QVERIFY2(QFile::exists(settings), qPrintable(u"the studio wrote no settings at "_s + settings));
    QCOMPARE(filesHolding(dir.path(), password, secretFiles), QStringList());
}

void TestCliSecrets::unparsableUrlHidesPassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("password holding ?k=v, bad port")
        << u"postgresql://app:Zq9x?leak=Zq9y@localhost:99999/app"_s;
    QTest::newRow("password holding ?k=v, parsed as host:port") << u"postgresql://app:Zq9x?k=v@db/app"_s;
    QTest::newRow("?password= with a bad port") << u"postgresql://app@localhost:99999/app?password=Zq9secret"_s;
    QTest::newRow("unknown scheme") << u"mysql://app:Zq9secret@localhost/app"_s;
}

void TestCliSecrets::unparsableUrlHidesPassword()
{
    QFETCH(QString, url);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(TestProjects::copyExampleProject(dir.filePath(u"migrations"_s)));
    const CliRun r = runStrata({u"--directory"_s, dir.filePath(u"migrations"_s), u"--database"_s, url, u"current"_s},
                            dir.path());
    QVERIFY(r.exitCode != 0);
    QVERIFY2(!r.all().contains(u"Zq9"_s), qPrintable(r.all()));
}

void TestCliSecrets::symlinkedConfigIsNotEchoed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(u"migrations"_s);
    QVERIFY(TestProjects::copyExampleProject(project));
    const QString secretFile = dir.filePath(u"id_secret"_s);
    QVERIFY(TestProjects::writeFile(secretFile, "Zq9-private-key-material-line-one\nZq9 second: [line\n"));
    QFile::remove(project + u"/strata.yaml"_s);
    QVERIFY(QFile::link(secretFile, project + u"/strata.yaml"_s));
    const CliRun r = runStrata({u"--directory"_s, project, u"--database"_s, u"sqlite:///x.db"_s, u"history"_s},
                            dir.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.all().contains(u"strata.yaml is a link to"_s), qPrintable(r.all()));
    QVERIFY2(!r.all().contains(u"Zq9"_s), qPrintable(r.all()));
}

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_cli_secrets.moc"
