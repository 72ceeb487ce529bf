#include "core/introspect/postgresintrospector.h"

#include "core/introspect/schemanormalize.h"
#include "core/schema/constraintnames.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// The joins and filter every query shares: rows whose `relid` is a table of
// the schema bound to the one '?'.
QString tablesOfSchema(const QString &relid)
{
    return u"JOIN pg_class AS c ON c.oid = %1 JOIN pg_namespace AS n ON n.oid = c.relnamespace "
           "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition"_s.arg(relid);
}

QString action(const QString &code)
{
    if (code == "r"_L1) return u"restrict"_s;
    if (code == "c"_L1) return u"cascade"_s;
    if (code == "n"_L1) return u"set null"_s;
    if (code == "d"_L1) return u"set default"_s;
    return {};   // "a": no action, the default
}

bool isNumeric(const ColumnType &type)
{
    using Kind = ColumnType::Kind;
    return type.isInteger() || type.kind == Kind::Numeric || type.kind == Kind::Float || type.kind == Kind::Double;
}

// A default as people write it: without the casts PostgreSQL adds, a
// negative number without its quotes ('-1'::integer -> -1).
std::optional<QString> readableDefault(const QString &stored, const ColumnType &type)
{
    QString text = withoutCasts(stored);
    if (text.compare("NULL"_L1, Qt::CaseInsensitive) == 0)
        return std::nullopt;
    static const QRegularExpression quotedNumber(u"^'([+-]?\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?)'$"_s);
    if (const auto match = quotedNumber.match(text); match.hasMatch() && isNumeric(type))
        text = match.captured(1);
    return text;
}

} // namespace

Result<ColumnType> postgresColumnType(const QString &formatted)
{
    using Kind = ColumnType::Kind;
    // Fractional-second precision is not part of the abstract types: timestamp(3) reads as datetime.
    static const QRegularExpression precision(u"^(timestamp|time)\\(\\d+\\)"_s);
    QString name = formatted.trimmed().toLower();
    name.replace(precision, u"\\1"_s);
    if (name == "timestamp without time zone"_L1)
        return ColumnType{Kind::DateTime};
    if (name == "timestamp with time zone"_L1)
        return ColumnType{Kind::TimestampTz};
    if (name == "time without time zone"_L1)
        return ColumnType{Kind::Time};
    if (name == "json"_L1)
        return ColumnType{Kind::Json};
    return ColumnType::parse(name);
}

Result<Schema> PostgresIntrospector::read(const IntrospectOptions &options)
{
    m_warnings.clear();
    m_tables.clear();
    m_attributes.clear();
    m_schema = options.schema;
    if (m_schema.isEmpty()) {
        auto current = m_connection.select(u"SELECT current_schema()"_s);
        if (!current)
            return std::unexpected(current.error());
        m_schema = current->isEmpty() ? QString() : current->first().value(0).toString();
        if (m_schema.isEmpty())
            return fail(Error::Code::Conflict, u"the connection has no current schema to read"_s,
                        m_connection.url().redacted(),
                        u"name one with ?schema=NAME in the URL or `schema:` in strata.yaml"_s);
    }
    auto rows = m_connection.select(u"SELECT c.oid::bigint, c.relname FROM pg_class AS c "
                                    "JOIN pg_namespace AS n ON n.oid = c.relnamespace "
                                    "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
                                    "ORDER BY c.oid"_s,
                                    {m_schema});
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(u"could not list the tables of schema '%1'"_s.arg(m_schema)));
    Schema schema;
    for (const QVariantList &row : *rows) {
        const QString name = row.value(1).toString();
        if (options.excludeTables.contains(name, Qt::CaseInsensitive))
            continue;
        m_tables.insert(row.value(0).toLongLong(), schema.tables.size());
        Table table;
        table.name = name;
        schema.tables << table;
    }
    // Each query reads the whole schema's catalog rows: hash joins suit them.
    // Right after thousands of tables were made the catalog's statistics still
    // describe a small database, and the planner chose nested loops over them
    // (`strata check` of 5,000 tables: about 60 s instead of 3).
    const bool planned = m_connection.exec(u"SET enable_nestloop = off"_s).has_value();
    // Those plans cost more than jit_above_cost, so the columns query was
    // compiled and optimised by LLVM first: 1.7 s of a 3 s `strata check` of
    // 5,000 tables, for a query that runs in 0.4 s without. The form leaves a server
    // without JIT (before PostgreSQL 11) alone, and never fails in a transaction.
    auto jit = m_connection.select(u"SELECT set_config('jit', 'off', false) "
                                   "WHERE current_setting('jit', true) IS NOT NULL"_s);
    const bool jitOff = jit && !jit->isEmpty();
    Status done;
    for (auto step : {&PostgresIntrospector::readColumns, &PostgresIntrospector::readConstraints,
                      &PostgresIntrospector::readIndexes}) {
        if (done = (this->*step)(schema); !done)
            break;
    }
    if (planned)
        (void)m_connection.exec(u"RESET enable_nestloop"_s);
    if (jitOff)
        (void)m_connection.exec(u"RESET jit"_s);
    if (!done)
        return std::unexpected(done.error());
    return schema;
}

