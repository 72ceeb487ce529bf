#include "ui/timeline/timelinelayout.h"

#include <QHash>

namespace strata::ui {

namespace {

// A lane waits for one row (the parent of the node above it); kFree: nobody.
constexpr int kFree = -1;

int takeFreeLane(QList<int> &lanes, int waitFor)
{
    for (int i = 0; i < lanes.size(); ++i) {
        if (lanes[i] == kFree) {
            lanes[i] = waitFor;
            return i;
        }
    }
    lanes.append(waitFor);
    return int(lanes.size()) - 1;
}

int usedWidth(const QList<int> &lanes)
{
    int width = int(lanes.size());
    while (width > 0 && lanes[width - 1] == kFree)
        --width;
    return width;
}

} // namespace

QList<TimelineRowLayout> TimelineLayout::compute(const QList<Node> &nodes)
{
    QHash<QString, int> rowOf;
    rowOf.reserve(nodes.size());
    for (int row = 0; row < nodes.size(); ++row)
        rowOf.insert(nodes[row].id, row);
    return compute(int(nodes.size()), [&](int row, QList<int> &parents) {
        for (const QString &parent : nodes[row].parents) {
            if (const auto found = rowOf.constFind(parent); found != rowOf.cend())
                parents.append(*found);
        }
    });
}

QList<TimelineRowLayout> TimelineLayout::compute(int rowCount, const ParentRows &parentsOf)
{
    QList<TimelineRowLayout> rows;
    rows.reserve(rowCount);
    QList<int> lanes;   // lanes[i]: the row lane i waits for, or kFree
    QList<int> incoming;
    QList<int> parents;
    for (int node = 0; node < rowCount; ++node) {
        TimelineRowLayout row;
        const int widthAbove = usedWidth(lanes);

        incoming.clear();
        for (int i = 0; i < lanes.size(); ++i) {
            if (lanes[i] == node)
                incoming.append(i);
        }
        row.lane = incoming.isEmpty() ? takeFreeLane(lanes, node) : incoming.first();
        for (int lane : std::as_const(incoming))
            row.edges.append({LaneEdge::Kind::Up, lane});
        for (int i = 0; i < lanes.size(); ++i) {
            if (lanes[i] != kFree && lanes[i] != node)
                row.edges.append({LaneEdge::Kind::Through, i});
        }
        for (int lane : std::as_const(incoming))
            lanes[lane] = kFree;
        lanes[row.lane] = kFree;

        parents.clear();
        parentsOf(node, parents);
        bool first = true;
        for (int parent : std::as_const(parents)) {
            int lane = row.lane;
            if (first)
                lanes[lane] = parent;
            else
                lane = takeFreeLane(lanes, parent);
            first = false;
            row.edges.append({LaneEdge::Kind::Down, lane});
        }
        row.laneCount = std::max({widthAbove, usedWidth(lanes), row.lane + 1});
        rows.append(row);
    }
    return rows;
}

} // namespace strata::ui
