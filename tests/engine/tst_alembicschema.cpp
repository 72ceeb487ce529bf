// An Alembic folder run in place builds what Alembic builds (corpus findings
// 1, 2, 4, 5, 6 in docs/realworld.md): keys numbered as SQLAlchemy numbers
// them (SERIAL, SQLite's rowid without AUTOINCREMENT), DATETIME for a
// timezone-aware DateTime on SQLite, constraint names SQLAlchemy's SQLite
// reflection reads back, use_alter keys left to the script as Alembic leaves
// them, and a SQLite downgrade that drops a still-referenced table. The
// round trip and drift stay clean on both databases.
#include "cliprocess.h"
#include "enginehelpers.h"
#include "flaskapp.h"
#include "scratchdatabase.h"

#include "core/project/project.h"
#include "core/workflow/roundtripverifier.h"
#include "testprojects.h"
#include "core/workflow/databasestatus.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

const QString python = FlaskApp::python();

const QByteArray kScript = R"py("""accounts and lists

Revision ID: aaa000000001
Revises:
Create Date: 2026-11-30 05:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = 'aaa000000001'
down_revision = None


def upgrade():
    op.create_table('account',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('placed_at', sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint('id'))
    op.create_table('entry',
        sa.Column('id', sa.BigInteger(), nullable=False),
        sa.Column('account_id', sa.Integer()),
        sa.PrimaryKeyConstraint('id'),
        sa.ForeignKeyConstraint(['account_id'], ['account.id'], name='fk_entry_account'))
    op.create_table('lists',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('default_item_id', sa.Integer()),
        sa.PrimaryKeyConstraint('id'),
        sa.ForeignKeyConstraint(['default_item_id'], ['list_items.id'], name='fk_lists_default_item', use_alter=True))
    op.create_table('list_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('list_id', sa.Integer()),
        sa.PrimaryKeyConstraint('id'),
        sa.ForeignKeyConstraint(['list_id'], ['lists.id']))
    if op.get_context().dialect.name == 'postgresql':
        op.create_foreign_key('fk_lists_default_item', 'lists', 'list_items', ['default_item_id'], ['id'])


def downgrade():
    if op.get_context().dialect.name == 'postgresql':
        op.drop_constraint('fk_lists_default_item', 'lists', type_='foreignkey')
    op.drop_table('list_items')
    op.drop_table('lists')
    op.drop_table('entry')
    op.drop_table('account')
)py";

// Foreign key names as SQLAlchemy reflects them from a SQLite file, "table.name" sorted.
QStringList reflectedForeignKeyNames(const QString &sqliteFile)
{
    const CliRun run = runCli(python,
                              {u"-c"_s, u"import sys, sqlalchemy as sa\n"
                                        "i = sa.inspect(sa.create_engine('sqlite:///' + sys.argv[1]))\n"
                                        "print('\\n'.join(sorted('%s.%s' % (t, fk['name']) for t in i.get_table_names()"
                                        " for fk in i.get_foreign_keys(t))))\n"_s,
                               sqliteFile},
                              {}, QProcessEnvironment::systemEnvironment(), 60000);
    if (run.exitCode != 0)
        return {u"FAILED: "_s + run.all()};
    return run.out.trimmed().split(u'\n');
}

} // namespace

