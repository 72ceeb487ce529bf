#include "core/ops/yamlread.h"

#include <QList>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata::yaml {

QString where(const YAML::Node &node, const QString &file)
{
    if (!node.IsDefined())
        return file;
    const YAML::Mark mark = node.Mark();
    if (mark.is_null())
        return file;
    return u"%1:%2:%3"_s.arg(file).arg(mark.line + 1).arg(mark.column + 1);
}

Error inputError(const YAML::Node &node, const QString &file, const QString &message,
                 const QString &hint)
{
    return Error::make(Error::Code::Input, message, where(node, file), hint);
}

QString describeNode(const YAML::Node &node)
{
    if (!node.IsDefined())
        return u"nothing"_s;
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return u"a mapping"_s;
    case YAML::NodeType::Sequence:
        return u"a list"_s;
    case YAML::NodeType::Scalar:
        return u"'%1'"_s.arg(shown(toQString(node)));
    default:
        return u"nothing"_s;
    }
}

bool has(const YAML::Node &map, const char *key)
{
    return map.IsMap() && map[key].IsDefined();
}

namespace {

Result<QString> scalarValue(const YAML::Node &map, const char *key, const QString &file)
{
    const YAML::Node value = map[key];
    if (!value.IsScalar()) {
        return std::unexpected(inputError(value, file,
            u"expected a string for '%1', found %2"_s.arg(QLatin1StringView(key), describeNode(value))));
    }
    return toQString(value);
}

Result<QStringList> listOfScalars(const YAML::Node &map, const char *key, const QString &file)
{
    const YAML::Node value = map[key];
    if (!value.IsDefined() || value.IsNull())
        return QStringList();
    if (value.IsScalar())
        return QStringList{toQString(value)};
    if (!value.IsSequence()) {
        return std::unexpected(inputError(value, file,
            u"expected a name or a list of names for '%1', found %2"_s.arg(QLatin1StringView(key),
                                                                           describeNode(value)),
            u"write %1: [a, b]"_s.arg(QLatin1StringView(key))));
    }
    QStringList items;
    for (const YAML::Node &item : value) {
        if (!item.IsScalar() || toQString(item).isEmpty()) {
            return std::unexpected(inputError(item, file,
                u"expected a name in the list '%1', found %2"_s.arg(QLatin1StringView(key),
                                                                    describeNode(item))));
        }
        items << toQString(item);
    }
    return items;
}

} // namespace

Result<QString> requiredString(const YAML::Node &map, const char *key, const QString &file)
{
    const YAML::Node value = map[key];
    if (!value.IsDefined()) {
        return std::unexpected(inputError(map, file,
            u"missing required key '%1'"_s.arg(QLatin1StringView(key))));
    }
    if (value.IsNull()) {
        return std::unexpected(inputError(value, file,
            u"'%1' has no value; expected a string"_s.arg(QLatin1StringView(key))));
    }
    auto text = scalarValue(map, key, file);
    if (text && text->isEmpty()) {
        return std::unexpected(inputError(value, file,
            u"'%1' is empty; expected a string"_s.arg(QLatin1StringView(key))));
    }
    return text;
}

Result<QString> optionalString(const YAML::Node &map, const char *key, const QString &file,
                               const QString &fallback)
{
    const YAML::Node value = map[key];
    if (!value.IsDefined() || value.IsNull())
        return fallback;
    return scalarValue(map, key, file);
}

Result<bool> optionalBool(const YAML::Node &map, const char *key, const QString &file, bool fallback)
{
    const YAML::Node value = map[key];
    if (!value.IsDefined() || value.IsNull())
        return fallback;
    bool result = false;
    if (!value.IsScalar() || !YAML::convert<bool>::decode(value, result)) {
        return std::unexpected(inputError(value, file,
            u"expected true or false for '%1', found %2"_s.arg(QLatin1StringView(key), describeNode(value))));
    }
    return result;
}

Result<QStringList> stringList(const YAML::Node &map, const char *key, const QString &file)
{
    return listOfScalars(map, key, file);
}

