#include "ui/app/mainwindow.h"
#include "core/run/offlinescript.h"
#include "ui/diff/codeview.h"
#include "ui/diff/diffpane.h"
#include "ui/diff/sidebysidediff.h"
#include "core/dialect/dialect.h"
#include "core/graph/plan.h"
#include "core/project/project.h"
#include "studiotestsupport.h"
#include "testprojects.h"
#include "ui/timeline/timelinepanel.h"

#include <QCheckBox>
#include <QLabel>
#include <QListView>
#include <QTest>
#include <QTextBlock>

using namespace Qt::StringLiterals;
using strata::ui::CodeView;
using strata::ui::MainWindow;

namespace {

// The lines a diff side shows for the text, fillers and folds left out.
QStringList numberedLines(const CodeView *view)
{
    QStringList lines;
    const QList<int> numbers = view->lineNumbers();
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        if (numbers.value(block.blockNumber(), -1) >= 0)
            lines << block.text();
    }
    return lines;
}

} // namespace

// Selecting several revisions shows the range from the oldest to the newest:
// the schema at the oldest one's parents vs at the newest, and the whole plan
// between them, as `strata upgrade PARENTS:NEWEST --sql` prints it.
class TestRangePreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        isolateStudioSettings(m_settings);
        QVERIFY(m_project.copyExample());
        auto opened = m_project.open();
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        m_opened = std::make_unique<strata::Project>(std::move(*opened));
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openProject(m_project.path(), sqliteUrl(m_project.tempPath() + u"/habitz.db"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isSettled(), 10000);
        m_window->diffPane()->findChild<QCheckBox *>()->setChecked(false);
    }

    void aSelectedRangeShowsTheWholePlan_data()
    {
        QTest::addColumn<QString>("first");   // where the selection starts
        QTest::addColumn<QString>("last");    // where it ends (shift-click)
        QTest::addColumn<QString>("older");
        QTest::addColumn<QString>("newer");
        QTest::addColumn<int>("steps");

        QTest::newRow("two newest, top down") << u"c71d2e5a8b04"_s << u"3f2a9c1b7d10"_s << u"3f2a9c1b7d10"_s
                                              << u"c71d2e5a8b04"_s << 2;
        QTest::newRow("two newest, bottom up") << u"3f2a9c1b7d10"_s << u"c71d2e5a8b04"_s << u"3f2a9c1b7d10"_s
                                               << u"c71d2e5a8b04"_s << 2;
        QTest::newRow("whole history from base") << u"9b1e0aa2c4f3"_s << u"c71d2e5a8b04"_s << u"9b1e0aa2c4f3"_s
                                                 << u"c71d2e5a8b04"_s << 3;
        QTest::newRow("two oldest") << u"3f2a9c1b7d10"_s << u"9b1e0aa2c4f3"_s << u"9b1e0aa2c4f3"_s
                                    << u"3f2a9c1b7d10"_s << 2;
    }

    void aSelectedRangeShowsTheWholePlan()
    {
        QFETCH(QString, first);
        QFETCH(QString, last);
        QFETCH(QString, older);
        QFETCH(QString, newer);
        QFETCH(int, steps);

        QVERIFY(m_window->timeline()->selectRange(first, last));
        QCOMPARE(m_window->timeline()->selectedRevisions().first(), newer);
        QCOMPARE(m_window->timeline()->selectedRevisions().last(), older);
        checkPane(older, newer, steps);
    }

    void shiftClickSelectsARange()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->selectRevision(u"c71d2e5a8b04"_s));
        QListView *view = m_window->timeline()->view();
        const QModelIndex oldest = view->model()->index(view->model()->rowCount() - 1, 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, view->visualRect(oldest).center());
        QCOMPARE(m_window->timeline()->selectedRevisions().size(), 3);
        checkPane(u"9b1e0aa2c4f3"_s, u"c71d2e5a8b04"_s, 3);

        // A plain click goes back to one revision.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(oldest).center());
        QCOMPARE(m_window->timeline()->selectedRevisions(), QStringList{u"9b1e0aa2c4f3"_s});
        QVERIFY(m_window->diffPane()->findChild<QLabel *>(u"diffTitle"_s)->text().startsWith(u"9b1e0aa2c4f3  "_s));
    }

private:
    void checkPane(const QString &older, const QString &newer, int steps)
    {
        const strata::Revision *start = m_opened->graph().find(older);
        QVERIFY(start);
        const auto sqlite = strata::Dialect::forName(u"sqlite"_s);
        const auto before = m_opened->schemaAt(start->downRevisions);
        const auto after = m_opened->schemaAt({newer});
        QVERIFY(before && after);
        const strata::ui::DiffPane *pane = m_window->diffPane();
        QCOMPARE(numberedLines(pane->schemaDiff()->left()), strata::ui::ddlLines(sqlite->schemaDdl(*before)));
        QCOMPARE(numberedLines(pane->schemaDiff()->right()), strata::ui::ddlLines(sqlite->schemaDdl(*after)));

        // The title names both ends and the step count.
        const QString title = pane->findChild<QLabel *>(u"diffTitle"_s)->text();
        QVERIFY2(title.startsWith(older.left(12) + u" .. "_s + newer.left(12) + u" (%1 steps"_s.arg(steps)),
                 qPrintable(title));

        // Upgrade SQL: the offline script of the plan from the older one's parents to the newer one.
        strata::Planner planner(m_opened->graph());
        const auto up = planner.upgrade(start->downRevisions, newer);
        QVERIFY(up);
        QCOMPARE(int(up->steps.size()), steps);
        QCOMPARE(up->steps.first().revision->id, older);
        const auto script = strata::offlineScript(*m_opened, *up, *sqlite);
        QVERIFY(script);
        QCOMPARE(pane->upgradeText(), *script);

        // Downgrade SQL: the same steps back.
        const auto down = planner.downgrade({newer}, start->isBase() ? u"base"_s : start->downRevisions.first());
        QVERIFY(down);
        QCOMPARE(int(down->steps.size()), steps);
        const auto back = strata::offlineScript(*m_opened, *down, *sqlite);
        QVERIFY(back);
        QCOMPARE(pane->downgradeText(), *back);
    }

    QTemporaryDir m_settings;
    TestProject m_project;
    std::unique_ptr<strata::Project> m_opened;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestRangePreview)
#include "tst_rangepreview.moc"
