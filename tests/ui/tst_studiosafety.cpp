// The safety net in the studio: drift and edited files in the status bar,
// lint and edited badges on the timeline, the Lint tab of the diff pane,
// the round-trip result view (scratch copies on both databases), and a
// reload that does not block the window.
#include "failedrun.h"
#include "ui/app/mainwindow.h"
#include "ui/app/statuspanel.h"
#include "ui/app/studioactions.h"
#include "ui/app/studiosession.h"
#include "ui/diff/diffpane.h"
#include "core/project/project.h"
#include "core/safety/lint.h"
#include "ui/safety/lintrunner.h"
#include "ui/safety/lintview.h"
#include "ui/safety/roundtripview.h"
#include "ui/safety/severitystyle.h"
#include "scratchdatabase.h"
#include "studiotestsupport.h"
#include "testprojects.h"
#include "ui/timeline/timelinedelegate.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinepanel.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QListView>
#include <QPainter>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using strata::ui::MainWindow;
using strata::ui::RunOutcome;
using strata::ui::TimelineModel;

namespace {

const QString Initial = u"9b1e0aa2c4f3"_s;
const QString Notes = u"3f2a9c1b7d10"_s;
const QString Energy = u"c71d2e5a8b04"_s;
// Its downgrade forgets the index its upgrade makes: lint warns, the round-trip fails.
const QString Index = u"d00d1e5ab0c1"_s;

// Pixels of exactly this colour in the image: a badge's straight edges are drawn in it.
int pixelsOf(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += image.pixelColor(x, y).rgb() == colour.rgb() ? 1 : 0;
    }
    return count;
}

} // namespace

