#include "core/introspect/sqliteintrospector.h"

#include "core/introspect/schemanormalize.h"
#include "core/introspect/sqliteddl_p.h"

#include <algorithm>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

using Constraint = SqliteTableDdl::Constraint;

// The DDL constraint of that kind with these columns (and target), taken so
// that two identical ones get their names in order.
QString takeName(QList<Constraint> &constraints, Constraint::Kind kind, const QStringList &columns,
                 const QString &refTable = {})
{
    for (qsizetype i = 0; i < constraints.size(); ++i) {
        const Constraint &c = constraints.at(i);
        const bool sameColumns = c.columns.join(u'\x1f').compare(columns.join(u'\x1f'), Qt::CaseInsensitive) == 0;
        if (c.kind == kind && sameColumns && c.refTable.compare(refTable, Qt::CaseInsensitive) == 0) {
            const QString name = c.name;
            constraints.removeAt(i);
            return name;
        }
    }
    return {};
}

} // namespace

Result<Schema> SqliteIntrospector::read(const IntrospectOptions &options)
{
    m_warnings.clear();
    m_ddl.clear();
    m_index.clear();
    m_types.clear();
    auto rows = m_connection.select(
        u"SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "ORDER BY rowid"_s);
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(u"could not list the tables of the SQLite database"_s));
    Schema schema;
    for (const QVariantList &row : *rows) {
        const QString name = row.value(0).toString();
        const QString sql = row.value(1).toString();
        if (options.excludeTables.contains(name, Qt::CaseInsensitive))
            continue;
        if (sql.simplified().startsWith("CREATE VIRTUAL"_L1, Qt::CaseInsensitive)) {
            m_warnings << u"table '%1' is a virtual table; it is left out"_s.arg(name);
            continue;
        }
        Table table;
        table.name = name;
        m_index.insert(name.toLower(), schema.tables.size());
        schema.tables << table;
        m_ddl.insert(name, parseSqliteCreateTable(sql));
    }
    for (auto step : {&SqliteIntrospector::readColumns, &SqliteIntrospector::readIndexes,
                      &SqliteIntrospector::readForeignKeys}) {
        if (auto done = (this->*step)(schema); !done)
            return std::unexpected(done.error());
    }
    for (Table &table : schema.tables) {
        for (const Constraint &c : std::as_const(m_ddl[table.name].constraints)) {
            if (c.kind == Constraint::Kind::Check)
                table.checks << CheckConstraint{c.name, c.expression};
        }
    }
    return schema;
}

Status SqliteIntrospector::readColumns(Schema &schema)
{
    auto rows = m_connection.select(
        // No ORDER BY: the join gives each table's columns together, in cid
        // order, and sorting 50,000 rows of a 5,000-table schema costs more than reading them.
        u"SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk "
        "FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p "
        "WHERE m.type = 'table'"_s);
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(u"could not read the columns of the SQLite database"_s));
    QHash<QString, QMap<int, QString>> keys;   // table -> key position -> column
    QHash<QString, QString> declared;          // table -> declared type of its (first) key column
    // The rows come table by table: one lookup per table, not per column.
    Table *table = nullptr;
    for (const QVariantList &row : *rows) {
        if (const QString name = row.value(0).toString(); !table || table->name != name)
            table = this->table(schema, name);
        if (!table)
            continue;
        Column column;
        column.name = row.value(1).toString();
        column.type = columnType(row.value(2).toString(), table->name, column.name);
        column.nullable = row.value(3).toInt() == 0;
        if (!row.value(4).isNull())
            column.defaultValue = withoutOuterParentheses(row.value(4).toString());
        if (const int position = row.value(5).toInt(); position > 0) {
            keys[table->name].insert(position, column.name);
            if (position == 1)
                declared.insert(table->name, row.value(2).toString().trimmed().toUpper());
        }
        table->columns << column;
    }
    for (Table &table : schema.tables) {
        table.primaryKey = keys.value(table.name).values();
        // SQLite numbers an INTEGER PRIMARY KEY itself (it is the rowid), with
        // or without AUTOINCREMENT, which only stops ids being reused.
        const SqliteTableDdl &ddl = m_ddl[table.name];
        Column *key = table.primaryKey.size() == 1 ? table.column(table.primaryKey.first()) : nullptr;
        if (key && (key->name == ddl.autoincrementColumn || (!ddl.withoutRowid && declared.value(table.name) == "INTEGER"_L1))) {
            key->autoincrement = true;
            // Without AUTOINCREMENT it is the key SQLAlchemy makes (see Column::serial).
            key->serial = key->name != ddl.autoincrementColumn;
        }
    }
    return {};
}

