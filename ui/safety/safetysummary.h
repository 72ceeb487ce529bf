#pragma once

#include "core/safety/issue.h"

#include <QStringList>

namespace strata { struct DatabaseStatus; }

namespace strata::ui {

// What the status bar says about a database's safety: drift between the
// live schema and the one its revisions describe, applied files edited
// since, applied revisions the project lost. Read by the run worker (it
// introspects the database), shown by the window.
struct SafetySummary
{
    bool read = false;            // a status report was made (false: nothing connected yet)
    bool driftChecked = false;
    QStringList drift;            // one difference per line, object by object
    QList<Issue> edited;          // edited-after-apply, one per file
    QList<Issue> missing;         // missing-revision: applied, but no file any more
    QString problem;              // why the report or the drift check could not be made

    bool isClean() const { return driftChecked && drift.isEmpty() && edited.isEmpty() && missing.isEmpty(); }
};

// The safety part of the one database status the CLI's `status` prints too.
SafetySummary safetySummaryOf(const DatabaseStatus &status);

// "no drift", "drift: 2 differences · 1 edited file" and the like.
QString safetyText(const SafetySummary &summary);
// Every difference, edited file and missing revision, one per line.
QString safetyToolTip(const SafetySummary &summary);

} // namespace strata::ui
