#pragma once

#include "benchproject.h"
#include "benchreport.h"
#include "processrun.h"

#include <QElapsedTimer>

// How the suite repeats a measurement and turns the runs into a Figure.
namespace Bench {

// Keeps starting runs until `runs` are done or `seconds` have passed (at least one).
class RunBudget
{
public:
    RunBudget(int runs, double seconds) : m_runs(runs), m_seconds(seconds) { m_timer.start(); }
    bool another() const { return m_done == 0 || (m_done < m_runs && double(m_timer.elapsed()) < m_seconds * 1000); }
    void count() { ++m_done; }
    int done() const { return m_done; }

private:
    int m_runs;
    double m_seconds;
    int m_done = 0;
    QElapsedTimer m_timer;
};

// The runs of one figure: times and the largest peak memory.
struct Samples
{
    QList<double> ms;
    qint64 peakKb = 0;
    // ms: the run's own figure when it is not the whole process (the studio's first paint).
    void add(const ProcessResult &result, double ms = -1);
};

Figure figure(const QString &measure, const QString &project, const QString &dialect, const Samples &samples);
void withFloor(Figure &figure, const Samples &floor, const QString &what);
// The same for runs taken in pairs, strata's and the floor's one after the
// other in each round: the ratio is the median of the pairs' ratios.
void withPairedFloor(Figure &figure, const Samples &strata, const Samples &floor, const QString &what);

// The targets: history, heads and current at 1,000 and 10,000
// revisions (time, and the CLI's memory at 10,000), and memory alone.
QList<Target> cliTargets(int revisions);
QList<Target> memoryTargets(int revisions);

QString projectLabel(int revisions, Shape shape);   // "1,000 linear"

} // namespace Bench
