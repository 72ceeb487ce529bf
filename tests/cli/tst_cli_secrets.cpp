// A database password never leaves the process: every command is run with it
// in each URL form (user:password@ and libpq's ?password=), and no output line
// and no file written under the project holds it. A URL that does not parse
// does not print it either, nor does a strata.yaml that links to another file
// print that file.
#include "scratchdatabase.h"
#include "testprojects.h"

#include "db/databaseurl.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString output;     // stdout and stderr
};

Run runStrata(const QStringList &args, const QString &workingDirectory)
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    // The URL's password must be the one used: not PGPASSWORD from the test's environment.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"PGPASSWORD"_s);
    env.remove(u"DATABASE_URL"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(STRATA_CLI), args);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(),
            QString::fromUtf8(process.readAllStandardOutput()) + QString::fromUtf8(process.readAllStandardError())};
}

// Every file under the folder that holds the secret, by relative path.
QStringList filesHolding(const QString &folder, const QString &secret)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret.toUtf8()))
            found << QDir(folder).relativeFilePath(file.fileName());
    }
    return found;
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
    QTest::addColumn<bool>("queryForm");
    QTest::newRow("user:password@host") << false;
    QTest::newRow("?password=") << true;
}

void TestCliSecrets::passwordInNoOutputAndNoFile()
{
    QFETCH(bool, queryForm);
    ScratchDatabase db(u"postgresql"_s);
    STRATA_REQUIRE_DATABASE(db);
    const QString password = db.password();
    QVERIFY2(password.size() >= 6, "the test server needs a password for this test to mean anything");

    QString url = db.url();
    if (queryForm) {
        auto parsed = strata::DatabaseUrl::parse(url);
        QVERIFY(parsed);
        parsed->password.clear();
        url = parsed->toString();
        url += (url.contains(u'?') ? u"&password="_s : u"?password="_s)
            + QString::fromLatin1(QUrl::toPercentEncoding(password));
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(u"migrations"_s);
    const QStringList common{u"--directory"_s, project, u"--database"_s, url};

    QList<QStringList> commands{
        {u"init"_s, project},
        {u"upgrade"_s, u"+1"_s},
        {u"current"_s}, {u"status"_s}, {u"history"_s}, {u"heads"_s}, {u"check"_s},
        {u"revision"_s, u"-m"_s, u"Add thing"_s},
        {u"upgrade"_s, u"--sql"_s},
        {u"upgrade"_s},
        {u"downgrade"_s, u"base"_s},
        {u"stamp"_s, u"head"_s},
    };
    int ran = 0;
    for (const QStringList &command : std::as_const(commands)) {
        const QStringList args = command.first() == u"init"_s ? QStringList{u"--database"_s, url} + command
                                                               : common + command;
        const Run r = runStrata(args, dir.path());
        QVERIFY2(r.exitCode >= 0, qPrintable(command.join(u' ') + u": did not finish"_s));
        QVERIFY2(!r.output.contains(password),
                 qPrintable(u"`strata %1` printed the password:\n%2"_s.arg(command.join(u' '), r.output)));
        ++ran;
    }
    QCOMPARE(ran, commands.size());
    QVERIFY2(QFile::exists(project + u"/strata.yaml"_s), "init wrote no strata.yaml");
    QCOMPARE(filesHolding(dir.path(), password), QStringList());

    // A failing connection (a wrong database name) names the server, not the password.
    const Run failed = runStrata({u"--directory"_s, project, u"--database"_s,
                                  url.replace(u"strata_test_"_s, u"strata_none_"_s), u"current"_s},
                                 dir.path());
    QVERIFY(failed.exitCode != 0);
    QVERIFY2(!failed.output.contains(password), qPrintable(failed.output));
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
    const Run r = runStrata({u"--directory"_s, dir.filePath(u"migrations"_s), u"--database"_s, url, u"current"_s},
                            dir.path());
    QVERIFY(r.exitCode != 0);
    QVERIFY2(!r.output.contains(u"Zq9"_s), qPrintable(r.output));
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
    const Run r = runStrata({u"--directory"_s, project, u"--database"_s, u"sqlite:///x.db"_s, u"history"_s},
                            dir.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.output.contains(u"strata.yaml is a link to"_s), qPrintable(r.output));
    QVERIFY2(!r.output.contains(u"Zq9"_s), qPrintable(r.output));
}

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_cli_secrets.moc"
