// A deploy killed half way: `strata upgrade head` and `strata downgrade base`
// are SIGKILLed at random moments (seeded, so a failure can be replayed).
// After every kill the database must be at a revision whose replayed schema
// is exactly the live one, and running the command again must finish the job.
#include "scratchdatabase.h"
#include "testprojects.h"

#include "db/versionstore.h"
#include "diff/schemasource.h"
#include "project/project.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// `make test` runs a few rounds; `make soak` runs many (STRATA_CRASH_ROUNDS) with other seeds.
const int rounds = qEnvironmentVariableIsSet("STRATA_CRASH_ROUNDS") ? qEnvironmentVariableIntValue("STRATA_CRASH_ROUNDS") : 15;
const quint32 seed = qEnvironmentVariableIsSet("STRATA_CRASH_SEED") ? quint32(qEnvironmentVariableIntValue("STRATA_CRASH_SEED"))
                                                                     : 20261124u;
const QString exampleHead = u"c71d2e5a8b04"_s;

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

    QStringList arguments(const ScratchDatabase &db, const QStringList &command) const
    {
        return QStringList{u"--directory"_s, m_project, u"--database"_s, db.url(), u"--lock-timeout"_s, u"30"_s}
            + command;
    }

    // Runs to the end; returns the exit code and keeps stderr for messages.
    int runToEnd(const ScratchDatabase &db, const QStringList &command, QString *err = nullptr) const
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral(STRATA_CLI), arguments(db, command));
        if (!process.waitForFinished(120000))
            return -1;
        if (err)
            *err = QString::fromUtf8(process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    // Starts the command and SIGKILLs it after `delayMs` unless it finished before.
    bool killAfter(const ScratchDatabase &db, const QStringList &command, int delayMs, bool *killed) const
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral(STRATA_CLI), arguments(db, command));
        if (!process.waitForStarted(30000))
            return false;
        *killed = !process.waitForFinished(delayMs);
        if (*killed) {
            process.kill();
            return process.waitForFinished(30000);
        }
        return true;
    }

    // The version rows name a revision whose replayed schema is the live one.
    void verifyConsistent(const ScratchDatabase &db, const QString &context, QStringList *headsOut = nullptr)
    {
        auto project = strata::Project::open(m_project);
        QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
        auto connection = db.connect();
        QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().toString()));
        const strata::ProjectConfig &config = project->config();
        auto heads = strata::VersionStore(**connection, config.versionTable, config.historyTable).heads();
        QVERIFY2(heads, qPrintable(heads ? QString() : heads.error().toString()));
        auto replayed = strata::revisionSource(*project, *heads);
        QVERIFY(replayed);
        auto live = strata::databaseSource(**connection, *project);
        QVERIFY2(live, qPrintable(live ? QString() : live.error().toString()));
        auto diff = strata::diffSources(*replayed, *live);
        QVERIFY(diff);
        QVERIFY2(diff->isEmpty(), qPrintable(u"%1: the database says %2 but its schema differs"_s
                                                 .arg(context, heads->join(u", "_s))));
        if (headsOut)
            *headsOut = *heads;
    }

    // How long an uninterrupted run takes here, so kills land inside it.
    int measure(const ScratchDatabase &db, const QStringList &command)
    {
        QElapsedTimer timer;
        timer.start();
        const int code = runToEnd(db, command);
        return code == 0 ? int(timer.elapsed()) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(u"migrations"_s);
        QVERIFY(TestProjects::copyExampleProject(m_project));
    }

    void killedRunsRecover_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite file") << u"sqlite"_s;
        QTest::newRow("postgresql server") << u"postgresql"_s;
    }

    void killedRunsRecover()
    {
        QFETCH(QString, dialect);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        const QStringList up{u"upgrade"_s, u"head"_s};
        const QStringList down{u"downgrade"_s, u"base"_s};
        const int upMs = measure(db, up);
        const int downMs = measure(db, down);
        QVERIFY2(upMs > 0 && downMs > 0, "an uninterrupted upgrade and downgrade must pass first");

        QRandomGenerator random(seed);
        int killsMidRun = 0;
        for (int round = 0; round < rounds; ++round) {
            for (const QStringList &command : {up, down}) {
                const int full = command == up ? upMs : downMs;
                const int delay = int(random.bounded(full + 1));
                bool killed = false;
                QVERIFY(killAfter(db, command, delay, &killed));
                killsMidRun += killed ? 1 : 0;
                const QString where = u"round %1, %2 killed after %3 ms"_s.arg(round).arg(command.first()).arg(delay);
                verifyConsistent(db, where);
                if (QTest::currentTestFailed())
                    return;
                QString err;
                QCOMPARE(runToEnd(db, command, &err), 0);
                QStringList heads;
                verifyConsistent(db, where + u", then run again"_s, &heads);
                if (QTest::currentTestFailed())
                    return;
                QCOMPARE(heads, command == up ? QStringList{exampleHead} : QStringList());
            }
        }
        qInfo("%s: %d rounds (seed %u), %d of %d runs killed mid-run (full run %d ms up, %d ms down); every "
              "kill left a consistent database and every re-run finished",
              qPrintable(dialect), rounds, seed, killsMidRun, 2 * rounds, upMs, downMs);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
