#include "core/revision/revision.h"

#include <QDir>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

QStringList kinds(const OperationList &ops)
{
    QStringList out;
    for (const OperationPtr &op : ops)
        out << op->kind();
    return out;
}

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate);
}

} // namespace

class TestRevisionFile : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void badFile_data();
    void badFile();
    void checksumIsSha256OfTheBytes();
    void checksumIgnoresLineEndingsAndBom_data();
    void checksumIgnoresLineEndingsAndBom();
    void write_data();
    void write();
    void roundTrip_data();
    void roundTrip();
    void newIdsAreTwelveHexDigits();
};

void TestRevisionFile::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("parents");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QDateTime>("created");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QStringList>("dependsOn");
    QTest::addColumn<bool>("transactional");
    QTest::addColumn<QStringList>("upgrade");
    QTest::addColumn<QStringList>("downgrade");

    QTest::newRow("first revision with operations")
        << QByteArray("revision: 9b1e0aa2c4f3\n"
                      "down_revision: null\n"
                      "message: Initial schema\n"
                      "created: 2026-11-20T09:00:00Z\n"
                      "upgrade:\n"
                      "  - create_table:\n"
                      "      name: user\n"
                      "      columns:\n"
                      "        - {name: id, type: integer, primary_key: true}\n"
                      "  - create_index: {name: ix_user_id, table: user, columns: [id]}\n"
                      "downgrade:\n"
                      "  - drop_table: user\n")
        << u"9b1e0aa2c4f3"_s << QStringList() << u"Initial schema"_s << utc(u"2026-11-20T09:00:00Z"_s)
        << QStringList() << QStringList() << true << QStringList{u"create_table"_s, u"create_index"_s}
        << QStringList{u"drop_table"_s};
    QTest::newRow("merge of two parents")
        << QByteArray("revision: 5e1f00aa0001\ndown_revision: [aaaa00000001, bbbb00000002]\n"
                      "message: Merge heads\nupgrade: []\ndowngrade: []\n")
        << u"5e1f00aa0001"_s << QStringList{u"aaaa00000001"_s, u"bbbb00000002"_s} << u"Merge heads"_s
        << QDateTime() << QStringList() << QStringList() << true << QStringList() << QStringList();
    QTest::newRow("ids that look like numbers stay text")
        << QByteArray("revision: 1234e5\ndown_revision: 0123\n")
        << u"1234e5"_s << QStringList{u"0123"_s} << QString() << QDateTime() << QStringList() << QStringList()
        << true << QStringList() << QStringList();
    QTest::newRow("label and dependency as single names")
        << QByteArray("revision: f1\ndown_revision: ~\nbranch_labels: feature\ndepends_on: a2\n")
        << u"f1"_s << QStringList() << QString() << QDateTime() << QStringList{u"feature"_s}
        << QStringList{u"a2"_s} << true << QStringList() << QStringList();
    QTest::newRow("labels and dependencies as lists, not transactional")
        << QByteArray("revision: f1\ndown_revision: null\nbranch_labels: [feature, web]\n"
                      "depends_on: [a2, b3]\ntransactional: false\n")
        << u"f1"_s << QStringList() << QString() << QDateTime() << QStringList{u"feature"_s, u"web"_s}
        << QStringList{u"a2"_s, u"b3"_s} << false << QStringList() << QStringList();
    QTest::newRow("multi-line message")
        << QByteArray("revision: abcd01\ndown_revision: null\nmessage: |\n  Split names\n  into two columns\n")
        << u"abcd01"_s << QStringList() << u"Split names\ninto two columns\n"_s << QDateTime() << QStringList()
        << QStringList() << true << QStringList() << QStringList();
    QTest::newRow("created with an offset")
        << QByteArray("revision: abcd01\ndown_revision: null\ncreated: 2026-11-20T10:00:00+01:00\n")
        << u"abcd01"_s << QStringList() << QString() << utc(u"2026-11-20T09:00:00Z"_s) << QStringList()
        << QStringList() << true << QStringList() << QStringList();
}