class TestStudioSafety : public QObject
{
    Q_OBJECT

private:
    void openWindow(const QString &dialect)
    {
        m_window.reset();
        m_scratch = std::make_unique<ScratchDatabase>(dialect);
        STRATA_REQUIRE_DATABASE(*m_scratch);
        m_project = std::make_unique<TestProject>();
        QVERIFY(m_project->copyExample());
        QVERIFY(!m_project
                     ->writeRevision(u"d00d1e5ab0c1_index_habit_title"_s,
                                     TestProjects::revisionYaml(Index, {Energy}, u"Index habit title"_s,
                                                                "- create_index: {name: ix_habit_title, table: habit, "
                                                                "columns: [title]}",
                                                                {}))
                     .isEmpty());
        m_window = std::make_unique<MainWindow>();
        m_window->setConfirmer([this](const QString &title, const QString &) {
            m_questions << title;
            return true;
        });
        QVERIFY(m_window->openProject(m_project->path(), m_scratch->url()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isSettled(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->lint()->isRunning(), 20000);
    }

    RunOutcome run(strata::ui::RunRequest::Kind kind, const QString &target)
    {
        QSignalSpy finished(m_window->session(), &strata::ui::StudioSession::runFinished);
        if (!m_window->session()->run(kind, target))
            return failedRun(u"did not start"_s);
        if (!finished.wait(60000))
            return failedRun(u"timed out"_s);
        QTest::qWait(0);
        return finished.takeFirst().at(0).value<RunOutcome>();
    }

    RunOutcome roundTrip(const QString &revision)
    {
        if (!m_window->selectRevision(revision))
            return failedRun(u"no such revision"_s);
        // A state read queued by the last run (the folder watcher reloads after it) goes first.
        if (!QTest::qWaitFor([this] { return m_window->isSettled(); }, 20000))
            return failedRun(u"the window did not settle"_s);
        QSignalSpy finished(m_window->session(), &strata::ui::StudioSession::runFinished);
        m_window->actions().roundTrip->trigger();
        if (!finished.wait(60000))
            return failedRun(u"timed out"_s);
        QTest::qWait(0);
        return finished.takeFirst().at(0).value<RunOutcome>();
    }

    bool execByHand(const QString &sql)
    {
        auto connection = m_scratch->connect();
        return connection && (*connection)->exec(sql).has_value();
    }

    QStringList scratchDatabasesLeft()
    {
        auto connection = m_scratch->connect();
        if (!connection)
            return {u"cannot connect"_s};
        auto rows = (*connection)->select(u"SELECT datname FROM pg_database WHERE datname LIKE 'strata_roundtrip_%'"_s);
        QStringList names;
        if (!rows)
            return {rows.error().toString()};
        for (const QVariantList &row : std::as_const(*rows))
            names << row.value(0).toString();
        return names;
    }

    QString safetyText() const { return m_window->statusPanel()->safetyText(); }

private Q_SLOTS:
    void initTestCase() { isolateStudioSettings(m_settings); }

    void cleanup()
    {
        m_window.reset();
        m_scratch.reset();
        m_project.reset();
    }

    void statusBarShowsDriftAndEditedFiles_data()
    {
        QTest::addColumn<bool>("addTable");
        QTest::addColumn<bool>("editFile");
        QTest::addColumn<QString>("expected");
        QTest::newRow("untouched") << false << false << u"no drift"_s;
        QTest::newRow("a table made by hand") << true << false << u"drift: 1 difference"_s;
        QTest::newRow("an applied file edited") << false << true << u"no drift · 1 edited file"_s;
        QTest::newRow("both") << true << true << u"drift: 1 difference · 1 edited file"_s;
    }

    void statusBarShowsDriftAndEditedFiles()
    {
        QFETCH(bool, addTable);
        QFETCH(bool, editFile);
        QFETCH(QString, expected);
        openWindow(u"sqlite"_s);
        QVERIFY(run(strata::ui::RunRequest::Kind::Upgrade, Energy).ok);
        QTRY_COMPARE_WITH_TIMEOUT(safetyText(), u"no drift"_s, 10000);
        if (addTable)
            QVERIFY(execByHand(u"CREATE TABLE made_by_hand (id INTEGER PRIMARY KEY)"_s));
        const QString file = m_project->path() + u"/versions/9b1e0aa2c4f3_initial_schema.yaml"_s;
        if (editFile) {
            QFile text(file);
            QVERIFY(text.open(QIODevice::Append));
            QVERIFY(text.write("# edited after it was applied\n") > 0);
        }
        m_window->actions().refresh->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(safetyText(), expected, 10000);
        const QString tip = m_window->statusPanel()->safetyToolTip();
        QCOMPARE(tip.contains(u"made_by_hand"_s), addTable);
        QCOMPARE(tip.contains(u"9b1e0aa2c4f3_initial_schema.yaml"_s), editFile);
        // The timeline's warning badge follows the same checksums.
        QCOMPARE(m_window->timelineModel()->index(m_window->timelineModel()->rowOf(Initial))
                     .data(TimelineModel::IsEditedRole).toBool(),
                 editFile);
    }

    void timelineBadgesShowLintBySeverity()
    {
        openWindow(u"sqlite"_s);
        TimelineModel *model = m_window->timelineModel();
        const QModelIndex index = model->index(model->rowOf(Index));
        const QModelIndex quiet = model->index(model->rowOf(Energy));
        QVERIFY(index.data(TimelineModel::LintSeverityRole).isValid());
        QVERIFY(!quiet.data(TimelineModel::LintSeverityRole).isValid());
        const QStringList findings = index.data(TimelineModel::LintFindingsRole).toStringList();
        QVERIFY2(!findings.filter(u"[missing-downgrade]"_s).isEmpty(), qPrintable(findings.join(u'\n')));
        QVERIFY2(findings.first().contains(u"d00d1e5ab0c1_index_habit_title.yaml:"_s), qPrintable(findings.first()));
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(u"missing-downgrade"_s));

        // The badge is painted in its severity's colour; a quiet row has none of it.
        const auto severity = strata::Issue::Severity(index.data(TimelineModel::LintSeverityRole).toInt());
        const QColor colour = strata::ui::severityColour(QApplication::palette(), severity);
        strata::ui::TimelineDelegate delegate;
        const auto paintRow = [&](const QModelIndex &row) {
            QStyleOptionViewItem option;
            option.initFrom(m_window->timeline()->view());
            option.rect = QRect(0, 0, 900, strata::ui::TimelineDelegate::rowHeight(option.fontMetrics));
            QImage image(option.rect.size(), QImage::Format_RGB32);
            image.fill(option.palette.color(QPalette::Base));
            QPainter painter(&image);
            delegate.paint(&painter, option, row);
            return image;
        };
        QVERIFY(pixelsOf(paintRow(index), colour) > 10);
        QCOMPARE(pixelsOf(paintRow(quiet), colour), 0);
    }

    void diffPaneListsLintOfTheSelectedRevision_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("tabText");
        QTest::newRow("a revision with findings") << Index << u"missing-downgrade"_s << u"Lint (%1)"_s;
        QTest::newRow("a quiet revision") << Notes << QString() << u"Lint"_s;
    }

