// Broken input, tried on purpose (issue 5): every folder under tests/data/bad
// is a migrations project plus expect.txt (line 1: the arguments, line 2: the
// exit code, then phrases stderr must hold). The real `strata` runs on a copy
// of each; it must fail cleanly, say where and what to do, and leave nothing
// half applied. Adding a case is adding a folder.
//
// The database is --database sqlite:///<tmp>/x.db, unless the arguments line
// names its own --database: the URL cases put the bad URL there.
#include "cliprocess.h"
#include "testprojects.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString badDataDir()
{
    return QStringLiteral(STRATA_TEST_DATA) + u"/bad"_s;
}

// Tables a failed run left behind: anything but SQLite's own and an empty
// version table.
QStringList leftoverTables(const QString &dbPath)
{
    QStringList found;
    const QString name = u"badinput-check"_s;
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open())
            return {u"<cannot open %1>"_s.arg(dbPath)};
        QSqlQuery tables(db);
        tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"_s);
        while (tables.next()) {
            const QString table = tables.value(0).toString();
            if (table == u"strata_version"_s) {
                QSqlQuery rows(db);
                rows.exec(u"SELECT COUNT(*) FROM strata_version"_s);
                if (rows.next() && rows.value(0).toInt() == 0)
                    continue;
            }
            found << table;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return found;
}

} // namespace

class TestCliBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusIsThere()
    {
        const auto cases = QDir(badDataDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY2(cases.size() >= 25, qPrintable(u"only %1 cases"_s.arg(cases.size())));
    }

    void failsCleanly_data()
    {
        QTest::addColumn<QString>("caseDir");
        const auto cases = QDir(badDataDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const auto &name : cases)
            QTest::newRow(name.toUtf8().constData()) << badDataDir() + u'/' + name;
    }

    void failsCleanly()
    {
        QFETCH(QString, caseDir);
        QFile expectFile(caseDir + u"/expect.txt"_s);
        QVERIFY2(expectFile.open(QIODevice::ReadOnly), qPrintable(expectFile.fileName()));
        const auto lines = QString::fromUtf8(expectFile.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 3, "expect.txt: arguments, exit code, then at least one stderr phrase");
        const auto caseArgs = lines.at(0).split(u' ', Qt::SkipEmptyParts);
        bool numeric = false;
        const int expectedExit = lines.at(1).trimmed().toInt(&numeric);
        QVERIFY2(numeric, "expect.txt line 2 must be the exit code");

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString project = tmp.filePath(u"migrations"_s);
        QVERIFY(TestProjects::copyTree(caseDir, project));
        QFile::remove(project + u"/expect.txt"_s);
        const QString dbPath = tmp.filePath(u"x.db"_s);

        QStringList args{u"--directory"_s, project};
        if (!caseArgs.contains(u"--database"_s))
            args << u"--database"_s << u"sqlite:///"_s + dbPath;
        args << caseArgs;

        const CliRun run = runCli(QStringLiteral(STRATA_CLI), args, tmp.path(), QProcessEnvironment::systemEnvironment(),
                                  60000);
        const QString &err = run.err;
        const QString context = u"args: %1\nstderr:\n%2\nstdout:\n%3"_s.arg(args.join(u' '), err, run.out);

        QVERIFY2(run.ending != CliRun::Ending::TimedOut, qPrintable(context));
        QVERIFY2(run.exited(), qPrintable(u"crashed; "_s + context));
        QVERIFY2(!err.contains(u"Segmentation"_s), qPrintable(context));
        QVERIFY2(run.exitCode == expectedExit,
                 qPrintable(u"exit %1, expected %2; "_s.arg(run.exitCode).arg(expectedExit) + context));
        for (qsizetype i = 2; i < lines.size(); ++i)
            QVERIFY2(err.contains(lines.at(i)), qPrintable(u"missing \"%1\"; "_s.arg(lines.at(i)) + context));

        if (QFile::exists(dbPath))
            QCOMPARE(leftoverTables(dbPath), QStringList{});
    }

    // A 5 MB unknown key: no unbounded edit distance (it took 12 s and 876 MB),
    // and the message quotes only its start. Also each alias case under a few
    // seconds: the corpus runs them with a 60 s limit only.
    void hostileFilesFailQuickly_data()
    {
        QTest::addColumn<QByteArray>("revision");
        QTest::addColumn<QString>("phrase");
        const QByteArray header = "revision: aaaa00000045\ndown_revision: null\nmessage: Hostile\n\n";
        QTest::newRow("5 MB unknown operation key")
            << header + "upgrade:\n  - create_table:\n      name: t\n      ? " + QByteArray(5 << 20, 'k')
                   + "\n      : 1\ndowngrade: []\n"
            << u"(5242880 characters)' in create_table"_s;
        // An explicit key ('? '): yaml-cpp refuses plain keys over 1024 characters itself.
        QTest::newRow("5 MB operation kind")
            << header + "upgrade:\n  - ? " + QByteArray(5 << 20, 'k') + "\n    : 1\ndowngrade: []\n"
            << u"unknown operation 'kkkkkkkkkk"_s;
        for (const char *name : {"yaml_billion_laughs", "yaml_self_alias", "yaml_deep_nesting"}) {
            QFile file(QDir(badDataDir() + u'/' + QLatin1StringView(name) + u"/versions"_s)
                           .entryInfoList(QDir::Files).value(0).filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QTest::newRow(name) << file.readAll().replace("aaaa0000004", "aaaa0000009") << u"not a usable YAML file"_s;
        }
    }

    void hostileFilesFailQuickly()
    {
        QFETCH(QByteArray, revision);
        QFETCH(QString, phrase);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString project = tmp.filePath(u"migrations"_s);
        QVERIFY(QDir().mkpath(project + u"/versions"_s));
        QVERIFY(TestProjects::writeFile(project + u"/versions/aaaa00000045_hostile.yaml"_s, revision));
        QElapsedTimer timer;
        timer.start();
        const CliRun run = runCli(QStringLiteral(STRATA_CLI),
                                  {u"--directory"_s, project, u"--database"_s, u"sqlite:///"_s + tmp.filePath(u"x.db"_s),
                                   u"upgrade"_s, u"--sql"_s},
                                  {}, QProcessEnvironment::systemEnvironment(), 60000);
        const qint64 elapsed = timer.elapsed();
        const QString &err = run.err;
        QVERIFY2(run.ending != CliRun::Ending::TimedOut, qPrintable(err));
        QVERIFY(run.exited());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(err.contains(phrase), qPrintable(err.left(2000)));
        QVERIFY2(err.contains(u"aaaa00000045_hostile.yaml:"_s), qPrintable(err.left(2000)));
        QVERIFY2(err.size() < 2000, qPrintable(u"%1 characters on stderr"_s.arg(err.size())));
        QVERIFY2(elapsed < 10000, qPrintable(u"%1 ms"_s.arg(elapsed)));   // was 12 s and 876 MB for the key
        qInfo("%s: %lld ms", QTest::currentDataTag(), elapsed);
    }
};

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_cli_badinput.moc"
