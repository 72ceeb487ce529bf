#include "core/introspect/tablefootprint.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// SELECT 'a', count(*) FROM "a" UNION ALL ...: every count in one round trip.
Status countRows(Connection &connection, QList<TableFootprint> &tables, const QString &qualifier,
                 qint64 exactLimit)
{
    QStringList parts;
    QHash<QString, qsizetype> at;
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const TableFootprint &table = tables.at(i);
        if (table.rowsEstimated && table.rows > exactLimit)
            continue;
        at.insert(table.name, i);
        const Dialect &d = connection.dialect();
        parts << u"SELECT %1, count(*) FROM %2%3"_s.arg(d.literal(table.name), qualifier, d.quote(table.name));
    }
    if (parts.isEmpty())
        return {};
    auto rows = connection.select(parts.join(u" UNION ALL "_s));
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(u"could not count the rows of the tables"_s));
    for (const QVariantList &row : *rows) {
        TableFootprint &table = tables[at.value(row.value(0).toString())];
        table.rows = row.value(1).toLongLong();
        table.rowsEstimated = false;
    }
    return {};
}

Result<DatabaseFootprint> readSqlite(Connection &connection)
{
    DatabaseFootprint footprint;
    auto objects = connection.select(
        u"SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger') "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"_s);
    if (!objects)
        return std::unexpected(objects.error().wrappedIn(u"could not list the objects of the SQLite database"_s));
    for (const QVariantList &row : *objects) {
        const QString type = row.value(0).toString();
        if (type == "table"_L1)
            footprint.tables << TableFootprint{row.value(1).toString()};
        else
            footprint.untracked << UntrackedObject{type, row.value(1).toString(),
                                                   type == "trigger"_L1 ? row.value(2).toString() : QString()};
    }
    if (auto counted = countRows(connection, footprint.tables, {}, 0); !counted)
        return std::unexpected(counted.error());

    auto pages = connection.select(u"SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"_s);
    if (pages && !pages->isEmpty())
        footprint.totalBytes = pages->first().value(0).toLongLong();
    // dbstat is a compile-time option of SQLite: ask, and say so when it is missing.
    auto sizes = connection.select(u"SELECT m.tbl_name, sum(s.pgsize) FROM dbstat AS s "
                                   "JOIN sqlite_master AS m ON m.name = s.name GROUP BY m.tbl_name"_s);
    if (!sizes) {
        footprint.sizeSource = u"file size only (this SQLite library has no dbstat table)"_s;
        return footprint;
    }
    QHash<QString, qint64> bytes;
    for (const QVariantList &row : *sizes)
        bytes.insert(row.value(0).toString(), row.value(1).toLongLong());
    for (TableFootprint &table : footprint.tables)
        table.bytes = bytes.value(table.name, 0);
    footprint.sizeSource = u"pages in use, from SQLite's dbstat"_s;
    return footprint;
}

Result<DatabaseFootprint> readPostgres(Connection &connection, const QString &schemaName)
{
    const QString schema = schemaName.isEmpty() ? u"current_schema()"_s : u"?"_s;
    const QVariantList bind = schemaName.isEmpty() ? QVariantList{} : QVariantList{schemaName};
    DatabaseFootprint footprint;
    // reltuples is -1 for a table never analysed (PostgreSQL 14+) and 0 before 14: both mean "count it".
    auto tables = connection.select(u"SELECT c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid) "
                                    "FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace "
                                    "WHERE n.nspname = %1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
                                    "ORDER BY c.relname"_s.arg(schema),
                                    bind);
    if (!tables)
        return std::unexpected(tables.error().wrappedIn(u"could not read the sizes of the tables"_s));
    for (const QVariantList &row : *tables)
        footprint.tables << TableFootprint{row.value(0).toString(), row.value(1).toLongLong(), true,
                                           row.value(2).toLongLong()};
    footprint.sizeSource = u"pg_total_relation_size: table, indexes and TOAST"_s;
    return footprint;
}

Status readPostgresExtras(Connection &connection, DatabaseFootprint &footprint, const QString &schemaName)
{
    const QString schema = schemaName.isEmpty() ? u"current_schema()"_s : u"?"_s;
    const QVariantList bind = schemaName.isEmpty() ? QVariantList{} : QVariantList{schemaName, schemaName};
    auto objects = connection.select(
        u"SELECT 'view', c.relname, '' FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %1 AND c.relkind IN ('v', 'm') "
        "UNION ALL SELECT 'trigger', t.tgname, c.relname FROM pg_trigger AS t "
        "JOIN pg_class AS c ON c.oid = t.tgrelid JOIN pg_namespace AS n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %1 AND NOT t.tgisinternal ORDER BY 2"_s.arg(schema),
        bind);
    if (!objects)
        return std::unexpected(objects.error().wrappedIn(u"could not list the views and triggers"_s));
    for (const QVariantList &row : *objects)
        footprint.untracked << UntrackedObject{row.value(0).toString(), row.value(1).toString(), row.value(2).toString()};
    auto total = connection.select(u"SELECT pg_database_size(current_database())"_s);
    if (total && !total->isEmpty())
        footprint.totalBytes = total->first().value(0).toLongLong();
    return {};
}

} // namespace

Result<DatabaseFootprint> readFootprint(Connection &connection, const FootprintOptions &options)
{
    if (connection.dialect().kind() == Dialect::Kind::Sqlite)
        return readSqlite(connection);
    auto footprint = readPostgres(connection, options.schema);
    if (!footprint)
        return footprint;
    const QString qualifier = options.schema.isEmpty() ? QString() : connection.dialect().quote(options.schema) + u'.';
    if (auto counted = countRows(connection, footprint->tables, qualifier, options.exactCountLimit); !counted)
        return std::unexpected(counted.error());
    if (auto extras = readPostgresExtras(connection, *footprint, options.schema); !extras)
        return std::unexpected(extras.error());
    return footprint;
}

} // namespace strata
