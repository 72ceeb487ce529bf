// The command line as a user meets it: the real `strata` executable run as a
// process on a copy of the example project, checking exit codes and the key
// lines of its output, on SQLite files and on the test PostgreSQL server.
#include "scratchdatabase.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

void copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo &info : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (info.isDir())
            copyTree(info.filePath(), to + u'/' + info.fileName());
        else
            QFile::copy(info.filePath(), to + u'/' + info.fileName());
    }
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

    Run strata(const QStringList &args, const QString &databaseUrl)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        QStringList full{u"--directory"_s, m_project};
        if (!databaseUrl.isEmpty())
            full << u"--database"_s << databaseUrl;
        process.start(QStringLiteral(STRATA_CLI), full + args);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(u"migrations-%1"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
        QDir(m_project).removeRecursively();
        copyTree(QStringLiteral(STRATA_EXAMPLE_PROJECT), m_project);
        QVERIFY(QFile::exists(m_project + u"/strata.yaml"_s));
    }

    void workflow_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite file") << u"sqlite"_s;
        QTest::newRow("postgresql server") << u"postgresql"_s;
    }

    void workflow()
    {
        QFETCH(QString, dialect);
        ScratchDatabase db(dialect);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        const QString url = db.url();

        Run r = strata({u"upgrade"_s}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Running upgrade <base> -> 9b1e0aa2c4f3, Initial schema"_s), qPrintable(r.err));
        QVERIFY(r.err.contains(u"Running upgrade 3f2a9c1b7d10 -> c71d2e5a8b04, Add energy level to daily mood"_s));
        QVERIFY(!r.out.contains(db.password()) || db.password().isEmpty());

        r = strata({u"current"_s}, url);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), u"c71d2e5a8b04 (head)"_s);

        r = strata({u"downgrade"_s}, url);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(u"Running downgrade c71d2e5a8b04 -> 3f2a9c1b7d10"_s), qPrintable(r.err));
        QCOMPARE(strata({u"current"_s}, url).out.trimmed(), u"3f2a9c1b7d10"_s);

        r = strata({u"downgrade"_s, u"base"_s}, url);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(strata({u"current"_s}, url).out.trimmed(), QString());

        r = strata({u"upgrade"_s, u"+1"_s}, url);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(strata({u"current"_s}, url).out.trimmed(), u"9b1e0aa2c4f3"_s);

        r = strata({u"upgrade"_s, u"head"_s}, url);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(strata({u"current"_s}, url).out.trimmed(), u"c71d2e5a8b04 (head)"_s);

        r = strata({u"stamp"_s, u"9b1e"_s}, url);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(strata({u"current"_s}, url).out.trimmed(), u"9b1e0aa2c4f3"_s);
    }

    void history()
    {
        Run r = strata({u"history"_s}, {});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), u"3f2a9c1b7d10 -> c71d2e5a8b04 (head), Add energy level to daily mood"_s);
        QCOMPARE(lines.at(2), u"<base> -> 9b1e0aa2c4f3, Initial schema"_s);

        r = strata({u"history"_s, u"-r"_s, u"3f2a:head"_s}, {});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().split(u'\n').size(), 2);

        r = strata({u"heads"_s}, {});
        QCOMPARE(r.out.trimmed(), u"c71d2e5a8b04 (head)"_s);

        r = strata({u"show"_s, u"3f2a"_s}, {});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"Rev: 3f2a9c1b7d10"_s));
        QVERIFY(r.out.contains(u"Parent: 9b1e0aa2c4f3"_s));
    }

    void offlineSql_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("sqlite") << u"sqlite:///unused.db"_s << u"INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT"_s;
        QTest::newRow("postgresql") << u"postgresql://u:secret@localhost/x"_s << u"GENERATED BY DEFAULT AS IDENTITY"_s;
    }

    void offlineSql()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        Run r = strata({u"upgrade"_s, u"--sql"_s}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
        QVERIFY(r.out.contains(u"BEGIN;"_s));
        QVERIFY(r.out.contains(u"COMMIT;"_s));
        QVERIFY(!r.out.contains(u"secret"_s));
        QVERIFY(!QFile::exists(m_dir.filePath(u"unused.db"_s)));
    }

    void newRevisionAndMerge()
    {
        Run r = strata({u"revision"_s, u"-m"_s, u"Add streaks"_s}, {});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString first = r.out.trimmed();
        QCOMPARE(first.size(), 12);
        r = strata({u"revision"_s, u"-m"_s, u"Add reminders"_s, u"--head"_s, u"c71d"_s}, {});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString second = r.out.trimmed();

        r = strata({u"heads"_s}, {});
        QCOMPARE(r.out.trimmed().split(u'\n').size(), 2);

        const QString url = u"sqlite:///"_s + m_dir.filePath(u"heads.db"_s);
        r = strata({u"upgrade"_s, u"head"_s}, url);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"Multiple head revisions"_s) && r.err.contains(first) && r.err.contains(second),
                 qPrintable(r.err));
        r = strata({u"upgrade"_s, u"heads"_s}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = strata({u"current"_s}, url);
        QCOMPARE(r.out.trimmed().split(u'\n').size(), 2);

        r = strata({u"revision"_s, u"-m"_s, u"More"_s}, {});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"Multiple heads"_s), qPrintable(r.err));

        r = strata({u"merge"_s, u"heads"_s, u"-m"_s, u"Join streaks and reminders"_s}, {});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString merge = r.out.trimmed();
        r = strata({u"upgrade"_s}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(strata({u"current"_s}, url).out.trimmed(), merge + u" (head) (mergepoint)"_s);
        r = strata({u"downgrade"_s, u"-1"_s}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(strata({u"current"_s}, url).out.trimmed().split(u'\n').size(), 2);

        r = strata({u"history"_s}, {});
        QVERIFY2(r.out.startsWith(QStringList{first, second}.join(u", "_s) + u" -> "_s + merge)
                     || r.out.startsWith(QStringList{second, first}.join(u", "_s) + u" -> "_s + merge),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(u"(mergepoint)"_s));
        QVERIFY(r.out.contains(u"(branchpoint)"_s));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown target") << QStringList{u"upgrade"_s, u"deadbeef"_s} << 2
                                        << u"Can't locate revision identified by 'deadbeef'"_s;
        QTest::newRow("unknown command") << QStringList{u"upgrad"_s} << 2 << u"unknown command 'upgrad'"_s;
        QTest::newRow("unknown option") << QStringList{u"upgrade"_s, u"--sqll"_s} << 2 << u"sqll"_s;
        QTest::newRow("revision without message") << QStringList{u"revision"_s} << 2 << u"needs a message"_s;
        QTest::newRow("show unknown") << QStringList{u"show"_s, u"zzzz"_s} << 2 << u"Can't locate revision"_s;
        QTest::newRow("downgrade above current") << QStringList{u"downgrade"_s, u"c71d"_s} << 1 << u"c71d2e5a8b04"_s;
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString url = u"sqlite:///"_s + m_dir.filePath(u"errors.db"_s);
        Run r = strata(args, url);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.exitCode, exitCode);
    }

    void databaseAtUnknownRevision()
    {
        const QString url = u"sqlite:///"_s + m_dir.filePath(u"unknown.db"_s);
        QCOMPARE(strata({u"upgrade"_s}, url).exitCode, 0);
        QVERIFY(QFile::remove(m_project + u"/versions/c71d2e5a8b04_add_energy_to_daily_mood.yaml"_s));
        Run r = strata({u"current"_s}, url);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"Can't locate revision identified by 'c71d2e5a8b04'"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"3f2a9c1b7d10"_s), qPrintable(r.err));   // the heads it has, listed
        QVERIFY2(r.err.contains(u"stamp"_s), qPrintable(r.err));
    }

    void createAllTrap()
    {
        const QString path = m_dir.filePath(u"legacy.db"_s);
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"legacy"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(!db.exec(u"CREATE TABLE \"user\" (id INTEGER PRIMARY KEY, email TEXT)"_s).lastError().isValid());
            db.close();
        }
        QSqlDatabase::removeDatabase(u"legacy"_s);
        Run r = strata({u"upgrade"_s}, u"sqlite:///"_s + path);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"user"_s) && r.err.contains(u"stamp"_s), qPrintable(r.err));
    }

    void initProject()
    {
        const QString dir = m_dir.filePath(u"fresh"_s);
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral(STRATA_CLI), {u"init"_s, dir});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QFile::exists(dir + u"/strata.yaml"_s));
        QVERIFY(QDir(dir + u"/versions"_s).exists());
        QFile config(dir + u"/strata.yaml"_s);
        QVERIFY(config.open(QIODevice::ReadOnly));
        QVERIFY(config.readAll().contains("\ndatabase: sqlite:///app.db\n"));   // works at once, locally
        process.start(QStringLiteral(STRATA_CLI), {u"init"_s, dir});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 1);   // refuses to overwrite an existing project
        QVERIFY(process.readAllStandardError().contains("already exists"));
    }

    void helpAndVersion()
    {
        Run r = strata({u"--help"_s}, {});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"upgrade"_s));
        // Every command's name stands apart from its summary, and no line runs past 80 columns.
        QVERIFY2(r.out.contains(u"  import-alembic  Translate"_s), qPrintable(r.out));
        for (const QString &line : r.out.split(u'\n'))
            QVERIFY2(line.size() <= 90, qPrintable(line));
        r = strata({u"upgrade"_s, u"--help"_s}, {});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"--sql"_s));
        r = strata({u"--version"_s}, {});
        QVERIFY(r.out.startsWith(u"strata "_s));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