Table *PostgresIntrospector::tableOf(Schema &schema, const QVariant &oid)
{
    const auto it = m_tables.constFind(oid.toLongLong());
    return it == m_tables.cend() ? nullptr : &schema.tables[*it];
}

QStringList PostgresIntrospector::columnNames(const QVariant &oid, const QString &attnums) const
{
    const QHash<int, QString> names = m_attributes.value(oid.toLongLong());
    QStringList columns;
    for (const QString &number : attnums.split(u' ', Qt::SkipEmptyParts))
        columns << names.value(number.toInt());
    return columns;
}

Status PostgresIntrospector::readColumns(Schema &schema)
{
    auto rows = m_connection.select(
        u"SELECT a.attrelid::bigint, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
        // A default cannot name a column, so it is printed without opening its
        // table (a third of the query's time at 25,000 defaults); a generated
        // column's expression can, and still gets its table.
        "pg_get_expr(d.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE d.adrelid END), "
        "a.attidentity, a.attgenerated, t.typtype, t.typname, "
        // The labels are looked up for enum types only, not once per column.
        "CASE WHEN t.typtype = 'e' THEN (SELECT string_agg(e.enumlabel, chr(31) ORDER BY e.enumsortorder) "
        " FROM pg_enum AS e WHERE e.enumtypid = t.oid) END, "
        // A sequence the column owns (deptype 'a'), as SERIAL makes it; an identity's is internal ('i').
        // refclassid lets it use pg_depend's reference index.
        "EXISTS (SELECT 1 FROM pg_depend AS dep JOIN pg_class AS sq ON sq.oid = dep.objid AND sq.relkind = 'S' "
        " WHERE dep.refclassid = 'pg_class'::regclass AND dep.refobjid = a.attrelid "
        " AND dep.refobjsubid = a.attnum AND dep.deptype = 'a') "
        "FROM pg_attribute AS a JOIN pg_type AS t ON t.oid = a.atttypid "
        "LEFT JOIN pg_attrdef AS d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "_s
            + tablesOfSchema(u"a.attrelid"_s)
            + u" AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum"_s,
        {m_schema});
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(u"could not read the columns of schema '%1'"_s.arg(m_schema)));
    for (const QVariantList &row : *rows) {
        Table *table = tableOf(schema, row.value(0));
        if (!table)
            continue;
        Column column;
        column.name = row.value(2).toString();
        m_attributes[row.value(0).toLongLong()].insert(row.value(1).toInt(), column.name);
        const QString where = table->name + u'.' + column.name;
        // An enum type is read with its values; a type Strata has no word for
        // (tsvector, an array, a domain) as written, the way {raw: ...} declares it.
        if (row.value(8).toString() == "e"_L1) {
            column.type = ColumnType::enumType(row.value(9).toString(), row.value(10).toString().split(QChar(0x1f)));
        } else {
            auto type = postgresColumnType(row.value(3).toString());
            column.type = type ? *type : ColumnType::rawType(row.value(3).toString());
        }
        column.nullable = !row.value(4).toBool();
        const QString stored = row.value(5).toString();
        const QString identity = row.value(6).toString();
        // An identity column, or a serial one (an integer defaulting to its sequence), is numbered by the database.
        const bool serial = column.type.isInteger() && stored.startsWith("nextval("_L1);
        column.autoincrement = identity == "a"_L1 || identity == "d"_L1 || serial;
        column.serial = serial && row.value(11).toBool();
        if (!row.value(5).isNull() && !serial)
            column.defaultValue = readableDefault(stored, column.type);
        if (!row.value(7).toString().isEmpty()) {
            m_warnings << u"column '%1' is generated (%2); it is read as a plain column"_s.arg(where, stored);
            column.defaultValue.reset();
        }
        table->columns << column;
    }
    return {};
}