class TestAlembicSchema : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    QString folder() const { return m_work.filePath(u"migrations"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(python), "Debian's /usr/bin/python3 is missing: run packaging/install-deps.sh");
        qputenv("STRATA_PYTHON", python.toUtf8());
        qputenv("STRATA_NO_CACHE", "1");
        QVERIFY(m_work.isValid());
        QVERIFY(TestProjects::writeFile(folder() + u"/env.py"_s, "# Flask-Migrate's env.py\n"));
        QVERIFY(TestProjects::writeFile(folder() + u"/versions/aaa000000001_accounts.py"_s, kScript));
    }

    void buildsWhatAlembicBuilds_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QStringList>("facts");
        QTest::newRow("sqlite")
            << u"sqlite"_s
            << QStringList{u"entry BIGINT NOT NULL"_s, u"no AUTOINCREMENT"_s, u"placed_at DATETIME"_s, u"history 0"_s,
                           u"sqlite_sequence 0"_s};
        QTest::newRow("postgresql")
            << u"postgresql"_s
            << QStringList{u"account.id nextval('account_id_seq'::regclass) NO"_s,
                           u"entry.id nextval('entry_id_seq'::regclass) NO"_s,
                           u"fk_lists_default_item 1"_s, u"history strata.strata_history"_s,
                           u"placed_at timestamp with time zone"_s};
    }

    void buildsWhatAlembicBuilds()
    {
        QFETCH(QString, dialect);
        QFETCH(QStringList, facts);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        auto project = Project::open(folder());
        STRATA_VERIFY_RESULT(project);
        project->evaluateFor(*strata::dialectKindNamed(dialect));
        QVERIFY2(project->evaluationProblems().isEmpty(), qPrintable(project->evaluationProblems().join(u'\n')));
        auto connection = db.connect();
        STRATA_VERIFY_RESULT(connection);

        // Up, compare, down (the SQLite downgrade drops list_items while lists still names it), up again.
        RoundtripVerifier verifier(**connection, *project);
        auto steps = verifier.run(u"heads"_s);
        STRATA_VERIFY_RESULT(steps);
        QCOMPARE(steps->size(), 1);
        QVERIFY2(steps->first().passed, qPrintable(steps->first().problems.join(u'\n')));
        auto drift = driftFrom(**connection, *project, project->graph().heads());
        STRATA_VERIFY_RESULT(drift);
        QCOMPARE(*drift, QStringList());

        QStringList found;
        Connection &c = **connection;
        if (dialect == "sqlite"_L1) {
            found << u"entry "_s + EngineHelpers::rows(c, u"SELECT type || ' ' || CASE \"notnull\" WHEN 1 THEN 'NOT NULL' "
                                                         "ELSE '' END FROM pragma_table_info('entry') WHERE name = 'id'"_s).join(u',');
            const QString ddl = EngineHelpers::rows(c, u"SELECT group_concat(sql) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'strata%'"_s).join(u',');
            found << (ddl.contains("AUTOINCREMENT"_L1) ? u"AUTOINCREMENT"_s : u"no AUTOINCREMENT"_s);
            found << u"placed_at "_s + EngineHelpers::rows(c, u"SELECT type FROM pragma_table_info('account') WHERE name = 'placed_at'"_s).join(u',');
            found << u"history "_s + EngineHelpers::rows(c, u"SELECT count(*) FROM sqlite_master WHERE name LIKE 'strata%'"_s).join(u',');
            found << u"sqlite_sequence "_s + EngineHelpers::rows(c, u"SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'"_s).join(u',');
            QCOMPARE(reflectedForeignKeyNames(db.sqliteFile()),
                     (QStringList{u"entry.fk_entry_account"_s, u"list_items.None"_s, u"lists.fk_lists_default_item"_s}));
        } else {
            for (const QString &table : {u"account"_s, u"entry"_s}) {
                found << table + u".id "_s + EngineHelpers::rows(c, u"SELECT column_default || ' ' || is_identity FROM "
                    "information_schema.columns WHERE table_schema = current_schema() AND table_name = '%1' "
                    "AND column_name = 'id'"_s.arg(table)).join(u',');
            }
            found << u"fk_lists_default_item "_s + EngineHelpers::rows(c, u"SELECT count(*) FROM pg_constraint "
                "WHERE conname = 'fk_lists_default_item'"_s).join(u',');
            found << u"history "_s + EngineHelpers::rows(c, u"SELECT table_schema || '.' || table_name FROM "
                "information_schema.tables WHERE table_name LIKE 'strata%'"_s).join(u',');
            found << u"placed_at "_s + EngineHelpers::rows(c, u"SELECT data_type FROM information_schema.columns WHERE "
                "table_schema = current_schema() AND table_name = 'account' AND column_name = 'placed_at'"_s).join(u',');
        }
        QCOMPARE(found, facts);

        // `strata status` reads the database as before: at head, nothing pending, no drift.
        auto status = readDatabaseStatus(c, *project);
        STRATA_VERIFY_RESULT(status);
        QCOMPARE(status->heads, project->graph().heads());
        QCOMPARE(status->pending.size(), 0);
        QCOMPARE(status->drift, QStringList());
        // The history is where it is kept: on SQLite nowhere, so nothing is recorded as applied.
        QCOMPARE(status->applied.size(), dialect == "sqlite"_L1 ? 0 : 1);
    }

    // On SQLite, STRATA_HISTORY=on keeps Strata's history table in the Alembic database after all.
    void sqliteHistoryOnRequest()
    {
        qputenv("STRATA_HISTORY", "on");
        const auto unset = qScopeGuard([] { qunsetenv("STRATA_HISTORY"); });
        ScratchDatabase db(u"sqlite"_s);
        STRATA_REQUIRE_DATABASE(db);
        auto project = Project::open(folder());
        STRATA_VERIFY_RESULT(project);
        project->evaluateFor(strata::DialectKind::Sqlite);
        auto connection = db.connect();
        STRATA_VERIFY_RESULT(connection);
        STRATA_VERIFY_RESULT(EngineHelpers::upgrade(**connection, *project, u"heads"_s));
        QCOMPARE(EngineHelpers::rows(**connection, u"SELECT revision || ' ' || direction FROM strata_history"_s),
                 QStringList{u"aaa000000001 upgrade"_s});
        auto drift = driftFrom(**connection, *project, project->graph().heads());
        STRATA_VERIFY_RESULT(drift);
        QCOMPARE(*drift, QStringList());
        auto status = readDatabaseStatus(**connection, *project);
        STRATA_VERIFY_RESULT(status);
        QCOMPARE(status->applied.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAlembicSchema)
#include "tst_alembicschema.moc"