Result<QStringList> requiredStringList(const YAML::Node &map, const char *key, const QString &file)
{
    auto list = listOfScalars(map, key, file);
    if (list && list->isEmpty()) {
        const YAML::Node value = map[key];
        return std::unexpected(inputError(value.IsDefined() ? value : map, file,
            u"missing required key '%1'; expected a name or a list of names"_s.arg(QLatin1StringView(key)),
            u"write %1: [a, b]"_s.arg(QLatin1StringView(key))));
    }
    return list;
}

Status requireMap(const YAML::Node &node, const QString &context, const QString &file)
{
    if (node.IsMap())
        return {};
    return std::unexpected(inputError(node, file,
        u"expected a mapping for %1, found %2"_s.arg(context, describeNode(node)),
        u"write %1 as {key: value, ...} or as indented key: value lines"_s.arg(context)));
}

namespace {

// `{type: numeric(10,2)}` reads as type "numeric(10" plus a key "2)": in a
// flow mapping the comma ends the value.
QString splitByCommaHint()
{
    return u"a comma inside {...} ends the value; quote it: type: \"numeric(10,2)\""_s;
}

} // namespace

Status onlyKeys(const YAML::Node &map, std::initializer_list<const char *> allowed,
                const QString &context, const QString &file)
{
    if (auto isMap = requireMap(map, context, file); !isMap)
        return isMap;
    QStringList allowedNames;
    for (const char *name : allowed)
        allowedNames << QString::fromLatin1(name);
    QSet<QString> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Node keyNode = it->first;   // a copy: it-> yields a temporary proxy
        const QString key = keyNode.IsScalar() ? toQString(keyNode) : QString();
        if (!allowedNames.contains(key)) {
            return std::unexpected(inputError(keyNode, file,
                u"unknown key '%1' in %2; expected one of: %3"_s.arg(shown(key), context, allowedNames.join(u", "_s)),
                didYouMean(key, allowedNames, key.endsWith(u')') ? splitByCommaHint() : QString())));
        }
        if (seen.contains(key)) {
            return std::unexpected(inputError(keyNode, file,
                u"key '%1' appears twice in %2"_s.arg(shown(key), context), u"keep one of them"_s));
        }
        seen.insert(key);
    }
    return {};
}

QString toQString(const YAML::Node &scalar)
{
    return QString::fromStdString(scalar.Scalar());
}

QString shown(const QString &text)
{
    constexpr qsizetype kept = 60;
    if (text.size() <= kept)
        return text;
    return text.left(kept) + u"... (%1 characters)"_s.arg(text.size());
}

namespace {

// Optimal string alignment distance: Levenshtein plus swapped neighbours,
// the commonest typo ("tpye").
qsizetype editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QList<QList<qsizetype>> d(n + 1, QList<qsizetype>(m + 1, 0));
    for (qsizetype i = 0; i <= n; ++i)
        d[i][0] = i;
    for (qsizetype j = 0; j <= m; ++j)
        d[0][j] = j;
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const qsizetype cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

} // namespace

QString closestMatch(const QString &word, const QStringList &candidates)
{
    // Keys are short words: a long one is no typo of them, and the distance
    // table is quadratic in the length (a 5 MB key took 12 s and 876 MB).
    constexpr qsizetype longestTypo = 64;
    if (word.size() > longestTypo)
        return {};
    const QString lowered = word.toLower();
    const qsizetype limit = std::max<qsizetype>(1, word.size() / 3);
    QString best;
    qsizetype bestDistance = limit + 1;
    for (const QString &candidate : candidates) {
        // The distance is at least the difference in length.
        if (std::abs(candidate.size() - word.size()) > limit)
            continue;
        const qsizetype distance = editDistance(lowered, candidate.toLower());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

QString didYouMean(const QString &word, const QStringList &candidates, const QString &fallback)
{
    const QString match = closestMatch(word, candidates);
    return match.isEmpty() ? fallback : u"did you mean '%1'?"_s.arg(match);
}

} // namespace strata::yaml
