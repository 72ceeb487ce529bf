#pragma once

#include "core/dialect/dialectkind.h"
#include "core/safety/issue.h"

namespace strata {

class Project;
struct Revision;
struct Schema;

struct LintOptions
{
    DialectKind dialect = DialectKind::Postgresql;   // rules about locking apply to PostgreSQL only
    // The schema just before the revision when the caller already has it (one
    // walking a plan in order); null: replayed from base, which costs a replay per revision.
    const Schema *before = nullptr;
};

// Risky or destructive operations in revision files, each an Issue with a
// code, a severity, the file and the line. Rules (codes):
//   drop-table, drop-column            data loss                          warning
//   not-null-without-default           NOT NULL column on an existing table error
// "Existing" means there before the revision: a table it creates is new and empty.
//   type-narrowing                     shorter string, smaller number     warning
//   rename                             table or column renamed in place   warning
//   non-concurrent-index               PostgreSQL index on an existing table blocks writes  warning
//   missing-downgrade                  upgrade without a downgrade        warning
//   downgrade-not-inverse              downgrade does not restore the schema before  error
//   execute-without-downgrade          raw DDL that no downgrade SQL undoes warning
// A finding whose code the file lists under `lint_ignore` (with a reason) is left out.
QList<Issue> lintRevision(const Project &project, const Revision &revision, const LintOptions &options = {});

// Every revision of the set, parents first.
QList<Issue> lintRevisions(const Project &project, const QStringList &revisionIds, const LintOptions &options = {});

} // namespace strata
