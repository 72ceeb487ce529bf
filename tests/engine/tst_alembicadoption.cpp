// Adopting a real Flask-Migrate project: tests/data/alembic/make_flask_project.py
// builds one with Debian's python3-flask-migrate (flask db init / migrate with
// batch operations, a hand-written branch with a label, flask db merge).
// Strata reads it as it is, imports it, and `upgrade head` gives the schema
// `flask db upgrade` gives, on SQLite and PostgreSQL, also when Alembic
// upgraded the database half-way first.
#include "enginehelpers.h"
#include "flaskapp.h"
#include "scratchdatabase.h"

#include "core/workflow/alembicimport.h"
#include "core/diff/schemasource.h"
#include "core/project/project.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

const QString python = FlaskApp::python();

// The URL SQLAlchemy takes for the scratch database; psycopg2 finds the
// server, user and password in the PG* variables the test runs with.
QString sqlalchemyUrl(const ScratchDatabase &db)
{
    return db.dialect() == u"sqlite"_s ? u"sqlite:///"_s + db.sqliteFile() : u"postgresql:///"_s + db.databaseUrl().database;
}

QString describe(const SchemaDiff &diff)
{
    QStringList lines;
    for (const OperationPtr &op : diff.upgrade)
        lines << op->describe();
    return (lines + diff.unsupported).join(u"; "_s);
}

} // namespace

