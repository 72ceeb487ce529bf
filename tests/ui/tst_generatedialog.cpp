#include "ui/app/mainwindow.h"
#include "ui/generate/generatedialog.h"
#include "core/project/project.h"
#include "studiotestsupport.h"
#include "testprojects.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinepanel.h"

#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using strata::ui::GenerateMigrationDialog;
using strata::ui::MainWindow;

namespace {

// Adds a column to daily_mood in the project's models.yaml.
bool addStreakColumn(const QString &modelsPath)
{
    QFile file(modelsPath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray text = file.readAll();
    file.close();
    const QByteArray energy = "      - {name: energy, type: smallint, nullable: false, default: \"3\"}\n";
    if (!text.contains(energy))
        return false;
    text.replace(energy, QByteArray(energy + "      - {name: streak, type: integer}\n"));
    return TestProjects::writeFile(modelsPath, text);
}

} // namespace

// Generate migration in the studio: preview first, then the file, written by
// the CLI's code path, which the project then opens as its new head.
class TestGenerateDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        isolateStudioSettings(m_settings);
        m_project = std::make_unique<TestProject>();
        QVERIFY(m_project->copyExample());
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openProject(m_project->path(), sqliteUrl(m_project->tempPath() + u"/habitz.db"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isSettled(), 10000);
    }

    void cleanup()
    {
        m_window.reset();
        m_project.reset();
    }

    void modelsMatchingHeadSayNoChanges()
    {
        GenerateMigrationDialog *dialog = m_window->openGenerateDialog();
        QVERIFY(dialog);
        QVERIFY2(dialog->summaryText().startsWith(u"No changes detected"_s), qPrintable(dialog->summaryText()));
        dialog->messageEdit()->setText(u"Nothing"_s);
        QVERIFY(!dialog->canWrite());
        QVERIFY(!dialog->findChild<QPushButton *>(u"generateWrite"_s)->isEnabled());
        QVERIFY(!dialog->writeFile());
        QCOMPARE(QDir(m_project->path() + u"/versions"_s).entryList(QDir::Files).size(), 3);
        dialog->reject();
    }

    void anAddedColumnIsPreviewedThenWritten_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("statement");

        QTest::newRow("sqlite") << u"sqlite"_s << u"ALTER TABLE \"daily_mood\" ADD COLUMN \"streak\" INTEGER;"_s;
        QTest::newRow("postgresql") << u"postgresql"_s << u"ALTER TABLE \"daily_mood\" ADD COLUMN \"streak\" integer;"_s;
    }

    void anAddedColumnIsPreviewedThenWritten()
    {
        QFETCH(QString, dialect);
        QFETCH(QString, statement);
        QVERIFY(addStreakColumn(m_project->path() + u"/models.yaml"_s));

        GenerateMigrationDialog *dialog = m_window->openGenerateDialog();
        QVERIFY(dialog);
        dialog->setDialect(*strata::dialectKindNamed(dialect));
        QCOMPARE(strata::dialectName(dialog->dialect()), dialect);
        // The preview, before anything is written.
        QVERIFY2(dialog->summaryText().startsWith(u"1 operation on top of c71d2e5a8b04"_s),
                 qPrintable(dialog->summaryText()));
        QVERIFY2(dialog->detectedText().contains(u"add_column: "_s), qPrintable(dialog->detectedText()));
        QVERIFY2(dialog->detectedText().contains(u"streak"_s), qPrintable(dialog->detectedText()));
        QVERIFY2(dialog->sqlText().contains(statement), qPrintable(dialog->sqlText()));
        QCOMPARE(QDir(m_project->path() + u"/versions"_s).entryList(QDir::Files).size(), 3);
        QVERIFY(!dialog->canWrite());   // no message yet

        dialog->messageEdit()->setText(u"Add streak to daily mood"_s);
        QVERIFY(dialog->canWrite());
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"generateWrite"_s), Qt::LeftButton);
        const QString id = dialog->written().revisionId;
        QVERIFY(!id.isEmpty());
        QVERIFY(QFile::exists(dialog->written().path));
        QVERIFY(dialog->written().path.endsWith(u"_add_streak_to_daily_mood.yaml"_s));

        // The project opens with the new revision as its head, on top of the old one.
        auto reopened = m_project->open();
        QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().toString()));
        QCOMPARE(reopened->graph().heads(), QStringList{id});
        QCOMPARE(reopened->graph().find(id)->downRevisions, QStringList{u"c71d2e5a8b04"_s});
        QCOMPARE(reopened->graph().find(id)->upgrade.first()->kind(), u"add_column"_s);

        // The window reloaded and shows the new revision.
        QCOMPARE(m_window->timelineModel()->revisionAt(0), id);
        QCOMPARE(m_window->timeline()->currentRevision(), id);
    }

private:
    QTemporaryDir m_settings;
    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestGenerateDialog)
#include "tst_generatedialog.moc"
