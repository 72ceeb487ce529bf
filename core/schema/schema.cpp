#include "core/schema/schema.h"

#include <QRegularExpression>

#include <algorithm>
#include <cstring>
#include <functional>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// QString's == without its out-of-line call: replaying a long history looks
// tables and indexes up by name among tens of thousands, and the call was
// most of that time.
inline bool sameName(const QString &a, const QString &b)
{
    const qsizetype n = a.size();
    return n == b.size() && std::memcmp(a.constData(), b.constData(), size_t(n) * sizeof(QChar)) == 0;
}

} // namespace

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
    const Table *data = tables.constData();
    for (qsizetype i = 0, n = tables.size(); i < n; ++i) {
        if (sameName(data[i].name, name))
            return i;
    }
    return -1;
}

const Table *Schema::tableOfIndex(const QString &indexName) const
{
    for (const Table &t : tables) {
        for (const Index &index : t.indexes) {
            if (sameName(index.name, indexName))
                return &t;
        }
    }
    return nullptr;
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
