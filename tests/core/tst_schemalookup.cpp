// Schema's name lookups (a cache beside the public table list) answer as a
// walk through the list would, whatever changed the list since the last
// lookup: appends, removals, renames in place, index changes, copies.
#include "core/schema/schema.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

Table tableNamed(const QString &name, const QStringList &indexes = {})
{
    Table table;
    table.name = name;
    table.columns << Column{u"id"_s, ColumnType{ColumnType::Kind::Integer}};
    for (const QString &index : indexes)
        table.indexes << Index{index, {u"id"_s}};
    return table;
}

Schema threeTables()
{
    Schema schema;
    schema.tables << tableNamed(u"user"_s, {u"ix_user_id"_s}) << tableNamed(u"habit"_s, {u"ix_habit_id"_s})
                  << tableNamed(u"note"_s);
    return schema;
}

// What the lookups must answer: the first table of that name, found by walking the list.
qsizetype walkToTable(const Schema &schema, const QString &name)
{
    for (qsizetype i = 0; i < schema.tables.size(); ++i) {
        if (schema.tables.at(i).name == name)
            return i;
    }
    return -1;
}

qsizetype walkToIndexOwner(const Schema &schema, const QString &indexName)
{
    for (qsizetype i = 0; i < schema.tables.size(); ++i) {
        for (const Index &index : schema.tables.at(i).indexes) {
            if (index.name == indexName)
                return i;
        }
    }
    return -1;
}

using Change = std::function<void(Schema &)>;

} // namespace

Q_DECLARE_METATYPE(Change)

class TestSchemaLookup : public QObject
{
    Q_OBJECT

private slots:
    void answersAsAWalkAfterAChange_data()
    {
        QTest::addColumn<Change>("change");
        QTest::newRow("nothing changed") << Change([](Schema &) {});
        QTest::newRow("a table appended") << Change([](Schema &s) { s.tables << tableNamed(u"mood"_s, {u"ix_mood_id"_s}); });
        QTest::newRow("the first table removed") << Change([](Schema &s) { s.tables.removeAt(0); });
        QTest::newRow("a middle table removed") << Change([](Schema &s) { s.tables.removeAt(1); });
        QTest::newRow("the last table removed") << Change([](Schema &s) { s.tables.removeLast(); });
        QTest::newRow("renamed through table()") << Change([](Schema &s) { s.table(u"habit"_s)->name = u"routine"_s; });
        QTest::newRow("renamed by an edit in place") << Change([](Schema &s) { s.tables[2].name.append(u"s"_s); });
        QTest::newRow("renamed to a name just looked up") << Change([](Schema &s) { s.tables[0].name = u"mood"_s; });
        QTest::newRow("two tables swap names") << Change([](Schema &s) {
            s.tables[0].name = u"habit"_s;
            s.tables[1].name = u"user"_s;
        });
        QTest::newRow("a table replaced by another") << Change([](Schema &s) { s.tables[1] = tableNamed(u"streak"_s); });
        QTest::newRow("the list reordered") << Change([](Schema &s) { std::swap(s.tables[0], s.tables[2]); });
        QTest::newRow("an index added") << Change([](Schema &s) { s.tables[2].indexes << Index{u"ix_note_id"_s, {u"id"_s}}; });
        QTest::newRow("an index renamed") << Change([](Schema &s) { s.tables[0].indexes[0].name = u"ix_mood_id"_s; });
        QTest::newRow("an index moved to another table") << Change([](Schema &s) {
            s.tables[2].indexes << s.tables[0].indexes.takeFirst();
        });
        QTest::newRow("the whole list replaced") << Change([](Schema &s) { s.tables = {tableNamed(u"mood"_s)}; });
        QTest::newRow("emptied") << Change([](Schema &s) { s.tables.clear(); });
        QTest::newRow("a duplicate name appended (the first wins)") << Change([](Schema &s) {
            s.tables << tableNamed(u"user"_s, {u"ix_user_id"_s});
        });
    }

    void answersAsAWalkAfterAChange()
    {
        QFETCH(Change, change);
        Schema schema = threeTables();
        const QStringList names{u"user"_s, u"habit"_s, u"note"_s, u"notes"_s, u"mood"_s, u"routine"_s, u"streak"_s};
        const QStringList indexNames{u"ix_user_id"_s, u"ix_habit_id"_s, u"ix_note_id"_s, u"ix_mood_id"_s};
        // Every name asked once first, so the cache holds the old answers (hits and misses).
        for (const QString &name : names)
            schema.tableIndex(name);
        for (const QString &name : indexNames)
            schema.tableOfIndex(name);
        change(schema);
        for (const QString &name : names)
            QCOMPARE(schema.tableIndex(name), walkToTable(schema, name));
        for (const QString &name : indexNames) {
            const qsizetype owner = walkToIndexOwner(schema, name);
            QCOMPARE(schema.tableOfIndex(name), owner < 0 ? nullptr : &schema.tables.at(owner));
        }
    }

    // A copy answers for itself: changing it leaves the original's answers alone.
    void copiesAnswerForThemselves()
    {
        Schema original = threeTables();
        QCOMPARE(original.tableIndex(u"note"_s), 2);
        Schema copy = original;
        copy.tables.removeAt(0);
        copy.table(u"note"_s)->name = u"memo"_s;
        QCOMPARE(copy.tableIndex(u"memo"_s), 1);
        QCOMPARE(copy.tableIndex(u"note"_s), -1);
        QCOMPARE(original.tableIndex(u"note"_s), 2);
        QCOMPARE(original.tableIndex(u"memo"_s), -1);
        Schema assigned;
        assigned = copy;
        QCOMPARE(assigned.tableIndex(u"habit"_s), 0);
    }

    // The cache takes no part in equality: equal tables, equal schemas.
    void equalityIgnoresTheCache()
    {
        Schema asked = threeTables();
        asked.tableIndex(u"habit"_s);
        QCOMPARE(asked, threeTables());
    }

    // A replay of thousands of create_table: each appended table is found at once.
    void appendsOneByOne()
    {
        Schema schema;
        for (int i = 0; i < 2000; ++i) {
            const QString name = u"t%1"_s.arg(i);
            QCOMPARE(schema.tableIndex(name), -1);
            schema.tables << tableNamed(name, {u"ix_"_s + name});
            QCOMPARE(schema.tableIndex(name), i);
            QCOMPARE(schema.tableOfIndex(u"ix_"_s + name), &schema.tables.at(i));
        }
        QCOMPARE(schema.tableIndex(u"t0"_s), 0);
        QCOMPARE(schema.tableIndex(u"t1999"_s), 1999);
    }
};

QTEST_GUILESS_MAIN(TestSchemaLookup)
#include "tst_schemalookup.moc"
