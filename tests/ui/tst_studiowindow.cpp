#include "failedrun.h"
#include "ui/app/databasewatch.h"
#include "ui/app/logpane.h"
#include "ui/app/mainwindow.h"
#include "ui/app/statuspanel.h"
#include "ui/app/studioactions.h"
#include "ui/app/studiosession.h"
#include "ui/safety/roundtripview.h"
#include "core/db/connection.h"
#include "core/db/versionstore.h"
#include "core/project/project.h"
#include "core/workflow/migrator.h"
#include "scratchdatabase.h"
#include "studiotestsupport.h"
#include "testprojects.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinepanel.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QImage>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using strata::ui::MainWindow;
using strata::ui::RunOutcome;
using strata::ui::TimelineModel;

namespace {

const QString Initial = u"9b1e0aa2c4f3"_s;
const QString Notes = u"3f2a9c1b7d10"_s;
const QString Energy = u"c71d2e5a8b04"_s;

} // namespace

class TestStudioWindow : public QObject
{
    Q_OBJECT

private:
    // The version rows, read through a connection of our own: what the database says, not the window.
    QStringList databaseHeads()
    {
        auto connection = m_scratch->connect();
        if (!connection)
            return {u"cannot open: "_s + connection.error().toString()};
        strata::VersionStore store(**connection, u"strata_version"_s, u"strata_history"_s);
        auto heads = store.heads();
        return heads ? *heads : QStringList{heads.error().toString()};
    }

    QStringList tables()
    {
        auto connection = m_scratch->connect();
        if (!connection)
            return {};
        auto names = (*connection)->userTables({u"strata_version"_s, u"strata_history"_s});
        QStringList sorted = names ? *names : QStringList{};
        sorted.sort();
        return sorted;
    }

