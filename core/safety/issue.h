#pragma once

#include <QList>
#include <QString>

namespace strata {

// One finding about a project or a database, for people: the CLI prints it,
// the studio lists it and jumps to the revision on a double-click.
struct Issue
{
    enum class Severity { Info, Warning, Error };

    Severity severity = Severity::Warning;
    QString code;        // stable and short, e.g. "edited-after-apply"
    QString text;        // one sentence that says what and what to do
    QString revision;    // full id when the issue is about one revision
    QString file;        // the revision file or the database, when known
    int line = 0;        // 1-based line in the file; 0 when none

    // "warning [edited-after-apply] text"
    QString toString() const;
};

QString severityName(Issue::Severity severity);
bool hasSeverity(const QList<Issue> &issues, Issue::Severity atLeast);

} // namespace strata
