#include "ui/timeline/timelinelayout.h"

#include <QSet>

namespace strata::ui {

namespace {

int takeFreeLane(QStringList &lanes, const QString &waitFor)
{
    for (int i = 0; i < lanes.size(); ++i) {
        if (lanes[i].isEmpty()) {
            lanes[i] = waitFor;
            return i;
        }
    }
    lanes.append(waitFor);
    return int(lanes.size()) - 1;
}

int usedWidth(const QStringList &lanes)
{
    int width = int(lanes.size());
    while (width > 0 && lanes[width - 1].isEmpty())
        --width;
    return width;
}

} // namespace

QList<TimelineRowLayout> TimelineLayout::compute(const QList<Node> &nodes)
{
    QSet<QString> known;
    known.reserve(nodes.size());
    for (const Node &node : nodes)
        known.insert(node.id);

    QList<TimelineRowLayout> rows;
    rows.reserve(nodes.size());
    QStringList lanes;   // lanes[i]: the revision lane i waits for; empty when free
    for (const Node &node : nodes) {
        TimelineRowLayout row;
        const int widthAbove = usedWidth(lanes);

        QList<int> incoming;
        for (int i = 0; i < lanes.size(); ++i) {
            if (lanes[i] == node.id)
                incoming.append(i);
        }
        row.lane = incoming.isEmpty() ? takeFreeLane(lanes, node.id) : incoming.first();
        for (int lane : std::as_const(incoming))
            row.edges.append({LaneEdge::Kind::Up, lane});
        for (int i = 0; i < lanes.size(); ++i) {
            if (!lanes[i].isEmpty() && lanes[i] != node.id)
                row.edges.append({LaneEdge::Kind::Through, i});
        }
        for (int lane : std::as_const(incoming))
            lanes[lane].clear();
        lanes[row.lane].clear();

        bool first = true;
        for (const QString &parent : node.parents) {
            if (!known.contains(parent))
                continue;
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
