// A Flask-Migrate project run in place, no conversion: `flask db` and `strata`
// take turns on the same database and always agree on alembic_version.
// tests/data/alembic/make_flask_project.py builds the project with Debian's
// python3-flask-migrate; Strata reads its scripts through its Python bridge
// with the same interpreter (STRATA_PYTHON), on SQLite and PostgreSQL.
#include "enginehelpers.h"
#include "flaskapp.h"
#include "scratchdatabase.h"

#include "core/alembic/flaskmigrate.h"
#include "core/project/project.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

const QString python = FlaskApp::python();

// psycopg2 finds the server, user and password in the PG* variables the test runs with.
QString sqlalchemyUrl(const ScratchDatabase &db)
{
    return db.dialect() == u"sqlite"_s ? u"sqlite:///"_s + db.sqliteFile()
                                       : u"postgresql:///"_s + db.databaseUrl().database;
}

} // namespace

class TestAlembicInPlace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    QString m_appDir;
    QString m_secondRevision;   // "add habit", where the branch starts

    QString folder() const { return m_appDir + u"/migrations"_s; }

    // `flask db ARGS` on the generated app against the database; its output, or "FAILED".
    QString flask(const QStringList &args, const QString &databaseUrl)
    {
        return FlaskApp::flaskDb(m_appDir, args, databaseUrl);
    }

    // `flask db current` as a list of ids (it prints "<id> (head)" lines).
    QStringList flaskCurrent(const QString &databaseUrl)
    {
        QStringList ids;
        for (const QString &line : flask({u"current"_s}, databaseUrl).split(u'\n')) {
            const QString id = line.section(u' ', 0, 0).trimmed();
            if (id.size() == 12 && !id.contains(u'['))
                ids << id;
        }
        ids.sort();
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(python), "Debian's /usr/bin/python3 is missing: run packaging/install-deps.sh");
        qputenv("STRATA_PYTHON", python.toUtf8());
        QVERIFY(m_work.isValid());
        m_appDir = m_work.filePath(u"app"_s);
        bool made = false;
        const QString output = FlaskApp::make(m_appDir, &made);
        QVERIFY2(made, qPrintable(output));
        m_secondRevision = output.trimmed().split(u'\n').last().trimmed();
    }

    void takingTurns_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void takingTurns()
    {
        QFETCH(QString, dialect);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        const QString url = sqlalchemyUrl(db);
        QVERIFY(flask({u"upgrade"_s, m_secondRevision}, url) != u"FAILED"_s);

        auto project = Project::open(folder());
        STRATA_VERIFY_RESULT(project);
        QVERIFY(project->isAlembic());
        project->evaluateFor(*strata::dialectKindNamed(dialect));
        QVERIFY2(project->evaluationProblems().isEmpty(), qPrintable(project->evaluationProblems().join(u'\n')));
        auto connection = db.connect();
        STRATA_VERIFY_RESULT(connection);
        QCOMPARE(EngineHelpers::heads(**connection, *project), QStringList{m_secondRevision});

        // Strata continues where Alembic stopped...
        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(**connection, *project, u"heads"_s));
        QCOMPARE(EngineHelpers::heads(**connection, *project), project->graph().heads());
        QCOMPARE(flaskCurrent(url), project->graph().heads());
        // ...the branch's hand-written INSERT ran once...
        QCOMPARE(EngineHelpers::rows(**connection, u"SELECT label FROM label"_s), QStringList{u"health"_s});

        // ...Alembic steps back from where Strata stopped, and both read the same version.
        QVERIFY(flask({u"downgrade"_s}, url) != u"FAILED"_s);
        QStringList afterFlask = EngineHelpers::heads(**connection, *project);
        afterFlask.sort();
        QCOMPARE(afterFlask, flaskCurrent(url));
        QCOMPARE(afterFlask.size(), 1);

        // Strata takes it down to the branch point and up again; Alembic agrees all along.
        STRATA_VERIFY_RESULT(EngineHelpers::downgrade(**connection, *project, m_secondRevision));
        QCOMPARE(flaskCurrent(url), QStringList{m_secondRevision});
        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(**connection, *project, u"heads"_s));
        QCOMPARE(flaskCurrent(url), project->graph().heads());
    }

    // Strata never writes YAML revisions into a Flask-Migrate folder.
    void refusesToWriteYamlThere()
    {
        auto project = Project::open(folder());
        STRATA_VERIFY_RESULT(project);
        Revision revision;
        revision.message = u"should not be written"_s;
        revision.downRevisions = project->graph().heads();
        const auto written = project->writeRevision(revision);
        QVERIFY(!written);
        QVERIFY2(written.error().hint.contains(u"flask db migrate"_s), qPrintable(written.error().toString()));
        QCOMPARE(QDir(folder() + u"/versions"_s).entryList({u"*.yaml"_s}), QStringList());
    }

    // `strata migrate -m` in a Flask-Migrate project is the project's own `flask db migrate`.
    // Last: it adds a revision to the shared project.
    void migrateRunsFlaskDbMigrate()
    {
        ScratchDatabase db(u"sqlite"_s);
        STRATA_REQUIRE_DATABASE(db);
        const QString url = sqlalchemyUrl(db);
        QVERIFY(flask({u"upgrade"_s, u"heads"_s}, url) != u"FAILED"_s);
        QFile app(m_appDir + u"/app.py"_s);
        QVERIFY(app.open(QIODevice::Append));
        app.write("\n\nclass Reminder(db.Model):\n"
                  "    id = db.Column(db.Integer, primary_key=True)\n"
                  "    at = db.Column(db.DateTime, nullable=False)\n");
        app.close();
        qputenv("FLASK_APP", "app.py");
        qputenv("APP_DATABASE_URL", url.toUtf8());
        auto made = alembic::runFlaskMigrate(folder(), u"add reminder"_s);
        STRATA_VERIFY_RESULT(made);
        QVERIFY2(made->path.endsWith(u"_add_reminder.py"_s), qPrintable(made->path));
        auto project = Project::open(folder());
        STRATA_VERIFY_RESULT(project);
        const Revision *head = project->graph().find(project->graph().heads().first());
        QCOMPARE(head->filePath, made->path);
        project->evaluateFor(strata::DialectKind::Sqlite);
        QCOMPARE(project->graph().find(head->id)->upgrade.first()->describe(), u"create table reminder"_s);
    }
};

QTEST_GUILESS_MAIN(TestAlembicInPlace)
#include "tst_alembicinplace.moc"
