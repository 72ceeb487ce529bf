// Strata's Python bridge to Alembic (core/alembic/python): each script's
// upgrade()/downgrade() run against a recording `op` by Debian's python3
// (SQLAlchemy 1.4, Alembic 1.8), as Alembic itself would run them; what it
// records, how Strata reads it back, the cache, and the errors a user sees.
#include "core/alembic/alembicevaluation.h"
#include "core/alembic/alembictranslate.h"
#include "core/alembic/pythonbridge.h"
#include "core/project/project.h"
#include "testprojects.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

const QString kDebianPython = u"/usr/bin/python3"_s;

// A script whose upgrade() body is `body` (indented four spaces), with a
// module prelude that tests may use: a GUID TypeDecorator and a helper.
QByteArray script(const QString &id, const QString &parent, const QByteArray &body,
                  const QByteArray &downgrade = "    pass\n")
{
    return "\"\"\"test revision\n\nRevision ID: " + id.toUtf8() + "\nRevises: " + parent.toUtf8()
           + "\nCreate Date: 2026-11-30 04:00:00\n\n\"\"\"\n"
             "from alembic import op\n"
             "import sqlalchemy as sa\n"
             "from sqlalchemy.dialects import postgresql\n\n"
             "revision = '" + id.toUtf8() + "'\n"
             "down_revision = " + (parent.isEmpty() ? QByteArray("None") : "'" + parent.toUtf8() + "'") + "\n\n\n"
             "class GUID(sa.types.TypeDecorator):\n"
             "    impl = sa.CHAR\n"
             "    cache_ok = True\n\n"
             "    def load_dialect_impl(self, dialect):\n"
             "        if dialect.name == 'postgresql':\n"
             "            return dialect.type_descriptor(postgresql.UUID())\n"
             "        return dialect.type_descriptor(sa.CHAR(32))\n\n\n"
             "def make_table(name):\n"
             "    op.create_table(name, sa.Column('id', sa.Integer(), nullable=False), sa.PrimaryKeyConstraint('id'))\n\n\n"
             "def upgrade():\n" + body + "\n\ndef downgrade():\n" + downgrade;
}

// An Alembic folder in a temporary directory: env.py beside versions/.
struct AlembicFolder
{
    QTemporaryDir dir;
    QString path() const { return dir.filePath(u"migrations"_s); }
    QString versions() const { return path() + u"/versions"_s; }
    QString write(const QString &name, const QByteArray &text) const
    {
        const QString file = versions() + u'/' + name;
        TestProjects::writeFile(path() + u"/env.py"_s, "# Flask-Migrate's env.py\n");
        return TestProjects::writeFile(file, text) ? file : QString();
    }
};

// What the bridge records for one script, as compact JSON operations without their lines.
QStringList recorded(const QString &file, const QString &versions, const QString &dialect, QString *error = nullptr)
{
    const QJsonObject request{{u"versions"_s, versions}, {u"dialect"_s, dialect},
                              {u"scripts"_s, QJsonArray{file}}};
    auto answer = alembic::PythonBridge::call(u"record"_s, request);
    if (!answer) {
        if (error)
            *error = answer.error().toString();
        return {u"FAILED: "_s + answer.error().toString()};
    }
    const QJsonObject revision = answer->json.value(u"revisions"_s).toArray().first().toObject();
    if (!revision.value(u"loaded"_s).toBool())
        return {u"NOT LOADED: "_s + revision.value(u"error"_s).toObject().value(u"message"_s).toString()};
    QStringList ops;
    for (const QJsonValue &entry : revision.value(u"upgrade"_s).toObject().value(u"ops"_s).toArray()) {
        const QJsonObject e = entry.toObject();
        ops << (e.contains(u"placeholder"_s)
                    ? u"placeholder: "_s + e.value(u"placeholder"_s).toString()
                    : QString::fromUtf8(QJsonDocument(e.value(u"op"_s).toObject()).toJson(QJsonDocument::Compact)));
    }
    return ops;
}

Revision revisionFor(const QString &file, const QString &id)
{
    Revision r;
    r.id = id;
    r.filePath = file;
    QFile f(file);
    if (f.open(QIODevice::ReadOnly))
        r.checksum = QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
    return r;
}

} // namespace

