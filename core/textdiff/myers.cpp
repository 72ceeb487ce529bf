#include "core/textdiff/myers_p.h"

#include <vector>

namespace strata {

namespace {

// Myers on a[aBegin, aEnd) x b[bBegin, bEnd); appends the script to out.
// Returns false (and appends nothing) when more than maxEdits edits are needed.
bool myers(const QList<int> &a, int aBegin, int aEnd, const QList<int> &b, int bBegin, int bEnd,
           int maxEdits, QList<Edit> &out)
{
    const int n = aEnd - aBegin;
    const int m = bEnd - bBegin;
    const int max = std::min(n + m, maxEdits);
    const int offset = max + 1;
    std::vector<int> v(2 * max + 3, 0);
    // trace[d] holds v[-d..d] as it was before round d: enough to walk back.
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                                   : v[offset + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && a[aBegin + x] == b[bBegin + y]) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0)
        return false;

    QList<Edit> reversed;
    int x = n;
    int y = m;
    for (int d = found; d >= 0; --d) {
        const std::vector<int> &before = trace[d];
        const auto at = [&](int k) { return before[k + d]; };
        const int k = x - y;
        int prevK = k;
        int prevX = 0;
        int prevY = 0;
        if (d > 0) {
            prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
            prevX = at(prevK);
            prevY = prevX - prevK;
        }
        while (x > prevX && y > prevY) {
            --x;
            --y;
            reversed.append({Edit::Kind::Keep, aBegin + x, bBegin + y});
        }
        if (d == 0)
            break;
        if (x == prevX)
            reversed.append({Edit::Kind::Insert, -1, bBegin + prevY});
        else
            reversed.append({Edit::Kind::Delete, aBegin + prevX, -1});
        x = prevX;
        y = prevY;
    }
    for (auto it = reversed.crbegin(); it != reversed.crend(); ++it)
        out.append(*it);
    return true;
}

} // namespace

QList<Edit> shortestEditScript(const QList<int> &a, const QList<int> &b, int maxEdits)
{
    QList<Edit> script;
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
           && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;

    for (int i = 0; i < prefix; ++i)
        script.append({Edit::Kind::Keep, i, i});
    const int aEnd = int(a.size()) - suffix;
    const int bEnd = int(b.size()) - suffix;
    if (!myers(a, prefix, aEnd, b, prefix, bEnd, maxEdits, script)) {
        for (int i = prefix; i < aEnd; ++i)
            script.append({Edit::Kind::Delete, i, -1});
        for (int j = prefix; j < bEnd; ++j)
            script.append({Edit::Kind::Insert, -1, j});
    }
    for (int i = 0; i < suffix; ++i)
        script.append({Edit::Kind::Keep, aEnd + i, bEnd + i});
    return script;
}

} // namespace strata
