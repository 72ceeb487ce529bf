#include "alembiccomparison.h"

#include "scratchdatabase.h"

using namespace Qt::StringLiterals;

namespace Bench {

namespace {

const QString folder = u" (Alembic folder)"_s;

// Strata on an Alembic folder evaluates its scripts with the interpreter Alembic runs with.
ProcessSpec strataOnFolder(const QString &dir, const QStringList &arguments, const QString &url = {},
                           const QString &out = {})
{
    ProcessSpec spec = strataCli(dir, arguments, url, out);
    if (!spec.environment.contains(u"STRATA_PYTHON"_s))
        spec.environment.insert(u"STRATA_PYTHON"_s, u"/usr/bin/python3"_s);
    return spec;
}

QString offlineUrl(const QString &dialect)
{
    return dialect == "sqlite"_L1 ? u"sqlite:///offline.db"_s : u"postgresql://offline/db"_s;
}

} // namespace

AlembicComparison::AlembicComparison(const Settings &settings, const QString &workDir)
    : m_settings(settings), m_work(workDir)
{
}

QString AlembicComparison::alternate(const ProcessSpec &alembic, const ProcessSpec &strata, Samples &alembicRuns,
                                     Samples &strataRuns, double seconds) const
{
    RunBudget budget(m_settings.alembicRuns, seconds);
    while (budget.another()) {
        for (const auto &[spec, samples] : {std::pair{&alembic, &alembicRuns}, std::pair{&strata, &strataRuns}}) {
            const ProcessResult r = runProcess(*spec);
            if (!r.ok())
                return failure(*spec, r);
            samples->add(r);
        }
        budget.count();
    }
    return {};
}

void AlembicComparison::record(Report &report, const QString &measure, const GeneratedProject &project,
                               const QString &dialect, const Samples &strata, const Samples &alembic)
{
    const QString label = projectLabel(project.revisions, Shape::Linear);
    Figure f = figure(measure + folder, label, dialect, strata);
    f.alembicMs = median(alembic.ms);
    f.alembicRuns = int(alembic.ms.size());
    report.add(f);
    qInfo("%s", qPrintable(describe(f)));
    m_measured << Measured{measure, label, dialect, alembic};
}

QString AlembicComparison::readCommands(const GeneratedProject &project, Report &report)
{
    const QString out = m_work + u"/alembic-out.txt"_s;
    // The first runs: Alembic compiles the scripts to .pyc, Strata evaluates them with Python into its cache.
    Samples alembicCold, strataCold;
    if (QString error = alternate(alembicCli(m_settings, project.directory, {u"heads"_s}),
                                  strataOnFolder(project.directory, {u"heads"_s}), alembicCold, strataCold, 0);
        !error.isEmpty())
        return error;
    Figure cold = figure(u"`strata heads`, first run"_s + folder, projectLabel(project.revisions, Shape::Linear), {},
                         strataCold);
    cold.alembicMs = median(alembicCold.ms);
    cold.alembicRuns = 1;
    report.add(cold);
    qInfo("%s", qPrintable(describe(cold)));

    for (const QString &command : {u"history"_s, u"heads"_s}) {
        Samples alembic, strata;
        const ProcessSpec a = alembicCli(m_settings, project.directory, {command}, {}, out);
        const ProcessSpec s = strataOnFolder(project.directory, {command}, {}, out + u".strata"_s);
        if (QString error = alternate(a, s, alembic, strata, m_settings.figureSeconds); !error.isEmpty())
            return error;
        const QString text = readText(out);
        if (!text.contains(project.headId))
            return u"alembic %1 does not name the head %2: %3"_s.arg(command, project.headId, text.left(400));
        if (command == "history"_L1 && text.count(u'\n') != project.revisions)
            return u"alembic history printed %1 lines for %2 revisions"_s.arg(text.count(u'\n')).arg(project.revisions);
        if (!readText(out + u".strata"_s).contains(project.headId))
            return u"strata %1 on the Alembic folder does not name the head %2"_s.arg(command, project.headId);
        record(report, u"`strata %1`"_s.arg(command), project, {}, strata, alembic);
    }
    return {};
}

QString AlembicComparison::upgradeAndDowngrade(const GeneratedProject &project, const QString &dialect, bool alembic,
                                               Samples &up, Samples &down) const
{
    ScratchDatabase db(dialect);
    if (!db.isValid())
        return db.errorString();
    const QString out = m_work + u"/alembic-out.txt"_s;
    const auto spec = [&](const QStringList &arguments) {
        return alembic ? alembicCli(m_settings, project.directory, arguments, db.url(), out)
                       : strataOnFolder(project.directory, arguments, db.url(), out);
    };
    const auto versions = [&]() {
        const QString rows = m_work + u"/alembic-rows.txt"_s;
        const ProcessResult r = runProcess(clientQuery(db, u"SELECT version_num FROM alembic_version;"_s, rows));
        return r.ok() ? readText(rows).trimmed() : u"(could not read alembic_version)"_s;
    };
    for (const auto &[arguments, samples, expected] :
         {std::tuple{QStringList{u"upgrade"_s, u"head"_s}, &up, project.headId},
          std::tuple{QStringList{u"downgrade"_s, u"base"_s}, &down, QString()}}) {
        const ProcessSpec s = spec(arguments);
        const ProcessResult r = runProcess(s);
        if (!r.ok())
            return failure(s, r);
        samples->add(r);
        if (const QString at = versions(); at != expected)
            return u"%1 %2 left alembic_version at \"%3\", not \"%4\""_s.arg(alembic ? u"alembic"_s : u"strata"_s,
                                                                         arguments.join(u' '), at, expected);
    }
    return {};
}

QString AlembicComparison::database(const GeneratedProject &project, const QString &dialect, Report &report,
                                    const QString &yamlProject)
{
    const QString script = m_work + u"/alembic-up.sql"_s;
    Samples alembicSql, strataSql;
    const QStringList offline{u"upgrade"_s, u"head"_s, u"--sql"_s};
    if (QString error = alternate(alembicCli(m_settings, project.directory, offline, offlineUrl(dialect), script),
                                  strataOnFolder(project.directory, offline, offlineUrl(dialect), script + u".strata"_s),
                                  alembicSql, strataSql, m_settings.figureSeconds);
        !error.isEmpty())
        return error;
    if (!readText(script).contains(project.headId))
        return u"alembic upgrade head --sql does not reach %1"_s.arg(project.headId);
    record(report, u"`strata upgrade head --sql`"_s, project, dialect, strataSql, alembicSql);

    // Alembic's cycle, then Strata's on the same folder, each on a fresh database.
    // Strata's --atomic run of the YAML project right after Alembic's upgrade, so
    // the two meet the machine at the same moment (its speed drifts by a third here).
    Samples alembicUp, alembicDown, strataUp, strataDown, strataAtomic;
    RunBudget budget(m_settings.alembicRuns, m_settings.figureSeconds * 2);
    while (budget.another()) {
        if (QString error = upgradeAndDowngrade(project, dialect, true, alembicUp, alembicDown); !error.isEmpty())
            return error;
        ScratchDatabase db(dialect);
        if (!db.isValid())
            return db.errorString();
        const ProcessSpec atomic = strataCli(yamlProject, {u"upgrade"_s, u"head"_s, u"--atomic"_s}, db.url(),
                                             m_work + u"/atomic-out.txt"_s);
        const ProcessResult r = runProcess(atomic);
        if (!r.ok())
            return failure(atomic, r);
        strataAtomic.add(r);
        if (QString error = upgradeAndDowngrade(project, dialect, false, strataUp, strataDown); !error.isEmpty())
            return error;
        budget.count();
    }
    QList<double> ratios;
    for (qsizetype i = 0; i < strataAtomic.ms.size(); ++i)
        ratios << alembicUp.ms.at(i) / strataAtomic.ms.at(i);
    record(report, u"`strata upgrade head`"_s, project, dialect, strataUp, alembicUp);
    record(report, u"`strata downgrade base`"_s, project, dialect, strataDown, alembicDown);
    // The all-or-nothing run of the YAML project stands beside Alembic's upgrade too.
    m_measured << Measured{u"`strata upgrade head --atomic`"_s, projectLabel(project.revisions, Shape::Linear), dialect,
                           alembicUp, ratios.isEmpty() ? std::nullopt : std::optional<double>(median(ratios))};
    return {};
}

void AlembicComparison::applyTo(Report &report) const
{
    for (const Measured &m : m_measured)
        report.setAlembic(m.measure, m.project, m.dialect, median(m.alembic.ms), int(m.alembic.ms.size()), {},
                          m.pairedRatio);
}

void AlembicComparison::markMissing(Report &report, const QString &project, const QString &note)
{
    for (const QString &measure : {u"`strata history`"_s, u"`strata heads`"_s})
        report.setAlembic(measure, project, {}, std::nullopt, 0, note);
    for (const QString &dialect : {u"sqlite"_s, u"postgresql"_s}) {
        for (const QString &measure : {u"`strata upgrade head --sql`"_s, u"`strata upgrade head`"_s,
                                       u"`strata upgrade head --atomic`"_s, u"`strata downgrade base`"_s})
            report.setAlembic(measure, project, dialect, std::nullopt, 0, note);
    }
}

} // namespace Bench
