// The one list of operation kinds (ops/operationkinds.h): every kind in it has
// a row here, reads from YAML, names itself, survives the revision cache, and
// answers its own inverse, lint and autogenerate lines. A kind added to the
// list without a row fails `everyKindHasARow`.

#include "core/ops/operationkinds.h"
#include "core/revision/revisioncodec.h"

#include <yaml-cpp/yaml.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

// A schema the examples fit: user(id, email, nickname), an index and a unique on email.
Schema sampleSchema()
{
    auto op = parseOperation(YAML::Load(
        "create_table: {name: user, columns: [{name: id, type: integer, primary_key: true},"
        " {name: email, type: string(80)}, {name: nickname, type: text}], uniques: [{name: uq_user_email, columns: [email]}],"
        " indexes: [{name: ix_user_email, columns: [email]}]}"), u"test"_s);
    Schema schema;
    if (op)
        (void)(*op)->apply(schema);
    return schema;
}

OperationPtr parsed(const QString &yaml)
{
    auto op = parseOperation(YAML::Load(yaml.toStdString()), u"test"_s);
    return op ? *op : nullptr;
}

} // namespace

class tst_OperationKinds : public QObject
{
    Q_OBJECT

private slots:
    void everyKindHasARow();
    void kinds_data();
    void kinds();
};

struct Example
{
    const char *kind;
    const char *yaml;
    bool undoable;
};

// One row per kind, in the list's order.
const Example examples[] = {
    {"create_table", "create_table: {name: t, columns: [{name: a, type: integer}]}", true},
    {"drop_table", "drop_table: user", true},
    {"rename_table", "rename_table: {from: user, to: member}", true},
    {"alter_table", "alter_table: {name: user, sqlite_autoincrement: true}", true},
    {"add_column", "add_column: {table: user, column: {name: age, type: integer}}", true},
    {"drop_column", "drop_column: {table: user, column: nickname}", true},
    {"alter_column", "alter_column: {table: user, column: email, type: text}", true},
    {"create_index", "create_index: {name: ix_user_id, table: user, columns: [id]}", true},
    {"drop_index", "drop_index: {name: ix_user_email, table: user}", true},
    {"create_unique", "create_unique: {name: uq_user_id, table: user, columns: [id]}", true},
    {"create_foreign_key",
     "create_foreign_key: {name: fk_user_self, table: user, columns: [id], references: user, ref_columns: [id]}", true},
    {"create_check", "create_check: {name: ck_user_id, table: user, expression: id > 0}", true},
    {"drop_constraint", "drop_constraint: {table: user, name: uq_user_email}", true},
    {"execute", "execute: {sql: UPDATE user SET email = NULL}", false},
};

void tst_OperationKinds::everyKindHasARow()
{
    QStringList rows;
    for (const Example &example : examples)
        rows << QString::fromLatin1(example.kind);
    QCOMPARE(rows, operationKinds());
}

void tst_OperationKinds::kinds_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<bool>("undoable");
    for (const Example &example : examples) {
        QTest::newRow(example.kind) << QString::fromLatin1(example.kind) << QString::fromLatin1(example.yaml)
                                    << example.undoable;
    }
}

void tst_OperationKinds::kinds()
{
    QFETCH(QString, kind);
    QFETCH(QString, yaml);
    QFETCH(bool, undoable);

    const OperationPtr op = parsed(yaml);
    QVERIFY2(op, qPrintable(yaml));
    QCOMPARE(op->kind(), kind);
    QCOMPARE(operationToYaml(*op)[kind.toStdString()].IsDefined(), true);

    // Through the revision cache's codec and back.
    Revision revision;
    revision.id = u"aaaa00000001"_s;
    revision.upgrade = {op};
    ByteWriter out;
    encodeRevision(out, revision);
    const QByteArray bytes = out.bytes();
    ByteReader in(bytes);
    Revision decoded;
    QVERIFY(decodeRevision(in, decoded));
    QCOMPARE(decoded.upgrade.size(), 1);
    QCOMPARE(decoded.upgrade.first()->kind(), kind);
    QVERIFY(*decoded.upgrade.first() == *op);

    const Schema before = sampleSchema();
    QVERIFY(!before.tables.isEmpty());
    auto inverse = op->inverse(before);
    QCOMPARE(inverse.has_value(), undoable);
    if (undoable) {
        // Applying the operation then its inverse gives the schema back.
        Schema schema = before;
        QVERIFY(op->apply(schema));
        QVERIFY((*inverse)->apply(schema));
        QCOMPARE(schema.tables.size(), before.tables.size());
    }
    QVERIFY(!op->detectedLines(inverse ? inverse->get() : nullptr).isEmpty());
    const LintContext context{before, before, Dialect::Kind::Postgresql};
    for (const LintFinding &finding : op->lint(context))
        QVERIFY2(!finding.code.isEmpty() && !finding.text.isEmpty(), qPrintable(kind));
}

QTEST_GUILESS_MAIN(tst_OperationKinds)
#include "tst_operationkinds.moc"
