// Reading Alembic revision scripts without Python: the header (revision,
// down_revision as None, string or tuple, branch labels, depends_on, the
// docstring's message and Create Date), errors with file:line, and the
// translation of each operation autogenerate writes. What can't be
// translated faithfully becomes a placeholder that names file:line and
// fails when run.

#include "inmemorysqlite.h"

#include "core/alembic/alembicscript.h"
#include "core/alembic/alembictranslate.h"
#include "core/dialect/dialect.h"
#include "core/ops/executeop.h"

#include <yaml-cpp/yaml.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;
using namespace strata::alembic;

namespace {

const QString file = u"versions/1a2b_add.py"_s;

QString script(const QString &header, const QString &upgradeBody = u"    pass\n"_s)
{
    return header + u"\nfrom alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n"_s + upgradeBody
           + u"\n\ndef downgrade():\n    pass\n"_s;
}

const QString plainHeader = uR"("""add things

Revision ID: 1a2b3c4d5e6f
Revises: 0f0f0f0f0f0f
Create Date: 2024-03-05 14:07:09.123456

"""
revision = '1a2b3c4d5e6f'
down_revision = '0f0f0f0f0f0f'
branch_labels = None
depends_on = None
)"_s;

// Each operation as one line of flow-style YAML, the form a revision file holds.
QStringList yamlLines(const OperationList &ops)
{
    QStringList lines;
    for (const OperationPtr &op : ops) {
        YAML::Emitter out;
        out.SetMapFormat(YAML::Flow);
        out.SetSeqFormat(YAML::Flow);
        out << operationToYaml(*op);
        lines << QString::fromStdString(out.c_str());
    }
    return lines;
}

} // namespace

class TestAlembicScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void header_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("down");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QStringList>("dependsOn");
        QTest::addColumn<QString>("message");
        QTest::newRow("one parent, as flask db migrate writes it")
            << plainHeader << QStringList{u"0f0f0f0f0f0f"_s} << QStringList() << QStringList() << u"add things"_s;
        QTest::newRow("a base: down_revision None")
            << QString(plainHeader).replace(u"down_revision = '0f0f0f0f0f0f'"_s, u"down_revision = None"_s)
            << QStringList() << QStringList() << QStringList() << u"add things"_s;
        QTest::newRow("a merge: a tuple of parents, double quotes, a comment")
            << QString(plainHeader).replace(u"down_revision = '0f0f0f0f0f0f'"_s,
                                            u"down_revision = (\"aaaa11112222\",  # left\n    'bbbb33334444')"_s)
            << QStringList{u"aaaa11112222"_s, u"bbbb33334444"_s} << QStringList() << QStringList() << u"add things"_s;
        QTest::newRow("a branch label tuple and depends_on")
            << QString(plainHeader)
                   .replace(u"branch_labels = None"_s, u"branch_labels = ('tags',)"_s)
                   .replace(u"depends_on = None"_s, u"depends_on = 'cccc55556666'"_s)
            << QStringList{u"0f0f0f0f0f0f"_s} << QStringList{u"tags"_s} << QStringList{u"cccc55556666"_s}
            << u"add things"_s;
        QTest::newRow("annotated, as Alembic 1.13's template writes it")
            << QString(plainHeader)
                   .replace(u"revision = '1a2b3c4d5e6f'"_s, u"revision: str = '1a2b3c4d5e6f'"_s)
                   .replace(u"down_revision = '0f0f0f0f0f0f'"_s,
                            u"down_revision: Union[str, None] = '0f0f0f0f0f0f'"_s)
            << QStringList{u"0f0f0f0f0f0f"_s} << QStringList() << QStringList() << u"add things"_s;
        QTest::newRow("Windows line endings")
            << QString(plainHeader).replace(u"\n"_s, u"\r\n"_s) << QStringList{u"0f0f0f0f0f0f"_s} << QStringList()
            << QStringList() << u"add things"_s;
        QTest::newRow("a backslash continuation")
            << QString(plainHeader).replace(u"down_revision = '0f0f0f0f0f0f'"_s, u"down_revision = \\\n    '0f0f0f0f0f0f'"_s)
            << QStringList{u"0f0f0f0f0f0f"_s} << QStringList() << QStringList() << u"add things"_s;
        QTest::newRow("a backslash continuation with Windows line endings")
            << QString(plainHeader)
                   .replace(u"down_revision = '0f0f0f0f0f0f'"_s, u"down_revision = \\\n    '0f0f0f0f0f0f'"_s)
                   .replace(u"\n"_s, u"\r\n"_s)
            << QStringList{u"0f0f0f0f0f0f"_s} << QStringList() << QStringList() << u"add things"_s;
        QTest::newRow("a message over two lines")
            << QString(plainHeader).replace(u"add things\n"_s, u"add things\nand more things\n"_s)
            << QStringList{u"0f0f0f0f0f0f"_s} << QStringList() << QStringList() << u"add things and more things"_s;
    }

    void header()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, down);
        QFETCH(QStringList, labels);
        QFETCH(QStringList, dependsOn);
        QFETCH(QString, message);
        auto parsed = parseAlembicScript(script(source), file);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
        QCOMPARE(parsed->revision, u"1a2b3c4d5e6f"_s);
        QCOMPARE(parsed->downRevisions, down);
        QCOMPARE(parsed->branchLabels, labels);
        QCOMPARE(parsed->dependsOn, dependsOn);
        QCOMPARE(parsed->message, message);
        QCOMPARE(parsed->created, QDateTime(QDate(2024, 3, 5), QTime(14, 7, 9), Qt::UTC));
        QVERIFY(parsed->revisionLine > 0);
        QCOMPARE(parsed->sourceText(parsed->revisionLine, parsed->revisionLine).contains(u"1a2b3c4d5e6f"_s), true);
    }

    void badScript_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("words");
        QTest::newRow("a string that never ends")
            << u"revision = '1a2b\ndown_revision = None\n"_s << file + u":1:12"_s << u"never ends"_s;
        QTest::newRow("a docstring that never ends")
            << u"\n\"\"\"message\n\nrevision = '1a2b'\n"_s << file + u":2:1"_s << u"never ends"_s;
        QTest::newRow("no revision line") << u"down_revision = None\n"_s << file << u"not an Alembic revision"_s;
        QTest::newRow("down_revision computed in Python")
            << u"revision = '1a2b'\ndown_revision = PARENT + 'x'\n"_s << file + u":2"_s << u"down_revision must be"_s;
        QTest::newRow("a bad dedent")
            << u"revision = '1a2b'\ndef upgrade():\n        pass\n    pass\n"_s << file + u":4:5"_s
            << u"indentation"_s;
    }

    void badScript()
    {
        QFETCH(QString, source);
        QFETCH(QString, where);
        QFETCH(QString, words);
        auto parsed = parseAlembicScript(source, file);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().where, where);
        QVERIFY2(parsed.error().message.contains(words), qPrintable(parsed.error().message));
        QVERIFY(!parsed.error().hint.isEmpty());
    }

    void translation_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("yaml");
        QTest::newRow("create_table with columns and every constraint kind")
            << uR"(    op.create_table('habit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('score', sa.Numeric(precision=10, scale=2), server_default='0', nullable=True),
    sa.Column('seen', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=True),
    sa.CheckConstraint('length(title) > 0', name='ck_habit_title'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id', 'title', name='uq_habit')
    )
)"_s << QStringList{u"{create_table: {name: habit, columns: [{name: id, type: integer, primary_key: true, "
                      "autoincrement: serial}, {name: user_id, type: integer, nullable: false}, {name: title, type: "
                      "string(100), nullable: false}, {name: score, type: \"numeric(10,2)\", default: \"'0'\"}, "
                      "{name: seen, type: timestamptz, default: now()}], foreign_keys: [{columns: [user_id], "
                      "references: user, ref_columns: [id], on_delete: cascade}], uniques: [{name: uq_habit, "
                      "columns: [user_id, title]}], checks: [{name: ck_habit_title, expression: length(title) > "
                      "0}]}}"_s};
        QTest::newRow("a composite key is not autoincrement")
            << u"    op.create_table('t', sa.Column('a', sa.Integer(), nullable=False), sa.Column('b', "
               "sa.BigInteger(), nullable=False), sa.PrimaryKeyConstraint('a', 'b'))\n"_s
            << QStringList{u"{create_table: {name: t, columns: [{name: a, type: integer, nullable: false}, "
                           "{name: b, type: bigint, nullable: false}], primary_key: [a, b]}}"_s};
        QTest::newRow("batch block: add, alter, index, unique, drop")
            << uR"(    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('bio', sa.Text(), nullable=True))
        batch_op.alter_column('name',
               existing_type=sa.VARCHAR(length=64),
               type_=sa.String(length=128),
               nullable=False)
        batch_op.create_index(batch_op.f('ix_user_name'), ['name'], unique=True)
        batch_op.create_unique_constraint('uq_user_email', ['email'])
        batch_op.drop_constraint('uq_old', type_='unique')
        batch_op.drop_index(batch_op.f('ix_old'))
        batch_op.drop_column('age')
)"_s << QStringList{u"{add_column: {table: user, column: {name: bio, type: text}}}"_s,
                      u"{alter_column: {table: user, column: name, type: string(128), nullable: false}}"_s,
                      u"{create_index: {name: ix_user_name, table: user, columns: [name], unique: true}}"_s,
                      u"{create_unique: {name: uq_user_email, table: user, columns: [email]}}"_s,
                      u"{drop_constraint: {name: uq_old, table: user}}"_s,
                      u"{drop_index: {name: ix_old, table: user}}"_s,
                      u"{drop_column: {table: user, column: age}}"_s};
        QTest::newRow("issue 12: unnamed foreign key, String(), CHAR(n), Enum")
            << uR"(    op.create_foreign_key(None, 'b', 'a', ['a_id'], ['id'])
    op.add_column('b', sa.Column('note', sa.String(), nullable=True))
    op.add_column('b', sa.Column('code', sa.CHAR(length=2), nullable=True))
    op.add_column('b', sa.Column('mood', sa.Enum('good', 'bad', name='mood'), nullable=True))
    op.add_column('b', sa.Column('kind', postgresql.ENUM('x', 'y', name='kind', create_constraint=True, native_enum=False)))
)"_s << QStringList{u"{create_foreign_key: {table: b, columns: [a_id], references: a, ref_columns: [id]}}"_s,
                      u"{add_column: {table: b, column: {name: note, type: string}}}"_s,
                      u"{add_column: {table: b, column: {name: code, type: char(2)}}}"_s,
                      u"{add_column: {table: b, column: {name: mood, type: {enum: mood, values: [good, bad]}}}}"_s,
                      u"{add_column: {table: b, column: {name: kind, type: {enum: kind, values: [x, y], native: false, "
                      "create_constraint: true}}}}"_s};
        QTest::newRow("plain op calls")
            << uR"(    op.rename_table('tag', 'label')
    op.create_foreign_key('fk_a_b', 'a', 'b', ['b_id'], ['id'], ondelete='SET NULL')
    op.drop_index(op.f('ix_a_b_id'), table_name='a')
    op.alter_column('a', 'note', server_default=None, new_column_name='notes')
    op.execute("UPDATE a SET n = 'x'")
    op.execute(sa.text('DELETE FROM b'))
    op.drop_table('c')
)"_s << QStringList{u"{rename_table: {from: tag, to: label}}"_s,
                      u"{create_foreign_key: {name: fk_a_b, table: a, columns: [b_id], references: b, ref_columns: "
                      "[id], on_delete: set null}}"_s,
                      u"{drop_index: {name: ix_a_b_id, table: a}}"_s,
                      u"{alter_column: {table: a, column: note, default: ~, new_name: notes}}"_s,
                      u"{execute: UPDATE a SET n = 'x'}"_s, u"{execute: DELETE FROM b}"_s, u"{drop_table: c}"_s};
    }

    void translation()
    {
        QFETCH(QString, body);
        QFETCH(QStringList, yaml);
        auto parsed = parseAlembicScript(script(plainHeader, body), file);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
        const TranslatedBody translated = translateBody(*parsed, parsed->upgrade);
        QCOMPARE(translated.needsHand, QStringList());
        QCOMPARE(yamlLines(translated.operations), yaml);
    }

    void placeholder_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("reason");
        // The body starts on line 18 of the script.
        QTest::newRow("a loop") << u"    for name in ['a', 'b']:\n        op.drop_table(name)\n"_s << 18
                                << u"not an Alembic operation call"_s;
        QTest::newRow("a helper function") << u"    op.create_index('ix', 't', ['a'])\n    migrate_data(op)\n"_s
                                           << 19 << u"not an Alembic operation call"_s;
        QTest::newRow("SQL built with an f-string") << u"    op.execute(f\"UPDATE t SET a = {VALUE}\")\n"_s << 18
                                                    << u"SQL built in Python"_s;
        QTest::newRow("an Enum column without a type name")
            << u"    op.add_column('t', sa.Column('mood', sa.Enum('good', 'bad'), nullable=True))\n"_s
            << 18 << u"sa.Enum without a literal name="_s;
        QTest::newRow("a column comment") << u"    op.add_column('t', sa.Column('a', sa.Integer(), comment='x'))\n"_s
                                          << 18 << u"comment= has no Strata equivalent"_s;
        QTest::newRow("a with block that is not batch mode")
            << u"    with op.get_context().autocommit_block():\n        op.execute('VACUUM')\n"_s << 18
            << u"a `with` block other than"_s;
        QTest::newRow("an index in another schema")
            << u"    op.create_index('ix', 't', ['a'], schema='audit')\n"_s << 18 << u"schema= has no Strata"_s;
    }

    // One placeholder per untranslatable statement: a report line with
    // file:line, and an execute that fails on SQLite and PostgreSQL.
    void placeholder()
    {
        QFETCH(QString, body);
        QFETCH(int, line);
        QFETCH(QString, reason);
        auto parsed = parseAlembicScript(script(plainHeader, body), file);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
        const TranslatedBody translated = translateBody(*parsed, parsed->upgrade);
        QCOMPARE(translated.needsHand.size(), 1);
        QVERIFY2(translated.needsHand.first().startsWith(u"%1:%2: "_s.arg(file).arg(line)),
                 qPrintable(translated.needsHand.first()));
        QVERIFY2(translated.needsHand.first().contains(reason), qPrintable(translated.needsHand.first()));

        const OperationPtr *placeholder = nullptr;
        for (const OperationPtr &op : translated.operations) {
            if (op->describe().contains(u"STRATA PLACEHOLDER"_s))
                placeholder = &op;
        }
        QVERIFY(placeholder);
        const auto *execute = dynamic_cast<const Execute *>(placeholder->get());
        QVERIFY(execute);
        QVERIFY(execute->sqlFor(u"postgresql"_s).contains(u"RAISE EXCEPTION"_s));
        QVERIFY(execute->sqlFor(u"postgresql"_s).contains(u"1a2b_add.py:%1"_s.arg(line)));
        InMemorySqlite sqlite;
        QVERIFY(sqlite.isOpen());
        const QString failure = sqlite.runStep({execute->sqlFor(u"sqlite"_s)});
        QVERIFY2(failure.contains(u"STRATA PLACEHOLDER: Alembic code at 1a2b_add.py:%1"_s.arg(line)),
                 qPrintable(failure));
    }
};

QTEST_GUILESS_MAIN(TestAlembicScript)
#include "tst_alembicscript.moc"
