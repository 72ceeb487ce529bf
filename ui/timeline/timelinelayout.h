#pragma once

#include <QList>
#include <QMetaType>
#include <QStringList>

#include <functional>

namespace strata::ui {

// One line segment of the graph inside a row. Rows are drawn top to bottom,
// newest first; a row's node sits at its centre.
struct LaneEdge
{
    enum class Kind : quint8 {
        Through,   // a lane passing by: top to bottom
        Up,        // from the node up to this lane at the row's top (towards a child)
        Down,      // from the node down to this lane at the row's bottom (towards a parent)
    };
    Kind kind = Kind::Through;
    int lane = 0;
    friend bool operator==(const LaneEdge &, const LaneEdge &) = default;
};

struct TimelineRowLayout
{
    int lane = 0;          // where the node is
    int laneCount = 1;     // lanes this row touches (its graph width)
    QList<LaneEdge> edges; // Up (ascending), then Through (ascending), then Down (parent order)
    friend bool operator==(const TimelineRowLayout &, const TimelineRowLayout &) = default;
};

// The lane layout of a revision DAG, the QGit/GitQlient way: each lane waits
// for one revision (the parent of the node above it); a node takes the
// leftmost lane waiting for it, or the first free lane when none waits (a
// head). Lanes waiting for the same parent run side by side and meet at it,
// so a branch point shows its children converging. Computed once per reload.
class TimelineLayout
{
public:
    struct Node
    {
        QString id;
        QStringList parents;
    };

    // nodes newest first: every node comes before all of its parents.
    static QList<TimelineRowLayout> compute(const QList<Node> &nodes);

    // The same by row numbers, without an id per node: parentsOf(row, parents)
    // fills the rows of that row's parents (each below it), in parent order,
    // leaving out parents that have no row.
    using ParentRows = std::function<void(int row, QList<int> &parents)>;
    static QList<TimelineRowLayout> compute(int rowCount, const ParentRows &parentsOf);
};

} // namespace strata::ui

Q_DECLARE_METATYPE(strata::ui::TimelineRowLayout)