class TestAlembicAdoption : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    QString m_appDir;          // app.py and migrations/ as Flask-Migrate wrote them
    QString m_imported;        // the Strata project import-alembic wrote
    QString m_secondRevision;  // "add habit", where the branch starts

    QString alembicFolder() const { return m_appDir + u"/migrations"_s; }

    // Runs `flask db ARGS` on the generated app against the database; returns its output.
    QString flask(const QStringList &args, const QString &databaseUrl = {})
    {
        return FlaskApp::flaskDb(m_appDir, args, databaseUrl);
    }

    Result<Project> imported() const { return Project::open(m_imported); }

    // The live schema of the database as Strata introspects it, compared with another.
    void verifySameSchema(Connection &strataSide, Connection &alembicSide, const Project &project)
    {
        auto mine = databaseSource(strataSide, project);
        auto theirs = databaseSource(alembicSide, project);
        STRATA_VERIFY_RESULT(mine);
        STRATA_VERIFY_RESULT(theirs);
        QVERIFY2(!mine->schema.tables.isEmpty(), "the Strata side has no tables");
        QCOMPARE(mine->schema.tables.size(), theirs->schema.tables.size());
        auto diff = diffSources(*theirs, *mine);
        STRATA_VERIFY_RESULT(diff);
        QVERIFY2(diff->isEmpty(), qPrintable(u"flask db upgrade -> strata upgrade: "_s + describe(*diff)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(python), "Debian's /usr/bin/python3 is missing: run packaging/install-deps.sh");
        QVERIFY(m_work.isValid());
        m_appDir = m_work.filePath(u"app"_s);
        bool made = false;
        const QString output = FlaskApp::make(m_appDir, &made);
        QVERIFY2(made,
                 qPrintable(u"generating the Flask-Migrate project failed (is python3-flask-migrate installed?): "_s
                            + output));
        m_secondRevision = output.trimmed().split(u'\n').last().trimmed();
        QVERIFY2(QFile::exists(alembicFolder() + u"/env.py"_s), qPrintable(output));

        m_imported = m_work.filePath(u"strata"_s);
        alembic::ImportOptions options;
        options.source = alembicFolder();
        options.destination = m_imported;
        auto result = alembic::importAlembic(options);
        STRATA_VERIFY_RESULT(result);
        QCOMPARE(result->placeholderCount(), 0);
    }

    // history and heads on the Alembic folder, checked against Alembic's own `flask db history`.
    void readsAlembicFolderAsItIs()
    {
        auto project = Project::open(alembicFolder());
        STRATA_VERIFY_RESULT(project);
        QVERIFY(project->isAlembic());
        QCOMPARE(project->config().versionTable, u"alembic_version"_s);

        const QString history = flask({u"history"_s});
        QVERIFY(history != u"FAILED"_s);
        // "<parents> -> <revision> (head), message"; a base's parent is <base>.
        static const QRegularExpression edge(u"^(.*?) -> (\\w+)"_s, QRegularExpression::MultilineOption);
        int revisions = 0;
        for (auto it = edge.globalMatch(history); it.hasNext(); ++revisions) {
            const auto match = it.next();
            const Revision *revision = project->graph().find(match.captured(2));
            QVERIFY2(revision, qPrintable(match.captured(2)));
            const QString parents = match.captured(1).trimmed();
            QCOMPARE(revision->downRevisions,
                     parents == u"<base>"_s ? QStringList() : parents.split(u", "_s));
        }
        QCOMPARE(revisions, 7);
        QCOMPARE(project->graph().revisions().size(), revisions);

        const QString heads = flask({u"heads"_s});
        QCOMPARE(project->graph().heads(), QStringList{heads.section(u' ', 0, 0).trimmed()});
        const Revision *tags = project->graph().find(project->graph().branchLabels().value(u"tags"_s));
        QVERIFY(tags);
        QCOMPARE(tags->message, u"add tags"_s);
    }

    void importKeepsTheGraph()
    {
        auto alembicSide = Project::open(alembicFolder());
        auto strataSide = imported();
        STRATA_VERIFY_RESULT(alembicSide);
        STRATA_VERIFY_RESULT(strataSide);
        QVERIFY(!strataSide->isAlembic());
        QCOMPARE(strataSide->config().versionTable, u"alembic_version"_s);
        QCOMPARE(strataSide->graph().heads(), alembicSide->graph().heads());
        for (const Revision &revision : alembicSide->graph().revisions()) {
            const Revision *copy = strataSide->graph().find(revision.id);
            QVERIFY2(copy, qPrintable(revision.id));
            QCOMPARE(copy->downRevisions, revision.downRevisions);
            QCOMPARE(copy->branchLabels, revision.branchLabels);
            QCOMPARE(copy->message, revision.message);
            QCOMPARE(copy->upgrade.size(), revision.upgrade.size());
        }
        // models.yaml is the schema at head, so there is nothing to migrate.
        auto head = strataSide->schemaAt(strataSide->graph().heads());
        STRATA_VERIFY_RESULT(head);
        QCOMPARE(head->tables.size(), 4);
    }

    void upgradeMatchesFlaskUpgrade_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<bool>("halfWay");
        QTest::newRow("sqlite, fresh database") << u"sqlite"_s << false;
        QTest::newRow("sqlite, Alembic upgraded it half-way") << u"sqlite"_s << true;
        QTest::newRow("postgresql, fresh database") << u"postgresql"_s << false;
        QTest::newRow("postgresql, Alembic upgraded it half-way") << u"postgresql"_s << true;
    }

    void upgradeMatchesFlaskUpgrade()
    {
        QFETCH(QString, dialect);
        QFETCH(bool, halfWay);
        ScratchDatabase byAlembic(dialect);
        ScratchDatabase byStrata(dialect);
        STRATA_REQUIRE_DATABASE(byAlembic);
        STRATA_REQUIRE_DATABASE(byStrata);
        QVERIFY(flask({u"upgrade"_s}, sqlalchemyUrl(byAlembic)) != u"FAILED"_s);
        if (halfWay)
            QVERIFY(flask({u"upgrade"_s, m_secondRevision}, sqlalchemyUrl(byStrata)) != u"FAILED"_s);

        auto project = imported();
        STRATA_VERIFY_RESULT(project);
        auto strataConnection = byStrata.connect();
        auto alembicConnection = byAlembic.connect();
        STRATA_VERIFY_RESULT(strataConnection);
        STRATA_VERIFY_RESULT(alembicConnection);
        // `strata current` on the database Alembic left.
        QCOMPARE(EngineHelpers::heads(**strataConnection, *project),
                 halfWay ? QStringList{m_secondRevision} : QStringList());
        auto asItIs = Project::open(alembicFolder());
        STRATA_VERIFY_RESULT(asItIs);
        QCOMPARE(EngineHelpers::heads(**strataConnection, *asItIs),
                 halfWay ? QStringList{m_secondRevision} : QStringList());

        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(**strataConnection, *project, u"head"_s));
        QCOMPARE(EngineHelpers::heads(**strataConnection, *project), project->graph().heads());
        QCOMPARE(EngineHelpers::heads(**alembicConnection, *project), project->graph().heads());
        QVERIFY((**strataConnection).tableExists(project->config().historyTable));
        verifySameSchema(**strataConnection, **alembicConnection, *project);
        // The branch's data step ran once, whoever ran the first steps.
        QCOMPARE(EngineHelpers::rows(**strataConnection, u"SELECT label FROM label"_s), QStringList{u"health"_s});
        // And Alembic still reads the version Strata left.
        const QString current = flask({u"current"_s}, sqlalchemyUrl(byStrata));
        QVERIFY2(current.contains(project->graph().heads().first()), qPrintable(current));
    }
};

QTEST_GUILESS_MAIN(TestAlembicAdoption)
#include "tst_alembicadoption.moc"
