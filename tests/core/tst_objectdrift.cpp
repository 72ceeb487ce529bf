// Drift object by object (the studio's database view): history schema vs
// database schema -> one entry per table, column, key, index or constraint
// that is on one side only or differs, in table, kind, name order.
#include "core/diff/objectdrift.h"
#include "core/project/models.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

const QByteArray base = R"(
tables:
  user:
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: email, type: string(255), nullable: false}
    uniques:
      - {name: uq_user_email, columns: [email]}
  habit:
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: user_id, type: integer, nullable: false}
      - {name: title, type: string(120), nullable: false}
    foreign_keys:
      - {name: fk_habit_user_id, columns: [user_id], references: user, ref_columns: [id], on_delete: cascade}
    checks:
      - {name: ck_habit_title, expression: "length(title) > 0"}
    indexes:
      - {name: ix_habit_user_id, columns: [user_id]}
)";

QByteArray edited(QByteArray text, const QByteArray &from, const QByteArray &to)
{
    Q_ASSERT(text.contains(from));
    return text.replace(from, to);
}

// "side|kind|table|name|detail": what a failing QCOMPARE prints.
QStringList lines(const QList<ObjectDrift> &drift)
{
    QStringList result;
    for (const ObjectDrift &d : drift)
        result << QStringList{driftSideName(d.side), objectKindName(d.kind), d.table, d.name, d.detail}.join(u'|');
    return result;
}

} // namespace

class TestObjectDrift : public QObject
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

private Q_SLOTS:
    void drift_data()
    {
        QTest::addColumn<QByteArray>("history");
        QTest::addColumn<QByteArray>("database");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("the same") << base << base << QStringList{};
        QTest::newRow("a table made by hand: one entry, not one per column")
            << base << base + "  note:\n    columns: [{name: id, type: integer, primary_key: true}, {name: b, type: text}]\n"
            << QStringList{u"only in the database|table|note|note|2 column(s)"_s};
        QTest::newRow("a table dropped by hand")
            << base + "  note:\n    columns: [{name: id, type: integer, primary_key: true}]\n" << base
            << QStringList{u"only in the history|table|note|note|1 column(s)"_s};
        QTest::newRow("a column added by hand")
            << base
            << edited(base, "      - {name: title, type: string(120), nullable: false}\n",
                      "      - {name: title, type: string(120), nullable: false}\n      - {name: colour, type: string(20)}\n")
            << QStringList{u"only in the database|column|habit|colour|string(20)"_s};
        QTest::newRow("a column changed by hand")
            << base
            << edited(base, "{name: title, type: string(120), nullable: false}", "{name: title, type: text}")
            << QStringList{u"differs|column|habit|title|type string(120) -> text; NOT NULL -> NULL"_s};
        QTest::newRow("an index dropped and a check added, in kind order")
            << base
            << edited(edited(base, "    indexes:\n      - {name: ix_habit_user_id, columns: [user_id]}\n", ""),
                      "    checks:\n", "    checks:\n      - {name: ck_title_short, expression: \"length(title) < 99\"}\n")
            << QStringList{u"only in the history|index|habit|ix_habit_user_id|(user_id)"_s,
                           u"only in the database|check constraint|habit|ck_title_short|length(title) < 99"_s};
        QTest::newRow("a foreign key and a unique constraint gone")
            << base
            << edited(edited(base, "    uniques:\n      - {name: uq_user_email, columns: [email]}\n", ""),
                      "    foreign_keys:\n      - {name: fk_habit_user_id, columns: [user_id], references: user, "
                      "ref_columns: [id], on_delete: cascade}\n",
                      "")
            << QStringList{u"only in the history|foreign key|habit|fk_habit_user_id|(user_id) -> user(id) ON DELETE CASCADE"_s,
                           u"only in the history|unique constraint|user|uq_user_email|(email)"_s};
    }

    void drift()
    {
        QFETCH(QByteArray, history);
        QFETCH(QByteArray, database);
        QFETCH(QStringList, expected);
        auto from = models(history);
        QVERIFY2(from, qPrintable(from ? QString() : from.error().toString()));
        auto to = models(database);
        QVERIFY2(to, qPrintable(to ? QString() : to.error().toString()));
        QCOMPARE(lines(objectDrift(*from, *to)), expected);
    }
};

QTEST_APPLESS_MAIN(TestObjectDrift)
#include "tst_objectdrift.moc"
