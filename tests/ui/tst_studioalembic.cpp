// A Flask-Migrate project in the studio, as it is: the scripts are read with
// the team's Python for the connected database, runs move alembic_version
// (so `flask db current` agrees), and "Generate migration" is the team's
// own `flask db migrate`, whose new file is then selected for review; New
// revision is their `flask db revision`, and Delete revision removes a script
// nothing builds on.

#include "ui/app/generatecommands.h"
#include "ui/app/logpane.h"
#include "ui/app/mainwindow.h"
#include "ui/app/revisioncommands.h"
#include "ui/app/studioactions.h"
#include "ui/app/studiosession.h"
#include "ui/generate/flaskgeneration.h"
#include "core/project/project.h"
#include "flaskapp.h"
#include "scratchdatabase.h"
#include "studiotestsupport.h"
#include "ui/timeline/timelinepanel.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using strata::ui::MainWindow;
using strata::ui::RunOutcome;
using strata::ui::StudioSession;

namespace {
const QString python = u"/usr/bin/python3"_s;
}

class TestStudioAlembic : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_work;
    QString m_appDir;

    QString versionRows(const ScratchDatabase &db)
    {
        auto connection = db.connect();
        if (!connection)
            return connection.error().toString();
        auto rows = (*connection)->select(u"SELECT version_num FROM alembic_version ORDER BY 1"_s);
        if (!rows)
            return rows.error().toString();
        QStringList ids;
        for (const QVariantList &row : *rows)
            ids << row.value(0).toString();
        return ids.join(u',');
    }

