// The run and revision commands of the studio (issue 14): an upgrade asks
// about pending revisions with lint errors or a failed round-trip, a stamp on
// several heads says which rows go and which stay, new revision / merge heads
// / repair / open in editor / delete through core/workflow, and Generate's
// preview (downgrade, file, lint) and refusal of a default that is not SQL.
#include "failedrun.h"
#include "ui/app/logpane.h"
#include "ui/app/mainwindow.h"
#include "ui/app/revisioncommands.h"
#include "ui/app/studioactions.h"
#include "ui/app/studiosession.h"
#include "core/db/connection.h"
#include "core/db/versionstore.h"
#include "ui/generate/generatedialog.h"
#include "core/project/project.h"
#include "ui/safety/lintrunner.h"
#include "scratchdatabase.h"
#include "studiotestsupport.h"
#include "testprojects.h"
#include "core/workflow/databasestatus.h"
#include "core/workflow/migrator.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using strata::ui::MainWindow;
using strata::ui::RevisionCommands;
using strata::ui::RunOutcome;

namespace {

const QString Initial = u"9b1e0aa2c4f3"_s;
const QString Notes = u"3f2a9c1b7d10"_s;
const QString Energy = u"c71d2e5a8b04"_s;
const QString Side = u"a0b1c2d3e4f5"_s;     // a branch on Initial: the project has two heads
// Adds a NOT NULL column without a default to a table that has rows: a lint error.
const QString Strict = u"5e1ec7ed0001"_s;

} // namespace

class TestStudioAct : public QObject
{
    Q_OBJECT

private:
    void openWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->setConfirmer([this](const QString &title, const QString &text) {
            m_questions << title + u": "_s + text;
            return m_answer;
        });
        revisions()->setMessageAsker([this](const QString &, const QString &, const QString &) { return m_message; });
        QVERIFY(m_window->openProject(m_project->path(), m_scratch->url()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isSettled(), 20000);
    }

    RevisionCommands *revisions() const { return m_window->findChild<RevisionCommands *>(u"revisionCommands"_s); }

    QStringList databaseHeads()
    {
        auto connection = m_scratch->connect();
        if (!connection)
            return {connection.error().toString()};
        auto heads = strata::VersionStore(**connection, u"strata_version"_s, u"strata_history"_s).heads();
        QStringList sorted = heads ? *heads : QStringList{heads.error().toString()};
        sorted.sort();
        return sorted;
    }

    bool upgradeByHand(const QString &target)
    {
        auto project = m_project->open();
        auto connection = m_scratch->connect();
        if (!project || !connection)
            return false;
        strata::MigrateOptions options;
        options.target = target;
        return strata::Migrator(**connection, *project).run(options).ok();
    }

    RunOutcome runOn(const QString &revision, QAction *action)
    {
        if (!revision.isEmpty() && !m_window->selectRevision(revision))
            return failedRun(u"no such revision "_s + revision);
        // A state read queued by the last run or reload goes first.
        if (!QTest::qWaitFor([this] { return m_window->isSettled(); }, 20000))
            return failedRun(u"the window did not settle"_s);
        if (!action->isEnabled())
            return failedRun(action->objectName() + u" is disabled"_s);
        QSignalSpy finished(m_window->session(), &strata::ui::StudioSession::runFinished);
        action->trigger();
        if (!finished.wait(30000))
            return failedRun(u"the run did not finish in time"_s);
        QTest::qWait(0);
        return finished.takeFirst().at(0).value<RunOutcome>();
    }

    void writeSideBranch()
    {
        QVERIFY(!m_project->writeRevision(Side, {Initial}, "  - create_table: {name: side, columns: [{name: id, type: integer}]}\n",
                                          "  - drop_table: side\n").isEmpty());
    }

private Q_SLOTS:
    void initTestCase() { isolateStudioSettings(m_settings); }

    void init()
    {
        m_project = std::make_unique<TestProject>();
        QVERIFY(m_project->copyExample());
        m_scratch = std::make_unique<ScratchDatabase>(u"sqlite"_s);
        STRATA_REQUIRE_DATABASE(*m_scratch);
        m_questions.clear();
        m_answer = true;
        m_message = u"Add streaks"_s;
    }

    void cleanup()
    {
        m_window.reset();
        m_scratch.reset();
        m_project.reset();
    }

    void upgradeAsksAboutLintErrorsAndCancelRunsNothing()
    {
        QVERIFY(!m_project->writeRevision(Strict, {Energy}, "  - add_column: {table: habit, column: {name: streak, "
                                                            "type: integer, nullable: false}}\n",
                                          "  - drop_column: {table: habit, column: streak}\n").isEmpty());
        QVERIFY(upgradeByHand(Notes));
        openWindow();
        m_answer = false;
        RunOutcome outcome = runOn({}, m_window->actions().upgradeToHead);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.errorText.contains(u"Upgrade declined: nothing was run"_s), qPrintable(outcome.errorText));
        QCOMPARE(m_questions.size(), 1);
        const QString question = m_questions.first();
        QVERIFY2(question.startsWith(u"Pending revisions have problems"_s), qPrintable(question));
        QVERIFY2(question.contains(Strict) && question.contains(u"not-null-without-default"_s), qPrintable(question));
        QVERIFY2(!question.contains(Energy), "a clean pending revision is not listed");
        QCOMPARE(databaseHeads(), QStringList{Notes});

