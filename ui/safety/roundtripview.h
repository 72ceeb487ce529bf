#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace strata { struct RoundTripOutcome; }

namespace strata::ui {

// The result of the last round-trip: a summary line (where it ran, how many
// steps passed), then one row per step with pass/fail, the step and its
// message; a failed step unfolds into what differed, one line each.
class RoundtripView : public QWidget
{
    Q_OBJECT
public:
    explicit RoundtripView(QWidget *parent = nullptr);

    void setReport(const RoundTripOutcome &report);
    void showRunning(const QString &description);
    // The run ended without a report (no scratch copy could be made, the
    // database went away): the cause, in place of the running line.
    void showFailure(const QString &cause);
    // Back to the explanation shown before any round-trip (a new project).
    void clear();

    QString summary() const;
    QTreeWidget *table() const { return m_table; }

private:
    QLabel *m_summary;
    QTreeWidget *m_table;
};

} // namespace strata::ui
