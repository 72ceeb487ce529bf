#include "core/graph/revisiongraph.h"
#include "ui/timeline/timelinedelegate.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinepanel.h"

#include <QElapsedTimer>
#include <QListView>
#include <QScrollBar>
#include <QTest>

using namespace Qt::StringLiterals;
using strata::ui::TimelineDelegate;
using strata::ui::TimelineModel;
using strata::ui::TimelinePanel;

namespace {

// Counts the rows it is asked to paint.
class CountingDelegate : public TimelineDelegate
{
public:
    using TimelineDelegate::TimelineDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        ++painted;
        TimelineDelegate::paint(painter, option, index);
    }
    mutable int painted = 0;
};

// 10,000 revisions in one line, with a side branch merged back every 1,000.
QList<strata::Revision> longHistory()
{
    QList<strata::Revision> revisions;
    QString previous;
    const QDateTime start(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < 10000; ++i) {
        strata::Revision r;
        r.id = u"%1"_s.arg(i, 12, 16, QChar(u'0'));
        r.message = u"Revision number %1"_s.arg(i);
        r.created = start.addSecs(3600LL * i);
        if (!previous.isEmpty())
            r.downRevisions = {previous};
        if (i % 1000 == 500) {
            strata::Revision side;
            side.id = u"b%1"_s.arg(i, 11, 16, QChar(u'0'));
            side.message = u"Side branch"_s;
            side.created = r.created;
            side.downRevisions = {previous};
            r.downRevisions = {previous, side.id};
            revisions << side;
        }
        revisions << r;
        previous = r.id;
    }
    return revisions;
}

} // namespace

class TestTimelineScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyVisibleRowsArePainted()
    {
        QElapsedTimer timer;
        timer.start();
        auto graph = strata::RevisionGraph::build(longHistory());
        QVERIFY2(graph, qPrintable(graph ? QString() : graph.error().toString()));
        const qint64 graphMs = timer.restart();

        TimelineModel model;
        model.setGraph(*graph);
        const qint64 layoutMs = timer.restart();
        QCOMPARE(model.rowCount(), 10010);

        TimelinePanel panel(&model);
        auto *delegate = new CountingDelegate(panel.view());
        panel.view()->setItemDelegate(delegate);
        QVERIFY(panel.view()->uniformItemSizes());
        panel.resize(600, 800);
        const int rowHeight = TimelineDelegate::rowHeight(panel.view()->fontMetrics());
        const int visibleRows = 800 / rowHeight + 2;

        timer.restart();
        QImage first = panel.grab().toImage();
        const qint64 firstPaintMs = timer.restart();
        QVERIFY(!first.isNull());
        QVERIFY2(delegate->painted <= visibleRows, qPrintable(QString::number(delegate->painted)));
        QVERIFY(delegate->painted > 0);

        // Page through the middle of the history: each frame paints a screenful, not the list.
        QScrollBar *bar = panel.view()->verticalScrollBar();
        int frames = 0;
        timer.restart();
        for (int value = bar->maximum() / 2; value < bar->maximum() / 2 + 100 * bar->pageStep(); value += bar->pageStep()) {
            delegate->painted = 0;
            bar->setValue(value);
            panel.view()->viewport()->grab();
            QVERIFY2(delegate->painted <= visibleRows, qPrintable(QString::number(delegate->painted)));
            ++frames;
        }
        const qint64 scrollMs = timer.elapsed();
        qInfo("10,010 revisions: graph %lld ms, model and lanes %lld ms, first paint %lld ms, "
              "%d scrolled frames in %lld ms (%.2f ms a frame)",
              graphMs, layoutMs, firstPaintMs, frames, scrollMs, double(scrollMs) / frames);
    }
};

QTEST_MAIN(TestTimelineScale)
#include "tst_timelinescale.moc"