void TestRevisionFile::parse()
{
    QFETCH(QByteArray, text);
    const auto revision = parseRevision(text, u"versions/x.yaml"_s);
    QVERIFY2(revision, qPrintable(revision ? QString() : revision.error().toString()));
    QTEST(revision->id, "id");
    QTEST(revision->downRevisions, "parents");
    QTEST(revision->message, "message");
    QFETCH(QDateTime, created);
    QCOMPARE(revision->created.isValid(), created.isValid());
    if (created.isValid())
        QCOMPARE(revision->created.toUTC(), created.toUTC());
    QTEST(revision->branchLabels, "labels");
    QTEST(revision->dependsOn, "dependsOn");
    QTEST(revision->transactional, "transactional");
    QTEST(kinds(revision->upgrade), "upgrade");
    QTEST(kinds(revision->downgrade), "downgrade");
    QCOMPARE(revision->filePath, QString());
}

void TestRevisionFile::badFile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");

    const QByteArray head = "revision: abcd01\ndown_revision: null\n";
    QTest::newRow("list item out of line")
        << head + "upgrade:\n  - drop_table: a\n   - drop_table: b\n" << u"x.yaml:5:4"_s
        << u"not valid YAML: expected a list item ('- ') lined up with the items above it "
           "(end of sequence not found)"_s;
    QTest::newRow("unclosed flow list")
        << head + "message: [unclosed\nupgrade: []\n" << u"x.yaml:4:8"_s
        << u"not valid YAML: expected ',' or ']' to close the '[' list (end of sequence flow not found)"_s;
    QTest::newRow("unclosed flow mapping")
        << head + "message: {a: 1\n" << u"x.yaml:4:1"_s
        << u"not valid YAML: expected ',' or '}' to close the '{' mapping (end of map flow not found)"_s;
    QTest::newRow("key indented under another")
        << QByteArray("revision: abcd01\n  down_revision: null\n") << u"x.yaml:2:16"_s
        << u"not valid YAML: unexpected ':'; expected a key at the indentation of the keys above it "
           "(illegal map value)"_s;
    QTest::newRow("tab in the indentation")
        << head + "upgrade:\n\t- drop_table: a\n" << u"x.yaml:4:2"_s
        << u"not valid YAML: a tab in the indentation; YAML indents with spaces (illegal block entry)"_s;
    QTest::newRow("unknown top-level key")
        << head + "upgrades: []\n" << u"x.yaml:3:1"_s
        << u"unknown key 'upgrades' in a revision file; expected one of: revision, down_revision, message, "
           "created, branch_labels, depends_on, transactional, upgrade, downgrade, lint_ignore"_s;
    QTest::newRow("key given twice")
        << head + "upgrade: []\nupgrade: []\n" << u"x.yaml:4:1"_s
        << u"key 'upgrade' appears twice in a revision file"_s;
    QTest::newRow("missing revision")
        << QByteArray("down_revision: null\n") << u"x.yaml:1:1"_s
        << u"missing 'revision'; expected the revision id, e.g. `revision: 3f2a9c1b7d10`"_s;
    QTest::newRow("missing down_revision")
        << QByteArray("revision: abcd01\nmessage: hi\n") << u"x.yaml:1:1"_s
        << u"missing 'down_revision'; expected the parent revision id, a list of ids for a merge, or null "
           "for a first revision"_s;
    QTest::newRow("id with a space")
        << QByteArray("revision: ab cd\ndown_revision: null\n") << u"x.yaml:1:11"_s
        << u"revision id 'ab cd' is not a valid name"_s;
    QTest::newRow("id with a plus sign")
        << QByteArray("revision: ab+1\ndown_revision: null\n") << u"x.yaml:1:11"_s
        << u"revision id 'ab+1' is not a valid name"_s;
    QTest::newRow("same parent twice")
        << QByteArray("revision: abcd01\ndown_revision: [aaaa, aaaa]\n") << u"x.yaml:2:16"_s
        << u"down_revision names the same revision twice"_s;
    QTest::newRow("created is not a date")
        << head + "created: yesterday\n" << u"x.yaml:3:10"_s
        << u"expected an ISO-8601 date and time for 'created', e.g. 2026-11-23T10:00:00Z"_s;
    QTest::newRow("upgrade is not a list")
        << head + "upgrade: drop_table\n" << u"x.yaml:3:10"_s
        << u"expected a list of operations under 'upgrade', one `- kind: ...` item each"_s;
    QTest::newRow("a list instead of a mapping")
        << QByteArray("- revision\n- down_revision\n") << u"x.yaml:1:1"_s
        << u"expected a revision: a mapping with 'revision', 'down_revision' and 'upgrade'"_s;
    QTest::newRow("empty file")
        << QByteArray("\n") << u"x.yaml"_s
        << u"expected a revision: a mapping with 'revision', 'down_revision' and 'upgrade'"_s;
}

