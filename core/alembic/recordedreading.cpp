#include "core/alembic/recordedreading.h"

#include "core/alembic/alembicevaluation.h"
#include "core/alembic/alembictranslate.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace strata::alembic {

namespace {

// "file:21: bind.execute" -> 21
int lineOf(const QString &use, const QString &file)
{
    return use.mid(file.size() + 1).section(u':', 0, 0).toInt();
}

// The recorded operations of one direction, with a placeholder before the
// first operation past each place that needed a live connection.
OperationList withDataPlaceholders(const OperationList &recorded, const DataStep &data, const QString &file,
                                   QStringList &needsHand)
{
    if (!data.needed)
        return recorded;
    OperationList ops = recorded;
    const QString name = QFileInfo(file).fileName();
    for (const QString &use : data.uses) {
        const int line = lineOf(use, file);
        const QString what = use.mid(file.size() + 1).section(u':', 1).trimmed();
        auto placeholder = std::const_pointer_cast<Operation>(placeholderOperation(
            u"Alembic code at %1:%2 needs a live connection (%3): a data migration; translate it by hand"_s
                .arg(name).arg(line).arg(what.left(80))));
        placeholder->line = line;
        qsizetype at = 0;
        while (at < ops.size() && ops.at(at)->line <= line)
            ++at;
        ops.insert(at, placeholder);
        needsHand << u"%1:%2: a data migration, it needs a live connection: %3"_s.arg(file).arg(line).arg(what);
    }
    return ops;
}

} // namespace

RecordedReading readThroughPython(AlembicProject &project, DialectKind dialect, const QString &cacheFile)
{
    RecordedReading reading;
    QList<Revision> revisions = project.revisions;
    const Evaluation evaluation = evaluateScripts(revisions, QDir(project.directory).filePath(u"versions"_s), dialect,
                                                  cacheFile);
    reading.interpreter = evaluation.interpreter;
    reading.notes = evaluation.notes;
    reading.problems = evaluation.problems;
    if (evaluation.interpreter.isEmpty())
        return reading;
    for (qsizetype i = 0; i < revisions.size(); ++i) {
        Revision &revision = revisions[i];
        if (!revision.pythonError.isEmpty())
            continue;        // its static reading and report stay
        ScriptReport &report = project.reports[i];
        report.needsHand.clear();
        // An operation the bridge could not hand over is a placeholder already.
        for (const OperationList *ops : {&revision.upgrade, &revision.downgrade}) {
            for (const OperationPtr &op : *ops) {
                if (isPlaceholder(*op))
                    report.needsHand << u"%1:%2: %3"_s.arg(revision.filePath).arg(op->line).arg(op->describe());
            }
        }
        // What a YAML revision refuses (an op.execute("COMMIT") that ends Alembic's transaction) needs a hand too.
        for (OperationList *ops : {&revision.upgrade, &revision.downgrade}) {
            for (OperationPtr &op : *ops) {
                const Status fits = op->checkInRevision(revision.transactional, revision.filePath);
                if (fits)
                    continue;
                const int line = op->line;
                auto placeholder = std::const_pointer_cast<Operation>(placeholderOperation(
                    u"Alembic code at %1:%2 does not fit a Strata revision (%3); translate it by hand"_s
                        .arg(QFileInfo(revision.filePath).fileName()).arg(line).arg(fits.error().message.left(80))));
                placeholder->line = line;
                op = placeholder;
                report.needsHand << u"%1:%2: %3"_s.arg(revision.filePath).arg(line).arg(fits.error().message);
            }
        }
        revision.upgrade = withDataPlaceholders(revision.upgrade, revision.upgradeData, revision.filePath,
                                                report.needsHand);
        revision.downgrade = withDataPlaceholders(revision.downgrade, revision.downgradeData, revision.filePath,
                                                  report.needsHand);
        // A YAML revision keeps no recording details: data steps are placeholders now.
        revision.upgradeData = {};
        revision.downgradeData = {};
        revision.upgradeCalls.clear();
        revision.downgradeCalls.clear();
        project.revisions[i] = revision;
        ++reading.recorded;
    }
    return reading;
}

} // namespace strata::alembic
