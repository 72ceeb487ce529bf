#pragma once

#include "core/error.h"

#include <QList>

namespace YAML { class Node; }

namespace strata {

// A lint finding silenced in a revision file, with the reason a person gave:
//   lint_ignore:
//     - {code: drop-table, reason: "the table has been unused since 2024"}
struct LintIgnore
{
    QString code;
    QString reason;
};

// The revision file's lint_ignore list (empty when absent). The revision
// parser calls it too, so a malformed entry is an input error at load time.
Result<QList<LintIgnore>> readLintIgnore(const YAML::Node &root, const QString &file);
// The same from the file on disk.
Result<QList<LintIgnore>> readLintIgnoreFile(const QString &path);

} // namespace strata
