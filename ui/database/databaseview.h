#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QTreeView;
class QToolButton;

namespace strata { struct DatabaseOverview; }

namespace strata::ui {

class ObjectDriftModel;
class OverviewLoader;
class StudioSession;
class TableFootprintModel;

// The Database tab: the connected database's tables with their rows and
// sizes, and drift object by object. Read off the window's thread whenever
// the session's state is read again (after every run, F5, a new connection,
// and whatever else refreshes it) and when the window gets the focus back,
// while the tab is shown; a read that fails keeps the last picture, dimmed
// and marked stale with the reason.
class DatabaseView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int minSecondsBetweenReads = 10;

    explicit DatabaseView(StudioSession *session, QWidget *parent = nullptr);

    // Reads again now (if connected).
    void refresh();
    bool isBusy() const;
    bool isStale() const { return m_stale; }
    QString summary() const;
    TableFootprintModel *tables() const { return m_tables; }
    ObjectDriftModel *drift() const { return m_drift; }

Q_SIGNALS:
    // A read ended, with a picture or with the reason it is stale.
    void updated();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onStateChanged();
    void onLoaded(const DatabaseOverview &overview);
    void onFailed(const QString &message);
    void showDisconnected();
    void setSummary(const QString &text, const QString &drift);
    void elideSummaries();

    StudioSession *m_session;
    OverviewLoader *m_loader;
    TableFootprintModel *m_tables;
    ObjectDriftModel *m_drift;
    QLabel *m_summary;
    QLabel *m_driftSummary;
    QToolButton *m_refresh;
    QTreeView *m_tableView;
    QTreeView *m_driftView;
    QString m_summaryText;
    QString m_driftText;
    QDateTime m_readAt;
    QStringList m_headsRead;   // the session's heads when the last read started
    bool m_afterRun = false;   // a run just ended: read whatever the heads
    quint64 m_requests = 0;    // reads started
    quint64 m_requestsAtRunStart = 0;
    bool m_dirty = true;       // the state changed while the tab was hidden
    bool m_stale = false;
};

} // namespace strata::ui
