#pragma once

#include <QStyledItemDelegate>

namespace strata::ui {

struct TimelineRowLayout;

// Paints one timeline row: the graph lanes, then the short id, badges
// (database is here, head, branch labels, edited, lint), the message and the date.
// Every row has the same height, so the view can use uniform item sizes and
// paints only the rows in sight, whatever the number of revisions.
class TimelineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TimelineDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static int rowHeight(const QFontMetrics &metrics);
    static int laneWidth(const QFontMetrics &metrics);

private:
    void paintGraph(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                    const QRect &area) const;
    // Draws a rounded label at x, returns the x after it.
    int paintBadge(QPainter *painter, const QStyleOptionViewItem &option, int x, const QString &text,
                   const QColor &colour, bool filled) const;
    void paintText(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                   QRect area) const;
};

} // namespace strata::ui