class TestAlembicBridge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kDebianPython), "Debian's /usr/bin/python3 is missing: run packaging/install-deps.sh");
        // The tests name their interpreter: the python3 first on PATH may lack SQLAlchemy.
        qputenv("STRATA_PYTHON", kDebianPython.toUtf8());
        qputenv("STRATA_NO_CACHE", "1");
    }

    void init() { qputenv("STRATA_PYTHON", kDebianPython.toUtf8()); }

    void records_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("expected");

        const QString table = uR"j({"create_table":{"columns":[{"autoincrement":"serial","name":"id","nullable":false,"primary_key":true,"type":"integer"}],"name":"%1"}})j"_s;
        QTest::newRow("branch on the dialect, sqlite")
            << u"sqlite"_s
            << QByteArray("    if op.get_context().dialect.name == 'postgresql':\n"
                          "        op.execute('CREATE EXTENSION pg_trgm')\n"
                          "    else:\n"
                          "        op.drop_table('legacy')\n")
            << QStringList{uR"j({"drop_table":{"keep_references":true,"name":"legacy"}})j"_s};
        QTest::newRow("branch on the dialect, postgresql")
            << u"postgresql"_s
            << QByteArray("    if op.get_context().dialect.name == 'postgresql':\n"
                          "        op.execute('CREATE EXTENSION pg_trgm')\n"
                          "    else:\n"
                          "        op.drop_table('legacy')\n")
            << QStringList{uR"j({"execute":{"sql":"CREATE EXTENSION pg_trgm"}})j"_s};
        QTest::newRow("try/except around an operation Alembic can't do")
            << u"sqlite"_s
            << QByteArray("    try:\n"
                          "        op.drop_constraint(None, 'a')\n"
                          "    except Exception:\n"
                          "        op.drop_table('b')\n")
            << QStringList{uR"j({"drop_table":{"keep_references":true,"name":"b"}})j"_s};
        QTest::newRow("loop and helper function")
            << u"sqlite"_s << QByteArray("    for name in ['a', 'b']:\n        make_table(name)\n")
            << QStringList{table.arg(u"a"_s), table.arg(u"b"_s)};
        QTest::newRow("TypeDecorator GUID, sqlite")
            << u"sqlite"_s << QByteArray("    op.add_column('a', sa.Column('ref', GUID()))\n")
            << QStringList{uR"j({"add_column":{"column":{"name":"ref","type":"char(32)"},"table":"a"}})j"_s};
        QTest::newRow("TypeDecorator GUID, postgresql")
            << u"postgresql"_s << QByteArray("    op.add_column('a', sa.Column('ref', GUID()))\n")
            << QStringList{uR"j({"add_column":{"column":{"name":"ref","type":"uuid"},"table":"a"}})j"_s};
        QTest::newRow("sa.Enum")
            << u"postgresql"_s << QByteArray("    op.add_column('a', sa.Column('mood', sa.Enum('ok', 'bad', name='mood')))\n")
            << QStringList{uR"j({"add_column":{"column":{"name":"mood","type":{"enum":"mood","values":["ok","bad"]}},"table":"a"}})j"_s};
        QTest::newRow("String() without a length")
            << u"postgresql"_s << QByteArray("    op.add_column('a', sa.Column('note', sa.String(), nullable=False))\n")
            << QStringList{uR"j({"add_column":{"column":{"name":"note","nullable":false,"type":"string"},"table":"a"}})j"_s};
        QTest::newRow("unnamed foreign key on a new column")
            << u"sqlite"_s << QByteArray("    op.add_column('b', sa.Column('a_id', sa.Integer(), sa.ForeignKey('a.id')))\n")
            << QStringList{uR"j({"add_column":{"column":{"name":"a_id","type":"integer"},"table":"b"}})j"_s,
                           uR"j({"create_foreign_key":{"columns":["a_id"],"ref_columns":["id"],"references":"a","table":"b"}})j"_s};
        QTest::newRow("batch operations")
            << u"sqlite"_s
            << QByteArray("    with op.batch_alter_table('a', schema=None) as batch_op:\n"
                          "        batch_op.add_column(sa.Column('n', sa.Integer(), server_default='0'))\n"
                          "        batch_op.alter_column('title', existing_type=sa.String(10), type_=sa.String(50))\n"
                          "        batch_op.create_index(batch_op.f('ix_a_n'), ['n'], unique=False)\n")
            << QStringList{uR"j({"add_column":{"column":{"default":"'0'","name":"n","type":"integer"},"table":"a"}})j"_s,
                           uR"j({"alter_column":{"column":"title","table":"a","type":"string(50)"}})j"_s,
                           uR"j({"create_index":{"columns":["n"],"name":"ix_a_n","table":"a"}})j"_s,
                           // Alembic rebuilds the table from reflection, which does not see AUTOINCREMENT.
                           uR"j({"alter_table":{"name":"a","sqlite_autoincrement":false}})j"_s};
        // Keys numbered as SQLAlchemy numbers them: SERIAL, SQLite's rowid
        // (AUTOINCREMENT only for sqlite_autoincrement), an identity when asked.
        const QByteArray keyed("    op.create_table('k', sa.Column('id', sa.BigInteger(), nullable=False), "
                               "sa.PrimaryKeyConstraint('id')%1)\n");
        const QString keyedOut = uR"j({"create_table":{"columns":[{"autoincrement":%1,"name":"id","nullable":false,"primary_key":true,"type":"bigint"}],"name":"k"}})j"_s;
        QTest::newRow("integer key, sqlite: the rowid")
            << u"sqlite"_s << QByteArray(keyed).replace("%1", "") << QStringList{keyedOut.arg(u"\"serial\""_s)};
        QTest::newRow("integer key, sqlite_autoincrement: AUTOINCREMENT")
            << u"sqlite"_s << QByteArray(keyed).replace("%1", ", sqlite_autoincrement=True")
            << QStringList{keyedOut.arg(u"true"_s)};
        QTest::newRow("integer key, postgresql: BIGSERIAL")
            << u"postgresql"_s << QByteArray(keyed).replace("%1", "") << QStringList{keyedOut.arg(u"\"serial\""_s)};
        QTest::newRow("DateTime(timezone=True), sqlite: DATETIME")
            << u"sqlite"_s << QByteArray("    op.add_column('a', sa.Column('at', sa.DateTime(timezone=True)))\n")
            << QStringList{uR"j({"add_column":{"column":{"name":"at","type":"datetime"},"table":"a"}})j"_s};
        QTest::newRow("DateTime(timezone=True), postgresql")
            << u"postgresql"_s << QByteArray("    op.add_column('a', sa.Column('at', sa.DateTime(timezone=True)))\n")
            << QStringList{uR"j({"add_column":{"column":{"name":"at","type":"timestamptz"},"table":"a"}})j"_s};
        const QByteArray useAlter("    op.create_table('s', sa.Column('id', sa.Integer(), nullable=False), "
                                  "sa.Column('item_id', sa.Integer()), sa.PrimaryKeyConstraint('id', name='s_pk'), "
                                  "sa.ForeignKeyConstraint(['item_id'], ['items.id'], name='fk_s_item', use_alter=True))\n");
        QTest::newRow("use_alter key, postgresql: left out, as Alembic does")
            << u"postgresql"_s << useAlter
            << QStringList{uR"j({"create_table":{"columns":[{"autoincrement":"serial","name":"id","nullable":false,"primary_key":true,"type":"integer"},{"name":"item_id","type":"integer"}],"name":"s","primary_key_name":"s_pk"}})j"_s};
        QTest::newRow("use_alter key, sqlite: inline")
            << u"sqlite"_s << useAlter
            << QStringList{uR"j({"create_table":{"columns":[{"autoincrement":"serial","name":"id","nullable":false,"primary_key":true,"type":"integer"},{"name":"item_id","type":"integer"}],"foreign_keys":[{"columns":["item_id"],"name":"fk_s_item","ref_columns":["id"],"references":"items","use_alter":true}],"name":"s","primary_key_name":"s_pk"}})j"_s};
        QTest::newRow("Float(), postgresql: FLOAT is double precision")
            << u"postgresql"_s << QByteArray("    op.add_column('a', sa.Column('q', sa.Float()))\n")
            << QStringList{uR"j({"add_column":{"column":{"name":"q","type":"double"},"table":"a"}})j"_s};
        QTest::newRow("Float(), sqlite")
            << u"sqlite"_s << QByteArray("    op.add_column('a', sa.Column('q', sa.Float()))\n")
            << QStringList{uR"j({"add_column":{"column":{"name":"q","type":"float"},"table":"a"}})j"_s};
        QTest::newRow("sa.Enum, sqlite: a VARCHAR of its own, not a shared type")
            << u"sqlite"_s << QByteArray("    op.add_column('a', sa.Column('mood', sa.Enum('ok', 'bad', name='mood')))\n")
            << QStringList{uR"j({"add_column":{"column":{"name":"mood","type":{"enum":"mood","native":false,"values":["ok","bad"]}},"table":"a"}})j"_s};
        QTest::newRow("drop_table, postgresql")
            << u"postgresql"_s << QByteArray("    op.drop_table('b')\n") << QStringList{uR"j({"drop_table":"b"})j"_s};
        QTest::newRow("bulk_insert with literal binds")
            << u"sqlite"_s
            << QByteArray("    t = sa.table('a', sa.column('id', sa.Integer), sa.column('name', sa.String))\n"
                          "    op.bulk_insert(t, [{'id': 1, 'name': \"it's\"}, {'id': 2, 'name': 'b'}])\n")
            << QStringList{uR"j({"execute":{"sql":"INSERT INTO a (id, name) VALUES (1, 'it''s')"}})j"_s,
                           uR"j({"execute":{"sql":"INSERT INTO a (id, name) VALUES (2, 'b')"}})j"_s};
        // powerdnsadmin, flaskbb: an untyped table() has no literal offline; the
        // operations after it must still be recorded (the NOT NULL).
        const QByteArray fill("    with op.batch_alter_table('user') as batch_op:\n"
                              "        user = sa.sql.table('user', sa.sql.column('confirmed'))\n"
                              "        batch_op.execute(user.update().values(confirmed=False))\n"
                              "        batch_op.alter_column('confirmed', nullable=False, existing_nullable=True)\n");
        QTest::newRow("untyped value in an update, sqlite: typed from the value")
            << u"sqlite"_s << fill
            << QStringList{uR"j({"execute":{"sql":"UPDATE user SET confirmed=0"}})j"_s,
                           uR"j({"alter_column":{"column":"confirmed","nullable":false,"table":"user"}})j"_s,
                           uR"j({"alter_table":{"name":"user","sqlite_autoincrement":false}})j"_s};
        QTest::newRow("untyped value in an update, postgresql")
            << u"postgresql"_s << fill
            << QStringList{u"{\"execute\":{\"sql\":\"UPDATE \\\"user\\\" SET confirmed=false\"}}"_s,
                           uR"j({"alter_column":{"column":"confirmed","nullable":false,"table":"user"}})j"_s};
        QTest::newRow("an untyped datetime: its ISO text, as alembic --sql would write it")
            << u"postgresql"_s
            << QByteArray("    import datetime\n"
                          "    t = sa.sql.table('c', sa.sql.column('at'))\n"
                          "    op.execute(t.update().values(at=datetime.datetime(2017, 6, 30, 9, 17)))\n"
                          "    op.alter_column('c', 'at', nullable=False)\n")
            << QStringList{uR"j({"execute":{"sql":"UPDATE c SET at='2017-06-30 09:17:00'"}})j"_s,
                           uR"j({"alter_column":{"column":"at","nullable":false,"table":"c"}})j"_s};
        // ihatemoney: an empty batch whose only effect is the rebuild with AUTOINCREMENT.
        const QByteArray autoincrement("    with op.batch_alter_table('bill', recreate='%1', "
                                       "table_kwargs={'sqlite_autoincrement': True}):\n        pass\n");
        QTest::newRow("empty batch, recreate always, sqlite_autoincrement: alter_table")
            << u"sqlite"_s << QByteArray(autoincrement).replace("%1", "always")
            << QStringList{uR"j({"alter_table":{"name":"bill","sqlite_autoincrement":true}})j"_s};
        QTest::newRow("empty batch, recreate auto: no rebuild, nothing")
            << u"sqlite"_s << QByteArray(autoincrement).replace("%1", "auto") << QStringList{};
        QTest::newRow("sqlite_autoincrement, postgresql: nothing")
            << u"postgresql"_s << QByteArray(autoincrement).replace("%1", "always") << QStringList{};
        QTest::newRow("sa.JSON is json, postgresql.JSONB is jsonb")
            << u"postgresql"_s
            << QByteArray("    op.add_column('a', sa.Column('j', sa.JSON()))\n"
                          "    op.add_column('a', sa.Column('b', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')))\n")
            << QStringList{uR"j({"add_column":{"column":{"name":"j","type":"json"},"table":"a"}})j"_s,
                           uR"j({"add_column":{"column":{"name":"b","type":"jsonb"},"table":"a"}})j"_s};
    }

    void records()
    {
        QFETCH(QString, dialect);
        QFETCH(QByteArray, body);
        QFETCH(QStringList, expected);
        AlembicFolder folder;
        const QString file = folder.write(u"aaa_test.py"_s, script(u"aaa"_s, {}, body));
        QVERIFY(!file.isEmpty());
        QCOMPARE(recorded(file, folder.versions(), dialect), expected);
    }

    // Through the project: the recorded operations replace the static reading, data steps are marked.
    void projectUsesTheRecording()
    {
        AlembicFolder folder;
        folder.write(u"a1_base.py"_s, script(u"a1"_s, {}, "    for name in ['a', 'b']:\n        make_table(name)\n",
                                            "    op.drop_table('b')\n    op.drop_table('a')\n"));
        folder.write(u"b2_data.py"_s,
                     script(u"b2"_s, u"a1"_s,
                            "    op.add_column('a', sa.Column('n', sa.Integer()))\n"
                            "    conn = op.get_bind()\n"
                            "    for row in conn.execute(sa.text('SELECT id FROM a')):\n"
                            "        conn.execute(sa.text('UPDATE a SET n = 1'))\n",
                            "    if op.get_bind().dialect.name == 'sqlite':\n"
                            "        op.drop_column('a', 'n')\n"));
        auto project = Project::open(folder.path());
        QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
        const OperationList staticReading = project->graph().find(u"a1"_s)->upgrade;
        QCOMPARE(staticReading.size(), 1);
        QVERIFY(alembic::isPlaceholder(*staticReading.first()));   // a loop: the static reader can't

        const QStringList notes = project->evaluateFor(strata::DialectKind::Sqlite);
        QVERIFY2(project->evaluationProblems().isEmpty(), qPrintable(project->evaluationProblems().join(u'\n')));
        const Revision *base = project->graph().find(u"a1"_s);
        QCOMPARE(base->upgrade.size(), 2);
        QCOMPARE(base->upgrade.at(1)->describe(), u"create table b"_s);
        QCOMPARE(base->upgrade.at(1)->line, 27);   // make_table's line: where the operation was made
        const Revision *data = project->graph().find(u"b2"_s);
        QVERIFY(data->upgradeData.needed);
        QVERIFY(!data->downgradeData.needed);     // only .dialect: no live connection needed
        QCOMPARE(data->downgrade.size(), 1);
        QVERIFY2(data->upgradeData.uses.first().endsWith(u"b2_data.py:33: bind.execute"_s),
                 qPrintable(data->upgradeData.uses.join(u", "_s)));
        QVERIFY(data->upgradeData.source.startsWith(u"def upgrade():"_s));
        QCOMPARE(data->upgrade.size(), 1);        // the DDL it makes stays in the replay
        auto schema = project->schemaAt({u"b2"_s});
        QVERIFY(schema);
        QVERIFY(schema->table(u"a"_s)->column(u"n"_s));
        Q_UNUSED(notes);
    }

    // sa.Enum(...).create(bind) / .drop(bind) around the operations that use the
    // type: Strata's replay makes and drops the type with its columns, so such a
    // revision needs no live connection; a type made with no column after it does.
    void explicitEnumTypeCalls_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QByteArray>("upgrade");
        QTest::addColumn<QByteArray>("downgrade");
        QTest::addColumn<QString>("upgradeUse");     // empty: no data step
        QTest::addColumn<QString>("downgradeUse");
        const QByteArray create = "    kind = sa.Enum('expense', 'refund', name='billtype')\n"
                                  "    kind.create(op.get_bind(), checkfirst=True)\n";
        const QByteArray addColumn = "    op.add_column('c', sa.Column('kind', kind))\n";
        const QByteArray dropBoth = "    op.drop_column('c', 'kind')\n"
                                    "    sa.Enum(name='billtype').drop(op.get_bind(), checkfirst=True)\n";
        QTest::newRow("create before add_column, drop after drop_column, postgresql")
            << u"postgresql"_s << create + addColumn << dropBoth << QString() << QString();
        QTest::newRow("the same, sqlite: no type at all")
            << u"sqlite"_s << create + addColumn << dropBoth << QString() << QString();
        QTest::newRow("a type no column uses, postgresql")
            << u"postgresql"_s << create
            << QByteArray("    sa.Enum(name='billtype').drop(op.get_bind())\n")
            << u"b2_kind.py:32: sa.Enum(name='billtype').create(bind): no column of that type is added after it in this step"_s
            << u"b2_kind.py:36: sa.Enum(name='billtype').drop(bind): no table or column is dropped before it in this step"_s;
    }

    void explicitEnumTypeCalls()
    {
        QFETCH(QString, dialect);
        QFETCH(QByteArray, upgrade);
        QFETCH(QByteArray, downgrade);
        QFETCH(QString, upgradeUse);
        QFETCH(QString, downgradeUse);
        AlembicFolder folder;
        folder.write(u"a1_base.py"_s, script(u"a1"_s, {}, "    make_table('c')\n", "    op.drop_table('c')\n"));
        folder.write(u"b2_kind.py"_s, script(u"b2"_s, u"a1"_s, upgrade, downgrade));
        auto project = Project::open(folder.path());
        QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
        (void)project->evaluateFor(dialect == u"sqlite"_s ? strata::DialectKind::Sqlite : strata::DialectKind::Postgresql);
        QVERIFY2(project->evaluationProblems().isEmpty(), qPrintable(project->evaluationProblems().join(u'\n')));
        const Revision *kind = project->graph().find(u"b2"_s);
        const auto check = [](const auto &data, const QString &use) {
            if (use.isEmpty())
                return data.needed ? u"a data step: "_s + data.uses.join(u", "_s) : QString();
            return data.needed && data.uses.join(u", "_s).endsWith(use) ? QString() : u"uses: "_s + data.uses.join(u", "_s);
        };
        QCOMPARE(check(kind->upgradeData, upgradeUse), QString());
        QCOMPARE(check(kind->downgradeData, downgradeUse), QString());
        if (upgradeUse.isEmpty()) {
            auto schema = project->schemaAt({u"b2"_s});
            QVERIFY(schema);
            QVERIFY(schema->table(u"c"_s)->column(u"kind"_s));
        }
    }

    // What the recording can't hold whole runs through Alembic: a value SQL
    // text can't spell, and a function that stops with an exception (Alembic
    // then fails where the script fails).
    void incompleteRecordingsAreDataSteps()
    {
        AlembicFolder folder;
        folder.write(u"a1_base.py"_s, script(u"a1"_s, {}, "    make_table('c')\n"
                                                          "    op.add_column('c', sa.Column('at', sa.DateTime()))\n"));
        folder.write(u"b2_fill.py"_s,
                     script(u"b2"_s, u"a1"_s,
                            "    import uuid\n"
                            "    t = sa.sql.table('c', sa.sql.column('at'))\n"
                            "    op.execute(t.update().values(at=uuid.uuid4()))\n"
                            "    op.alter_column('c', 'at', nullable=False)\n",
                            "    raise NotImplementedError('no way back')\n"));
        auto project = Project::open(folder.path());
        QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
        (void)project->evaluateFor(strata::DialectKind::Sqlite);
        const Revision *fill = project->graph().find(u"b2"_s);
        QVERIFY(fill->upgradeData.needed);
        QVERIFY2(fill->upgradeData.uses.join(u", "_s).contains(u"b2_fill.py:33: op.execute that only a live run can bind: "
                                                                "a UUID value"_s),
                 qPrintable(fill->upgradeData.uses.join(u", "_s)));
        auto schema = project->schemaAt({u"b2"_s});
        QVERIFY(schema);
        QCOMPARE(schema->table(u"c"_s)->column(u"at"_s)->nullable, false);   // the DDL after the update is replayed
        QVERIFY(fill->downgradeData.needed);
        QVERIFY2(fill->downgradeData.uses.join(u", "_s).contains(u"NotImplementedError: no way back"_s),
                 qPrintable(fill->downgradeData.uses.join(u", "_s)));
    }

    // A second reading takes the recordings from the cache and starts no Python.
    void cachesRecordings()
    {
        AlembicFolder folder;
        const QString file = folder.write(u"a1_base.py"_s, script(u"a1"_s, {}, "    make_table('a')\n"));
        const QString cache = folder.dir.filePath(u"cache/alembic-sqlite.json"_s);
        QList<Revision> revisions{revisionFor(file, u"a1"_s)};
        alembic::Evaluation first = alembic::evaluateScripts(revisions, folder.versions(), strata::DialectKind::Sqlite, cache);
        QCOMPARE(first.recorded, 1);
        QCOMPARE(first.fromCache, 0);
        QList<Revision> again{revisionFor(file, u"a1"_s)};
        alembic::Evaluation second = alembic::evaluateScripts(again, folder.versions(), strata::DialectKind::Sqlite, cache);
        QCOMPARE(second.recorded, 0);
        QCOMPARE(second.fromCache, 1);
        QCOMPARE(again.first().upgrade.size(), 1);
        QCOMPARE(second.interpreter, kDebianPython);
        // Another dialect is another recording.
        QList<Revision> postgres{revisionFor(file, u"a1"_s)};
        QCOMPARE(alembic::evaluateScripts(postgres, folder.versions(), strata::DialectKind::Postgresql, cache).recorded, 1);
    }

    void errorsNameTheInterpreters_data()
    {
        QTest::addColumn<QString>("interpreter");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing interpreter") << u"/nonexistent/python3"_s << u"python3 (/nonexistent/python3): can't be started"_s;
        QTest::newRow("interpreter without SQLAlchemy") << u"no-site"_s << u"lacks sqlalchemy"_s;
    }

    void errorsNameTheInterpreters()
    {
        QFETCH(QString, interpreter);
        QFETCH(QString, expected);
        AlembicFolder folder;
        if (interpreter == u"no-site"_s) {
            // Debian's python3 without its site packages: no SQLAlchemy, no Alembic.
            interpreter = folder.dir.filePath(u"python3-nosite"_s);
            QVERIFY(TestProjects::writeFile(interpreter, "#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n"));
            QFile::setPermissions(interpreter, QFile::permissions(interpreter) | QFile::ExeOwner);
        }
        qputenv("STRATA_PYTHON", interpreter.toUtf8());
        const QString file = folder.write(u"a1_base.py"_s, script(u"a1"_s, {}, "    make_table('a')\n"));
        QString error;
        recorded(file, folder.versions(), u"sqlite"_s, &error);
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(u"STRATA_PYTHON"_s), qPrintable(error));   // the hint says how to choose

        // The project falls back to the static reader and says so.
        auto project = Project::open(folder.path());
        QVERIFY(project);
        const QStringList notes = project->evaluateFor(strata::DialectKind::Sqlite);
        QVERIFY2(notes.join(u'\n').contains(u"1 script(s) read without Python"_s), qPrintable(notes.join(u'\n')));
        QVERIFY(!project->graph().find(u"a1"_s)->pythonError.isEmpty());
    }

    void scriptErrorsNameFileAndLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("import error")
            << QByteArray("from alembic import op\nimport sqlalchemy as sa\nimport no_such_module_of_the_team\n"
                          "revision = 'a1'\ndown_revision = None\n")
            << u"a1_bad.py:3: ModuleNotFoundError: No module named 'no_such_module_of_the_team'"_s;
        QTest::newRow("syntax error")
            << QByteArray("from alembic import op\nrevision = 'a1'\ndown_revision = None\n\n\ndef upgrade(:\n    pass\n")
            << u"a1_bad.py:6: SyntaxError"_s;
    }

    void scriptErrorsNameFileAndLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        AlembicFolder folder;
        const QString file = folder.write(u"a1_bad.py"_s, text);
        QList<Revision> revisions{revisionFor(file, u"a1"_s)};
        const alembic::Evaluation evaluation = alembic::evaluateScripts(revisions, folder.versions(), strata::DialectKind::Sqlite, {});
        QVERIFY2(revisions.first().pythonError.contains(expected), qPrintable(revisions.first().pythonError));
        QVERIFY2(evaluation.notes.join(u'\n').contains(expected), qPrintable(evaluation.notes.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestAlembicBridge)
#include "tst_alembicbridge.moc"
