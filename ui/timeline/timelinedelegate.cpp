#include "ui/timeline/timelinedelegate.h"

#include "ui/safety/severitystyle.h"
#include "ui/theme/themecolors.h"
#include "ui/timeline/timelinemodel.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

QColor textColour(const QStyleOptionViewItem &option, bool dim)
{
    if (option.state & QStyle::State_Selected)
        return option.palette.color(QPalette::HighlightedText);
    return dim ? ThemeColors::dimText(option.palette) : option.palette.color(QPalette::Text);
}

} // namespace

TimelineDelegate::TimelineDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

int TimelineDelegate::rowHeight(const QFontMetrics &metrics) { return metrics.height() + 12; }
int TimelineDelegate::laneWidth(const QFontMetrics &metrics) { return std::max(14, metrics.height()); }

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int lanes = index.data(TimelineModel::TotalLanesRole).toInt();
    return {laneWidth(option.fontMetrics) * (lanes + 1) + option.fontMetrics.averageCharWidth() * 60,
            rowHeight(option.fontMetrics)};
}

void TimelineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const int lanes = index.data(TimelineModel::TotalLanesRole).toInt();
    const int graphWidth = laneWidth(option.fontMetrics) * lanes + laneWidth(option.fontMetrics) / 2;
    QRect graph = option.rect;
    graph.setWidth(graphWidth);
    paintGraph(painter, option, index, graph);
    paintText(painter, option, index, option.rect.adjusted(graphWidth + 4, 0, -6, 0));
    painter->restore();
}

void TimelineDelegate::paintGraph(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index, const QRect &area) const
{
    const auto layout = index.data(TimelineModel::LanesRole).value<TimelineRowLayout>();
    const int lane = laneWidth(option.fontMetrics);
    const auto x = [&](int l) { return area.left() + lane / 2.0 + l * lane + lane / 4.0; };
    const qreal top = area.top();
    const qreal bottom = area.bottom() + 1;
    const qreal cy = area.center().y() + 0.5;
    const qreal nodeX = x(layout.lane);
    const qreal penWidth = std::max(1.5, lane / 8.0);

    for (const LaneEdge &edge : std::as_const(layout.edges)) {
        QPen pen(ThemeColors::lane(option.palette, edge.lane), penWidth);
        pen.setCapStyle(Qt::FlatCap);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        const qreal ex = x(edge.lane);
        QPainterPath path;
        switch (edge.kind) {
        case LaneEdge::Kind::Through:
            path.moveTo(ex, top);
            path.lineTo(ex, bottom);
            break;
        case LaneEdge::Kind::Up:
            path.moveTo(ex, top);
            path.cubicTo(ex, cy, nodeX, top, nodeX, cy);
            break;
        case LaneEdge::Kind::Down:
            path.moveTo(nodeX, cy);
            path.cubicTo(nodeX, bottom, ex, cy, ex, bottom);
            break;
        }
        painter->drawPath(path);
    }

    const QVariant appliedRole = index.data(TimelineModel::IsAppliedRole);
    const bool applied = !appliedRole.isValid() || appliedRole.toBool();
    const bool current = index.data(TimelineModel::IsCurrentRole).toBool();
    const QColor colour = ThemeColors::lane(option.palette, layout.lane);
    const qreal radius = lane * 0.28;
    if (current) {
        painter->setPen(QPen(ThemeColors::current(option.palette), penWidth));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(QPointF(nodeX, cy), radius + penWidth * 1.6, radius + penWidth * 1.6);
    }
    painter->setPen(QPen(colour, penWidth));
    painter->setBrush(applied ? QBrush(colour) : option.palette.brush(QPalette::Base));
    if (index.data(TimelineModel::IsMergeRole).toBool())
        painter->drawRect(QRectF(nodeX - radius, cy - radius, 2 * radius, 2 * radius));
    else
        painter->drawEllipse(QPointF(nodeX, cy), radius, radius);
}

