// The Database tab: the tables with their rows and sizes, and drift object by
// object, read off the window's thread on SQLite and PostgreSQL, read again
// after runs, and marked stale when a read fails.
#include "ui/app/mainwindow.h"
#include "ui/app/studioactions.h"
#include "ui/app/studioautomation.h"
#include "ui/app/studiosession.h"
#include "ui/database/databaseview.h"
#include "ui/database/overviewmodels.h"
#include "scratchdatabase.h"
#include "studiotestsupport.h"
#include "testprojects.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using strata::ui::DatabaseView;
using strata::ui::MainWindow;
using strata::ui::ObjectDriftModel;
using strata::ui::TableFootprintModel;

namespace {

const QString Notes = u"3f2a9c1b7d10"_s;
const QString Energy = u"c71d2e5a8b04"_s;

// "side|kind|table|name" per drift row, in the model's order.
QStringList driftRows(const ObjectDriftModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (const int column : {ObjectDriftModel::Side, ObjectDriftModel::Kind, ObjectDriftModel::Table,
                                 ObjectDriftModel::Name})
            cells << model.index(row, column).data().toString();
        rows << cells.join(u'|');
    }
    return rows;
}

int rowOfTable(const TableFootprintModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.tableAt(row).name == name)
            return row;
    }
    return -1;
}

} // namespace