void TestRevisionFile::badFile()
{
    QFETCH(QByteArray, text);
    const auto revision = parseRevision(text, u"x.yaml"_s);
    QVERIFY(!revision);
    QCOMPARE(revision.error().code, Error::Code::Input);
    QTEST(revision.error().where, "where");
    QTEST(revision.error().message, "message");
}

void TestRevisionFile::checksumIsSha256OfTheBytes()
{
    // Expected value from `sha256sum` over the same bytes.
    const QByteArray text = "revision: 9b1e0aa2c4f3\ndown_revision: null\nmessage: Initial schema\n"
                            "created: 2026-11-20T09:00:00Z\n\nupgrade: []\n\ndowngrade: []\n";
    const auto revision = parseRevision(text, u"x.yaml"_s);
    QVERIFY(revision);
    QCOMPARE(revision->checksum, u"b053d6e54792df25e79995af2e0504bfe616b892ab81575bf97b5b90be3bcdf1"_s);
    const auto edited = parseRevision(text + "# reviewed\n", u"x.yaml"_s);
    QVERIFY(edited);
    QVERIFY(edited->checksum != revision->checksum);
}

void TestRevisionFile::checksumIgnoresLineEndingsAndBom_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("same");
    const QByteArray lf = "revision: 9b1e0aa2c4f3\ndown_revision: null\nmessage: Initial schema\n"
                          "created: 2026-11-20T09:00:00Z\n\nupgrade: []\n\ndowngrade: []\n";
    QByteArray crlf = lf;
    crlf.replace("\n", "\r\n");
    QByteArray cr = lf;
    cr.replace("\n", "\r");
    QTest::newRow("CRLF") << crlf << true;
    QTest::newRow("old Mac CR") << cr << true;
    QTest::newRow("UTF-8 BOM") << "\xEF\xBB\xBF" + lf << true;
    QTest::newRow("BOM and CRLF") << "\xEF\xBB\xBF" + crlf << true;
    QTest::newRow("an added blank line is an edit") << crlf + "\r\n" << false;
    QTest::newRow("a changed letter is an edit") << QByteArray(lf).replace("Initial", "initial") << false;
}

// The same sha256 as the LF file without BOM, which is what sha256sum gives;
// parsed files (yaml-cpp reads CRLF and a BOM, not a lone CR) carry it too.
void TestRevisionFile::checksumIgnoresLineEndingsAndBom()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, same);
    const QString lfChecksum = u"b053d6e54792df25e79995af2e0504bfe616b892ab81575bf97b5b90be3bcdf1"_s;
    QCOMPARE(revisionChecksum(text) == lfChecksum, same);
    if (text.contains('\n')) {
        const auto revision = parseRevision(text, u"x.yaml"_s);
        QVERIFY2(revision, qPrintable(revision ? QString() : revision.error().toString()));
        QCOMPARE(revision->checksum, revisionChecksum(text));
    }
}

void TestRevisionFile::write_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("parents");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QStringList>("dependsOn");
    QTest::addColumn<bool>("transactional");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("first revision")
        << u"9b1e0aa2c4f3"_s << QStringList() << u"Initial schema"_s << QStringList() << QStringList() << true
        << QByteArray("revision: 9b1e0aa2c4f3\ndown_revision: null\nmessage: Initial schema\n"
                      "created: 2026-11-20T09:00:00Z\n\nupgrade: []\n\ndowngrade: []\n");
    QTest::newRow("merge with a label, a dependency, outside a transaction")
        << u"5e1f00aa0001"_s << QStringList{u"aaaa00000001"_s, u"bbbb00000002"_s} << u"Merge: heads"_s
        << QStringList{u"feature"_s} << QStringList{u"a2"_s, u"b3"_s} << false
        << QByteArray("revision: 5e1f00aa0001\ndown_revision: [aaaa00000001, bbbb00000002]\n"
                      "message: \"Merge: heads\"\ncreated: 2026-11-20T09:00:00Z\nbranch_labels: feature\n"
                      "depends_on: [a2, b3]\ntransactional: false\n\nupgrade: []\n\ndowngrade: []\n");
    QTest::newRow("number-like ids are quoted for other YAML readers")
        << u"123456789012"_s << QStringList{u"1234e5678901"_s} << u"2026"_s << QStringList() << QStringList()
        << true
        << QByteArray("revision: \"123456789012\"\ndown_revision: \"1234e5678901\"\nmessage: \"2026\"\n"
                      "created: 2026-11-20T09:00:00Z\n\nupgrade: []\n\ndowngrade: []\n");
    QTest::newRow("multi-line message as a block")
        << u"abcd01"_s << QStringList() << u"Split names\ninto two columns\n"_s << QStringList() << QStringList()
        << true
        << QByteArray("revision: abcd01\ndown_revision: null\nmessage: |\n  Split names\n  into two columns\n"
                      "created: 2026-11-20T09:00:00Z\n\nupgrade: []\n\ndowngrade: []\n");
}

