#pragma once

#include <QList>

namespace strata {

// One step of an edit script turning sequence A into sequence B.
struct Edit
{
    enum class Kind { Keep, Delete, Insert };
    Kind kind = Kind::Keep;
    int a = -1;   // index in A (Keep, Delete)
    int b = -1;   // index in B (Keep, Insert)
};

// The shortest edit script between two sequences of symbols (Myers' O(ND)
// greedy walk), in order. Common leading and trailing runs are matched
// first, so the usual small change in a long text stays cheap. When the two
// differ in more than maxEdits places the middle is reported as deleted and
// inserted whole rather than spending quadratic memory on it.
QList<Edit> shortestEditScript(const QList<int> &a, const QList<int> &b, int maxEdits = 2000);

} // namespace strata
