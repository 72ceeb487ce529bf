#include "ui/safety/safetysummary.h"

#include "core/workflow/databasestatus.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("SafetySummary", text); }

// "1 difference", "3 differences": no translation files ship, so no "(s)".
QString counted(qsizetype n, const char *one, const char *many)
{
    return n == 1 ? tr(one) : tr(many).arg(n);
}

// At most `limit` lines of a list, then "… and N more".
QStringList bulleted(const QStringList &lines, qsizetype limit = 15)
{
    QStringList out;
    for (qsizetype i = 0; i < std::min(limit, lines.size()); ++i)
        out << u"  • "_s + lines[i];
    if (lines.size() > limit)
        out << u"  "_s + tr("… and %1 more").arg(lines.size() - limit);
    return out;
}

} // namespace

SafetySummary safetySummaryOf(const DatabaseStatus &status)
{
    SafetySummary summary;
    summary.read = true;
    summary.edited = status.issuesWithCode(u"edited-after-apply"_s);
    summary.missing = status.issuesWithCode(u"missing-revision"_s);
    summary.driftChecked = status.driftChecked;
    summary.drift = status.drift;
    summary.problem = status.driftProblem;
    return summary;
}

QString safetyText(const SafetySummary &summary)
{
    if (!summary.read)
        return {};
    QStringList parts;
    if (summary.driftChecked)
        parts << (summary.drift.isEmpty()
                      ? tr("no drift")
                      : counted(summary.drift.size(), "drift: 1 difference", "drift: %1 differences"));
    else
        parts << tr("drift not checked");
    if (!summary.edited.isEmpty())
        parts << counted(summary.edited.size(), "1 edited file", "%1 edited files");
    if (!summary.missing.isEmpty())
        parts << counted(summary.missing.size(), "1 missing revision", "%1 missing revisions");
    return parts.join(u" · "_s);
}

QString safetyToolTip(const SafetySummary &summary)
{
    if (!summary.read)
        return {};
    QStringList lines;
    if (!summary.problem.isEmpty())
        lines << summary.problem;
    if (summary.driftChecked && summary.drift.isEmpty())
        lines << tr("No drift: the live schema matches the one its revisions describe.");
    if (!summary.drift.isEmpty()) {
        lines << tr("Drift: the live database differs from its revisions (write a revision for it, or undo "
                    "the change by hand):")
              << bulleted(summary.drift);
    }
    if (!summary.edited.isEmpty()) {
        QStringList files;
        for (const Issue &issue : summary.edited)
            files << issue.file + u" ("_s + issue.revision.left(12) + u')';
        lines << tr("Edited after they were applied (review, then `strata repair`, or restore the file):")
              << bulleted(files);
    }
    if (!summary.missing.isEmpty()) {
        QStringList ids;
        for (const Issue &issue : summary.missing)
            ids << issue.revision;
        lines << tr("Applied, but the project no longer has the file:") << bulleted(ids);
    }
    return lines.join(u'\n');
}

} // namespace strata::ui