class TestDatabaseView : public QObject
{
    Q_OBJECT

private:
    void openWindow(const QString &dialect)
    {
        m_view = nullptr;
        m_window.reset();
        m_scratch = std::make_unique<ScratchDatabase>(dialect);
        STRATA_REQUIRE_DATABASE(*m_scratch);
        m_project = std::make_unique<TestProject>();
        QVERIFY(m_project->copyExample());
        m_window = std::make_unique<MainWindow>();
        m_window->setConfirmer([](const QString &, const QString &) { return true; });
        m_window->resize(1200, 760);
        m_window->show();
        QVERIFY(m_window->openProject(m_project->path(), m_scratch->url()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isSettled(), 20000);
        m_view = m_window->findChild<DatabaseView *>();
        QVERIFY(m_view);
        strata::ui::StudioAutomation automation(*m_window);
        QVERIFY(automation.showTab(u"database"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isBusy(), 20000);
    }

    // Runs an upgrade; the state read at its end starts the view's read, so
    // once it has finished the view is busy until the new picture is in.
    bool upgradeTo(const QString &target)
    {
        QSignalSpy finished(m_window->session(), &strata::ui::StudioSession::runFinished);
        return m_window->session()->run(strata::ui::RunRequest::Kind::Upgrade, target) && finished.wait(60000);
    }

    bool execByHand(const QStringList &statements)
    {
        auto connection = m_scratch->connect();
        if (!connection)
            return false;
        for (const QString &sql : statements) {
            if (!(*connection)->exec(sql))
                return false;
        }
        return true;
    }

    bool refreshView()
    {
        QSignalSpy updated(m_view, &DatabaseView::updated);
        m_view->refresh();
        return updated.wait(20000);
    }

private Q_SLOTS:
    void initTestCase() { isolateStudioSettings(m_settings); }

    void cleanup()
    {
        m_view = nullptr;
        m_window.reset();
        m_scratch.reset();
        m_project.reset();
    }

    void listsTablesWithRowsAndSizes_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void listsTablesWithRowsAndSizes()
    {
        QFETCH(QString, dialect);
        openWindow(dialect);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(upgradeTo(Notes));
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isBusy(), 20000);
        QVERIFY(execByHand({u"CREATE TABLE made_by_hand (id INTEGER PRIMARY KEY)"_s,
                            u"INSERT INTO made_by_hand (id) VALUES (1), (2), (3)"_s}));
        QVERIFY2(refreshView(), qPrintable(m_view->summary()));
        const TableFootprintModel &tables = *m_view->tables();
        QAbstractItemModelTester tester(m_view->tables(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const QString &name : {u"user"_s, u"habit"_s, u"daily_note"_s, u"daily_mood"_s, u"strata_version"_s})
            QVERIFY2(rowOfTable(tables, name) >= 0, qPrintable(name));
        const int handMade = rowOfTable(tables, u"made_by_hand"_s);
        QVERIFY(handMade >= 0);
        QCOMPARE(tables.tableAt(handMade).rows, qint64(3));
        QCOMPARE(tables.tableAt(handMade).rowsEstimated, false);
        QCOMPARE(tables.index(handMade, TableFootprintModel::Rows).data().toString(), u"3"_s);
        // PostgreSQL always knows; SQLite knows when its library has dbstat (Debian's has).
        QVERIFY(tables.tableAt(handMade).bytes > 0);
        QVERIFY(!m_view->isStale());
    }

    void showsDriftObjectByObject_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void showsDriftObjectByObject()
    {
        QFETCH(QString, dialect);
        openWindow(dialect);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(upgradeTo(Energy));
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isBusy(), 20000);
        QCOMPARE(driftRows(*m_view->drift()), QStringList{});
        QVERIFY(m_view->summary().contains(u"No drift"_s));
        QVERIFY(execByHand({u"CREATE TABLE made_by_hand (id INTEGER PRIMARY KEY)"_s,
                            u"DROP INDEX ix_daily_note_user_id"_s,
                            u"ALTER TABLE habit ADD COLUMN colour VARCHAR(20)"_s,
                            u"CREATE VIEW busy_users AS SELECT user_id FROM habit"_s}));
        QVERIFY2(refreshView(), qPrintable(m_view->summary()));
        QAbstractItemModelTester tester(m_view->drift(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(driftRows(*m_view->drift()),
                 QStringList({u"only in the history|index|daily_note|ix_daily_note_user_id"_s,
                              u"only in the database|column|habit|colour"_s,
                              u"only in the database|table|made_by_hand|made_by_hand"_s,
                              u"not modelled|view||busy_users"_s}));
        QVERIFY(m_view->summary().contains(u"2 object(s) only in the database, 1 only in the history"_s));
    }

    void readsAgainAfterARun()
    {
        openWindow(u"sqlite"_s);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(rowOfTable(*m_view->tables(), u"daily_mood"_s), -1);
        QVERIFY(upgradeTo(Notes));
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isBusy(), 20000);
        QVERIFY(rowOfTable(*m_view->tables(), u"daily_mood"_s) >= 0);
    }

    void marksStaleWhenARefreshFails()
    {
        openWindow(u"sqlite"_s);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(upgradeTo(Notes));
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isBusy(), 20000);
        QVERIFY(execByHand({u"PRAGMA journal_mode = DELETE"_s}));
        // Another process holds the write lock and has written: nobody may read until it ends.
        auto holder = m_scratch->connect();
        QVERIFY(holder);
        QVERIFY((*holder)->exec(u"BEGIN EXCLUSIVE"_s));
        QVERIFY((*holder)->exec(u"INSERT INTO \"user\" (email) VALUES ('a@example.com')"_s));
        QVERIFY2(refreshView(), qPrintable(m_view->summary()));
        QVERIFY(m_view->isStale());
        QVERIFY2(m_view->summary().contains(u"Stale: showing what was read at"_s), qPrintable(m_view->summary()));
        QVERIFY(rowOfTable(*m_view->tables(), u"daily_mood"_s) >= 0);   // the last picture stays
        QVERIFY(m_view->tables()->isStale());
        QVERIFY((*holder)->exec(u"ROLLBACK"_s));
        // Any read from now on succeeds (one may already be on its way: focus, a state read).
        m_view->refresh();
        QTRY_VERIFY2_WITH_TIMEOUT(!m_view->isStale() && !m_view->isBusy(), qPrintable(m_view->summary()), 20000);
        QVERIFY(!m_view->tables()->isStale());
    }

private:
    QTemporaryDir m_settings;
    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ScratchDatabase> m_scratch;
    std::unique_ptr<MainWindow> m_window;
    DatabaseView *m_view = nullptr;
};

QTEST_MAIN(TestDatabaseView)
#include "tst_databaseview.moc"