        m_answer = true;
        outcome = runOn({}, m_window->actions().upgradeToHead);
        QCOMPARE(m_questions.size(), 2);
        // Said yes: it runs (and the database refuses the NOT NULL column on a table with rows or not).
        QVERIFY(databaseHeads() != QStringList{Notes});
    }

    void upgradeAsksAboutAFailedRoundTrip()
    {
        // Its downgrade forgets the index its upgrade makes: the round-trip fails.
        QVERIFY(!m_project->writeRevision(u"d00d1e5ab0c1"_s, {Energy},
                                          "  - create_index: {name: ix_habit_title, table: habit, columns: [title]}\n",
                                          {}).isEmpty());
        QVERIFY(upgradeByHand(Energy));
        openWindow();
        const RunOutcome roundTrip = runOn(u"d00d1e5ab0c1"_s, m_window->actions().roundTrip);
        QVERIFY(!roundTrip.ok);
        QVERIFY(m_window->session()->roundTripFailures().contains(u"d00d1e5ab0c1"_s));
        m_questions.clear();
        m_answer = false;
        const RunOutcome outcome = runOn({}, m_window->actions().upgradeToHead);
        QVERIFY(!outcome.ok);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY2(m_questions.first().contains(u"failed its last round-trip"_s), qPrintable(m_questions.first()));
        QCOMPARE(databaseHeads(), QStringList{Energy});
    }

    // The database is at two heads; stamping Notes replaces the head above it
    // (Energy) and keeps the other branch's head, as Alembic does, and says so.
    void stampOnTwoHeadsExplainsWhichRowsGo()
    {
        writeSideBranch();
        QVERIFY(upgradeByHand(u"heads"_s));
        QCOMPARE(databaseHeads(), (QStringList{Side, Energy}));
        openWindow();
        m_answer = false;
        RunOutcome outcome = runOn(Notes, m_window->actions().stamp);
        QVERIFY(!outcome.ok);
        QCOMPARE(databaseHeads(), (QStringList{Side, Energy}));
        QCOMPARE(m_questions.size(), 1);
        const QString question = m_questions.first();
        QVERIFY2(question.contains(u"holds 2 rows, one per head"_s), qPrintable(question));
        QVERIFY2(question.contains(u"replaces the row of %1 (on the stamped revision's branch) with %2"_s.arg(Energy, Notes)),
                 qPrintable(question));
        QVERIFY2(question.contains(u"keeps the row of %1: that head is on another branch"_s.arg(Side)),
                 qPrintable(question));

        m_answer = true;
        outcome = runOn(Notes, m_window->actions().stamp);
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        QCOMPARE(databaseHeads(), (QStringList{Notes, Side}));
    }

    void newRevisionAndMergeHeadsWriteFilesOnTheHeads()
    {
        writeSideBranch();
        openWindow();
        QVERIFY(m_window->actions().mergeHeads->isEnabled());
        auto merged = revisions()->mergeHeads();
        QVERIFY2(merged, qPrintable(merged ? QString() : merged.error().toString()));
        auto project = m_project->open();
        QVERIFY(project.has_value());
        QCOMPARE(project->graph().heads(), QStringList{*merged});
        QStringList parents = project->graph().find(*merged)->downRevisions;
        parents.sort();
        QCOMPARE(parents, (QStringList{Side, Energy}));
        QCOMPARE(m_window->session()->project()->graph().heads(), QStringList{*merged});

        m_message = u"Add streaks"_s;
        auto created = revisions()->newRevision();
        QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
        project = m_project->open();
        QCOMPARE(project->graph().find(*created)->downRevisions, QStringList{*merged});
        QCOMPARE(project->graph().find(*created)->message, u"Add streaks"_s);

        m_message = std::nullopt;
        QVERIFY(!revisions()->newRevision());
        QCOMPARE(m_project->open()->graph().size(), project->graph().size());
    }

    void repairRecordsTheEditedChecksums()
    {
        QVERIFY(upgradeByHand(u"head"_s));
        auto project = m_project->open();
        QFile file(project->graph().find(Initial)->filePath);
        QVERIFY(file.open(QIODevice::Append));
        file.write("# a comment added after it ran\n");
        file.close();
        openWindow();
        const RunOutcome outcome = runOn({}, m_window->actions().repairChecksums);
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        const QString log = m_window->logPane()->toPlainText();
        QVERIFY2(log.contains(u"Recorded the new checksum of"_s), qPrintable(log));
        auto reread = m_project->open();
        auto connection = m_scratch->connect();
        QVERIFY(reread && connection);
        strata::StatusOptions options;
        options.drift = false;
        auto status = strata::readDatabaseStatus(**connection, *reread, options);
        QVERIFY(status.has_value());
        QVERIFY(status->editedChecksums.isEmpty());
    }

    void deleteRefusesWhatIsBuiltOnOrApplied_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QString>("refusal");
        QTest::newRow("a revision with children") << Initial << u"builds on it"_s;
        QTest::newRow("a head the database applied") << Energy << u"has applied it"_s;
    }

    void deleteRefusesWhatIsBuiltOnOrApplied()
    {
        QFETCH(QString, revision);
        QFETCH(QString, refusal);
        QVERIFY(upgradeByHand(u"head"_s));
        openWindow();
        const QString path = m_window->session()->project()->graph().find(revision)->filePath;
        const RunOutcome outcome = runOn(revision, m_window->actions().deleteRevision);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.errorText.contains(refusal), qPrintable(outcome.errorText));
        QVERIFY(m_questions.isEmpty());
        QVERIFY(QFile::exists(path));
    }

    void deleteRemovesAnUnappliedHead()
    {
        openWindow();
        auto created = revisions()->newRevision();
        QVERIFY(created.has_value());
        const QString path = m_window->session()->project()->graph().find(*created)->filePath;
        m_answer = false;
        RunOutcome outcome = runOn(*created, m_window->actions().deleteRevision);
        QVERIFY(!outcome.ok);
        QVERIFY(QFile::exists(path));
        m_answer = true;
        outcome = runOn(*created, m_window->actions().deleteRevision);
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        QVERIFY(!QFile::exists(path));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->project()->graph().find(*created), 10000);
        QCOMPARE(m_project->open()->graph().heads(), QStringList{Energy});
    }

    void openInEditorRunsVisual()
    {
        const QString script = m_project->tempPath() + u"/editor.sh"_s;
        const QString opened = m_project->tempPath() + u"/opened.txt"_s;
        QVERIFY(TestProjects::writeFile(script, "#!/bin/sh\necho \"$1\" > \"" + opened.toUtf8() + "\"\n"));
        QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("VISUAL", script.toUtf8());
        openWindow();
        QVERIFY(m_window->selectRevision(Notes));
        m_window->actions().openInEditor->trigger();
        qunsetenv("VISUAL");
        const auto written = [&opened] {
            QFile file(opened);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
        };
        // The editor runs detached: its line arrives when it has run.
        QTRY_COMPARE_WITH_TIMEOUT(written(), m_window->session()->project()->graph().find(Notes)->filePath, 10000);
    }

    void generatePreviewsTheFileTheDowngradeAndLint()
    {
        QFile models(m_project->path() + u"/models.yaml"_s);
        QVERIFY(models.open(QIODevice::ReadOnly));
        QByteArray text = models.readAll();
        models.close();
        text.replace("default: \"3\"}", "default: \"3\"}\n      - {name: note, type: text, nullable: false}");
        QVERIFY(TestProjects::writeFile(models.fileName(), text));
        openWindow();
        auto *dialog = m_window->openGenerateDialog();
        QVERIFY(dialog);
        dialog->messageEdit()->setText(u"Add mood note"_s);
        QVERIFY2(dialog->sqlText().contains(u"note"_s), qPrintable(dialog->sqlText()));
        QVERIFY2(dialog->downgradeText().contains(u"note"_s), qPrintable(dialog->downgradeText()));
        QVERIFY2(dialog->fileText().contains(u"message: Add mood note"_s), qPrintable(dialog->fileText()));
        QVERIFY2(dialog->fileText().contains(u"downgrade:"_s), qPrintable(dialog->fileText()));
        QVERIFY2(dialog->lintText().contains(u"not-null-without-default"_s), qPrintable(dialog->lintText()));
        QVERIFY(dialog->writeFile());
        auto project = m_project->open();
        QVERIFY(project.has_value());
        QCOMPARE(project->graph().heads(), QStringList{dialog->written().revisionId});
    }

    void generateRefusesADefaultThatIsNotSql()
    {
        QFile models(m_project->path() + u"/models.yaml"_s);
        QVERIFY(models.open(QIODevice::ReadOnly));
        QByteArray text = models.readAll();
        models.close();
        text.replace("default: \"3\"}", "default: \"3\"}\n      - {name: zone, type: string, nullable: false, default: UTC}");
        QVERIFY(TestProjects::writeFile(models.fileName(), text));
        openWindow();
        auto *dialog = m_window->openGenerateDialog();
        QVERIFY(dialog);
        dialog->messageEdit()->setText(u"Add zone"_s);
        const QString summary = dialog->summaryText();
        QVERIFY2(summary.contains(u"models.yaml:"_s) && summary.contains(u"default UTC is not an SQL expression"_s),
                 qPrintable(summary));
        QVERIFY2(summary.contains(u"default: \"'UTC'\""_s), qPrintable(summary));
        QVERIFY(!dialog->canWrite());
        QVERIFY(!dialog->writeFile());
    }

private:
    QTemporaryDir m_settings;
    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ScratchDatabase> m_scratch;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_questions;
    bool m_answer = true;
    std::optional<QString> m_message;
};

QTEST_MAIN(TestStudioAct)
#include "tst_studioact.moc"