    // A fresh window on the example project and a fresh database of that dialect.
    void openWindow(const QString &dialect)
    {
        m_window.reset();
        m_scratch = std::make_unique<ScratchDatabase>(dialect);
        STRATA_REQUIRE_DATABASE(*m_scratch);
        m_window = std::make_unique<MainWindow>();
        m_window->setConfirmer([this](const QString &title, const QString &text) {
            m_questions << title + u": "_s + text;
            return m_answer;
        });
        m_questions.clear();
        m_answer = true;
        QVERIFY(m_window->openProject(m_project.path(), m_scratch->url()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isSettled(), 10000);
    }

    QString badgeRow()
    {
        TimelineModel *model = m_window->timelineModel();
        QStringList current;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row).data(TimelineModel::IsCurrentRole).toBool())
                current << model->revisionAt(row);
        }
        return current.join(u',');
    }

    // Triggers an action on a revision and waits for its run to end.
    RunOutcome runOn(const QString &revision, QAction *action)
    {
        if (!revision.isEmpty() && !m_window->selectRevision(revision))
            return failedRun(u"no such revision "_s + revision);
        QSignalSpy finished(m_window->session(), &strata::ui::StudioSession::runFinished);
        if (!action->isEnabled())
            return failedRun(action->objectName() + u" is disabled"_s);
        action->trigger();
        if (!finished.wait(20000))
            return failedRun(u"the run did not finish in time"_s);
        // Let the state read at the end of the run reach the model.
        QTest::qWait(0);
        return finished.takeFirst().at(0).value<RunOutcome>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        isolateStudioSettings(m_settings);
        QVERIFY(m_project.copyExample());
    }

    void init()
    {
        // Functions with a dialect column open their own; the others run on SQLite.
        if (!QTest::currentDataTag())
            openWindow(u"sqlite"_s);
    }

    void cleanup()
    {
        m_window.reset();
        m_scratch.reset();
    }

    void upgradeAndDowngradeMoveTheDatabaseAndTheBadge_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void upgradeAndDowngradeMoveTheDatabaseAndTheBadge()
    {
        QFETCH(QString, dialect);
        openWindow(dialect);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(m_window->statusPanel()->findChild<QLabel *>(u"statusDialect"_s)->text().contains(
                     dialect == u"sqlite"_s ? u"SQLite"_s : u"PostgreSQL"_s, Qt::CaseInsensitive),
                 "the status bar names the dialect");
        const auto &actions = m_window->actions();
        QCOMPARE(badgeRow(), QString());
        QCOMPARE(m_window->timelineModel()->pendingCount(), 3);

        RunOutcome outcome = runOn(Notes, actions.upgradeToSelected);
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        QCOMPARE(databaseHeads(), QStringList{Notes});
        QCOMPARE(badgeRow(), Notes);
        QCOMPARE(m_window->timelineModel()->pendingCount(), 1);
        QVERIFY2(m_window->statusPanel()->revisionText().contains(Notes), qPrintable(m_window->statusPanel()->revisionText()));
        QVERIFY(m_window->logPane()->toPlainText().contains(u"Running upgrade 9b1e0aa2c4f3 -> 3f2a9c1b7d10"_s));

        // Downgrading past the step that created daily_note and daily_mood asks first, naming them.
        outcome = runOn(Initial, actions.downgradeToSelected);
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        QCOMPARE(m_questions.size(), 1);
        QVERIFY2(m_questions.first().contains(u"daily_mood"_s) && m_questions.first().contains(u"daily_note"_s),
                 qPrintable(m_questions.first()));
        QCOMPARE(databaseHeads(), QStringList{Initial});
        QCOMPARE(tables(), (QStringList{u"habit"_s, u"user"_s}));
        QCOMPARE(badgeRow(), Initial);

        outcome = runOn({}, actions.upgradeToHead);
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        QCOMPARE(databaseHeads(), QStringList{Energy});
        QCOMPARE(badgeRow(), Energy);
        QCOMPARE(m_window->timelineModel()->pendingCount(), 0);
    }

    void declinedDowngradeChangesNothing()
    {
        QVERIFY(runOn({}, m_window->actions().upgradeToHead).ok);
        m_answer = false;
        const RunOutcome outcome = runOn(Initial, m_window->actions().downgradeToSelected);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.errorText.contains(u"declined: nothing was run"_s), qPrintable(outcome.errorText));
        QCOMPARE(m_questions.size(), 1);
        QCOMPARE(databaseHeads(), QStringList{Energy});
    }

    // The window last saw an empty database; a terminal then upgraded it and a
    // row went in. The downgrade's question is built from the database as it is
    // when the run starts: it names the tables with their rows.
    void downgradeAsksWithWhatTheDatabaseHoldsNow()
    {
        // This is about a stale picture: the watch, which would correct it, looks only after the run.
        m_window->session()->watch()->setInterval(3600 * 1000);
        QCOMPARE(badgeRow(), QString());
        auto project = m_project.open();
        QVERIFY(project.has_value());
        auto connection = m_scratch->connect();
        QVERIFY(connection.has_value());
        strata::MigrateOptions toHead;
        QVERIFY(strata::Migrator(**connection, *project).run(toHead).ok());
        QVERIFY((*connection)->exec(u"INSERT INTO \"user\" (id, email, created_at) VALUES (1, 'a@b.c', CURRENT_TIMESTAMP)"_s).has_value());
        QVERIFY((*connection)->exec(u"INSERT INTO daily_note (user_id, day, body) VALUES (1, '2026-11-30', 'kept?')"_s).has_value());
        connection->reset();

        m_answer = false;
        const RunOutcome outcome = runOn(Initial, m_window->actions().downgradeToSelected);
        QVERIFY(!outcome.ok);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY2(m_questions.first().contains(u"table daily_note (1 row)"_s), qPrintable(m_questions.first()));
        QVERIFY2(m_questions.first().contains(u"table daily_mood (0 rows)"_s), qPrintable(m_questions.first()));
        QCOMPARE(databaseHeads(), QStringList{Energy});
    }

    // A terminal upgrades the database and later stamps it back while the window
    // sits idle: the badge and the status bar follow without F5.
    void theBadgeFollowsMovesMadeOutsideTheStudio()
    {
        m_window->session()->watch()->setInterval(100);
        QCOMPARE(badgeRow(), QString());
        auto project = m_project.open();
        QVERIFY(project.has_value());
        {
            auto connection = m_scratch->connect();
            QVERIFY(connection.has_value());
            strata::MigrateOptions toNotes;
            toNotes.target = Notes;
            QVERIFY(strata::Migrator(**connection, *project).run(toNotes).ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(badgeRow(), Notes, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusPanel()->revisionText().contains(Notes), 10000);
        {
            auto connection = m_scratch->connect();
            QVERIFY(connection.has_value());
            strata::VersionStore store(**connection, project->config().versionTable, project->config().historyTable);
            QVERIFY(store.stamp({Energy}, false).has_value());
        }
        QTRY_COMPARE_WITH_TIMEOUT(badgeRow(), Energy, 10000);
        // Nothing runs for the watch: the actions stay available.
        QVERIFY(!m_window->session()->isRunning());
        QVERIFY(m_window->actions().upgradeToHead->isEnabled());
    }

    // A reading that fails leaves the old revision on screen marked stale, not as current.
    void aFailedReadingMarksTheStatusStale()
    {
        QVERIFY(runOn(Notes, m_window->actions().upgradeToSelected).ok);
        QVERIFY(m_window->statusPanel()->revisionText().contains(Notes));
        m_window->session()->watch()->setInterval(100);
        {
            QFile file(m_scratch->sqliteFile());
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QByteArray(4096, 'x'));
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusPanel()->revisionText().endsWith(u"(stale)"_s), 10000);
        QVERIFY(m_window->statusPanel()->revisionText().contains(Notes));
    }

    void roundTripOnAScratchCopyLeavesTheDatabase()
    {
        QVERIFY(runOn(Notes, m_window->actions().upgradeToSelected).ok);
        const RunOutcome outcome = runOn(Energy, m_window->actions().roundTrip);
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        const QString log = m_window->logPane()->toPlainText();
        QVERIFY2(log.contains(u"scratch copy"_s), qPrintable(log));
        QVERIFY2(log.contains(u"pass  3f2a9c1b7d10 -> c71d2e5a8b04"_s), qPrintable(log));
        QVERIFY(outcome.roundtrip.has_value());
        QCOMPARE(outcome.roundtrip->steps.size(), 1);
        QCOMPARE(m_window->bottomTabs()->currentWidget(), m_window->roundtripView());
        QCOMPARE(databaseHeads(), QStringList{Notes});
        QCOMPARE(badgeRow(), Notes);
    }

    void roundTripOnTheRealDatabaseEndsUpgraded()
    {
        m_window->actions().roundTripOnRealDatabase->setChecked(true);
        const RunOutcome outcome = runOn(Notes, m_window->actions().roundTrip);
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        QCOMPARE(databaseHeads(), QStringList{Notes});
        QCOMPARE(badgeRow(), Notes);
    }

    void stampAsksAndMovesOnlyTheVersion()
    {
        const RunOutcome outcome = runOn(Energy, m_window->actions().stamp);
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.first().startsWith(u"Stamp"_s));
        QCOMPARE(databaseHeads(), QStringList{Energy});
        QCOMPARE(tables(), QStringList{});
        QCOMPARE(badgeRow(), Energy);
    }

    void aFailingStepShowsTheEngineMessage()
    {
        TestProject broken;
        QVERIFY(broken.copyExample());
        QVERIFY(!broken.writeRevision(u"dd0000000001_broken"_s,
                                      "revision: dd0000000001\ndown_revision: c71d2e5a8b04\nmessage: Broken step\n"
                                      "created: 2026-11-25T08:00:00Z\n\nupgrade:\n"
                                      "  - execute: {sql: INSERT INTO no_such_table VALUES (1)}\n"
                                      "\ndowngrade: []\n").isEmpty());
        QVERIFY(m_window->openProject(broken.path(), m_scratch->url()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isSettled(), 10000);
        const RunOutcome outcome = runOn({}, m_window->actions().upgradeToHead);
        QCOMPARE(outcome.ok, false);
        QVERIFY2(outcome.errorText.contains(u"no_such_table"_s), qPrintable(outcome.errorText));
        QVERIFY2(m_window->errorBanner().contains(u"no_such_table"_s), qPrintable(m_window->errorBanner()));
        // The steps before the failing one stay; the badge shows where the database is.
        QCOMPARE(databaseHeads(), QStringList{Energy});
        QCOMPARE(badgeRow(), Energy);
    }

    void cancelStopsBetweenSteps()
    {
        QSignalSpy finished(m_window->session(), &strata::ui::StudioSession::runFinished);
        m_window->actions().upgradeToHead->trigger();
        m_window->actions().cancel->trigger();
        QVERIFY(finished.wait(20000));
        const auto outcome = finished.takeFirst().at(0).value<RunOutcome>();
        QCOMPARE(outcome.ok, false);
        QCOMPARE(outcome.cancelled, true);
        QVERIFY2(outcome.errorText.contains(u"cancelled"_s), qPrintable(outcome.errorText));
        const QStringList heads = databaseHeads();
        QVERIFY2(heads.isEmpty() || heads == QStringList{Initial} || heads == QStringList{Notes}, qPrintable(heads.join(u',')));
    }

    void reloadKeepsTheSelection()
    {
        QVERIFY(m_window->selectRevision(Notes));
        QVERIFY(m_window->session()->reload());
        QCOMPARE(m_window->timeline()->currentRevision(), Notes);
    }

    void grabsTheWindowToAPng()
    {
        QVERIFY(runOn(Notes, m_window->actions().upgradeToSelected).ok);
        QVERIFY(m_window->selectRevision(Energy));
        m_window->resize(1280, 800);
        const QString path = QCoreApplication::applicationDirPath() + u"/studio-window.png"_s;
        QFile::remove(path);
        QVERIFY(m_window->grab().save(path));
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1280, 800) * image.devicePixelRatio());
        qInfo("window picture: %s", qPrintable(path));
    }

private:
    QTemporaryDir m_settings;
    TestProject m_project;
    std::unique_ptr<ScratchDatabase> m_scratch;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_questions;
    bool m_answer = true;
};

QTEST_MAIN(TestStudioWindow)
#include "tst_studiowindow.moc"