Status PostgresIntrospector::readConstraints(Schema &schema)
{
    // Referenced columns by name, in key order, separated by the unit separator (never in a name).
    auto rows = m_connection.select(
        u"SELECT k.conrelid::bigint, k.conname, k.contype, array_to_string(k.conkey, ' '), f.relname, fn.nspname, "
        "(SELECT string_agg(a.attname, chr(31) ORDER BY r.ord) FROM unnest(k.confkey) WITH ORDINALITY AS r(attnum, ord) "
        " JOIN pg_attribute AS a ON a.attrelid = k.confrelid AND a.attnum = r.attnum), "
        "k.confupdtype, k.confdeltype, pg_get_expr(k.conbin, k.conrelid) FROM pg_constraint AS k "
        "LEFT JOIN pg_class AS f ON f.oid = k.confrelid LEFT JOIN pg_namespace AS fn ON fn.oid = f.relnamespace "_s
            + tablesOfSchema(u"k.conrelid"_s)
            + u" AND k.contype IN ('p', 'u', 'f', 'c') ORDER BY k.conrelid, k.oid"_s,
        {m_schema});
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(u"could not read the constraints of schema '%1'"_s.arg(m_schema)));
    for (const QVariantList &row : *rows) {
        Table *table = tableOf(schema, row.value(0));
        if (!table)
            continue;
        const QString name = row.value(1).toString();
        const QString kind = row.value(2).toString();
        const QStringList columns = columnNames(row.value(0), row.value(3).toString());
        // A name equal to the one PostgreSQL chooses for an unnamed constraint is marked generated.
        if (kind == "p"_L1) {
            table->primaryKey = columns;
            table->primaryKeyName = name == defaultPrimaryKeyName(table->name) ? QString() : name;
        } else if (kind == "u"_L1) {
            table->uniques << UniqueConstraint{name, columns, name == defaultUniqueName(table->name, columns)};
        } else if (kind == "c"_L1) {
            const QString expression = withoutOuterParentheses(row.value(9).toString());
            table->checks << CheckConstraint{name, expression, name == defaultCheckName(*table, expression)};
        } else {
            ForeignKey fk;
            fk.name = name;
            fk.generatedName = name == defaultForeignKeyName(table->name, columns);
            fk.columns = columns;
            fk.refTable = row.value(4).toString();
            fk.refColumns = row.value(6).toString().split(QChar(0x1f));
            fk.onUpdate = action(row.value(7).toString());
            fk.onDelete = action(row.value(8).toString());
            if (row.value(5).toString() != m_schema) {
                m_warnings << u"foreign key '%1' of table '%2' references %3.%4 in another schema; it is read as "
                              "a reference to '%4'"_s.arg(name, table->name, row.value(5).toString(), fk.refTable);
            }
            table->foreignKeys << fk;
        }
    }
    return {};
}

Status PostgresIntrospector::readIndexes(Schema &schema)
{
    // Indexes that back a primary key or unique constraint belong to the constraint.
    auto rows = m_connection.select(
        u"SELECT i.indrelid::bigint, x.relname, i.indisunique, array_to_string(i.indkey::int2[], ' '), i.indnkeyatts, "
        "pg_get_expr(i.indpred, i.indrelid), am.amname FROM pg_index AS i "
        "JOIN pg_class AS x ON x.oid = i.indexrelid JOIN pg_am AS am ON am.oid = x.relam "_s
            + tablesOfSchema(u"i.indrelid"_s)
            + u" AND NOT EXISTS (SELECT 1 FROM pg_constraint AS k WHERE k.conindid = i.indexrelid "
              "AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')) ORDER BY i.indrelid, x.relname"_s,
        {m_schema});
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(u"could not read the indexes of schema '%1'"_s.arg(m_schema)));
    for (const QVariantList &row : *rows) {
        Table *table = tableOf(schema, row.value(0));
        if (!table)
            continue;
        const QString name = row.value(1).toString();
        const QStringList attnums = row.value(3).toString().split(u' ', Qt::SkipEmptyParts).mid(0, row.value(4).toInt());
        if (attnums.contains(u"0"_s)) {
            m_warnings << u"index '%1' of table '%2' is on an expression; it is left out"_s.arg(name, table->name);
            continue;
        }
        if (row.value(6).toString() != "btree"_L1) {
            m_warnings << u"index '%1' of table '%2' uses %3; it is read as an ordinary (btree) index"_s
                              .arg(name, table->name, row.value(6).toString());
        }
        Index index;
        index.name = name;
        index.columns = columnNames(row.value(0), attnums.join(u' '));
        index.unique = row.value(2).toBool();
        index.where = withoutOuterParentheses(row.value(5).toString());
        table->indexes << index;
    }
    return {};
}

} // namespace strata
