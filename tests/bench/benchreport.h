#pragma once

#include <QList>
#include <QString>

#include <optional>

// The benchmark figures and the markdown table they end up in
// (docs/benchmarks.md), with the machine and versions they were taken on.
namespace Bench {

// What the issue asks of a figure: a time, a ratio to the floor, or a peak memory.
struct Target
{
    enum class Kind { MaxMs, MaxRatio, MaxMemoryMb };
    Kind kind;
    double limit;

    QString text() const;
};

struct Figure
{
    QString measure;          // "upgrade head"
    QString project;          // "1,000 linear"
    QString dialect;          // "sqlite", "postgresql" or empty
    int runs = 0;
    double medianMs = 0;
    qint64 peakRssKb = 0;     // the largest of the runs
    std::optional<double> floorMs;
    QString floorWhat;        // "sqlite3 < script"
    QList<Target> targets;

    std::optional<double> ratio() const;
    // Empty when there is no target; else "met" or "missed".
    QString verdict() const;
};

class Report
{
public:
    void add(const Figure &figure);
    const QList<Figure> &figures() const { return m_figures; }
    // The whole page: how it was run, the machine, the table, the targets missed.
    QString markdown(const QString &settings, double suiteSeconds) const;
    bool write(const QString &path, const QString &settings, double suiteSeconds, QString *error) const;

private:
    QList<Figure> m_figures;
};

// One line for the log: "upgrade head, 1,000 linear, sqlite: 812.4 ms ...".
QString describe(const Figure &figure);
double median(QList<double> values);
QString formatMs(double ms);
QString formatCount(int n);        // 10000 -> "10,000"

} // namespace Bench
