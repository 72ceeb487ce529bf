#pragma once

#include <QWidget>

class QLineEdit;
class QListView;

namespace strata::ui {

class TimelineModel;
class TimelineFilter;

// The left side of the window: a filter box over the timeline list. Speaks
// in revision ids, so callers never deal with proxy rows.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(TimelineModel *model, QWidget *parent = nullptr);

    QString currentRevision() const;
    // The selected revisions, newest first (timeline order).
    QStringList selectedRevisions() const;
    // Selects every visible revision between the two (inclusive), a range as shift-click makes one.
    bool selectRange(const QString &first, const QString &last);
    // Selects and shows the revision; false when it is not in the list (or filtered out).
    bool selectRevision(const QString &id);
    QListView *view() const { return m_view; }
    QLineEdit *filterBox() const { return m_filter; }
    TimelineFilter *filter() const { return m_proxy; }

Q_SIGNALS:
    void currentRevisionChanged(const QString &id);
    void selectionChanged();
    void contextMenuRequested(const QString &id, const QPoint &globalPos);

private:
    void emitCurrent();

    TimelineModel *m_model;
    TimelineFilter *m_proxy;
    QLineEdit *m_filter;
    QListView *m_view;
};

} // namespace strata::ui
