#include "benchreport.h"

#include "machineinfo.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Bench {

QString Target::text() const
{
    switch (kind) {
    case Kind::MaxMs:
        return limit >= 1000 ? u"< %1 s"_s.arg(limit / 1000) : u"< %1 ms"_s.arg(limit);
    case Kind::MaxRatio:
        return u"≤ %1× floor"_s.arg(limit);
    case Kind::MaxMemoryMb:
        return u"< %1 MB"_s.arg(limit);
    case Kind::MinTimesFasterThanAlembic:
        return u"≥ %1× faster than Alembic"_s.arg(limit);
    }
    return {};
}

std::optional<double> Figure::ratio() const
{
    if (pairedRatio)
        return pairedRatio;
    if (!floorMs || *floorMs <= 0)
        return std::nullopt;
    return medianMs / *floorMs;
}

std::optional<double> Figure::alembicRatio() const
{
    if (alembicPairedRatio)
        return alembicPairedRatio;
    if (!alembicMs || medianMs <= 0)
        return std::nullopt;
    return *alembicMs / medianMs;
}

QString Figure::verdict() const
{
    if (targets.isEmpty())
        return {};
    for (const Target &target : targets) {
        bool met = false;
        switch (target.kind) {
        case Target::Kind::MaxMs:
            met = medianMs < target.limit;
            break;
        case Target::Kind::MaxRatio:
            met = ratio() && *ratio() <= target.limit;
            break;
        case Target::Kind::MaxMemoryMb:
            met = double(peakRssKb) / 1024.0 < target.limit;
            break;
        case Target::Kind::MinTimesFasterThanAlembic:
            met = alembicRatio() && *alembicRatio() >= target.limit;
            break;
        }
        if (!met)
            return u"missed"_s;
    }
    return u"met"_s;
}

void Report::add(const Figure &figure)
{
    m_figures << figure;
}

void Report::setAlembic(const QString &measure, const QString &project, const QString &dialect,
                        std::optional<double> ms, int runs, const QString &note, std::optional<double> pairedRatio)
{
    for (Figure &f : m_figures) {
        if (f.measure != measure || f.project != project || f.dialect != dialect)
            continue;
        f.alembicMs = ms;
        f.alembicPairedRatio = pairedRatio;
        f.alembicRuns = runs;
        f.alembicNote = note;
    }
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::ranges::sort(values);
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

QString formatMs(double ms)
{
    if (ms >= 10000)
        return u"%1 s"_s.arg(ms / 1000, 0, 'f', 1);
    if (ms >= 1000)
        return u"%1 s"_s.arg(ms / 1000, 0, 'f', 2);
    return u"%1 ms"_s.arg(ms, 0, 'f', ms >= 100 ? 0 : 1);
}

QString formatCount(int n)
{
    return QLocale(QLocale::English).toString(n);
}

namespace {

QString memory(qint64 kb)
{
    return u"%1 MB"_s.arg(double(kb) / 1024.0, 0, 'f', 1);
}

QString row(const Figure &f)
{
    const auto ratio = f.ratio();
    const QString verdict = f.verdict();
    QStringList targets;
    for (const Target &t : f.targets)
        targets << t.text();
    QString alembic = f.alembicNote.isEmpty() ? u"—"_s : f.alembicNote;
    if (f.alembicMs)
        alembic = u"%1 (%2)"_s.arg(formatMs(*f.alembicMs)).arg(f.alembicRuns);
    const auto alembicRatio = f.alembicRatio();
    // QString::arg takes at most nine strings at once.
    return u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | "_s.arg(
               f.measure, f.project, f.dialect.isEmpty() ? u"—"_s : f.dialect,
               u"%1 (%2)"_s.arg(formatMs(f.medianMs)).arg(f.runs), memory(f.peakRssKb),
               f.floorMs ? u"%1 (%2)"_s.arg(formatMs(*f.floorMs), f.floorWhat) : u"—"_s,
               ratio ? u"%1×"_s.arg(*ratio, 0, 'f', 2) : u"—"_s)
        + u"%1 | %2 | %3 | %4 |"_s.arg(alembic, alembicRatio ? u"%1×"_s.arg(*alembicRatio, 0, 'f', 1) : u"—"_s,
                                       targets.isEmpty() ? u"—"_s : targets.join(u"; "_s),
                                       verdict.isEmpty() ? u"—"_s : (verdict == "met"_L1 ? u"met"_s : u"**missed**"_s));
}

} // namespace

