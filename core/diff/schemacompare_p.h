#pragma once

#include "core/schema/schema.h"

#include <QList>
#include <QPair>

namespace strata {

struct CompareRules
{
    // Check expressions and index predicates are compared as text only when
    // both sides keep them as written. PostgreSQL stores its own rewrite
    // ("mood BETWEEN 1 AND 5" comes back as "(mood >= 1) AND (mood <= 5)"), so
    // against a PostgreSQL database only their presence and names count.
    bool compareExpressions = true;
};

// What differs between two versions of one column (names aside).
struct ColumnChange
{
    bool type = false;
    bool nullable = false;
    bool defaultValue = false;
    bool autoincrement = false;
    bool any() const { return type || nullable || defaultValue || autoincrement; }
};
ColumnChange compareColumns(const Column &from, const Column &to);

// Same shape, names aside.
bool sameIndex(const Index &a, const Index &b, const CompareRules &rules);
bool sameUnique(const UniqueConstraint &a, const UniqueConstraint &b, const CompareRules &rules);
bool sameForeignKey(const ForeignKey &a, const ForeignKey &b, const CompareRules &rules);
bool sameCheck(const CheckConstraint &a, const CheckConstraint &b, const CompareRules &rules);

// Pairs the elements of two lists (indexes or constraints of one table): by
// name and shape first, then by shape alone where one side has no name (a
// constraint the database named, or one models.yaml leaves unnamed).
struct Matching
{
    QList<QPair<qsizetype, qsizetype>> kept;   // (from, to)
    QList<qsizetype> removed;                  // in from
    QList<qsizetype> added;                    // in to
};

// A name the database chose (generatedName) may differ from a given one for
// the same constraint: it pairs by shape, as no name does.
template<typename T>
bool flexibleName(const T &element)
{
    if constexpr (requires { element.generatedName; })
        return element.name.isEmpty() || element.generatedName;
    else
        return element.name.isEmpty();
}

template<typename T, typename Same>
Matching matchElements(const QList<T> &from, const QList<T> &to, Same same)
{
    Matching matching;
    QList<bool> fromUsed(from.size(), false);
    QList<bool> toUsed(to.size(), false);
    const auto pass = [&](bool byName) {
        for (qsizetype j = 0; j < to.size(); ++j) {
            for (qsizetype i = 0; i < from.size() && !toUsed[j]; ++i) {
                if (fromUsed[i])
                    continue;
                const QString &a = from[i].name;
                const QString &b = to[j].name;
                const bool names = byName ? (!a.isEmpty() && a == b)
                                          : (a == b || flexibleName(from[i]) || flexibleName(to[j]));
                if (names && same(from[i], to[j])) {
                    fromUsed[i] = toUsed[j] = true;
                    matching.kept.append({i, j});
                }
            }
        }
    };
    pass(true);
    pass(false);
    for (qsizetype i = 0; i < from.size(); ++i) {
        if (!fromUsed[i])
            matching.removed << i;
    }
    for (qsizetype j = 0; j < to.size(); ++j) {
        if (!toUsed[j])
            matching.added << j;
    }
    return matching;
}

} // namespace strata