Status SqliteIntrospector::readIndexes(Schema &schema)
{
    auto rows = m_connection.select(
        u"SELECT m.name, il.name, il.\"unique\", il.origin, ii.name, s.sql "
        "FROM sqlite_master AS m JOIN pragma_index_list(m.name) AS il JOIN pragma_index_info(il.name) AS ii "
        "LEFT JOIN sqlite_master AS s ON s.type = 'index' AND s.name = il.name "
        "WHERE m.type = 'table'"_s);
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(u"could not read the indexes of the SQLite database"_s));
    struct Found { QString table; Index index; QString origin; bool expression = false; };
    QList<Found> found;
    for (const QVariantList &row : *rows) {
        const QString table = row.value(0).toString();
        const QString name = row.value(1).toString();
        if (found.isEmpty() || found.last().table != table || found.last().index.name != name) {
            Found next{table, Index{name, {}, row.value(2).toInt() != 0, sqliteIndexPredicate(row.value(5).toString())},
                       row.value(3).toString()};
            found << next;
        }
        if (row.value(4).isNull())
            found.last().expression = true;
        else
            found.last().index.columns << row.value(4).toString();
    }
    // The join gives each index's columns together, in seqno order; a table's indexes go by name.
    std::stable_sort(found.begin(), found.end(), [](const Found &a, const Found &b) {
        const int byTable = a.table.compare(b.table);
        return byTable != 0 ? byTable < 0 : a.index.name < b.index.name;
    });
    QHash<QString, QList<Constraint>> ddlConstraints;
    for (const Found &f : std::as_const(found)) {
        Table *table = this->table(schema, f.table);
        if (!table || f.origin == "pk"_L1)
            continue;
        if (f.expression) {
            m_warnings << u"index '%1' of table '%2' is on an expression; it is left out"_s.arg(f.index.name, f.table);
            continue;
        }
        if (f.origin == "u"_L1) {
            if (!ddlConstraints.contains(f.table))
                ddlConstraints.insert(f.table, m_ddl.value(f.table).constraints);
            table->uniques << UniqueConstraint{takeName(ddlConstraints[f.table], Constraint::Kind::Unique, f.index.columns),
                                               f.index.columns};
        } else {
            table->indexes << f.index;
        }
    }
    return {};
}

Status SqliteIntrospector::readForeignKeys(Schema &schema)
{
    // SQLite numbers a table's foreign keys from the last declared one.
    auto rows = m_connection.select(
        u"SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
        "FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f "
        "WHERE m.type = 'table' ORDER BY m.name, f.id DESC, f.seq"_s);
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(u"could not read the foreign keys of the SQLite database"_s));
    QString currentTable;
    int currentId = -1;
    QHash<QString, QList<Constraint>> ddlConstraints;
    for (const QVariantList &row : *rows) {
        Table *table = this->table(schema, row.value(0).toString());
        if (!table)
            continue;
        const int id = row.value(1).toInt();
        if (table->name != currentTable || id != currentId) {
            ForeignKey fk;
            const Table *target = this->table(schema, row.value(2).toString());
            fk.refTable = target ? target->name : row.value(2).toString();
            fk.onUpdate = canonicalAction(row.value(5).toString());
            fk.onDelete = canonicalAction(row.value(6).toString());
            table->foreignKeys << fk;
            currentTable = table->name;
            currentId = id;
        }
        ForeignKey &fk = table->foreignKeys.last();
        fk.columns << row.value(3).toString();
        if (!row.value(4).isNull())
            fk.refColumns << row.value(4).toString();
    }
    for (Table &table : schema.tables) {
        QList<Constraint> constraints = m_ddl.value(table.name).constraints;
        for (ForeignKey &fk : table.foreignKeys) {
            // "REFERENCES parent" without columns points at the parent's primary key.
            if (fk.refColumns.isEmpty()) {
                if (const Table *target = this->table(schema, fk.refTable))
                    fk.refColumns = target->primaryKey;
            }
            fk.name = takeName(constraints, Constraint::Kind::ForeignKey, fk.columns, fk.refTable);
        }
    }
    return {};
}

Table *SqliteIntrospector::table(Schema &schema, const QString &name) const
{
    const auto it = m_index.constFind(name.toLower());
    return it == m_index.cend() ? nullptr : &schema.tables[*it];
}

// SQLite accepts any type name; the dialect's names read back exactly, and
// others are read by SQLite's own affinity rules (section 3.1 of "Datatypes
// In SQLite"), with a warning that says how.
ColumnType sqliteDeclaredType(const QString &declared, bool *exact)
{
    if (exact)
        *exact = true;
    if (auto parsed = ColumnType::parse(declared))
        return *parsed;
    if (exact)
        *exact = false;
    using Kind = ColumnType::Kind;
    static const QRegularExpression size(u"\\(\\s*(\\d+)"_s);
    const QString upper = declared.toUpper();
    ColumnType type{Kind::Numeric};
    if (upper.contains("INT"_L1)) {
        type = ColumnType{Kind::Integer};
    } else if (upper.contains("CHAR"_L1) || upper.contains("CLOB"_L1) || upper.contains("TEXT"_L1)) {
        const auto match = size.match(upper);
        type = match.hasMatch() ? ColumnType{Kind::String, match.captured(1).toInt()} : ColumnType{Kind::Text};
    } else if (upper.contains("BLOB"_L1) || upper.trimmed().isEmpty()) {
        type = ColumnType{Kind::Binary};
    } else if (upper.contains("REAL"_L1) || upper.contains("FLOA"_L1) || upper.contains("DOUB"_L1)) {
        type = ColumnType{Kind::Double};
    }
    return type;
}

ColumnType SqliteIntrospector::columnType(const QString &declared, const QString &table, const QString &column)
{
    auto it = m_types.constFind(declared);
    if (it == m_types.cend()) {
        ReadType read;
        read.type = sqliteDeclaredType(declared, &read.exact);
        it = m_types.insert(declared, read);
    }
    if (!it->exact) {
        m_warnings << u"column '%1.%2' is declared '%3', which is not one of Strata's types; read as %4 by SQLite's "
                      "affinity rules"_s.arg(table, column, declared, it->type.toString());
    }
    return it->type;
}

} // namespace strata
