// `strata roundtrip` as a user runs it: on the example project it passes and
// leaves the real database untouched; a revision whose downgrade forgets to
// drop the index its upgrade made is caught, named, and exits 1.
#include "cliprocess.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliRoundtrip : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

    CliRun strata(const QStringList &args, const QString &databaseUrl)
    {
        return runCli(QStringLiteral(STRATA_CLI),
                      QStringList{u"--directory"_s, m_project, u"--database"_s, databaseUrl} + args, m_dir.path());
    }

    static void addDialects()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite file") << u"sqlite"_s;
        QTest::newRow("postgresql server") << u"postgresql"_s;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(u"migrations-%1-%2"_s.arg(QString::fromLatin1(QTest::currentTestFunction()),
                                                             QString::fromLatin1(QTest::currentDataTag())));
        QDir(m_project).removeRecursively();
        QVERIFY(TestProjects::copyExampleProject(m_project));
    }

    void examplePassesOnScratchCopy_data() { addDialects(); }
    void examplePassesOnScratchCopy()
    {
        QFETCH(QString, dialect);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        CliRun r = strata({u"roundtrip"_s}, db.url());
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(u"pass    <base> -> 9b1e0aa2c4f3"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"pass    3f2a9c1b7d10 -> c71d2e5a8b04"_s));
        QVERIFY(r.out.contains(u"3 of 3 steps passed."_s));
        // The user's database was not touched.
        QCOMPARE(strata({u"current"_s}, db.url()).out.trimmed(), QString());
    }

    void keepsRowsOfTheCopiedFile()
    {
        ScratchDatabase db(u"sqlite"_s);
        STRATA_REQUIRE_DATABASE(db);
        QCOMPARE(strata({u"upgrade"_s, u"9b1e"_s}, db.url()).exitCode, 0);
        {
            auto connection = db.connect();
            QVERIFY(connection);
            QVERIFY((*connection)->exec(u"INSERT INTO \"user\" (email) VALUES ('ada@example.org')"_s));
        }
        CliRun r = strata({u"roundtrip"_s, u"head"_s}, db.url());
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(u"2 of 2 steps passed."_s));
        QCOMPARE(strata({u"current"_s}, db.url()).out.trimmed(), u"9b1e0aa2c4f3"_s);
    }

    void catchesForgottenIndex_data() { addDialects(); }
    void catchesForgottenIndex()
    {
        QFETCH(QString, dialect);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        QVERIFY(!TestProjects::writeRevision(
                     m_project, u"d00d1e5ab0c1_index_habit_title"_s,
                     TestProjects::revisionYaml(u"d00d1e5ab0c1"_s, {u"c71d2e5a8b04"_s}, u"Index habit title"_s,
                                                "- create_index: {name: ix_habit_title, table: habit, columns: [title]}",
                                                {}))
                     .isEmpty());
        CliRun r = strata({u"roundtrip"_s}, db.url());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"FAIL    c71d2e5a8b04 -> d00d1e5ab0c1"_s), qPrintable(r.out));
        const QStringList problems = r.out.split(u'\n').filter(u"after downgrade"_s);
        QVERIFY2(!problems.filter(u"ix_habit_title"_s).isEmpty(), qPrintable(r.out));
        QVERIFY(r.out.contains(u"3 of 4 steps passed."_s));
    }
};

QTEST_GUILESS_MAIN(TestCliRoundtrip)
#include "tst_cli_roundtrip.moc"
