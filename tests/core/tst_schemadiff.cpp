// Schema vs schema -> operations: every kind of change gives the expected
// upgrade, in dependency order, and a downgrade that is its exact inverse.
#include "core/diff/schemadiff.h"
#include "core/project/models.h"
#include "core/revision/revision.h"

#include <yaml-cpp/yaml.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

// Two tables most rows start from: a user, and a habit that belongs to one.
const QByteArray base = R"(
tables:
  user:
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: email, type: string(255), nullable: false}
      - {name: name, type: string(80)}
    uniques:
      - {name: uq_user_email, columns: [email]}
  habit:
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: user_id, type: integer, nullable: false}
      - {name: title, type: string(120), nullable: false}
      - {name: archived, type: boolean, nullable: false, default: "false"}
    foreign_keys:
      - {name: fk_habit_user_id, columns: [user_id], references: user, ref_columns: [id], on_delete: cascade}
    checks:
      - {name: ck_habit_title, expression: "length(title) > 0"}
    indexes:
      - {name: ix_habit_user_id, columns: [user_id]}
)";

// One operation per line, in flow YAML: what a failing QCOMPARE prints.
QStringList lines(const OperationList &ops)
{
    QStringList result;
    for (const OperationPtr &op : ops) {
        YAML::Emitter out;
        out << YAML::Flow << operationToYaml(*op);
        result << QString::fromStdString(out.c_str());
    }
    return result;
}

Result<OperationList> parseOps(const QByteArray &text)
{
    OperationList ops;
    const YAML::Node root = YAML::Load(text.toStdString());
    for (const YAML::Node &item : root) {
        auto op = parseOperation(item, u"expected"_s);
        if (!op)
            return std::unexpected(op.error());
        ops << *op;
    }
    return ops;
}

} // namespace

