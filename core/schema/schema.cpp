#include "core/schema/schema.h"

#include <QRegularExpression>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace strata {

Column *Table::column(const QString &name)
{
    const qsizetype i = columnIndex(name);
    return i < 0 ? nullptr : &columns[i];
}

const Column *Table::column(const QString &name) const
{
    const qsizetype i = columnIndex(name);
    return i < 0 ? nullptr : &columns[i];
}

qsizetype Table::columnIndex(const QString &name) const
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name)
            return i;
    }
    return -1;
}

bool Table::hasConstraint(const QString &name) const
{
    if (name.isEmpty())
        return false;
    const auto named = [&name](const auto &c) { return c.name == name; };
    return std::ranges::any_of(uniques, named) || std::ranges::any_of(foreignKeys, named)
        || std::ranges::any_of(checks, named);
}

Table *Schema::table(const QString &name)
{
    const qsizetype i = tableIndex(name);
    return i < 0 ? nullptr : &tables[i];
}

const Table *Schema::table(const QString &name) const
{
    const qsizetype i = tableIndex(name);
    return i < 0 ? nullptr : &tables[i];
}

qsizetype Schema::tableIndex(const QString &name) const
{
    return lookup.tableIndex(tables, name);
}

const Table *Schema::tableOfIndex(const QString &indexName) const
{
    const qsizetype i = lookup.tableOfIndex(tables, indexName);
    return i < 0 ? nullptr : &tables[i];
}

SchemaLookup::SchemaLookup(const SchemaLookup &other)
{
    const QMutexLocker locker(&other.m_mutex);
    m_entries = other.m_entries;
    m_byName = other.m_byName;
    m_byIndexName = other.m_byIndexName;
}

SchemaLookup &SchemaLookup::operator=(const SchemaLookup &other)
{
    if (this == &other)
        return *this;
    QList<Entry> entries;
    QHash<QString, qsizetype> byName;
    QHash<QString, qsizetype> byIndexName;
    {
        const QMutexLocker locker(&other.m_mutex);
        entries = other.m_entries;
        byName = other.m_byName;
        byIndexName = other.m_byIndexName;
    }
    const QMutexLocker locker(&m_mutex);
    m_entries = std::move(entries);
    m_byName = std::move(byName);
    m_byIndexName = std::move(byIndexName);
    return *this;
}

namespace {

// Same data and size: the kept copy still shares the value's storage, so the
// value was not changed since (a change to shared storage copies it first).
template <typename T>
bool sameStorage(const T &kept, const T &value)
{
    return kept.size() == value.size() && kept.constData() == value.constData();
}

bool hasIndex(const Table &table, const QString &indexName)
{
    return std::ranges::any_of(table.indexes, [&indexName](const Index &i) { return i.name == indexName; });
}

} // namespace

qsizetype SchemaLookup::tableIndex(const QList<Table> &tables, const QString &name) const
{
    const QMutexLocker locker(&m_mutex);
    // A hit is checked against the table itself; a miss is believed only once the cache is current.
    if (const auto it = m_byName.constFind(name); it != m_byName.cend()) {
        if (*it < tables.size() && tables.at(*it).name == name)
            return *it;
    }
    if (isCurrent(tables))
        return -1;
    update(tables);
    return m_byName.value(name, -1);
}

qsizetype SchemaLookup::tableOfIndex(const QList<Table> &tables, const QString &indexName) const
{
    const QMutexLocker locker(&m_mutex);
    if (const auto it = m_byIndexName.constFind(indexName); it != m_byIndexName.cend()) {
        if (*it < tables.size() && hasIndex(tables.at(*it), indexName))
            return *it;
    }
    if (isCurrent(tables))
        return -1;
    update(tables);
    return m_byIndexName.value(indexName, -1);
}

bool SchemaLookup::isCurrent(const QList<Table> &tables) const
{
    if (m_entries.size() != tables.size())
        return false;
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const Table &table = tables.at(i);
        if (!sameStorage(m_entries.at(i).name, table.name) || !sameStorage(m_entries.at(i).indexes, table.indexes))
            return false;
    }
    return true;
}

