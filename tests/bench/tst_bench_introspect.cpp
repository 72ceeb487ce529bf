// Introspection + diff of a 500-table x 10-column schema on SQLite and
// PostgreSQL, against a floor: the same catalog queries through the
// database's own client (sqlite3, psql). Prints the figures; the only
// assertions are that the schema reads back equal and the floor ran.
#include "benchtools.h"
#include "scratchdatabase.h"

#include "core/diff/schemasource.h"
#include "core/introspect/introspector.h"
#include "core/project/config.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

constexpr int tableCount = 500;
constexpr int runs = 5;

// t0001 .. t0500: an autoincrement key, eight columns of mixed types with
// defaults, a foreign key to the previous table, an index and a check.
Schema generatedSchema()
{
    using Kind = ColumnType::Kind;
    Schema schema;
    for (int i = 1; i <= tableCount; ++i) {
        Table table;
        table.name = u"t%1"_s.arg(i, 4, 10, QChar(u'0'));
        Column id{u"id"_s, ColumnType{Kind::Integer}, false, std::nullopt, true};
        table.columns << id;
        table.columns << Column{u"parent_id"_s, ColumnType{Kind::Integer}, true, std::nullopt, false};
        table.columns << Column{u"name"_s, ColumnType{Kind::String, 80}, false, u"''"_s, false};
        table.columns << Column{u"body"_s, ColumnType{Kind::Text}, true, std::nullopt, false};
        table.columns << Column{u"amount"_s, ColumnType{Kind::Numeric, 0, 10, 2}, true, u"0"_s, false};
        table.columns << Column{u"active"_s, ColumnType{Kind::Boolean}, false, u"true"_s, false};
        table.columns << Column{u"ratio"_s, ColumnType{Kind::Double}, true, std::nullopt, false};
        table.columns << Column{u"day"_s, ColumnType{Kind::Date}, true, std::nullopt, false};
        table.columns << Column{u"created_at"_s, ColumnType{Kind::DateTime}, false, u"CURRENT_TIMESTAMP"_s, false};
        table.columns << Column{u"token"_s, ColumnType{Kind::Uuid}, true, std::nullopt, false};
        table.primaryKey = {u"id"_s};
        if (i > 1) {
            table.foreignKeys << ForeignKey{u"fk_%1_parent"_s.arg(table.name), {u"parent_id"_s},
                                            u"t%1"_s.arg(i - 1, 4, 10, QChar(u'0')), {u"id"_s}, u"cascade"_s, {}};
        }
        table.indexes << Index{u"ix_%1_name"_s.arg(table.name), {u"name"_s}, false, {}};
        table.checks << CheckConstraint{u"ck_%1_amount"_s.arg(table.name), u"amount >= 0"_s};
        schema.tables << table;
    }
    return schema;
}

qint64 median(QList<qint64> values)
{
    std::ranges::sort(values);
    return values.at(values.size() / 2);
}

} // namespace

class BenchIntrospect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // What baseline and "drop everything" plan: 500 create_table (or drop_table) with their keys and indexes.
    void createAndDropEverything()
    {
        const Schema wanted = generatedSchema();
        QElapsedTimer timer;
        timer.start();
        auto create = diffSchemas({}, wanted);
        const qint64 createMs = timer.restart();
        QVERIFY2(create, qPrintable(create ? QString() : create.error().toString()));
        auto drop = diffSchemas(wanted, {});
        const qint64 dropMs = timer.elapsed();
        QVERIFY2(drop, qPrintable(drop ? QString() : drop.error().toString()));
        QCOMPARE(create->upgrade.size(), 2 * tableCount);
        qInfo("%d tables: diff from nothing %lld ms (%lld operations), to nothing %lld ms", tableCount, createMs,
              qint64(create->upgrade.size()), dropMs);
    }

    void introspectAndDiff_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void introspectAndDiff()
    {
        QFETCH(QString, dialect);
        ScratchDatabase db(dialect);
        STRATA_REQUIRE_DATABASE(db);
        auto connection = db.connect();
        QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().toString()));
        const Schema wanted = generatedSchema();
        QVERIFY((*connection)->begin());
        for (const QString &statement : (*connection)->dialect().schemaDdl(wanted))
            QVERIFY2((*connection)->exec(statement), qPrintable(statement));
        QVERIFY((*connection)->commit());

        QList<qint64> introspectMs, diffMs, floorMs;
        const ProjectConfig config;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            auto live = introspect(**connection, config);
            introspectMs << timer.elapsed();
            QVERIFY2(live, qPrintable(live ? QString() : live.error().toString()));
            QCOMPARE(live->tables.size(), tableCount);

            timer.restart();
            auto diff = diffSources(SchemaSource{u"live"_s, (*connection)->dialect().kind(), *live, {}}, SchemaSource{u"models"_s, {}, wanted, {}});
            diffMs << timer.elapsed();
            QVERIFY2(diff, qPrintable(diff ? QString() : diff.error().toString()));
            QVERIFY(diff->isEmpty());

            const Bench::ProcessSpec catalog = Bench::clientCatalog(db);
            const Bench::ProcessResult client = Bench::runProcess(catalog);
            QVERIFY2(client.ok(), qPrintable(Bench::failure(catalog, client)));
            floorMs << qint64(client.wallMs);
        }
        qInfo("%s, %d tables x 10 columns: introspect %lld ms, diff %lld ms (median of %d); "
              "floor, the catalog queries through %s: %lld ms",
              qPrintable(dialect), tableCount, median(introspectMs), median(diffMs), runs,
              dialect == "sqlite"_L1 ? "sqlite3" : "psql", median(floorMs));
    }
};

QTEST_GUILESS_MAIN(BenchIntrospect)
#include "tst_bench_introspect.moc"
