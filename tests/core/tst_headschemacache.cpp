// The heads' schema cache: what it serves is what replaying the revisions
// gives; an edited, added or removed revision is replayed again; only the
// heads are kept; a damaged cache file is never served.
#include "testprojects.h"

#include "core/project/headschemacache.h"
#include "core/project/project.h"

#include <QFile>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

const QString r1 = u"c00000000001"_s;
const QString r2 = u"c00000000002"_s;
const QString r3 = u"c00000000003"_s;

QByteArray createTable(const QByteArray &table)
{
    return "- create_table: {name: " + table + ", columns: [{name: id, type: integer, primary_key: true}]}\n";
}

QByteArray addColumn(const QByteArray &table, const QByteArray &column)
{
    return "- add_column: {table: " + table + ", column: {name: " + column + ", type: text}}\n";
}

struct Fixture
{
    Fixture()
    {
        write(r1, {}, createTable("note"));
        write(r2, {r1}, addColumn("note", "body"));
    }
    void write(const QString &id, const QStringList &parents, const QByteArray &upgrade) const
    {
        const QByteArray text = TestProjects::revisionYaml(id, parents, u"step "_s + id, upgrade, "- execute: SELECT 1\n");
        QVERIFY(!project.writeRevision(id + u"_step.yaml"_s, text).isEmpty());
    }
    QString cachePath() const { return HeadSchemaCache::pathFor(project.path()); }
    // The heads' schema of a freshly opened project.
    Schema headSchema() const
    {
        auto opened = project.open();
        if (!opened)
            return Schema{};
        auto schema = opened->schemaAt(opened->graph().heads());
        return schema ? *schema : Schema{};
    }
    QStringList columnsOf(const Schema &schema, const QString &table) const
    {
        QStringList names;
        if (const Table *t = schema.table(table)) {
            for (const Column &c : t->columns)
                names << c.name;
        }
        return names;
    }

    TestProject project;
};

// File times are coarse: an edit right after a write could keep the stamp the revision cache checks.
void passATick()
{
    QThread::msleep(30);
}

} // namespace

class TestHeadSchemaCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servedWhileTheRevisionsAreUnchanged()
    {
        Fixture f;
        QCOMPARE(f.columnsOf(f.headSchema(), u"note"_s), (QStringList{u"id"_s, u"body"_s}));
        QVERIFY(QFile::exists(f.cachePath()));
        // Put another schema under the same key: a fresh project serves it, so it does not replay.
        auto opened = f.project.open();
        QVERIFY(opened.has_value());
        const RevisionGraph &graph = opened->graph();
        const QString key = HeadSchemaCache::keyOf(graph, graph.topologicalOrder(graph.ancestorsOf(graph.heads())));
        QVERIFY(!key.isEmpty());
        Schema planted;
        planted.tables << Table{.name = u"planted"_s};
        HeadSchemaCache(f.cachePath()).write(key, planted);
        const Schema served = f.headSchema();
        QCOMPARE(served.tables.size(), 1);
        QCOMPARE(served.tables.first().name, u"planted"_s);
    }

    void anEditedRevisionIsReplayed()
    {
        Fixture f;
        QCOMPARE(f.columnsOf(f.headSchema(), u"note"_s), (QStringList{u"id"_s, u"body"_s}));
        passATick();
        f.write(r2, {r1}, addColumn("note", "title"));
        QCOMPARE(f.columnsOf(f.headSchema(), u"note"_s), (QStringList{u"id"_s, u"title"_s}));
    }

    void anAddedOrRemovedRevisionIsReplayed()
    {
        Fixture f;
        QCOMPARE(f.columnsOf(f.headSchema(), u"note"_s), (QStringList{u"id"_s, u"body"_s}));
        f.write(r3, {r2}, addColumn("note", "title"));
        QCOMPARE(f.columnsOf(f.headSchema(), u"note"_s), (QStringList{u"id"_s, u"body"_s, u"title"_s}));
        QVERIFY(QFile::remove(f.project.path() + u"/versions/"_s + r3 + u"_step.yaml"_s));
        QCOMPARE(f.columnsOf(f.headSchema(), u"note"_s), (QStringList{u"id"_s, u"body"_s}));
    }

    void onlyTheHeadsAreKept()
    {
        Fixture f;
        auto opened = f.project.open();
        QVERIFY(opened.has_value());
        auto below = opened->schemaAt({r1});
        QVERIFY(below.has_value());
        QCOMPARE(f.columnsOf(*below, u"note"_s), QStringList{u"id"_s});
        QVERIFY(!QFile::exists(f.cachePath()));
    }

    void aDamagedFileIsNotServed_data()
    {
        QTest::addColumn<int>("keep");   // bytes of the file kept; -1: garbled in the middle
        QTest::newRow("torn") << 40;
        QTest::newRow("empty") << 0;
        QTest::newRow("garbled") << -1;
    }

    void aDamagedFileIsNotServed()
    {
        QFETCH(int, keep);
        Fixture f;
        QCOMPARE(f.columnsOf(f.headSchema(), u"note"_s), (QStringList{u"id"_s, u"body"_s}));
        QFile file(f.cachePath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        if (keep >= 0) {
            bytes.truncate(keep);
        } else {
            for (qsizetype i = bytes.size() / 2; i < bytes.size() / 2 + 8 && i < bytes.size(); ++i)
                bytes[i] = char(~bytes.at(i));
        }
        QVERIFY(file.resize(0));
        QVERIFY(file.seek(0));
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();
        QCOMPARE(f.columnsOf(f.headSchema(), u"note"_s), (QStringList{u"id"_s, u"body"_s}));
    }
};

QTEST_GUILESS_MAIN(TestHeadSchemaCache)
#include "tst_headschemacache.moc"