// Keeps the entries of the unchanged leading tables and redoes the rest: an
// append (a replay's create_table) or a drop at the end costs only the tables
// concerned.
void SchemaLookup::update(const QList<Table> &tables) const
{
    qsizetype kept = 0;
    while (kept < m_entries.size() && kept < tables.size() && sameStorage(m_entries.at(kept).name, tables.at(kept).name)
           && sameStorage(m_entries.at(kept).indexes, tables.at(kept).indexes))
        ++kept;
    for (qsizetype i = kept; i < m_entries.size(); ++i) {
        const Entry &gone = m_entries.at(i);
        if (m_byName.value(gone.name, -1) == i)
            m_byName.remove(gone.name);
        for (const Index &index : gone.indexes) {
            if (m_byIndexName.value(index.name, -1) == i)
                m_byIndexName.remove(index.name);
        }
    }
    m_entries.resize(kept);
    // The first table of a name wins, as a walk through the list finds it.
    for (qsizetype i = kept; i < tables.size(); ++i) {
        const Table &table = tables.at(i);
        m_entries.append(Entry{table.name, table.indexes});
        if (!m_byName.contains(table.name))
            m_byName.insert(table.name, i);
        for (const Index &index : table.indexes) {
            if (!m_byIndexName.contains(index.name))
                m_byIndexName.insert(index.name, i);
        }
    }
}

QStringList Schema::tablesReferencing(const QString &tableName) const
{
    QStringList names;
    for (const Table &t : tables) {
        if (t.name == tableName)
            continue;
        const bool refers = std::ranges::any_of(t.foreignKeys, [&tableName](const ForeignKey &fk) {
            return fk.refTable == tableName;
        });
        if (refers)
            names << t.name;
    }
    return names;
}

QMap<QString, QStringList> Schema::nativeEnums() const
{
    QMap<QString, QStringList> types;
    for (const Table &t : tables) {
        for (const Column &c : t.columns) {
            if (c.type.isNativeEnum() && !types.contains(c.type.name))
                types.insert(c.type.name, c.type.values);
        }
    }
    return types;
}

void Schema::setEnumValues(const QString &enumName, const QStringList &values)
{
    for (Table &t : tables) {
        for (Column &c : t.columns) {
            if (c.type.isNativeEnum() && c.type.name == enumName)
                c.type.values = values;
        }
    }
}

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// Walks an SQL expression and hands every identifier token to `visit`, which
// returns its replacement text; literals and operators are copied as they are.
// `quoted` tells whether the identifier was written in double quotes.
QString rewriteIdentifiers(const QString &sql,
                           const std::function<QString(const QString &word, bool quoted)> &visit)
{
    QString out;
    out.reserve(sql.size());
    qsizetype i = 0;
    while (i < sql.size()) {
        const QChar c = sql.at(i);
        if (c == u'\'') {
            // A string literal, '' inside it is an escaped quote.
            qsizetype j = i + 1;
            while (j < sql.size()) {
                if (sql.at(j) == u'\'') {
                    if (j + 1 < sql.size() && sql.at(j + 1) == u'\'') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            out += sql.mid(i, j - i + 1);
            i = j + 1;
        } else if (c == u'"') {
            QString word;
            qsizetype j = i + 1;
            while (j < sql.size()) {
                if (sql.at(j) == u'"') {
                    if (j + 1 < sql.size() && sql.at(j + 1) == u'"') {
                        word += u'"';
                        j += 2;
                        continue;
                    }
                    break;
                }
                word += sql.at(j);
                ++j;
            }
            out += visit(word, true);
            i = j + 1;
        } else if (c.isLetter() || c == u'_') {
            qsizetype j = i;
            while (j < sql.size() && isWordChar(sql.at(j)))
                ++j;
            out += visit(sql.mid(i, j - i), false);
            i = j;
        } else if (c.isDigit()) {
            // A number such as 1e10 must not read as the identifier "e10".
            qsizetype j = i;
            while (j < sql.size() && (isWordChar(sql.at(j)) || sql.at(j) == u'.'))
                ++j;
            out += sql.mid(i, j - i);
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

QString quoteIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(u"\""_s, u"\"\""_s);
    return u'"' + escaped + u'"';
}

bool sameIdentifier(const QString &word, bool quoted, const QString &identifier)
{
    return quoted ? word == identifier : word.compare(identifier, Qt::CaseInsensitive) == 0;
}

} // namespace

bool expressionMentions(const QString &expression, const QString &identifier)
{
    bool found = false;
    rewriteIdentifiers(expression, [&](const QString &word, bool quoted) {
        found = found || sameIdentifier(word, quoted, identifier);
        return QString();
    });
    return found;
}

QString renameInExpression(const QString &expression, const QString &from, const QString &to)
{
    static const QRegularExpression plainIdentifier(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    return rewriteIdentifiers(expression, [&](const QString &word, bool quoted) {
        if (sameIdentifier(word, quoted, from))
            return quoted || !plainIdentifier.match(to).hasMatch() ? quoteIdentifier(to) : to;
        return quoted ? quoteIdentifier(word) : word;
    });
}

} // namespace strata
