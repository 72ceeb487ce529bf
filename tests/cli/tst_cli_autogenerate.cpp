// `strata migrate`, `check`, `baseline` and `diff` as a user meets them: the
// real executable run as a process on a copy of the example project, on an
// SQLite file and on the test PostgreSQL server; exit codes and key lines.
#include "cliprocess.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString strataExecutable()
{
#ifdef STRATA_CLI
    return QStringLiteral(STRATA_CLI);
#else
    // The build tree's layout: tests/<this test> and app/cli/strata.
    return QDir(QCoreApplication::applicationDirPath()).filePath(u"../app/cli/strata"_s);
#endif
}

const QByteArray streakTable = R"(  streak:
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: habit_id, type: integer, nullable: false}
      - {name: length, type: integer, nullable: false, default: "0"}
    foreign_keys:
      - {name: fk_streak_habit_id, columns: [habit_id], references: habit, ref_columns: [id], on_delete: cascade}
)";

} // namespace

class TestCliAutogenerate : public QObject
{
    Q_OBJECT

    TestProject m_folder;

    CliRun strata(const QStringList &args, const QString &databaseUrl)
    {
        QStringList full{u"--directory"_s, m_folder.path()};
        if (!databaseUrl.isEmpty())
            full << u"--database"_s << databaseUrl;
        return runCli(strataExecutable(), full + args, m_folder.tempPath(), QProcessEnvironment::systemEnvironment(),
                      60000);
    }

    void editModels(const QByteArray &from, const QByteArray &to)
    {
        const QString path = m_folder.path() + u"/models.yaml"_s;
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        QVERIFY(text.contains(from));
        QVERIFY(TestProjects::writeFile(path, text.replace(from, to)));
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_folder.path()).removeRecursively();
    }

    void migrateUpgradeCheck_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void migrateUpgradeCheck()
    {
        QFETCH(QString, dialect);
        QVERIFY(m_folder.copyExample());
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        const QString url = db.url();
        QCOMPARE(strata({u"upgrade"_s}, url).exitCode, 0);

        CliRun r = strata({u"check"_s}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(r.out.trimmed(), u"No new upgrade operations detected."_s);
        r = strata({u"migrate"_s, u"-m"_s, u"Nothing"_s}, url);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), u"No changes detected."_s);
        QCOMPARE(QDir(m_folder.path() + u"/versions"_s).entryList(QDir::Files).size(), 3);

        editModels("      - {name: display_name, type: string(80)}\n",
                   "      - {name: display_name, type: string(80)}\n      - {name: bio, type: text}\n");
        editModels("  daily_note:\n", streakTable + "  daily_note:\n");
        r = strata({u"check"_s}, url);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"Detected added table 'streak'"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"Detected added column 'user.bio'"_s), qPrintable(r.out));

        r = strata({u"migrate"_s, u"-m"_s, u"Add streaks"_s}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(u"INFO  Detected added table 'streak'"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"_add_streaks.yaml ...  done"_s), qPrintable(r.err));
        const QString id = r.out.trimmed();
        QCOMPARE(id.size(), 12);

        // The database is behind the new head now: check and migrate say so.
        r = strata({u"check"_s}, url);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"Target database is not up to date."_s), qPrintable(r.err));
        r = strata({u"migrate"_s, u"-m"_s, u"More"_s}, url);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"Target database is not up to date."_s), qPrintable(r.err));
        r = strata({u"migrate"_s, u"-m"_s, u"More"_s, u"--offline"_s}, url);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), u"No changes detected."_s);

        QCOMPARE(strata({u"upgrade"_s}, url).exitCode, 0);
        r = strata({u"check"_s}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        r = strata({u"diff"_s, u"@head"_s, url}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(u"No differences between @%1"_s.arg(id)), qPrintable(r.err));
        QVERIFY(!r.out.contains(db.password()) || db.password().isEmpty());

        QCOMPARE(strata({u"downgrade"_s}, url).exitCode, 0);
        r = strata({u"diff"_s, url, u"@head"_s, u"--sql"_s}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"CREATE TABLE \"streak\""_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(dialect == u"sqlite"_s ? u"AUTOINCREMENT"_s : u"GENERATED BY DEFAULT AS IDENTITY"_s),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(u"ADD COLUMN \"bio\""_s), qPrintable(r.out));
    }

    void baselineThenMigrate_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void baselineThenMigrate()
    {
        QFETCH(QString, dialect);
        QVERIFY(TestProjects::writeFile(m_folder.path() + u"/strata.yaml"_s, "# defaults\n"));
        QVERIFY(QDir().mkpath(m_folder.path() + u"/versions"_s));
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        {
            auto connection = db.connect();
            QVERIFY(connection);
            QVERIFY((*connection)->exec(u"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL)"_s));
            QVERIFY((*connection)->exec(u"CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER "
                                        "REFERENCES author (id), title TEXT UNIQUE)"_s));
        }
        const QString url = db.url();
        // Tables made without migrations (create_all): baseline adopts them.
        CliRun r = strata({u"baseline"_s, u"-m"_s, u"Baseline"_s}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Detected added table 'author'"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Wrote "_s), qPrintable(r.err));
        const QString id = r.out.trimmed();
        QCOMPARE(strata({u"current"_s}, url).out.trimmed(), id + u" (head)"_s);

        r = strata({u"migrate"_s, u"-m"_s, u"Nothing"_s}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), u"No changes detected."_s);
        r = strata({u"check"_s}, url);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));

        r = strata({u"baseline"_s, u"-m"_s, u"Again"_s}, url);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"already has revisions"_s), qPrintable(r.err));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("migrate without message") << QStringList{u"migrate"_s} << 2 << u"migrate needs a message"_s;
        QTest::newRow("diff with one side") << QStringList{u"diff"_s, u"models"_s} << 2 << u"SOURCE and a TARGET"_s;
        QTest::newRow("diff of something else") << QStringList{u"diff"_s, u"models"_s, u"nonsense"_s} << 2
                                                << u"'nonsense' is not something to compare"_s;
        QTest::newRow("diff of an unknown revision") << QStringList{u"diff"_s, u"@zzzz"_s, u"models"_s} << 2
                                                     << u"Can't locate revision"_s;
        QTest::newRow("diff --sql without a dialect") << QStringList{u"diff"_s, u"@base"_s, u"models"_s, u"--sql"_s}
                                                      << 2 << u"--sql needs a database dialect"_s;
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QVERIFY(m_folder.copyExample());
        // No database anywhere: strata.yaml's is removed, and none is given.
        QVERIFY(TestProjects::writeFile(m_folder.path() + u"/strata.yaml"_s, "# defaults\n"));
        CliRun r = strata(args, {});
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.exitCode, exitCode);
    }
};

QTEST_GUILESS_MAIN(TestCliAutogenerate)
#include "tst_cli_autogenerate.moc"
