// An Alembic folder run in place, where SQL in op.execute made an object the
// schema replay cannot learn (conbench 9bee3b519bf1 makes a table by CREATE
// TABLE ... AS SELECT with an expression column): a later operation on that
// object warns, naming file:line and the object, and runs the SQL Alembic
// runs for it, as Alembic would. The database decides; the run reaches head
// and goes back to base.
#include "cliprocess.h"
#include "enginehelpers.h"
#include "flaskapp.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

const QByteArray kEvents = R"py("""events

Revision ID: e00000000001
Revises:
Create Date: 2026-11-30 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = 'e00000000001'
down_revision = None


def upgrade():
    op.create_table('event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('body', sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint('id'))


def downgrade():
    op.drop_table('event')
)py";

// Line 18: the index, 19: the column, 21: NOT NULL (PostgreSQL; SQLite has no such ALTER), 25-26: the downgrade.
const QByteArray kShouts = R"py("""shouts

Revision ID: e00000000002
Revises: e00000000001
Create Date: 2026-11-30 09:10:00

"""
from alembic import op
import sqlalchemy as sa

revision = 'e00000000002'
down_revision = 'e00000000001'


def upgrade():
    # The replay can't know the type of body || '!': it does not learn the table.
    op.execute("CREATE TABLE shout AS SELECT id, body || '!' AS loud FROM event")
    op.create_index('ix_shout_loud', 'shout', ['loud'])
    op.add_column('shout', sa.Column('seen', sa.Boolean(), nullable=True))
    if op.get_context().dialect.name == 'postgresql':
        op.alter_column('shout', 'id', existing_type=sa.Integer(), nullable=False)


def downgrade():
    op.drop_index('ix_shout_loud', table_name='shout')
    op.drop_table('shout')
)py";

} // namespace

class TestAlembicUnknownObject : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    QString folder() const { return m_work.filePath(u"migrations"_s); }

    CliRun strata(const ScratchDatabase &db, const QStringList &command)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"STRATA_PYTHON"_s, FlaskApp::python());
        env.insert(u"STRATA_NO_CACHE"_s, u"1"_s);
        return runCli(QStringLiteral(STRATA_CLI), QStringList{u"--directory"_s, folder(), u"--database"_s, db.url()}
                      + command, m_work.path(), env, 120000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(FlaskApp::python()), "Debian's /usr/bin/python3 is missing: run packaging/install-deps.sh");
        QVERIFY(m_work.isValid());
        QVERIFY(TestProjects::writeFile(folder() + u"/env.py"_s, "# Flask-Migrate's env.py\n"));
        QVERIFY(TestProjects::writeFile(folder() + u"/versions/e00000000001_events.py"_s, kEvents));
        QVERIFY(TestProjects::writeFile(folder() + u"/versions/e00000000002_shouts.py"_s, kShouts));
    }

    void runsAsAlembicDoes_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QStringList>("warned");
        QTest::newRow("sqlite") << u"sqlite"_s
                                << QStringList{u"e00000000002_shouts.py:18: create_index:"_s,
                                               u"e00000000002_shouts.py:19: add_column:"_s};
        QTest::newRow("postgresql") << u"postgresql"_s
                                    << QStringList{u"e00000000002_shouts.py:18: create_index:"_s,
                                                   u"e00000000002_shouts.py:19: add_column:"_s,
                                                   u"e00000000002_shouts.py:21: alter_column:"_s};
    }

    void runsAsAlembicDoes()
    {
        QFETCH(QString, dialect);
        QFETCH(QStringList, warned);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);

        const CliRun up = strata(db, {u"upgrade"_s, u"heads"_s});
        QVERIFY2(up.exitCode == 0, qPrintable(up.all()));
        QStringList found;
        for (const QString &line : up.all().split(u'\n')) {
            if (!line.contains(u"[replay-unknown-object]"_s))
                continue;
            QVERIFY2(line.contains(u"shout"_s) && line.contains(u"running the SQL Alembic runs"_s), qPrintable(line));
            found << line.mid(line.indexOf(u"e00000000002_shouts.py"_s)).section(u' ', 0, 1);
        }
        QCOMPARE(found, warned);

        auto connection = db.connect();
        STRATA_VERIFY_RESULT(connection);
        const QString columns = dialect == "sqlite"_L1
            ? u"SELECT name || ' ' || \"notnull\" FROM pragma_table_info('shout') ORDER BY cid"_s
            : u"SELECT column_name || ' ' || CASE is_nullable WHEN 'NO' THEN 1 ELSE 0 END FROM "
              "information_schema.columns WHERE table_name = 'shout' ORDER BY ordinal_position"_s;
        QCOMPARE(EngineHelpers::rows(**connection, columns),
                 (QStringList{dialect == "sqlite"_L1 ? u"id 0"_s : u"id 1"_s, u"loud 0"_s, u"seen 0"_s}));
        const QString index = dialect == "sqlite"_L1
            ? u"SELECT count(*) FROM sqlite_master WHERE name = 'ix_shout_loud'"_s
            : u"SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_shout_loud'"_s;
        QCOMPARE(EngineHelpers::rows(**connection, index), QStringList{u"1"_s});

        const CliRun down = strata(db, {u"downgrade"_s, u"base"_s});
        QVERIFY2(down.exitCode == 0, qPrintable(down.all()));
        QVERIFY2(down.all().contains(u"e00000000002_shouts.py:25: drop_index:"_s), qPrintable(down.all()));
        QVERIFY2(down.all().contains(u"e00000000002_shouts.py:26: drop_table:"_s), qPrintable(down.all()));
        auto after = db.connect();
        STRATA_VERIFY_RESULT(after);
        QCOMPARE(EngineHelpers::rows(**after, index), QStringList{u"0"_s});
    }
};

QTEST_GUILESS_MAIN(TestAlembicUnknownObject)
#include "tst_alembicunknownobject.moc"
