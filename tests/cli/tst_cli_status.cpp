// `strata status`, `repair` and the edited-file guard of `upgrade`, run as a
// user would: the real executable on a copy of the example project, against
// an SQLite file and the test PostgreSQL server.
#include "cliprocess.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString initialFile = u"versions/9b1e0aa2c4f3_initial_schema.yaml"_s;

} // namespace

class TestCliStatus : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

    CliRun strata(const QStringList &args, const QString &databaseUrl)
    {
        return runCli(QStringLiteral(STRATA_CLI),
                      QStringList{u"--directory"_s, m_project, u"--database"_s, databaseUrl} + args, m_dir.path(),
                      QProcessEnvironment::systemEnvironment(), 60000);
    }

    bool appendToFile(const QString &relativePath, const QByteArray &text)
    {
        QFile file(m_project + u'/' + relativePath);
        if (!file.open(QIODevice::Append))
            return false;
        return file.write(text) == text.size();
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

    void pendingThenClean_data() { addDialects(); }
    void pendingThenClean()
    {
        QFETCH(QString, dialect);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);

        CliRun r = strata({u"status"_s}, db.url());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"Current revision: base (nothing applied)"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"Pending: 3 steps"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"<base> -> 9b1e0aa2c4f3, Initial schema"_s));

        QCOMPARE(strata({u"upgrade"_s, u"+1"_s}, db.url()).exitCode, 0);
        r = strata({u"status"_s}, db.url());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"Current revision: 9b1e0aa2c4f3"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"Pending: 2 steps"_s));
        QVERIFY2(r.out.contains(u"Drift: none"_s), qPrintable(r.out));

        QCOMPARE(strata({u"upgrade"_s}, db.url()).exitCode, 0);
        r = strata({u"status"_s}, db.url());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"Pending: none, the database is at head."_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"No problems found."_s));
    }

    void editedFileBlocksUpgradeUntilRepair_data() { addDialects(); }
    void editedFileBlocksUpgradeUntilRepair()
    {
        QFETCH(QString, dialect);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        QCOMPARE(strata({u"upgrade"_s, u"+1"_s}, db.url()).exitCode, 0);
        QVERIFY(appendToFile(initialFile, "# reviewed: the email column stays\n"));

        CliRun r = strata({u"status"_s}, db.url());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"error [edited-after-apply] "_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"9b1e0aa2c4f3_initial_schema.yaml was edited after it was applied on "_s),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(u" UTC "_s));

        r = strata({u"upgrade"_s}, db.url());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"refusing to upgrade"_s), qPrintable(r.err));
        QVERIFY(r.err.contains(u"strata repair"_s));
        QCOMPARE(strata({u"current"_s}, db.url()).out.trimmed(), u"9b1e0aa2c4f3"_s);

        r = strata({u"repair"_s}, db.url());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"Recorded the new checksum of "_s), qPrintable(r.out));
        r = strata({u"status"_s}, db.url());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(u"edited-after-apply"_s), qPrintable(r.out));
        QCOMPARE(strata({u"repair"_s}, db.url()).out.trimmed(),
                 u"Nothing to repair: every applied file matches its recorded checksum."_s);

        r = strata({u"upgrade"_s}, db.url());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(strata({u"current"_s}, db.url()).out.trimmed(), u"c71d2e5a8b04 (head)"_s);
    }

    // git's autocrlf or an editor rewriting line endings (and adding a BOM) is
    // not an edit: the whole project goes to CRLF with a BOM and back.
    void lineEndingsAreNotEdits_data() { addDialects(); }
    void lineEndingsAreNotEdits()
    {
        QFETCH(QString, dialect);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        QCOMPARE(strata({u"upgrade"_s, u"+2"_s}, db.url()).exitCode, 0);

        const auto rewriteAll = [this](bool crlf) {
            QStringList files{u"strata.yaml"_s};
            for (const QString &name : QDir(m_project + u"/versions"_s).entryList({u"*.yaml"_s}, QDir::Files))
                files << u"versions/"_s + name;
            for (const QString &relative : std::as_const(files)) {
                QFile file(m_project + u'/' + relative);
                if (!file.open(QIODevice::ReadOnly))
                    return false;
                QByteArray text = file.readAll();
                file.close();
                text.replace("\xEF\xBB\xBF", "").replace("\r\n", "\n");
                if (crlf)
                    text = "\xEF\xBB\xBF" + text.replace("\n", "\r\n");
                if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
                    return false;
            }
            return true;
        };
        for (const bool crlf : {true, false}) {
            QVERIFY(rewriteAll(crlf));
            CliRun r = strata({u"status"_s}, db.url());
            QVERIFY2(r.exitCode == 0 && !r.out.contains(u"edited-after-apply"_s), qPrintable(r.out + r.err));
        }
        QVERIFY(rewriteAll(true));
        CliRun r = strata({u"upgrade"_s}, db.url());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(strata({u"current"_s}, db.url()).out.trimmed(), u"c71d2e5a8b04 (head)"_s);
        QVERIFY(rewriteAll(false));
        r = strata({u"status"_s}, db.url());
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"No problems found."_s), qPrintable(r.out + r.err));
    }

    void allowEditedRunsAnyway_data() { addDialects(); }
    void allowEditedRunsAnyway()
    {
        QFETCH(QString, dialect);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        QCOMPARE(strata({u"upgrade"_s, u"+1"_s}, db.url()).exitCode, 0);
        QVERIFY(appendToFile(initialFile, "# a comment\n"));
        CliRun r = strata({u"upgrade"_s, u"--allow-edited"_s}, db.url());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Still reported: --allow-edited does not accept the edit, repair does.
        QCOMPARE(strata({u"status"_s}, db.url()).exitCode, 1);
    }

    void missingRevisionAndUnknownHead_data() { addDialects(); }
    void missingRevisionAndUnknownHead()
    {
        QFETCH(QString, dialect);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        QCOMPARE(strata({u"upgrade"_s}, db.url()).exitCode, 0);
        QVERIFY(QFile::remove(m_project + u"/versions/c71d2e5a8b04_add_energy_to_daily_mood.yaml"_s));

        CliRun r = strata({u"status"_s}, db.url());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"error [unknown-revision] the database is at c71d2e5a8b04"_s), qPrintable(r.out));

        QCOMPARE(strata({u"stamp"_s, u"3f2a9c1b7d10"_s, u"--purge"_s}, db.url()).exitCode, 0);
        r = strata({u"status"_s, u"--no-drift"_s}, db.url());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"warning [missing-revision] revision c71d2e5a8b04 was applied on "_s),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(u"Current revision: 3f2a9c1b7d10"_s));
    }

    void driftObjectByObject_data() { addDialects(); }
    void driftObjectByObject()
    {
        QFETCH(QString, dialect);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        QCOMPARE(strata({u"upgrade"_s}, db.url()).exitCode, 0);
        {
            auto connection = db.connect();
            QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().toString()));
            QVERIFY((*connection)->exec(u"CREATE TABLE audit_log (id INTEGER PRIMARY KEY, note TEXT)"_s));
            QVERIFY((*connection)->exec(u"CREATE INDEX ix_habit_by_hand ON habit (title)"_s));
        }
        CliRun r = strata({u"status"_s}, db.url());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"Drift: yes"_s), qPrintable(r.out));
        const QStringList driftLines = r.out.split(u'\n').filter(u"[drift]"_s);
        QVERIFY2(driftLines.size() >= 2, qPrintable(r.out));
        QVERIFY2(!driftLines.filter(u"audit_log"_s).isEmpty(), qPrintable(r.out));
        QVERIFY2(!driftLines.filter(u"ix_habit_by_hand"_s).isEmpty(), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCliStatus)
#include "tst_cli_status.moc"
