// `strata revision`, `merge` and `delete` in a Flask-Migrate / Alembic folder
// opened in place: the scripts are written by the team's own tool (`flask db`
// when flask can find the app, else `alembic` with the folder's alembic.ini),
// after the same checks as for YAML revisions; a script is deleted only when
// nothing builds on it and the database has not applied it.

#include "cliprocess.h"
#include "flaskapp.h"
#include "testprojects.h"

#include "core/project/project.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Head = u"b1c00000000a"_s;    // tracker_branches' one head
const QString Base = u"b10000000001"_s;

QString scriptOf(const QString &migrations, const QString &id)
{
    const QStringList found = QDir(migrations + u"/versions"_s).entryList({id + u"_*.py"_s}, QDir::Files);
    return found.size() == 1 ? migrations + u"/versions/"_s + found.first() : QString();
}

} // namespace

class TestCliAlembicAuthor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_migrations;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    CliRun strata(const QStringList &arguments, const QString &migrations = {})
    {
        const QStringList global{u"--directory"_s, migrations.isEmpty() ? m_migrations : migrations,
                                 u"--database"_s, u"sqlite:///"_s + m_dir.filePath(u"app.db"_s)};
        return runCli(QStringLiteral(STRATA_CLI), global + arguments, m_dir.path(), m_env);
    }

    strata::Result<strata::Project> project() { return strata::Project::open(m_migrations); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(FlaskApp::python()), "Debian's /usr/bin/python3 is missing: run packaging/install-deps.sh");
        m_env.insert(u"STRATA_PYTHON"_s, FlaskApp::python());
        m_env.remove(u"FLASK_APP"_s);
        // Deleted scripts go to a trash of the test's own.
        QVERIFY(QDir().mkpath(m_dir.filePath(u"data"_s)));
        m_env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
        m_migrations = m_dir.filePath(u"migrations"_s);
        QVERIFY(TestProjects::copyTree(QStringLiteral(STRATA_TEST_DATA) + u"/../realworld/projects/tracker_branches"_s,
                                       m_migrations));
        QCOMPARE(project()->graph().heads(), QStringList{Head});
    }

    // No app for flask to find: Alembic itself writes, on the one head.
    void revisionIsWrittenByAlembic()
    {
        const CliRun r = strata({u"revision"_s, u"-m"_s, u"Add due date"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QString id = r.out.trimmed().section(u'\n', -1);
        QCOMPARE(id.size(), 12);
        QVERIFY2(r.err.contains(u"alembic -c "_s) && r.err.contains(u" revision "_s), qPrintable(r.err));
        const QString script = scriptOf(m_migrations, id);
        QVERIFY2(script.endsWith(u"_add_due_date.py"_s), qPrintable(script));
        QFile file(script);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(file.readAll().contains(QByteArray("down_revision = '" + Head.toUtf8() + "'")), qPrintable(script));
        auto reread = project();
        QVERIFY(reread.has_value());
        QCOMPARE(reread->graph().heads(), QStringList{id});
        QCOMPARE(reread->graph().find(id)->message, u"Add due date"_s);
    }

    // A second branch, the YAML rule for several heads, then merge.
    void branchThenMerge()
    {
        const QString before = project()->graph().heads().first();
        CliRun r = strata({u"revision"_s, u"-m"_s, u"Audit log"_s, u"--head"_s, u"base"_s,
                           u"--branch-label"_s, u"audit"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QString side = r.out.trimmed().section(u'\n', -1);
        QCOMPARE(project()->graph().heads().size(), 2);

        r = strata({u"revision"_s, u"-m"_s, u"More"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"Multiple heads are present"_s), qPrintable(r.err));

        r = strata({u"merge"_s, u"heads"_s, u"-m"_s, u"Join audit"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QString merge = r.out.trimmed().section(u'\n', -1);
        auto reread = project();
        QVERIFY(reread.has_value());
        QCOMPARE(reread->graph().heads(), QStringList{merge});
        QStringList parents = reread->graph().find(merge)->downRevisions;
        parents.sort();
        QStringList expected{before, side};
        expected.sort();
        QCOMPARE(parents, expected);

        r = strata({u"merge"_s, u"heads"_s, u"-m"_s, u"Nothing to join"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"merge needs at least two revisions"_s), qPrintable(r.err));
    }

    void deleteRefusesOrDeletes_data()
    {
        QTest::addColumn<QString>("revision");   // "HEAD": the head at the time
        QTest::addColumn<bool>("stampFirst");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("words");
        QTest::newRow("a base others build on") << Base << false << 2 << u"can't be deleted: "_s;
        QTest::newRow("a head the database applied") << u"HEAD"_s << true << 1 << u"has applied it"_s;
        QTest::newRow("a head nobody applied") << u"HEAD"_s << false << 0 << u"to the trash"_s;
    }

    void deleteRefusesOrDeletes()
    {
        QFETCH(QString, revision);
        QFETCH(bool, stampFirst);
        QFETCH(int, exitCode);
        QFETCH(QString, words);
        QFile::remove(m_dir.filePath(u"app.db"_s));
        const QString id = revision == u"HEAD"_s ? project()->graph().heads().first() : revision;
        if (stampFirst) {
            const CliRun stamped = strata({u"stamp"_s, u"heads"_s});
            QVERIFY2(stamped.exitCode == 0, qPrintable(stamped.all()));
        }
        const QString script = scriptOf(m_migrations, id);
        QVERIFY(!script.isEmpty());
        const CliRun r = strata({u"delete"_s, id});
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.all().contains(words), qPrintable(r.all()));
        QCOMPARE(QFile::exists(script), exitCode != 0);
        if (exitCode != 0) {
            QVERIFY2(r.err.contains(u"hint: "_s) && r.err.contains(QFileInfo(script).fileName()), qPrintable(r.err));
        } else {
            QVERIFY(!project()->graph().find(id));
        }
    }

    // A Flask-Migrate project whose app flask can find: `flask db revision`,
    // with the app named by FLASK_APP (a wrong name fails in flask's words).
    void flaskProjectUsesFlaskDb()
    {
        const QString appDir = m_dir.filePath(u"flaskapp"_s);
        bool made = false;
        const QString output = FlaskApp::make(appDir, &made);
        QVERIFY2(made, qPrintable(output));
        const QString migrations = appDir + u"/migrations"_s;
        const QStringList heads = strata::Project::open(migrations)->graph().heads();
        QCOMPARE(heads.size(), 1);

        m_env.insert(u"FLASK_APP"_s, u"no_such_module.py"_s);
        CliRun r = strata({u"revision"_s, u"-m"_s, u"Add flag"_s}, migrations);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"`flask db revision"_s) && r.err.contains(u"FLASK_APP"_s), qPrintable(r.err));

        m_env.insert(u"FLASK_APP"_s, u"app.py"_s);
        r = strata({u"revision"_s, u"-m"_s, u"Add flag"_s}, migrations);
        m_env.remove(u"FLASK_APP"_s);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.err.contains(u"flask db revision"_s), qPrintable(r.err));
        const QString id = r.out.trimmed().section(u'\n', -1);
        auto reread = strata::Project::open(migrations);
        QVERIFY(reread.has_value());
        QCOMPARE(reread->graph().heads(), QStringList{id});
        QCOMPARE(reread->graph().find(id)->downRevisions, heads);
    }
};

QTEST_GUILESS_MAIN(TestCliAlembicAuthor)
#include "tst_cli_alembicauthor.moc"