void TestRevisionFile::write()
{
    Revision r;
    QFETCH(QString, id);
    r.id = id;
    QFETCH(QStringList, parents);
    r.downRevisions = parents;
    QFETCH(QString, message);
    r.message = message;
    r.created = utc(u"2026-11-20T09:00:00Z"_s);
    QFETCH(QStringList, labels);
    r.branchLabels = labels;
    QFETCH(QStringList, dependsOn);
    r.dependsOn = dependsOn;
    QFETCH(bool, transactional);
    r.transactional = transactional;

    const QByteArray text = revisionToYaml(r);
    QTEST(text, "expected");
    const auto back = parseRevision(text, u"x.yaml"_s);
    QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
    QCOMPARE(back->id, r.id);
    QCOMPARE(back->downRevisions, r.downRevisions);
    QCOMPARE(back->message, r.message);
    QCOMPARE(back->created, r.created);
    QCOMPARE(back->branchLabels, r.branchLabels);
    QCOMPARE(back->dependsOn, r.dependsOn);
    QCOMPARE(back->transactional, r.transactional);
}

void TestRevisionFile::roundTrip_data()
{
    QTest::addColumn<QByteArray>("text");

    const QDir example(QStringLiteral(STRATA_EXAMPLE_PROJECT "/versions"));
    const QStringList files = example.entryList({u"*.yaml"_s}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(example.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QTest::newRow(qPrintable(u"example "_s + name)) << file.readAll();
    }
    QTest::newRow("multi-line SQL and every header key")
        << QByteArray("revision: abcd01\ndown_revision: [aaaa, bbbb]\nmessage: Backfill\n"
                      "created: 2026-11-20T09:00:00Z\nbranch_labels: [x]\ndepends_on: cccc\n"
                      "transactional: false\nupgrade:\n  - execute:\n      sql: |\n"
                      "        UPDATE a SET b = 1;\n        UPDATE c SET d = 2;\n"
                      "      sqlite: UPDATE a SET b = 1\ndowngrade: []\n");
}

void TestRevisionFile::roundTrip()
{
    QFETCH(QByteArray, text);
    const auto original = parseRevision(text, u"original.yaml"_s);
    QVERIFY2(original, qPrintable(original ? QString() : original.error().toString()));
    const QByteArray written = revisionToYaml(*original);
    const auto back = parseRevision(written, u"written.yaml"_s);
    QVERIFY2(back, qPrintable((back ? QString() : back.error().toString()) + u"\n"_s
                              + QString::fromUtf8(written)));
    QCOMPARE(back->id, original->id);
    QCOMPARE(back->downRevisions, original->downRevisions);
    QCOMPARE(back->message, original->message);
    QCOMPARE(back->created, original->created);
    QCOMPARE(back->branchLabels, original->branchLabels);
    QCOMPARE(back->dependsOn, original->dependsOn);
    QCOMPARE(back->transactional, original->transactional);
    QCOMPARE(kinds(back->upgrade), kinds(original->upgrade));
    QCOMPARE(kinds(back->downgrade), kinds(original->downgrade));
    for (qsizetype i = 0; i < back->upgrade.size(); ++i)
        QVERIFY2(*back->upgrade[i] == *original->upgrade[i], qPrintable(back->upgrade[i]->describe()));
    for (qsizetype i = 0; i < back->downgrade.size(); ++i)
        QVERIFY2(*back->downgrade[i] == *original->downgrade[i], qPrintable(back->downgrade[i]->describe()));
    // Writing is stable: the written file writes back byte for byte.
    QCOMPARE(revisionToYaml(*back), written);
}

void TestRevisionFile::newIdsAreTwelveHexDigits()
{
    static const QRegularExpression shape(u"^[0-9a-f]{12}$"_s);
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString id = newRevisionId();
        QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 200);
}

QTEST_GUILESS_MAIN(TestRevisionFile)
#include "tst_revisionfile.moc"
