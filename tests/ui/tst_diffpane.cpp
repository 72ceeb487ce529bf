#include "ui/app/mainwindow.h"
#include "core/run/offlinescript.h"
#include "ui/diff/codeview.h"
#include "ui/diff/diffpane.h"
#include "ui/diff/sidebysidediff.h"
#include "ui/diff/sqlscriptview.h"
#include "core/dialect/dialect.h"
#include "core/graph/plan.h"
#include "core/project/project.h"
#include "studiotestsupport.h"
#include "testprojects.h"
#include "ui/theme/themecolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QTest>
#include <QTextBlock>

using namespace Qt::StringLiterals;
using strata::ui::CodeView;
using strata::ui::DiffPane;
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

QString script(const strata::Project &project, const strata::Plan &plan, const QString &dialect)
{
    auto text = strata::offlineScript(project, plan, *strata::Dialect::forName(dialect));
    return text ? *text : text.error().toString();
}

} // namespace

class TestDiffPane : public QObject
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
        // Every line, so the views can be compared with the whole DDL.
        m_window->diffPane()->findChild<QCheckBox *>()->setChecked(false);
    }

    void selectingARevisionFillsThePane_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QString>("newLine");   // a line of the DDL after and not before

        QTest::newRow("initial schema") << u"9b1e0aa2c4f3"_s << u"CREATE TABLE \"user\" ("_s;
        QTest::newRow("daily notes and mood") << u"3f2a9c1b7d10"_s << u"CREATE TABLE \"daily_note\" ("_s;
        QTest::newRow("energy column") << u"c71d2e5a8b04"_s << u"\"energy\""_s;
    }

    void selectingARevisionFillsThePane()
    {
        QFETCH(QString, revision);
        QFETCH(QString, newLine);

        QVERIFY(m_window->selectRevision(revision));
        DiffPane *pane = m_window->diffPane();
        QCOMPARE(pane->dialect(), strata::DialectKind::Sqlite);
        QVERIFY2(pane->findChild<QLabel *>(u"diffTitle"_s)->text().startsWith(revision), "title names the revision");

        // Before and after: the DDL of the replayed schemas, line for line.
        const strata::Revision *rev = m_opened->graph().find(revision);
        const auto sqlite = strata::Dialect::forName(u"sqlite"_s);
        const auto before = m_opened->schemaAt(rev->downRevisions);
        const auto after = m_opened->schemaAt({revision});
        QVERIFY(before && after);
        QCOMPARE(numberedLines(pane->schemaDiff()->left()), strata::ui::ddlLines(sqlite->schemaDdl(*before)));
        QCOMPARE(numberedLines(pane->schemaDiff()->right()), strata::ui::ddlLines(sqlite->schemaDdl(*after)));

        // The new line is tinted as added on the right, beside a filler or a changed line.
        const CodeView *right = pane->schemaDiff()->right();
        const QTextBlock added = right->document()->find(newLine).block();
        QVERIFY2(added.isValid(), qPrintable(newLine));
        QCOMPARE(added.blockFormat().background().color(), strata::ui::ThemeColors::addedLine(right->palette()));
        QVERIFY(!numberedLines(pane->schemaDiff()->left()).contains(added.text()));

        // Upgrade and downgrade SQL: exactly the offline script of that one step.
        strata::Planner planner(m_opened->graph());
        const auto up = planner.upgrade(rev->downRevisions, revision);
        const auto down = planner.downgrade({revision}, rev->isBase() ? u"base"_s : rev->downRevisions.first());
        QVERIFY(up && down);
        QCOMPARE(up->steps.size(), 1);
        QCOMPARE(pane->upgradeText(), script(*m_opened, *up, u"sqlite"_s));
        QCOMPARE(pane->downgradeText(), script(*m_opened, *down, u"sqlite"_s));
        QVERIFY(pane->upgradeText().contains(u"BEGIN"_s));

        // The revision file, as it is on disk.
        QFile file(rev->filePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(pane->fileText(), QString::fromUtf8(file.readAll()));

        // Another dialect renders the same step for that database.
        pane->findChild<QComboBox *>(u"dialectCombo"_s)->setCurrentIndex(
            pane->findChild<QComboBox *>(u"dialectCombo"_s)->findData(int(strata::DialectKind::Postgresql)));
        QCOMPARE(pane->dialect(), strata::DialectKind::Postgresql);
        QCOMPARE(pane->upgradeText(), script(*m_opened, *up, u"postgresql"_s));
        QVERIFY(pane->upgradeText() != script(*m_opened, *up, u"sqlite"_s));
        pane->setDialect(strata::DialectKind::Sqlite);
        Q_EMIT pane->dialectChanged(strata::DialectKind::Sqlite);
    }

    void changedWordsAreTintedInsideAChangedLine()
    {
        QVERIFY(m_window->selectRevision(u"c71d2e5a8b04"_s));
        const CodeView *right = m_window->diffPane()->schemaDiff()->right();
        // The check that used to end the table now ends with a comma: a changed line
        // whose only changed character is that comma.
        // SQLite DDL names a constraint unquoted when it needs no quotes (as SQLAlchemy reads it back).
        const QTextBlock line = right->document()->find(u"CONSTRAINT ck_daily_mood_mood_range"_s).block();
        QVERIFY(line.isValid());
        QCOMPARE(line.blockFormat().background().color(), strata::ui::ThemeColors::addedLine(right->palette()));
        QVERIFY2(line.text().endsWith(u','), qPrintable(line.text()));
        QTextCursor cursor(line);
        cursor.setPosition(line.position() + int(line.text().size()));
        QCOMPARE(cursor.charFormat().background().color(), strata::ui::ThemeColors::addedWords(right->palette()));
        cursor.setPosition(line.position() + 5);
        QVERIFY(cursor.charFormat().background().style() == Qt::NoBrush);
    }

    void foldingHidesUnchangedRuns()
    {
        QVERIFY(m_window->selectRevision(u"c71d2e5a8b04"_s));
        auto *fold = m_window->diffPane()->findChild<QCheckBox *>();
        fold->setChecked(true);
        const QString left = m_window->diffPane()->schemaDiff()->left()->toPlainText();
        QVERIFY2(left.contains(u"unchanged lines"_s), qPrintable(left));
        QVERIFY(!left.contains(u"\nCREATE TABLE \"user\""_s) && !left.startsWith(u"CREATE TABLE \"user\""_s));
        fold->setChecked(false);
        QVERIFY(m_window->diffPane()->schemaDiff()->left()->toPlainText().contains(u"CREATE TABLE \"user\""_s));
    }

    void foldsNameTheirStatementAndOpenOneAtATime()
    {
        QVERIFY(m_window->selectRevision(u"c71d2e5a8b04"_s));
        DiffPane *pane = m_window->diffPane();
        pane->findChild<QCheckBox *>(u"foldCheck"_s)->setChecked(true);
        CodeView *left = pane->schemaDiff()->left();
        const auto folds = [left] {
            QList<int> blocks;
            for (QTextBlock block = left->document()->begin(); block.isValid(); block = block.next()) {
                if (block.text().contains(u"unchanged line"_s))
                    blocks << block.blockNumber();
            }
            return blocks;
        };
        const QList<int> before = folds();
        QVERIFY2(!before.isEmpty(), qPrintable(left->toPlainText()));
        // The first fold hides the tables before daily_mood: it names the statements it spans.
        const QString first = left->document()->findBlockByNumber(before.first()).text();
        QVERIFY2(first.contains(u" in CREATE TABLE"_s), qPrintable(first));
        Q_EMIT left->blockActivated(before.first());
        const QList<int> after = folds();
        QCOMPARE(after.size(), before.size() - 1);
        QVERIFY(left->toPlainText().contains(u"\nCREATE TABLE \"user\""_s) || left->toPlainText().startsWith(u"CREATE TABLE \"user\""_s));
        pane->findChild<QCheckBox *>(u"foldCheck"_s)->setChecked(false);
    }

    void nextAndPreviousChangeGoFromChangeToChange()
    {
        // Two changes apart: the energy column, then the checks at the end of daily_mood.
        QVERIFY(m_window->selectRevision(u"c71d2e5a8b04"_s));
        DiffPane *pane = m_window->diffPane();
        pane->findChild<QCheckBox *>(u"foldCheck"_s)->setChecked(false);
        auto *diff = pane->schemaDiff();
        QVERIFY2(pane->nextChange(), qPrintable(u"%1 %2"_s.arg(diff->firstShownRow()).arg(diff->currentChange())));
        const int first = diff->currentChange();
        QVERIFY(first >= 0);
        QCOMPARE(diff->left()->textCursor().blockNumber(), first);
        QVERIFY(pane->nextChange());
        const int second = diff->currentChange();
        QVERIFY(second > first);
        QVERIFY(pane->previousChange());
        QCOMPARE(diff->currentChange(), first);
        QVERIFY(!pane->previousChange());
        QCOMPARE(diff->currentChange(), first);
        // Alt+Down is the same as the button, from anywhere in the window.
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(diff->currentChange(), second);
    }

    void unifiedViewShowsBothSidesInOneColumn()
    {
        QVERIFY(m_window->selectRevision(u"c71d2e5a8b04"_s));
        DiffPane *pane = m_window->diffPane();
        pane->setUnified(true);
        auto *diff = pane->schemaDiff();
        QVERIFY(diff->isUnified());
        QVERIFY(!diff->left()->isVisibleTo(pane));
        const QStringList lines = diff->unified()->toPlainText().split(u'\n');
        const auto starting = [&lines](const QString &prefix, const QString &containing) {
            return int(std::count_if(lines.cbegin(), lines.cend(), [&](const QString &line) {
                return line.startsWith(prefix) && line.contains(containing);
            }));
        };
        // The new column and its check, nothing of them removed.
        QCOMPARE(starting(u"+ "_s, u"\"energy\" SMALLINT"_s), 1);
        QCOMPARE(starting(u"+ "_s, u"ck_daily_mood_energy_range"_s), 1);
        QCOMPARE(starting(u"- "_s, u"energy"_s), 0);
        QVERIFY(starting(u"- "_s, u"ck_daily_mood_mood_range"_s) == 1);   // the line that gains a comma
        QVERIFY(starting(u"+ "_s, u"ck_daily_mood_mood_range"_s) == 1);
        pane->setUnified(false);
        QVERIFY(!diff->isUnified());
    }

    void sqlTabsShowTheStepFirst()
    {
        QVERIFY(m_window->selectRevision(u"3f2a9c1b7d10"_s));
        DiffPane *pane = m_window->diffPane();
        const QStringList shown = pane->upgradeView()->toPlainText().split(u'\n');
        QVERIFY2(shown.value(0).startsWith(u"-- ⋯ set-up"_s), qPrintable(shown.value(0)));
        QVERIFY2(shown.value(1).startsWith(u"-- Running upgrade"_s), qPrintable(shown.value(1)));
        QVERIFY(!pane->upgradeView()->toPlainText().contains(u"CREATE TABLE IF NOT EXISTS"_s));
        QVERIFY(pane->upgradeText().contains(u"CREATE TABLE IF NOT EXISTS"_s));
        // Copy and Save as take the whole script, and a click shows the set-up.
        QVERIFY(pane->upgradeText().startsWith(u"-- Strata offline SQL"_s));
        QVERIFY(pane->upgradeView()->isSetUpFolded());
        Q_EMIT pane->upgradeView()->blockActivated(0);
        QVERIFY(!pane->upgradeView()->isSetUpFolded());
        QCOMPARE(pane->upgradeView()->toPlainText(), pane->upgradeText());
    }

private:
    QTemporaryDir m_settings;
    TestProject m_project;
    std::unique_ptr<strata::Project> m_opened;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestDiffPane)
#include "tst_diffpane.moc"
