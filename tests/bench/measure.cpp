#include "measure.h"

using namespace Qt::StringLiterals;

namespace Bench {

void Samples::add(const ProcessResult &result, double ms_)
{
    ms << (ms_ >= 0 ? ms_ : result.wallMs);
    peakKb = std::max(peakKb, result.peakRssKb);
}

Figure figure(const QString &measure, const QString &project, const QString &dialect, const Samples &samples)
{
    Figure f;
    f.measure = measure;
    f.project = project;
    f.dialect = dialect;
    f.runs = int(samples.ms.size());
    f.medianMs = median(samples.ms);
    f.peakRssKb = samples.peakKb;
    return f;
}

void withFloor(Figure &figure, const Samples &floor, const QString &what)
{
    figure.floorMs = median(floor.ms);
    figure.floorWhat = what;
}

void withPairedFloor(Figure &figure, const Samples &strata, const Samples &floor, const QString &what)
{
    withFloor(figure, floor, what);
    if (strata.ms.size() != floor.ms.size() || strata.ms.isEmpty())
        return;
    QList<double> ratios;
    for (qsizetype i = 0; i < strata.ms.size(); ++i) {
        if (floor.ms.at(i) > 0)
            ratios << strata.ms.at(i) / floor.ms.at(i);
    }
    if (ratios.size() == strata.ms.size())
        figure.pairedRatio = median(ratios);
}

QList<Target> cliTargets(int revisions)
{
    if (revisions == 1000)
        return {{Target::Kind::MaxMs, 50}};
    if (revisions == 10000)
        return {{Target::Kind::MaxMs, 300}, {Target::Kind::MaxMemoryMb, 100}};
    return {};
}

QList<Target> memoryTargets(int revisions)
{
    return revisions == 10000 ? QList<Target>{{Target::Kind::MaxMemoryMb, 100}} : QList<Target>{};
}

QString projectLabel(int revisions, Shape shape)
{
    return formatCount(revisions) + u' ' + shapeName(shape);
}

} // namespace Bench