    void diffPaneListsLintOfTheSelectedRevision()
    {
        QFETCH(QString, revision);
        QFETCH(QString, code);
        QFETCH(QString, tabText);
        openWindow(u"sqlite"_s);
        QVERIFY(m_window->selectRevision(revision));
        strata::ui::DiffPane *pane = m_window->diffPane();
        strata::ui::LintView *lint = pane->lintView();
        const QList<strata::Issue> expected = m_window->timelineModel()->lintFindings(revision);
        QCOMPARE(lint->findings().size(), expected.size());
        QCOMPARE(pane->tabs()->tabText(strata::ui::DiffPane::LintTab),
                 code.isEmpty() ? tabText : tabText.arg(expected.size()));
        if (code.isEmpty()) {
            QCOMPARE(lint->message(), u"No lint findings"_s);
            return;
        }
        QCOMPARE(lint->message(), QString());
        // What is shown: the code, the message and file:line of each finding.
        const QString shown = lint->browser()->toPlainText();
        for (const strata::Issue &issue : expected) {
            QVERIFY2(shown.contains(issue.code) && shown.contains(issue.text), qPrintable(shown));
            QVERIFY2(shown.contains(u"%1:%2"_s.arg(issue.file).arg(issue.line)), qPrintable(shown));
        }
        QVERIFY2(shown.contains(code), qPrintable(shown));
        QVERIFY2(shown.contains(u"d00d1e5ab0c1_index_habit_title.yaml:"_s), qPrintable(shown));
        // Copy gives one line per finding with its place.
        pane->tabs()->setCurrentIndex(strata::ui::DiffPane::LintTab);
        QVERIFY2(pane->currentText().startsWith(u"%1:%2: %3"_s.arg(expected.first().file)
                                                    .arg(expected.first().line)
                                                    .arg(expected.first().toString())),
                 qPrintable(pane->currentText()));
    }

