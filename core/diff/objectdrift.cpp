#include "core/diff/objectdrift.h"

#include "core/introspect/schemanormalize.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

using Side = ObjectDrift::Side;
using Kind = ObjectDrift::Kind;

QString columnList(const QStringList &columns) { return u"("_s + columns.join(u", "_s) + u')'; }

QString columnText(const Column &column)
{
    QString text = column.type.toString();
    if (!column.nullable)
        text += u" NOT NULL"_s;
    if (column.defaultValue)
        text += u" DEFAULT "_s + *column.defaultValue;
    if (column.autoincrement)
        text += u" autoincrement"_s;
    return text;
}

QString indexText(const Index &index)
{
    QString text = (index.unique ? u"unique "_s : QString()) + columnList(index.columns);
    if (!index.where.isEmpty())
        text += u" WHERE "_s + index.where;
    return text;
}

QString foreignKeyText(const ForeignKey &fk)
{
    QString text = columnList(fk.columns) + u" -> "_s + fk.refTable + columnList(fk.refColumns);
    if (!fk.onDelete.isEmpty())
        text += u" ON DELETE "_s + fk.onDelete.toUpper();
    if (!fk.onUpdate.isEmpty())
        text += u" ON UPDATE "_s + fk.onUpdate.toUpper();
    return text;
}

QString columnChangeText(const Column &from, const Column &to, const ColumnChange &change)
{
    QStringList parts;
    if (change.type)
        parts << u"type %1 -> %2"_s.arg(from.type.toString(), to.type.toString());
    if (change.nullable)
        parts << (to.nullable ? u"NOT NULL -> NULL"_s : u"NULL -> NOT NULL"_s);
    if (change.defaultValue)
        parts << u"default %1 -> %2"_s.arg(from.defaultValue.value_or(u"none"_s), to.defaultValue.value_or(u"none"_s));
    if (change.autoincrement)
        parts << (to.autoincrement ? u"gains autoincrement"_s : u"loses autoincrement"_s);
    return parts.join(u"; "_s);
}

class TableDrift
{
public:
    TableDrift(const Table &from, const Table &to, const CompareRules &rules, QList<ObjectDrift> &out)
        : m_from(from), m_to(to), m_rules(rules), m_out(out)
    {
    }

    void run()
    {
        columns();
        if (m_from.primaryKey != m_to.primaryKey) {
            add(Side::Differs, Kind::PrimaryKey, {},
                u"%1 -> %2"_s.arg(columnList(m_from.primaryKey), columnList(m_to.primaryKey)));
        }
        elements(m_from.indexes, m_to.indexes, Kind::Index, &sameIndex, &indexText);
        elements(m_from.uniques, m_to.uniques, Kind::Unique, &sameUnique,
                 [](const UniqueConstraint &u) { return columnList(u.columns); });
        elements(m_from.foreignKeys, m_to.foreignKeys, Kind::ForeignKey, &sameForeignKey, &foreignKeyText);
        elements(m_from.checks, m_to.checks, Kind::Check, &sameCheck,
                 [](const CheckConstraint &c) { return c.expression; });
    }

private:
    void add(Side side, Kind kind, const QString &name, const QString &detail)
    {
        m_out << ObjectDrift{side, kind, m_to.name, name, detail};
    }

    void columns()
    {
        for (const Column &column : m_from.columns) {
            const Column *live = m_to.column(column.name);
            if (!live) {
                add(Side::OnlyInHistory, Kind::Column, column.name, columnText(column));
            } else if (const ColumnChange change = compareColumns(column, *live); change.any()) {
                add(Side::Differs, Kind::Column, column.name, columnChangeText(column, *live, change));
            }
        }
        for (const Column &column : m_to.columns) {
            if (!m_from.column(column.name))
                add(Side::OnlyInDatabase, Kind::Column, column.name, columnText(column));
        }
    }

    // Paired the way the diff pairs them: an element on one side only is
    // drift; a name the database chose is not.
    template<typename T, typename Same, typename Text>
    void elements(const QList<T> &from, const QList<T> &to, Kind kind, Same same, Text text)
    {
        const Matching matching = matchElements(from, to, [&](const T &a, const T &b) { return same(a, b, m_rules); });
        for (const qsizetype i : matching.removed)
            add(Side::OnlyInHistory, kind, from[i].name, text(from[i]));
        for (const qsizetype j : matching.added)
            add(Side::OnlyInDatabase, kind, to[j].name, text(to[j]));
    }

    const Table &m_from;
    const Table &m_to;
    const CompareRules &m_rules;
    QList<ObjectDrift> &m_out;
};

QString tableText(const Table &table)
{
    return u"%1 column(s)"_s.arg(table.columns.size());
}

} // namespace

QString objectKindName(ObjectDrift::Kind kind)
{
    switch (kind) {
    case Kind::Table: return u"table"_s;
    case Kind::Column: return u"column"_s;
    case Kind::PrimaryKey: return u"primary key"_s;
    case Kind::Index: return u"index"_s;
    case Kind::Unique: return u"unique constraint"_s;
    case Kind::ForeignKey: return u"foreign key"_s;
    case Kind::Check: return u"check constraint"_s;
    }
    return {};
}

QString driftSideName(ObjectDrift::Side side)
{
    switch (side) {
    case Side::OnlyInDatabase: return u"only in the database"_s;
    case Side::OnlyInHistory: return u"only in the history"_s;
    case Side::Differs: return u"differs"_s;
    }
    return {};
}

QList<ObjectDrift> objectDrift(const Schema &history, const Schema &database, const CompareRules &rules)
{
    const Schema from = normalizedSchema(history);
    const Schema to = normalizedSchema(database);
    QList<ObjectDrift> drift;
    for (const Table &table : from.tables) {
        if (const Table *live = to.table(table.name))
            TableDrift(table, *live, rules, drift).run();
        else
            drift << ObjectDrift{Side::OnlyInHistory, Kind::Table, table.name, table.name, tableText(table)};
    }
    for (const Table &table : to.tables) {
        if (!from.table(table.name))
            drift << ObjectDrift{Side::OnlyInDatabase, Kind::Table, table.name, table.name, tableText(table)};
    }
    // Stable: within one table and kind the schema's own order stays.
    std::ranges::stable_sort(drift, [](const ObjectDrift &a, const ObjectDrift &b) {
        const int byTable = QString::compare(a.table, b.table, Qt::CaseInsensitive);
        return byTable != 0 ? byTable < 0 : a.kind < b.kind;
    });
    return drift;
}

} // namespace strata
