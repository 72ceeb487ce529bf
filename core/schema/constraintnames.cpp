#include "core/schema/constraintnames.h"

#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

constexpr int kMaxIdentifierBytes = 63;   // NAMEDATALEN - 1

// pg_mbcliplen() for UTF-8: the longest prefix of at most `bytes` that ends on a character boundary.
int clipBytes(const QByteArray &text, int bytes)
{
    while (bytes > 0 && bytes < text.size() && (uchar(text.at(bytes)) & 0xC0) == 0x80)
        --bytes;
    return bytes;
}

// Everything PostgreSQL would find in the way of a new name: constraint names
// (one namespace for the whole schema) and, for a key's index, relation names.
struct TakenNames
{
    QSet<QString> constraints;
    QSet<QString> relations;
};

void collect(const Table &table, TakenNames &taken)
{
    taken.relations.insert(table.name);
    if (!table.primaryKey.isEmpty())
        taken.constraints.insert(table.primaryKeyName.isEmpty() ? defaultPrimaryKeyName(table.name) : table.primaryKeyName);
    for (const UniqueConstraint &u : table.uniques) {
        if (!u.name.isEmpty()) {
            taken.constraints.insert(u.name);
            taken.relations.insert(u.name);
        }
    }
    for (const ForeignKey &fk : table.foreignKeys) {
        if (!fk.name.isEmpty())
            taken.constraints.insert(fk.name);
    }
    for (const CheckConstraint &c : table.checks) {
        if (!c.name.isEmpty())
            taken.constraints.insert(c.name);
    }
    for (const Index &index : table.indexes)
        taken.relations.insert(index.name);
}

QString choose(const QString &name1, const QString &name2, const QString &label, bool isRelation,
               const TakenNames &taken)
{
    QString modLabel = label;
    for (int pass = 1;; ++pass) {
        const QString name = postgresObjectName(name1, name2, modLabel);
        if (!taken.constraints.contains(name) && !(isRelation && taken.relations.contains(name)))
            return name;
        modLabel = label + QString::number(pass);
    }
}

// The one column of the table the check uses, else empty.
QString checkColumn(const Table &table, const QString &expression)
{
    QString found;
    for (const Column &column : table.columns) {
        if (!expressionMentions(expression, column.name))
            continue;
        if (!found.isEmpty())
            return {};
        found = column.name;
    }
    return found;
}

} // namespace

QString postgresObjectName(const QString &name1, const QString &name2, const QString &label)
{
    const QByteArray first = name1.toUtf8();
    const QByteArray second = name2.toUtf8();
    const QByteArray tail = label.toUtf8();
    int overhead = 0;
    if (!name2.isEmpty())
        overhead += 1;
    if (!label.isEmpty())
        overhead += int(tail.size()) + 1;
    const int available = kMaxIdentifierBytes - overhead;
    int firstBytes = int(first.size());
    int secondBytes = int(second.size());
    // Shorten the longer part first, as makeObjectName() does.
    while (firstBytes + secondBytes > available) {
        if (firstBytes > secondBytes)
            --firstBytes;
        else
            --secondBytes;
    }
    QByteArray name = first.left(clipBytes(first, firstBytes));
    if (!name2.isEmpty())
        name += '_' + second.left(clipBytes(second, secondBytes));
    if (!label.isEmpty())
        name += '_' + tail;
    return QString::fromUtf8(name);
}

QString defaultUniqueName(const QString &table, const QStringList &columns)
{
    return postgresObjectName(table, columns.join(u'_'), u"key"_s);
}

QString defaultForeignKeyName(const QString &table, const QStringList &columns)
{
    return postgresObjectName(table, columns.join(u'_'), u"fkey"_s);
}

QString defaultCheckName(const Table &table, const QString &expression)
{
    return postgresObjectName(table.name, checkColumn(table, expression), u"check"_s);
}

QString defaultPrimaryKeyName(const QString &table)
{
    return postgresObjectName(table, {}, u"pkey"_s);
}

void nameUnnamedConstraints(Table &table, const Schema &schema)
{
    const auto unnamed = [](const auto &c) { return c.name.isEmpty(); };
    // Reading every other table's names costs as much as the schema is wide,
    // once per created table: only pay it when there is a name to choose.
    if (std::ranges::none_of(table.uniques, unnamed) && std::ranges::none_of(table.checks, unnamed)
        && std::ranges::none_of(table.foreignKeys, unnamed))
        return;
    TakenNames taken;
    for (const Table &other : schema.tables) {
        if (other.name != table.name)
            collect(other, taken);
    }
    // The given names of this table are taken before any is chosen.
    Table given = table;
    given.uniques.removeIf(unnamed);
    given.foreignKeys.removeIf(unnamed);
    given.checks.removeIf(unnamed);
    collect(given, taken);

    for (UniqueConstraint &u : table.uniques) {
        if (!unnamed(u))
            continue;
        u.name = choose(table.name, u.columns.join(u'_'), u"key"_s, true, taken);
        u.generatedName = true;
        taken.constraints.insert(u.name);
        taken.relations.insert(u.name);
    }
    for (CheckConstraint &c : table.checks) {
        if (!unnamed(c))
            continue;
        c.name = choose(table.name, checkColumn(table, c.expression), u"check"_s, false, taken);
        c.generatedName = true;
        taken.constraints.insert(c.name);
    }
    for (ForeignKey &fk : table.foreignKeys) {
        if (!unnamed(fk))
            continue;
        fk.name = choose(table.name, fk.columns.join(u'_'), u"fkey"_s, false, taken);
        fk.generatedName = true;
        taken.constraints.insert(fk.name);
    }
}

} // namespace strata
