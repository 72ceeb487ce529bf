#pragma once

#include "benchproject.h"
#include "benchreport.h"
#include "benchtools.h"
#include "measure.h"

// Alembic and Strata side by side on one Alembic project (benchalembic.h):
// history, heads, upgrade head --sql, upgrade head and downgrade base, each
// database run on a fresh SQLite file or PostgreSQL database, Alembic and
// Strata alternating so both meet the same disk. Strata's figures on the
// folder go to the report with Alembic's beside them; Alembic's medians are
// also put beside the same measures of the YAML project (applyTo).
namespace Bench {

class AlembicComparison
{
public:
    AlembicComparison(const Settings &settings, const QString &workDir);

    // Each returns an empty string when every process succeeded, else what failed.
    QString readCommands(const GeneratedProject &project, Report &report);
    // `yamlProject`: the same history as Strata's YAML project, whose
    // `upgrade head --atomic` takes turns with Alembic's upgrade (one pair per round).
    QString database(const GeneratedProject &project, const QString &dialect, Report &report,
                     const QString &yamlProject);

    // Alembic's medians beside the YAML project's figures of the same size.
    void applyTo(Report &report) const;
    // "not installed" beside the figures Alembic would have stood by.
    static void markMissing(Report &report, const QString &project, const QString &note);

private:
    struct Measured
    {
        QString measure;        // the strata measure it stands beside, "`strata upgrade head`"
        QString project;
        QString dialect;
        Samples alembic;
        std::optional<double> pairedRatio;   // Alembic's run over strata's, per round, median
    };
    // Runs `alembic ARGS` and `strata ARGS` alternately within the budget.
    QString alternate(const ProcessSpec &alembic, const ProcessSpec &strata, Samples &alembicRuns, Samples &strataRuns,
                      double seconds) const;
    QString upgradeAndDowngrade(const GeneratedProject &project, const QString &dialect, bool alembic, Samples &up,
                                Samples &down) const;
    void record(Report &report, const QString &measure, const GeneratedProject &project, const QString &dialect,
                const Samples &strata, const Samples &alembic);

    const Settings &m_settings;
    QString m_work;
    QList<Measured> m_measured;
};

} // namespace Bench
