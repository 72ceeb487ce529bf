// models.yaml read one table at a time: which files are cut (the plain
// shape only), and that a cut file reads as the whole file does, to the
// same schema or to the same error at the same line.
#include "core/project/models.h"
#include "core/project/modelsplit.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

const QByteArray plain = "# The application's schema.\n"
                         "tables:\n"
                         "  user:\n"
                         "    columns:\n"
                         "      - {name: id, type: integer, primary_key: true, autoincrement: true}\n"
                         "      - {name: email, type: string(120), nullable: false}\n"
                         "    indexes:\n"
                         "      - {name: ix_user_email, columns: [email], unique: true}\n"
                         "\n"
                         "  # notes belong to a user\n"
                         "  note:\n"
                         "    columns:\n"
                         "      - {name: id, type: integer, primary_key: true}\n"
                         "      - {name: user_id, type: integer, nullable: false}\n"
                         "      - name: body\n"
                         "        type: text\n"
                         "        default: \"''\"\n"
                         "    foreign_keys:\n"
                         "      - {columns: [user_id], references: user, ref_columns: [id], on_delete: cascade}\n"
                         "    checks:\n"
                         "      - {name: ck_note_body, expression: \"length(body) < 1000\"}\n"
                         "  \"quoted name\":\n"
                         "    columns: [{name: id, type: integer, primary_key: true}]\n";

// A comment with '&' keeps the file from being cut: the whole-file reading.
QByteArray readWhole(const QByteArray &text)
{
    return text + "# R&D\n";
}

} // namespace

class TestModelSplit : public QObject
{
    Q_OBJECT

private slots:
    void cutsOnlyThePlainShape_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("pieces");   // -1: not cut
        QTest::newRow("plain, with comments and a quoted name") << plain << 3;
        QTest::newRow("four-space indentation") << QByteArray("tables:\n    a:\n        columns: []\n    b: {columns: []}\n") << 2;
        QTest::newRow("a table on one line, flow style spanning lines")
            << QByteArray("tables:\n  a: {columns: [{name: id,\n      type: integer}]}\n") << 1;
        QTest::newRow("an anchor") << QByteArray("tables:\n  a: &t\n    columns: []\n  b: *t\n") << -1;
        QTest::newRow("a tag") << QByteArray("tables:\n  a: !!map\n    columns: []\n") << -1;
        QTest::newRow("a tab") << QByteArray("tables:\n\ta:\n\t\tcolumns: []\n") << -1;
        QTest::newRow("Windows line ends") << QByteArray("tables:\r\n  a:\r\n    columns: []\r\n") << -1;
        QTest::newRow("a second top-level key") << QByteArray("tables:\n  a:\n    columns: []\nviews:\n  v: {}\n") << -1;
        QTest::newRow("tables on the key's line") << QByteArray("tables: {a: {columns: []}}\n") << -1;
        QTest::newRow("tables as a list") << QByteArray("tables:\n  - a\n  - b\n") << -1;
        QTest::newRow("a less indented line") << QByteArray("tables:\n    a:\n      columns: []\n  b:\n    columns: []\n") << -1;
        QTest::newRow("a document marker") << QByteArray("---\ntables:\n  a:\n    columns: []\n") << -1;
        QTest::newRow("no tables") << QByteArray("tables:\n") << -1;
        QTest::newRow("empty") << QByteArray() << -1;
    }

    void cutsOnlyThePlainShape()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, pieces);
        const std::optional<QList<QByteArray>> cut = splitModelTables(text);
        QCOMPARE(cut ? int(cut->size()) : -1, pieces);
    }

    void readsAsTheWholeFile_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("where");   // the error's place; empty: no error
        QTest::newRow("plain") << plain << QString();
        QTest::newRow("a foreign key to a table listed later")
            << QByteArray("tables:\n  b:\n    columns:\n      - {name: a_id, type: integer}\n"
                          "    foreign_keys:\n      - {columns: [a_id], references: a, ref_columns: [id]}\n"
                          "  a:\n    columns:\n      - {name: id, type: integer, primary_key: true}\n")
            << QString();
        QTest::newRow("a bad type in the third table")
            << QByteArray(plain).replace("columns: [{name: id, type: integer", "columns: [{name: id, type: integr")
            << u"models.yaml:23"_s;
        QTest::newRow("a foreign key to a missing table")
            << QByteArray(plain).replace("references: user", "references: users") << u"models.yaml:19"_s;
        QTest::newRow("a table listed twice")
            << QByteArray(plain + "  user:\n    columns: [{name: id, type: integer}]\n") << u"models.yaml:25"_s;
        QTest::newRow("a syntax error in a table")
            << QByteArray(plain).replace("    checks:\n", "    checks: [\n") << u"models.yaml:21"_s;
    }

    void readsAsTheWholeFile()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, where);
        QVERIFY(splitModelTables(text));
        const Result<Schema> cut = parseModels(text, u"models.yaml"_s);
        const Result<Schema> whole = parseModels(readWhole(text), u"models.yaml"_s);
        QVERIFY(!splitModelTables(readWhole(text)));
        QCOMPARE(cut.has_value(), where.isEmpty());
        QCOMPARE(whole.has_value(), where.isEmpty());
        if (cut) {
            QCOMPARE(*cut, *whole);
            QVERIFY(!cut->tables.isEmpty());
        } else {
            QCOMPARE(cut.error().toString(), whole.error().toString());
            QVERIFY2(cut.error().where.startsWith(where), qPrintable(cut.error().toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestModelSplit)
#include "tst_modelsplit.moc"
