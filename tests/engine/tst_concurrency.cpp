// Several deploys racing: four `strata upgrade head` processes started at
// once on the same SQLite file and on the same PostgreSQL database. Every
// step must be applied exactly once, every process must end with 0 or with
// the "being migrated by another process" message, and the database at head.
#include "cliprocess.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int processCount = 4;
constexpr int rounds = 5;
const QString exampleHead = u"c71d2e5a8b04"_s;

bool isLockMessage(const QString &stderrText)
{
    return stderrText.contains(u"being migrated by another process"_s)
        || stderrText.contains(u"another migration run holds the lock"_s);
}

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void racingUpgrades_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite file") << u"sqlite"_s;
        QTest::newRow("postgresql server") << u"postgresql"_s;
    }

    void racingUpgrades()
    {
        QFETCH(QString, dialect);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(u"migrations"_s);
        QVERIFY(TestProjects::copyExampleProject(project));

        int succeeded = 0;
        int refused = 0;
        int replanned = 0;
        for (int round = 0; round < rounds; ++round) {
            ScratchDatabase db(dialect);
            STRATA_REQUIRE_DATABASE(db);
            CliOptions options;
            options.workingDirectory = dir.path();
            // Started back to back so their plans overlap.
            std::vector<std::unique_ptr<CliProcess>> processes;
            for (int i = 0; i < processCount; ++i)
                processes.push_back(std::make_unique<CliProcess>(
                    QStringLiteral(STRATA_CLI),
                    QStringList{u"--directory"_s, project, u"--database"_s, db.url(), u"--lock-timeout"_s, u"30"_s,
                                u"upgrade"_s, u"head"_s},
                    options));
            for (auto &process : processes) {
                const CliRun run = process->finish();
                QVERIFY2(run.ending != CliRun::Ending::TimedOut, qPrintable(run.err));
                QVERIFY2(run.exited(), qPrintable(run.err));
                if (run.err.contains(u"Another process migrated the database meanwhile"_s))
                    ++replanned;
                if (run.exitCode == 0) {
                    ++succeeded;
                } else {
                    QCOMPARE(run.exitCode, 1);
                    QVERIFY2(isLockMessage(run.err), qPrintable(run.err));
                    ++refused;
                }
            }

            auto connection = db.connect();
            QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().toString()));
            auto versions = (*connection)->select(u"SELECT version_num FROM strata_version"_s);
            QVERIFY(versions);
            QCOMPARE(versions->size(), 1);
            QCOMPARE(versions->first().value(0).toString(), exampleHead);
            auto applied = (*connection)->select(
                u"SELECT revision, COUNT(*) FROM strata_history WHERE direction = 'upgrade' "
                "GROUP BY revision ORDER BY revision"_s);
            QVERIFY(applied);
            QCOMPARE(applied->size(), 3);
            for (const QVariantList &row : *applied)
                QVERIFY2(row.value(1).toInt() == 1,
                         qPrintable(u"%1 applied %2 times"_s.arg(row.value(0).toString(), row.value(1).toString())));
        }
        qInfo("%s: %d racing runs in %d rounds, %d finished the upgrade or found it done (%d of them after "
              "losing a race and planning again), %d refused with the lock message",
              qPrintable(dialect), processCount * rounds, rounds, succeeded, replanned, refused);
        QCOMPARE(succeeded + refused, processCount * rounds);
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