    void roundTripRunsOnAScratchCopy_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QStringList>("steps");
        // The SQLite copy is at head and goes down to Notes' parent first; the temporary
        // PostgreSQL database starts empty, so every step from base up to Notes is verified.
        QTest::newRow("sqlite: a copy of the file") << u"sqlite"_s << QStringList{u"9b1e0aa2c4f3 -> 3f2a9c1b7d10"_s};
        QTest::newRow("postgresql: a temporary database")
            << u"postgresql"_s << QStringList{u"<base> -> 9b1e0aa2c4f3"_s, u"9b1e0aa2c4f3 -> 3f2a9c1b7d10"_s};
    }

    void roundTripRunsOnAScratchCopy()
    {
        QFETCH(QString, dialect);
        QFETCH(QStringList, steps);
        openWindow(dialect);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(run(strata::ui::RunRequest::Kind::Upgrade, Energy).ok);
        const RunOutcome outcome = roundTrip(Notes);
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        QVERIFY(m_questions.isEmpty());
        QVERIFY(outcome.roundtrip.has_value());
        QCOMPARE(outcome.roundtrip->onScratchCopy, true);
        QCOMPARE(outcome.roundtrip->steps.last().revision, Notes);

        strata::ui::RoundtripView *view = m_window->roundtripView();
        QCOMPARE(m_window->bottomTabs()->currentWidget(), view);
        const QString passed = u"%1 of %1 steps passed"_s.arg(steps.size());
        QVERIFY2(view->summary().startsWith(passed), qPrintable(view->summary()));
        QVERIFY2(view->summary().contains(u"the database was not touched"_s), qPrintable(view->summary()));
        QStringList shown;
        for (int row = 0; row < view->table()->topLevelItemCount(); ++row) {
            QCOMPARE(view->table()->topLevelItem(row)->text(0), u"pass"_s);
            shown << view->table()->topLevelItem(row)->text(1);
        }
        QCOMPARE(shown, steps);
        // The database itself did not move, and a PostgreSQL scratch database is gone again.
        QCOMPARE(m_window->session()->state()->heads, QStringList{Energy});
        if (dialect == u"postgresql"_s)
            QCOMPARE(scratchDatabasesLeft(), QStringList());
    }

    void roundTripShowsWhatDiffered()
    {
        openWindow(u"sqlite"_s);
        QVERIFY(run(strata::ui::RunRequest::Kind::Upgrade, Energy).ok);
        const RunOutcome outcome = roundTrip(Index);
        QCOMPARE(outcome.ok, false);
        QVERIFY2(outcome.errorText.contains(u"1 of 1 steps failed"_s), qPrintable(outcome.errorText));
        strata::ui::RoundtripView *view = m_window->roundtripView();
        QVERIFY2(view->summary().startsWith(u"1 of 1 steps failed"_s), qPrintable(view->summary()));
        QTreeWidgetItem *step = view->table()->topLevelItem(0);
        QCOMPARE(step->text(0), u"FAIL"_s);
        QVERIFY(step->isExpanded());
        QStringList problems;
        for (int i = 0; i < step->childCount(); ++i)
            problems << step->child(i)->text(0);
        QVERIFY2(!problems.filter(u"after downgrade"_s).filter(u"ix_habit_title"_s).isEmpty(),
                 qPrintable(problems.join(u'\n')));
        QCOMPARE(m_window->session()->state()->heads, QStringList{Energy});
    }

    void roundTripOnTheRealDatabaseAsksFirst()
    {
        openWindow(u"sqlite"_s);
        m_window->actions().roundTripOnRealDatabase->setChecked(true);
        const RunOutcome outcome = roundTrip(Notes);
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        QCOMPARE(m_questions, QStringList{u"Round-trip on the real database"_s});
        QCOMPARE(outcome.roundtrip->onScratchCopy, false);
        QCOMPARE(outcome.roundtrip->steps.size(), 2);
        QCOMPARE(m_window->session()->state()->heads, QStringList{Notes});
    }

    void reloadRunsInTheBackground()
    {
        openWindow(u"sqlite"_s);
        QVERIFY(m_window->selectRevision(Notes));
        QVERIFY(!m_project
                     ->writeRevision(u"e00000000001_later"_s,
                                     TestProjects::revisionYaml(u"e00000000001"_s, {Index}, u"Later"_s,
                                                                "- create_table: {name: later, columns: [{name: id, "
                                                                "type: integer, primary_key: true}]}",
                                                                "- drop_table: later"))
                     .isEmpty());
        QSignalSpy changed(m_window->session(), &strata::ui::StudioSession::projectChanged);
        m_window->actions().refresh->trigger();
        // Nothing read yet: the folder is read on a pool thread.
        QVERIFY(m_window->session()->isReloading());
        QCOMPARE(m_window->timelineModel()->rowOf(u"e00000000001"_s), -1);
        QVERIFY(changed.wait(10000));
        QVERIFY(m_window->timelineModel()->rowOf(u"e00000000001"_s) >= 0);
        QCOMPARE(m_window->timeline()->currentRevision(), Notes);

        // A broken file: the error shows and the project read before stays.
        QVERIFY(!m_project->writeRevision(u"e00000000002_broken"_s, "revision: [not, an, id\n").isEmpty());
        QSignalSpy failed(m_window->session(), &strata::ui::StudioSession::reloadFailed);
        m_window->actions().refresh->trigger();
        QVERIFY(failed.wait(10000));
        QVERIFY2(m_window->errorBanner().contains(u"e00000000002_broken"_s), qPrintable(m_window->errorBanner()));
        QVERIFY(m_window->timelineModel()->rowOf(u"e00000000001"_s) >= 0);
    }

    void lintGoesNewestFirstInBatches()
    {
        // A long line of small revisions, the newest one with a finding.
        TestProject project;
        QString parent;
        // More than the studio lints: the oldest 30 are left to `strata lint`.
        const int count = strata::ui::LintRunner::Limit + 30;
        for (int i = 0; i < count; ++i) {
            const QString id = u"%1"_s.arg(i + 1, 12, 10, QChar(u'0'));
            const QByteArray table = "t" + QByteArray::number(i);
            const bool last = i == count - 1;
            QVERIFY(!project
                         .writeRevision(id + u"_step"_s,
                                        TestProjects::revisionYaml(
                                            id, parent.isEmpty() ? QStringList() : QStringList{parent}, u"Step"_s,
                                            last ? QByteArray("- drop_table: t0")
                                                 : QByteArray("- create_table: {name: " + table
                                                              + ", columns: [{name: id, type: integer, "
                                                                "primary_key: true}]}"),
                                            last ? QByteArray() : QByteArray("- drop_table: " + table)))
                         .isEmpty());
            parent = id;
        }
        auto opened = project.open();
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        const auto shared = std::make_shared<const strata::Project>(std::move(*opened));
        const QString head = parent;
        const QString base = u"%1"_s.arg(1, 12, 10, QChar(u'0'));

        strata::ui::LintRunner runner;
        QList<bool> headFirst;
        connect(&runner, &strata::ui::LintRunner::progressed, this,
                [&] { headFirst << runner.isLinted(head); });
        QSignalSpy finished(&runner, &strata::ui::LintRunner::finished);
        // A start for another dialect cancels the first run; only the second one's findings stay.
        runner.start(shared, strata::DialectKind::Sqlite);
        runner.start(shared, strata::DialectKind::Postgresql);
        QVERIFY(runner.isRunning());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.size(), 1);
        QVERIFY(!headFirst.isEmpty());
        QVERIFY(headFirst.first());
        QVERIFY(headFirst.size() >= 2);   // several batches, the first one already with the head
        QVERIFY(!runner.isLinted(base));
        QStringList ids;
        for (const strata::Revision &revision : shared->graph().revisions())
            ids << revision.id;
        ids = ids.mid(30);
        for (const QString &id : std::as_const(ids))
            QVERIFY2(runner.isLinted(id), qPrintable(id));
        strata::LintOptions options;
        QCOMPARE(runner.findings().value(head).size(), strata::lintRevisions(*shared, {head}, options).size());
        QVERIFY(!runner.findings().value(head).isEmpty());
        qsizetype total = 0;
        for (const QList<strata::Issue> &issues : runner.findings())
            total += issues.size();
        QCOMPARE(total, strata::lintRevisions(*shared, ids, options).size());
    }

private:
    QTemporaryDir m_settings;
    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ScratchDatabase> m_scratch;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_questions;
};

QTEST_MAIN(TestStudioSafety)
#include "tst_studiosafety.moc"