QString describe(const Figure &f)
{
    QString text = u"%1, %2%3: %4 median of %5, peak %6"_s.arg(
        f.measure, f.project, f.dialect.isEmpty() ? QString() : u", "_s + f.dialect, formatMs(f.medianMs))
                       .arg(f.runs)
                       .arg(memory(f.peakRssKb));
    if (f.floorMs)
        text += u"; floor %1 (%2), ratio %3"_s.arg(formatMs(*f.floorMs), f.floorWhat).arg(*f.ratio(), 0, 'f', 2);
    if (f.alembicMs)
        text += u"; Alembic %1, %2× strata"_s.arg(formatMs(*f.alembicMs)).arg(*f.alembicRatio(), 0, 'f', 1);
    if (!f.verdict().isEmpty())
        text += u"; target %1"_s.arg(f.verdict());
    return text;
}

QString Report::markdown(const QString &settings, double suiteSeconds) const
{
    QString text = u"# Benchmarks\n\n"
                   "Written by one run of the benchmark suite (`tests/bench/tst_bench_suite.cpp`); run it again with "
                   "`make bench` (sizes: `STRATA_BENCH_SIZES`, see the README). Every figure is a whole process "
                   "(fork to exit), the median of the runs in brackets, with the largest peak resident memory "
                   "(`ru_maxrss`) of those runs. The **floor** is the same work done by the database's own "
                   "client: the very SQL `strata upgrade head --sql` (or `downgrade head:base --sql`) prints, "
                   "one transaction per step, fed to `sqlite3 FILE < script` or "
                   "`psql -q -v ON_ERROR_STOP=1 -f script`; for `--atomic`, the SQL of `upgrade head --sql --atomic` "
                   "(one BEGIN/COMMIT) fed to `sqlite3 FILE < script` or `psql -1 -q -v ON_ERROR_STOP=1 -f script`; "
                   "for `current`, the one query it needs; for `check`/`migrate`, the catalog queries introspection "
                   "needs. Each run starts on a fresh database (a new SQLite file, a new PostgreSQL database); strata's runs and the floor's alternate round by round, and which of the two goes first alternates too, so neither side always runs after the same kind of run (fsync times depend on it); the ratio of such a row is the median of the rounds' ratios (strata's run over the floor's in the same round), which a drift of the disk's speed between rounds does not move. "
                   "Strata keeps a cache of parsed revision files between runs (checked against each file's stat), "
                   "so the medians are warm runs; the \"first run\" rows are on a project never opened before. "
                   "**Alembic** is measured in the same run on the same machine: the same history written as an "
                   "Alembic project (one Python revision file per revision doing with `op.*` what the YAML "
                   "revision does; Alembic's generic env.py, so `upgrade` runs every pending revision in one "
                   "transaction), timed with Debian's `alembic` command (its `.pyc` files warm after the first "
                   "run), each run on a fresh database; the \"Alembic ÷ strata\" column is how many times longer "
                   "Alembic took (for `--atomic`, Alembic's upgrade and strata's `--atomic` run take turns, and the "
                   "column is the median of the rounds' ratios). Rows marked \"Alembic folder\" are `strata` run in place on that same Python "
                   "folder. Targets are those of issues 6 and 15.\n\n"_s;
    text += u"## Machine\n\n"_s + machineSection() + u"- Alembic: "_s + m_alembicVersions + u"\n- Run: "_s + settings
            + u", the whole suite in %1 s\n\n"_s.arg(suiteSeconds, 0, 'f', 0);
    text += u"## Figures\n\n"
            "| what | project | database | strata (runs) | peak memory | floor | ratio | Alembic (runs) | "
            "Alembic ÷ strata | target | |\n"
            "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n"_s;
    for (const Figure &f : m_figures)
        text += row(f) + u'\n';
    QStringList missed;
    for (const Figure &f : m_figures) {
        if (f.verdict() == "missed"_L1)
            missed << u"- %1"_s.arg(describe(f));
    }
    text += u"\n## Targets missed\n\n"_s + (missed.isEmpty() ? u"None.\n"_s : missed.join(u'\n') + u'\n');
    return text;
}

bool Report::write(const QString &path, const QString &settings, double suiteSeconds, QString *error) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    const QByteArray text = markdown(settings, suiteSeconds).toUtf8();
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size())
        return true;
    *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
    return false;
}

} // namespace Bench
