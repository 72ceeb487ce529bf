// `strata lint` from the command line: file:line findings, exit 0 on
// warnings, exit 1 on warnings with --strict (CI), quiet on the example.
#include "cliprocess.h"
#include "testprojects.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliLint : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

    int strata(const QStringList &args, QString *out)
    {
        const CliRun run = runCli(QStringLiteral(STRATA_CLI), QStringList{u"--directory"_s, m_project} + args,
                                  m_dir.path(), QProcessEnvironment::systemEnvironment(), 60000);
        *out = run.out;
        return run.exitCode;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(u"migrations-%1"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
        QDir(m_project).removeRecursively();
        QVERIFY(TestProjects::copyExampleProject(m_project));
    }

    void exampleIsQuiet()
    {
        QString out;
        QCOMPARE(strata({u"lint"_s, u"--strict"_s}, &out), 0);
        QCOMPARE(out.trimmed(), u"0 findings in 3 revisions."_s);
    }

    void strictFailsOnWarnings_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("warnings pass by default") << QStringList{u"lint"_s} << 0;
        QTest::newRow("strict fails on warnings") << QStringList{u"lint"_s, u"--strict"_s} << 1;
        QTest::newRow("a range that leaves the revision out") << QStringList{u"lint"_s, u"--strict"_s, u"base:c71d"_s}
                                                              << 0;
    }

    void strictFailsOnWarnings()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QVERIFY(!TestProjects::writeRevision(
                     m_project, u"d00d1e5ab0c1_drop_note_body"_s,
                     TestProjects::revisionYaml(u"d00d1e5ab0c1"_s, {u"c71d2e5a8b04"_s}, u"Drop note body"_s,
                                                "- drop_column: {table: daily_note, column: body}",
                                                "- add_column: {table: daily_note, column: {name: body, type: text}}"))
                     .isEmpty());
        QString out;
        QCOMPARE(strata(args, &out), exitCode);
        if (args.size() == 3) {
            QCOMPARE(out.trimmed(), u"0 findings in 3 revisions."_s);
            return;
        }
        QVERIFY2(out.contains(u"d00d1e5ab0c1_drop_note_body.yaml:6: warning [drop-column] drop column daily_note.body"_s),
                 qPrintable(out));
        QVERIFY(out.contains(u"1 finding in 4 revisions."_s));
    }
};

QTEST_GUILESS_MAIN(TestCliLint)
#include "tst_cli_lint.moc"