private Q_SLOTS:
    void initTestCase()
    {
        isolateStudioSettings(m_settings);
        QVERIFY2(QFile::exists(python), "Debian's /usr/bin/python3 is missing: run packaging/install-deps.sh");
        qputenv("STRATA_PYTHON", python.toUtf8());
        m_appDir = m_work.filePath(u"app"_s);
        bool made = false;
        const QString output = FlaskApp::make(m_appDir, &made);
        QVERIFY2(made, qPrintable(output));
    }

    void runsInPlaceAndGeneratesWithFlask()
    {
        ScratchDatabase db(u"sqlite"_s);
        STRATA_REQUIRE_DATABASE(db);
        MainWindow window;
        window.setConfirmer([](const QString &, const QString &) { return true; });
        QVERIFY(window.openProject(m_appDir + u"/migrations"_s, db.url()));
        // The exact reading (Python, for SQLite) replaces the static one in the background.
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->project()->evaluatedDialect(), std::optional(strata::DialectKind::Sqlite), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(window.isSettled(), 60000);
        const QStringList heads = window.session()->project()->graph().heads();
        QCOMPARE(heads.size(), 1);

        QSignalSpy finished(window.session(), &StudioSession::runFinished);
        window.actions().upgradeToHead->trigger();
        QVERIFY(finished.wait(60000));
        const auto outcome = finished.takeFirst().at(0).value<RunOutcome>();
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        QCOMPARE(versionRows(db), heads.first());

        // The team changes a model; Generate migration runs their flask db migrate.
        QFile app(m_appDir + u"/app.py"_s);
        QVERIFY(app.open(QIODevice::ReadOnly));
        QByteArray source = app.readAll();
        app.close();
        source.replace("    bio = db.Column(db.Text)\n", "    bio = db.Column(db.Text)\n    nickname = db.Column(db.String(40))\n");
        QVERIFY(app.open(QIODevice::WriteOnly | QIODevice::Truncate));
        app.write(source);
        app.close();
        qputenv("FLASK_APP", "app.py");
        qputenv("APP_DATABASE_URL", (u"sqlite:///"_s + db.sqliteFile()).toUtf8());

        strata::ui::FlaskGeneration *flask = window.generateCommands()->flask();
        QSignalSpy written(flask, &strata::ui::FlaskGeneration::written);
        QVERIFY(flask->run(m_appDir + u"/migrations"_s, u"add nickname"_s));
        QVERIFY2(written.wait(120000), qPrintable(window.logPane()->toPlainText()));
        const QString path = written.first().at(0).toString();
        QVERIFY2(path.endsWith(u"_add_nickname.py"_s), qPrintable(path));
        // Reloaded, and the new revision is the one under review.
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->project()->graph().heads() != heads, 30000);
        const QString selected = window.timeline()->currentRevision();
        QCOMPARE(window.session()->project()->graph().find(selected)->filePath, path);
    }

    void newRevisionAndDeleteInPlace()
    {
        ScratchDatabase db(u"sqlite"_s);
        STRATA_REQUIRE_DATABASE(db);
        QVERIFY(QDir().mkpath(m_work.filePath(u"data"_s)));
        qputenv("XDG_DATA_HOME", m_work.filePath(u"data"_s).toUtf8());   // the trash of this test
        MainWindow window;
        QStringList questions;
        window.setConfirmer([&questions](const QString &title, const QString &) {
            questions << title;
            return true;
        });
        QVERIFY(window.openProject(m_appDir + u"/migrations"_s, db.url()));
        QTRY_VERIFY_WITH_TIMEOUT(window.isSettled(), 60000);
        const QStringList heads = window.session()->project()->graph().heads();
        QCOMPARE(heads.size(), 1);
        QVERIFY(window.actions().newRevision->isEnabled());

        auto *revisions = window.findChild<strata::ui::RevisionCommands *>(u"revisionCommands"_s);
        QVERIFY(revisions);
        revisions->setMessageAsker([](const QString &, const QString &, const QString &) {
            return std::optional<QString>(u"Add reminders"_s);
        });
        QSignalSpy authored(revisions, &strata::ui::RevisionCommands::authored);
        QSignalSpy failed(revisions, &strata::ui::RevisionCommands::failed);
        const auto started = revisions->newRevision();
        QVERIFY2(started && started->isEmpty(), "the team's flask db revision runs in the background");
        QVERIFY(!window.actions().newRevision->isEnabled());
        QVERIFY2(authored.wait(120000), qPrintable(failed.isEmpty() ? window.logPane()->toPlainText()
                                                                   : failed.first().at(0).toString()));
        const QString id = authored.first().at(0).toString();
        const auto project = window.session()->project();
        QCOMPARE(project->graph().heads(), QStringList{id});
        QCOMPARE(project->graph().find(id)->downRevisions, heads);
        const QString script = project->graph().find(id)->filePath;
        QVERIFY2(script.endsWith(u"_add_reminders.py"_s), qPrintable(script));
        QCOMPARE(window.timeline()->currentRevision(), id);
        QVERIFY2(window.logPane()->toPlainText().contains(u"flask db"_s), qPrintable(window.logPane()->toPlainText()));

        // What the new script builds on can't go; the new script can.
        QSignalSpy finished(window.session(), &StudioSession::runFinished);
        // The outcome of the delete, not of a state read that ends meanwhile.
        const auto deletion = [&finished]() -> RunOutcome {
            for (int waits = 0; waits < 10; ++waits) {
                while (!finished.isEmpty()) {
                    const auto outcome = finished.takeFirst().at(0).value<RunOutcome>();
                    if (outcome.kind == strata::ui::RunRequest::Kind::DeleteRevision)
                        return outcome;
                }
                finished.wait(10000);
            }
            return {};
        };
        QVERIFY(window.selectRevision(heads.first()));
        QTRY_VERIFY_WITH_TIMEOUT(window.isSettled() && window.actions().deleteRevision->isEnabled(), 20000);
        finished.clear();
        window.actions().deleteRevision->trigger();
        auto outcome = deletion();
        QCOMPARE(outcome.kind, strata::ui::RunRequest::Kind::DeleteRevision);
        QVERIFY2(!outcome.ok, qPrintable(window.logPane()->toPlainText()));
        QVERIFY2(outcome.errorText.contains(u"builds on it"_s), qPrintable(outcome.errorText));
        QVERIFY(questions.isEmpty());

        QVERIFY(window.selectRevision(id));
        QTRY_VERIFY_WITH_TIMEOUT(window.isSettled() && window.actions().deleteRevision->isEnabled(), 20000);
        finished.clear();
        window.actions().deleteRevision->trigger();
        outcome = deletion();
        QCOMPARE(outcome.kind, strata::ui::RunRequest::Kind::DeleteRevision);
        QVERIFY2(outcome.ok, qPrintable(outcome.errorText));
        QCOMPARE(questions, QStringList{u"Delete revision"_s});
        QVERIFY(!QFile::exists(script));
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->project()->graph().heads(), heads, 30000);
    }
};

QTEST_MAIN(TestStudioAlembic)
#include "tst_studioalembic.moc"
