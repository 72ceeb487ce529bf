#pragma once

#include "core/dialect/dialectkind.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace strata::ui {

struct DatabaseState;

// The status bar's contents: dialect, database (no password), current
// revision(s), pending count, drift and edited files, and while a run goes,
// its progress and Cancel.
class StatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatusPanel(QWidget *parent = nullptr);

    void showDisconnected();
    void showConnecting(DialectKind dialect, const QString &database);
    void showState(const DatabaseState &state, int pendingCount);
    // The revision shown may be old: the last reading failed (`why`). The next showState clears it.
    void markStale(const QString &why);
    void showRun(const QString &description);
    void showProgress(int done, int total, const QString &what);
    void showIdle();

    QString revisionText() const;
    QString pendingText() const;
    QString safetyText() const;
    QString safetyToolTip() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_dialect;
    QLabel *m_database;
    QLabel *m_revision;
    QLabel *m_pending;
    QLabel *m_safety;
    QProgressBar *m_progress;
    QString m_runStep;   // the step the run is at, as its last progress named it
    QToolButton *m_cancel;
};

} // namespace strata::ui
