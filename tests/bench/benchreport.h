#pragma once

#include <QList>
#include <QString>

#include <optional>

// The benchmark figures and the markdown table they end up in
// (docs/benchmarks.md), with the machine and versions they were taken on.
namespace Bench {

// What the issue asks of a figure: a time, a ratio to the floor, a peak
// memory, or how many times faster than Alembic on the same history.
struct Target
{
    enum class Kind { MaxMs, MaxRatio, MaxMemoryMb, MinTimesFasterThanAlembic };
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
    // When strata and the floor ran in pairs (one of each per round, on the
    // same disk moments): the median of the pairs' ratios, which a drift of
    // the machine's speed between rounds does not move; ratio() uses it.
    std::optional<double> pairedRatio;
    // Alembic on the same history in the same run: its median, or why there is none ("not installed").
    std::optional<double> alembicMs;
    // When Alembic's run and strata's took turns (one of each per round): the
    // median of the rounds' ratios, Alembic's over strata's; alembicRatio() uses it.
    std::optional<double> alembicPairedRatio;
    int alembicRuns = 0;
    QString alembicNote;
    QList<Target> targets;

    std::optional<double> ratio() const;
    std::optional<double> alembicRatio() const;    // Alembic's time / strata's
    // Empty when there is no target; else "met" or "missed".
    QString verdict() const;
};

class Report
{
public:
    void add(const Figure &figure);
    const QList<Figure> &figures() const { return m_figures; }
    // Puts Alembic's figure beside every figure of this measure, project and
    // database (ms empty: the note says why there is none).
    void setAlembic(const QString &measure, const QString &project, const QString &dialect, std::optional<double> ms,
                    int runs, const QString &note = {}, std::optional<double> pairedRatio = std::nullopt);
    void setAlembicVersions(const QString &versions) { m_alembicVersions = versions; }
    // The whole page: how it was run, the machine, the table, the targets missed.
    QString markdown(const QString &settings, double suiteSeconds) const;
    bool write(const QString &path, const QString &settings, double suiteSeconds, QString *error) const;

private:
    QList<Figure> m_figures;
    QString m_alembicVersions = QStringLiteral("not measured");
};

// One line for the log: "upgrade head, 1,000 linear, sqlite: 812.4 ms ...".
QString describe(const Figure &figure);
double median(QList<double> values);
QString formatMs(double ms);
QString formatCount(int n);        // 10000 -> "10,000"

} // namespace Bench
