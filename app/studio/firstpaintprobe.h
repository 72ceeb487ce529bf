#pragma once

#include <QElapsedTimer>
#include <QObject>

class QAbstractItemView;

// --quit-after-first-paint (for tests/bench): watches the timeline's viewport
// and, once a paint with revision rows in the model has been delivered and
// flushed, prints how long that took and quits the application.
class FirstPaintProbe : public QObject
{
    Q_OBJECT
public:
    // sinceMain: started at the top of main(), before QApplication.
    FirstPaintProbe(QAbstractItemView *view, const QElapsedTimer &sinceMain);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void report();

    QAbstractItemView *m_view;
    QElapsedTimer m_sinceMain;
    bool m_seen = false;
};