namespace {

QFont badgeFont(const QStyleOptionViewItem &option)
{
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

// The room a badge takes, its gap after it included.
int badgeWidth(const QStyleOptionViewItem &option, const QString &text)
{
    return QFontMetrics(badgeFont(option)).horizontalAdvance(text) + 10 + 6;
}

} // namespace

int TimelineDelegate::paintBadge(QPainter *painter, const QStyleOptionViewItem &option, int x,
                                 const QString &text, const QColor &colour, bool filled) const
{
    const QFont font = badgeFont(option);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 2;
    const QRect box(x, option.rect.center().y() - height / 2 + 1, metrics.horizontalAdvance(text) + 10, height);
    painter->setFont(font);
    painter->setPen(QPen(colour, 1));
    painter->setBrush(filled ? QBrush(colour) : QBrush(Qt::NoBrush));
    painter->drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    const QColor textColour = filled ? (ThemeColors::isDark(option.palette) ? QColor(Qt::black) : QColor(Qt::white))
                                     : colour;
    painter->setPen(textColour);
    painter->drawText(box, Qt::AlignCenter, text);
    painter->setFont(option.font);
    return box.right() + 6;
}

void TimelineDelegate::paintText(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index, QRect area) const
{
    const bool selected = option.state & QStyle::State_Selected;
    // Without a database there is nothing pending: IsAppliedRole is then invalid.
    const QVariant applied = index.data(TimelineModel::IsAppliedRole);
    const bool pending = applied.isValid() && !applied.toBool();
    const QColor text = textColour(option, pending);

    // Date on the right, dimmed; when space is short the time goes first
    // (the message needs the room more: at 1024 px it kept 12 letters), then the date.
    const QDateTime created = index.data(TimelineModel::CreatedRole).toDateTime().toLocalTime();
    QString date = created.toString(u"yyyy-MM-dd HH:mm"_s);
    if (area.width() < option.fontMetrics.horizontalAdvance(date) * 4)
        date = created.toString(u"yyyy-MM-dd"_s);
    const int dateWidth = option.fontMetrics.horizontalAdvance(date);
    if (area.width() > dateWidth * 3) {
        painter->setPen(selected ? text : ThemeColors::dimText(option.palette));
        painter->drawText(area, Qt::AlignRight | Qt::AlignVCenter, date);
        area.setRight(area.right() - dateWidth - 12);
    }

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(option.font.pointSizeF());
    painter->setFont(mono);
    painter->setPen(text);
    const QString shortId = index.data(TimelineModel::ShortIdRole).toString();
    const int idWidth = QFontMetrics(mono).horizontalAdvance(shortId);
    painter->drawText(area, Qt::AlignLeft | Qt::AlignVCenter, shortId);
    painter->setFont(option.font);
    int x = area.left() + idWidth + 8;

    struct Badge
    {
        QString text;
        QColor colour;
        bool filled;
    };
    QList<Badge> badges;
    if (index.data(TimelineModel::IsCurrentRole).toBool())
        badges << Badge{tr("database"), ThemeColors::current(option.palette), true};
    if (index.data(TimelineModel::IsHeadRole).toBool())
        badges << Badge{tr("head"), selected ? text : ThemeColors::lane(option.palette, 0), false};
    const QStringList labels = index.data(TimelineModel::BranchLabelsRole).toStringList();
    for (const QString &label : labels)
        badges << Badge{label, selected ? text : ThemeColors::lane(option.palette, 3), false};
    if (index.data(TimelineModel::IsEditedRole).toBool())
        badges << Badge{tr("edited"), ThemeColors::warning(option.palette), true};
    if (const QVariant lint = index.data(TimelineModel::LintSeverityRole); lint.isValid()) {
        const auto count = index.data(TimelineModel::LintFindingsRole).toStringList().size();
        const QColor colour = severityColour(option.palette, Issue::Severity(lint.toInt()));
        badges << Badge{count == 1 ? tr("lint") : tr("lint %1").arg(count), selected ? text : colour, false};
    }
    // The message keeps room for a few words: badges that would take it are
    // counted in a last "+N" badge instead (the tooltip lists everything).
    const int messageRoom = std::min(area.right() - x, option.fontMetrics.averageCharWidth() * 18);
    const int badgeLimit = area.right() - messageRoom;
    for (qsizetype i = 0; i < badges.size(); ++i) {
        const qsizetype left = badges.size() - i - 1;
        const int more = left > 0 ? badgeWidth(option, u"+%1"_s.arg(left + 1)) : 0;
        if (x + badgeWidth(option, badges[i].text) + more > badgeLimit) {
            x = paintBadge(painter, option, x, u"+%1"_s.arg(left + 1), selected ? text : ThemeColors::dimText(option.palette),
                           false);
            break;
        }
        x = paintBadge(painter, option, x, badges[i].text, badges[i].colour, badges[i].filled);
    }

    QRect messageArea = area;
    messageArea.setLeft(x + 2);
    if (messageArea.width() <= 0)
        return;
    painter->setPen(text);
    const QString message = index.data(TimelineModel::MessageRole).toString();
    painter->drawText(messageArea, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(message, Qt::ElideRight, messageArea.width()));
}

} // namespace strata::ui
