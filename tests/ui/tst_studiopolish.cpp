// Polish that users notice: the window fits a 1920x1080 screen at 2x scale
// (960x540 logical pixels) whole; its title names the project, not the
// "migrations" folder every project has; the run's progress text is not
// clipped; the round-trip tab says why a round-trip stopped and forgets the
// result when another project opens.
#include "ui/app/mainwindow.h"
#include "ui/app/statuspanel.h"
#include "ui/app/studioautomation.h"
#include "core/workflow/roundtrip.h"
#include "ui/safety/roundtripview.h"
#include "ui/run/runrequest.h"
#include "studiotestsupport.h"
#include "testprojects.h"

#include <QLayout>
#include <QProgressBar>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using strata::ui::MainWindow;

class TestStudioPolish : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { isolateStudioSettings(m_settings); }

    void fitsAScreenAtTwiceTheScale_data()
    {
        QTest::addColumn<QString>("tab");
        for (const QString &tab : {u"schema"_s, u"upgrade"_s, u"lint"_s, u"log"_s, u"round-trip"_s, u"database"_s})
            QTest::newRow(qPrintable(tab)) << tab;
    }

    void fitsAScreenAtTwiceTheScale()
    {
        QFETCH(QString, tab);
        TestProject project;
        QVERIFY(project.copyExample());
        MainWindow window;
        QVERIFY(window.openProject(project.path(), sqliteUrl(project.tempPath() + u"/habitz.db"_s)));
        strata::ui::StudioAutomation automation(window);
        QVERIFY(automation.showTab(tab));
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.isSettled(), 20000);
        const QSize minimum = window.layout()->totalMinimumSize();
        QVERIFY2(minimum.width() <= 960 && minimum.height() <= 540,
                 qPrintable(u"%1x%2"_s.arg(minimum.width()).arg(minimum.height())));
    }

    void titleNamesTheProject()
    {
        QTemporaryDir dir;
        const QString app = dir.filePath(u"habitz"_s);
        QVERIFY(TestProjects::copyExampleProject(app + u"/migrations"_s));
        MainWindow window;
        QVERIFY(window.openProject(app + u"/migrations"_s, sqliteUrl(dir.filePath(u"h.db"_s))));
        QCOMPARE(window.windowTitle(), u"habitz — Strata Studio"_s);
    }

    void progressTextIsNotClipped()
    {
        strata::ui::StatusPanel panel;
        panel.resize(1400, 30);
        panel.show();
        panel.showRun(u"Upgrading to heads"_s);
        panel.showProgress(1234, 2510, u"upgrade 3f2a9c1b7d10 -> c71d2e5a8b04, add energy to daily mood"_s);
        const auto *bar = panel.findChild<QProgressBar *>(u"runProgress"_s);
        QVERIFY(bar);
        QVERIFY2(bar->text().startsWith(u"1234 / 2510  upgrade"_s), qPrintable(bar->text()));
        QVERIFY2(QFontMetrics(bar->font()).horizontalAdvance(bar->text()) + 20 <= bar->minimumWidth(),
                 qPrintable(bar->text()));
        // The end of a step names no step: the text stays, and the bar never
        // narrows during the run (each change laid the status bar out again).
        const int width = bar->minimumWidth();
        panel.showProgress(1235, 2510, {});
        QVERIFY2(bar->text().startsWith(u"1235 / 2510  upgrade 3f2a9c1b7d10"_s), qPrintable(bar->text()));
        panel.showProgress(1236, 2510, u"upgrade a -> b, x"_s);
        QCOMPARE(bar->minimumWidth(), width);
        // A name too long for any bar is elided in the middle, whole in the tooltip.
        const QString longName = u"upgrade "_s + QString(300, u'x');
        panel.showProgress(1, 2, longName);
        QVERIFY(bar->text().contains(u"…"_s));
        QCOMPARE(bar->toolTip(), longName);
    }

    void roundTripSaysWhyItStoppedAndForgetsAnotherProject()
    {
        TestProject first;
        QVERIFY(first.copyExample());
        MainWindow window;
        QVERIFY(window.openProject(first.path(), sqliteUrl(first.tempPath() + u"/habitz.db"_s)));
        strata::RoundTripOutcome outcome;
        outcome.target = u"c71d2e5a8b04"_s;
        outcome.where = u"scratch copy"_s;
        outcome.onScratchCopy = true;
        outcome.steps << strata::RoundtripStep{u"9b1e0aa2c4f3"_s, u"base -> 9b1e0aa2c4f3"_s, u"ok"_s, true, {}};
        outcome.error = strata::Error::make(strata::Error::Code::Database, u"no such table: habit"_s, u"x.yaml:12"_s, {});
        window.roundtripView()->setReport(outcome);
        QVERIFY2(window.roundtripView()->summary().contains(u"It stopped: "_s), qPrintable(window.roundtripView()->summary()));
        QVERIFY(window.roundtripView()->summary().contains(u"no such table: habit"_s));
        window.roundtripView()->showFailure(u"could not copy the database"_s);
        QVERIFY(window.roundtripView()->summary().contains(u"could not copy the database"_s));

        TestProject second;
        QVERIFY(second.copyExample());
        QVERIFY(window.openProject(second.path(), sqliteUrl(second.tempPath() + u"/other.db"_s)));
        QVERIFY(window.roundtripView()->summary().startsWith(u"No round-trip yet"_s));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestStudioPolish)
#include "tst_studiopolish.moc"