class TestSchemaDiff : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    Result<Schema> models(const QByteArray &text)
    {
        const QString path = m_dir.filePath(u"models%1.yaml"_s.arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return fail(Error::Code::Io, file.errorString(), path);
        file.write(text);
        file.close();
        return readModels(path);
    }

    // The base text with one line replaced, removed ("" as to) or added after another.
    static QByteArray edited(QByteArray text, const QByteArray &from, const QByteArray &to)
    {
        Q_ASSERT(text.contains(from));
        return text.replace(from, to);
    }

private Q_SLOTS:
    void upgrade_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<int>("renames");

        const QByteArray titleLine = "      - {name: title, type: string(120), nullable: false}\n";
        const QByteArray noteTable = R"(
  note:
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: habit_id, type: integer, nullable: false}
      - {name: body, type: text}
    foreign_keys:
      - {name: fk_note_habit_id, columns: [habit_id], references: habit, ref_columns: [id]}
    indexes:
      - {name: ix_note_habit_id, columns: [habit_id]}
)";

        QTest::newRow("nothing changed") << base << base << QByteArray("[]") << 0;
        QTest::newRow("tables listed in another order")
            << base << edited(base, "tables:\n", "tables:\n  zeta:\n    columns: [{name: z, type: text}]\n")
            << QByteArray("[{create_table: {name: zeta, columns: [{name: z, type: text}]}}]") << 0;
        QTest::newRow("added table with index, after the table it references")
            << base << base + noteTable
            << QByteArray(R"([
                {create_table: {name: note, columns: [{name: id, type: integer, primary_key: true, autoincrement: true},
                  {name: habit_id, type: integer, nullable: false}, {name: body, type: text}],
                  foreign_keys: [{name: fk_note_habit_id, columns: [habit_id], references: habit, ref_columns: [id]}]}},
                {create_index: {name: ix_note_habit_id, table: note, columns: [habit_id]}}])")
            << 0;
        QTest::newRow("dropped table: its index first")
            << base + noteTable << base
            << QByteArray("[{drop_index: {name: ix_note_habit_id, table: note}}, {drop_table: note}]") << 0;
        QTest::newRow("dropped referrer and referenced table: referrer first")
            << base << QByteArray("tables:\n  other:\n    columns: [{name: x, type: text}]\n")
            << QByteArray(R"([{drop_index: {name: ix_habit_user_id, table: habit}}, {drop_table: habit},
                              {drop_table: user}, {create_table: {name: other, columns: [{name: x, type: text}]}}])")
            << 0;
        QTest::newRow("added nullable column")
            << base << edited(base, titleLine, titleLine + "      - {name: notes, type: text}\n")
            << QByteArray("[{add_column: {table: habit, column: {name: notes, type: text}}}]") << 0;
        QTest::newRow("dropped column") << edited(base, titleLine, titleLine + "      - {name: notes, type: text}\n")
                                        << base << QByteArray("[{drop_column: {table: habit, column: notes}}]") << 0;
        QTest::newRow("column order is not a change")
            << base
            << edited(edited(base, titleLine, ""), "      - {name: user_id, type: integer, nullable: false}\n",
                      titleLine + "      - {name: user_id, type: integer, nullable: false}\n")
            << QByteArray("[]") << 0;
        QTest::newRow("type changed")
            << base << edited(base, "{name: name, type: string(80)}", "{name: name, type: string(200)}")
            << QByteArray("[{alter_column: {table: user, column: name, type: string(200)}}]") << 0;
        QTest::newRow("made not null")
            << base << edited(base, "{name: name, type: string(80)}", "{name: name, type: string(80), nullable: false}")
            << QByteArray("[{alter_column: {table: user, column: name, nullable: false}}]") << 0;
        QTest::newRow("default added")
            << base << edited(base, "{name: name, type: string(80)}", "{name: name, type: string(80), default: \"'anon'\"}")
            << QByteArray("[{alter_column: {table: user, column: name, default: \"'anon'\"}}]") << 0;
        QTest::newRow("default dropped")
            << base << edited(base, ", default: \"false\"}", "}")
            << QByteArray("[{alter_column: {table: habit, column: archived, default: null}}]") << 0;
        QTest::newRow("boolean default 0 is false")
            << base << edited(base, "default: \"false\"", "default: \"0\"") << QByteArray("[]") << 0;
        QTest::newRow("default in upper case") << base << edited(base, "default: \"false\"", "default: \"FALSE\"")
                                               << QByteArray("[]") << 0;
        QTest::newRow("index added") << base
            << edited(base, "      - {name: ix_habit_user_id, columns: [user_id]}\n",
                      "      - {name: ix_habit_user_id, columns: [user_id]}\n"
                      "      - {name: ix_habit_title, columns: [title], unique: true, where: archived = false}\n")
            << QByteArray("[{create_index: {name: ix_habit_title, table: habit, columns: [title], unique: true, "
                          "where: archived = false}}]")
            << 0;
        QTest::newRow("index columns changed: dropped and created")
            << base << edited(base, "columns: [user_id]}\n", "columns: [user_id, title]}\n")
            << QByteArray(R"([{drop_index: {name: ix_habit_user_id, table: habit}},
                              {create_index: {name: ix_habit_user_id, table: habit, columns: [user_id, title]}}])")
            << 0;
        QTest::newRow("unique constraint dropped")
            << base << edited(base, "    uniques:\n      - {name: uq_user_email, columns: [email]}\n", "")
            << QByteArray("[{drop_constraint: {name: uq_user_email, table: user}}]") << 0;
        QTest::newRow("unnamed constraint no longer wanted: dropped by the name PostgreSQL gave it")
            << edited(base, "{name: ck_habit_title, expression:", "{expression:")
            << edited(base, "    checks:\n      - {name: ck_habit_title, expression: \"length(title) > 0\"}\n", "")
            << QByteArray("[{drop_constraint: {name: habit_title_check, table: habit}}]") << 0;
        QTest::newRow("unnamed unique matches the named one")
            << base << edited(base, "{name: uq_user_email, columns: [email]}", "{columns: [email]}")
            << QByteArray("[]") << 0;
        QTest::newRow("unique on a column gets a name")
            << base << edited(base, "{name: name, type: string(80)}", "{name: name, type: string(80), unique: true}")
            << QByteArray("[{create_unique: {name: uq_user_name, table: user, columns: [name]}}]") << 0;
        QTest::newRow("foreign key action changed: dropped and created")
            << base << edited(base, "on_delete: cascade", "on_delete: set null")
            << QByteArray(R"([{drop_constraint: {name: fk_habit_user_id, table: habit}},
                              {create_foreign_key: {name: fk_habit_user_id, table: habit, columns: [user_id],
                               references: user, ref_columns: [id], on_delete: set null}}])")
            << 0;
        QTest::newRow("NO ACTION is the default action")
            << edited(base, "on_delete: cascade", "on_delete: no action") << edited(base, ", on_delete: cascade", "")
            << QByteArray("[]") << 0;
        QTest::newRow("check added")
            << base
            << edited(base, "      - {name: ck_habit_title, expression: \"length(title) > 0\"}\n",
                      "      - {name: ck_habit_title, expression: \"length(title) > 0\"}\n"
                      "      - {name: ck_habit_short, expression: \"length(title) < 100\"}\n")
            << QByteArray("[{create_check: {name: ck_habit_short, table: habit, expression: length(title) < 100}}]")
            << 0;
        QTest::newRow("check expression spelled differently")
            << base << edited(base, "\"length(title) > 0\"", "\"(LENGTH(\\\"title\\\")>0)\"") << QByteArray("[]")
            << 0;
        QTest::newRow("check expression changed")
            << base << edited(base, "length(title) > 0", "length(title) > 1")
            << QByteArray(R"([{drop_constraint: {name: ck_habit_title, table: habit}},
                              {create_check: {name: ck_habit_title, table: habit, expression: length(title) > 1}}])")
            << 0;
        QTest::newRow("referenced table dropped: the foreign key first")
            << base + noteTable
            << edited(base + noteTable, "    foreign_keys:\n      - {name: fk_note_habit_id, columns: [habit_id], "
                                        "references: habit, ref_columns: [id]}\n", "")
            << QByteArray("[{drop_constraint: {name: fk_note_habit_id, table: note}}]") << 0;
        QTest::newRow("type change under a foreign key: key dropped and re-created")
            << base
            << edited(edited(base, "{name: user_id, type: integer, nullable: false}",
                             "{name: user_id, type: bigint, nullable: false}"),
                      "{name: id, type: integer, primary_key: true, autoincrement: true}\n      - {name: email",
                      "{name: id, type: bigint, primary_key: true, autoincrement: true}\n      - {name: email")
            << QByteArray(R"([{drop_constraint: {name: fk_habit_user_id, table: habit}},
                              {alter_column: {table: user, column: id, type: bigint}},
                              {alter_column: {table: habit, column: user_id, type: bigint}},
                              {create_foreign_key: {name: fk_habit_user_id, table: habit, columns: [user_id],
                               references: user, ref_columns: [id], on_delete: cascade}}])")
            << 0;
        QTest::newRow("new tables in a cycle: closed with create_foreign_key")
            << QByteArray("tables: {}\n")
            << QByteArray(R"(
tables:
  a:
    columns: [{name: id, type: integer, primary_key: true}, {name: b_id, type: integer}]
    foreign_keys: [{name: fk_a_b, columns: [b_id], references: b, ref_columns: [id]}]
  b:
    columns: [{name: id, type: integer, primary_key: true}, {name: a_id, type: integer}]
    foreign_keys: [{name: fk_b_a, columns: [a_id], references: a, ref_columns: [id]}]
)")
            << QByteArray(R"([
                {create_table: {name: a, columns: [{name: id, type: integer, primary_key: true}, {name: b_id, type: integer}]}},
                {create_table: {name: b, columns: [{name: id, type: integer, primary_key: true}, {name: a_id, type: integer}],
                  foreign_keys: [{name: fk_b_a, columns: [a_id], references: a, ref_columns: [id]}]}},
                {create_foreign_key: {name: fk_a_b, table: a, columns: [b_id], references: b, ref_columns: [id]}}])")
            << 0;
        QTest::newRow("self-referencing table: one create_table")
            << QByteArray("tables: {}\n")
            << QByteArray(R"(
tables:
  node:
    columns: [{name: id, type: integer, primary_key: true}, {name: parent_id, type: integer}]
    foreign_keys: [{name: fk_node_parent, columns: [parent_id], references: node, ref_columns: [id]}]
)")
            << QByteArray(R"([{create_table: {name: node, columns: [{name: id, type: integer, primary_key: true},
                              {name: parent_id, type: integer}], foreign_keys: [{name: fk_node_parent,
                              columns: [parent_id], references: node, ref_columns: [id]}]}}])")
            << 0;
        QTest::newRow("new table referencing a new unique of a kept table")
            << base
            << edited(base, "{name: name, type: string(80)}", "{name: name, type: string(80), unique: true}")
                   + "  alias:\n    columns: [{name: name, type: string(80)}]\n"
                     "    foreign_keys: [{name: fk_alias_name, columns: [name], references: user, ref_columns: [name]}]\n"
            << QByteArray(R"([{create_table: {name: alias, columns: [{name: name, type: string(80)}]}},
                              {create_unique: {name: uq_user_name, table: user, columns: [name]}},
                              {create_foreign_key: {name: fk_alias_name, table: alias, columns: [name],
                               references: user, ref_columns: [name]}}])")
            << 0;
        QTest::newRow("possible rename is flagged")
            << base << edited(base, "{name: name, type: string(80)}", "{name: full_name, type: string(80)}")
            << QByteArray(R"([{add_column: {table: user, column: {name: full_name, type: string(80)}}},
                              {drop_column: {table: user, column: name}}])")
            << 1;
    }

    void upgrade()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QByteArray, expected);
        QFETCH(int, renames);
        auto a = models(from);
        QVERIFY2(a, qPrintable(a ? QString() : a.error().toString()));
        auto b = models(to);
        QVERIFY2(b, qPrintable(b ? QString() : b.error().toString()));
        auto wanted = parseOps(expected);
        QVERIFY2(wanted, qPrintable(wanted ? QString() : wanted.error().toString()));

        auto diff = diffSchemas(*a, *b);
        QVERIFY2(diff, qPrintable(diff ? QString() : diff.error().toString()));
        QCOMPARE(lines(diff->upgrade), lines(*wanted));
        QCOMPARE(diff->possibleRenames.size(), renames);
        QCOMPARE(diff->unsupported, QStringList());

        // The downgrade undoes the upgrade exactly, and both survive a trip through a revision file.
        auto up = replay(*a, diff->upgrade);
        QVERIFY2(up, qPrintable(up ? QString() : up.error().toString()));
        auto reached = sameSchema(*up, *b);
        QVERIFY(reached && *reached);
        auto down = replay(*up, diff->downgrade);
        QVERIFY2(down, qPrintable(down ? QString() : down.error().toString()));
        auto back = sameSchema(*down, *a);
        QVERIFY(back && *back);

        Revision revision;
        revision.id = u"0123456789ab"_s;
        revision.message = u"round trip"_s;
        revision.upgrade = diff->upgrade;
        revision.downgrade = diff->downgrade;
        auto read = parseRevision(revisionToYaml(revision), u"generated.yaml"_s);
        QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
        QCOMPARE(lines(read->upgrade), lines(diff->upgrade));
        QCOMPARE(lines(read->downgrade), lines(diff->downgrade));
    }

    void downgradeIsTheReverseOfInverses()
    {
        auto a = models(base);
        QVERIFY(a);
        auto diff = diffSchemas(*a, Schema{});
        QVERIFY2(diff, qPrintable(diff ? QString() : diff.error().toString()));
        QCOMPARE(lines(diff->upgrade), QStringList({u"{drop_index: {name: ix_habit_user_id, table: habit}}"_s,
                                                    u"{drop_table: habit}"_s, u"{drop_table: user}"_s}));
        // Creating what was dropped, referenced table first, index after its table.
        QCOMPARE(diff->downgrade.size(), 3);
        QCOMPARE(diff->downgrade.at(0)->describe(), u"create table user"_s);
        QCOMPARE(diff->downgrade.at(1)->describe(), u"create table habit"_s);
        QCOMPARE(diff->downgrade.at(2)->kind(), u"create_index"_s);
    }

    void unsupported_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("message");
        QTest::newRow("primary key changed")
            << base << edited(base, "      - {name: email, type: string(255), nullable: false}\n",
                      "      - {name: email, type: string(255), nullable: false}\n")
                   .replace("{name: id, type: integer, primary_key: true, autoincrement: true}\n      - {name: email",
                            "{name: id, type: integer, nullable: false}\n      - {name: email")
                   .replace("    uniques:\n      - {name: uq_user_email", "    primary_key: [id, email]\n    uniques:\n      - {name: uq_user_email")
            << u"the primary key of table 'user' changes from (id) to (id, email)"_s;
        QTest::newRow("autoincrement dropped")
            << base << edited(base, "{name: id, type: integer, primary_key: true, autoincrement: true}\n      - {name: email",
                      "{name: id, type: integer, primary_key: true}\n      - {name: email")
            << u"autoincrement of column 'user.id' changes from on to off"_s;
    }

    void unsupported()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, message);
        auto a = models(from);
        QVERIFY2(a, qPrintable(a ? QString() : a.error().toString()));
        auto b = models(to);
        QVERIFY2(b, qPrintable(b ? QString() : b.error().toString()));
        auto diff = diffSchemas(*a, *b);
        QVERIFY2(diff, qPrintable(diff ? QString() : diff.error().toString()));
        QVERIFY(!diff->isEmpty());
        QVERIFY(diff->upgrade.isEmpty());
        const bool said = std::ranges::any_of(diff->unsupported, [&](const QString &m) { return m.startsWith(message); });
        QVERIFY2(said, qPrintable(diff->unsupported.join(u'\n')));
    }

    void warnings_data()
    {
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("warning");
        QTest::newRow("not null without default")
            << edited(base, "{name: name, type: string(80)}",
                      "{name: name, type: string(80)}\n      - {name: age, type: integer, nullable: false}")
            << u"column 'user.age' is added NOT NULL without a default"_s;
        QTest::newRow("possible rename")
            << edited(base, "{name: name, type: string(80)}", "{name: full_name, type: string(80)}")
            << u"possible rename: column 'user.name' is dropped and 'user.full_name' added"_s;
    }

    void warnings()
    {
        QFETCH(QByteArray, to);
        QFETCH(QString, warning);
        auto a = models(base);
        auto b = models(to);
        QVERIFY2(b, qPrintable(b ? QString() : b.error().toString()));
        auto diff = diffSchemas(*a, *b);
        QVERIFY2(diff, qPrintable(diff ? QString() : diff.error().toString()));
        QCOMPARE(diff->warnings.size(), 1);
        QVERIFY2(diff->warnings.first().startsWith(warning), qPrintable(diff->warnings.first()));
    }
};

QTEST_GUILESS_MAIN(TestSchemaDiff)
#include "tst_schemadiff.moc"
