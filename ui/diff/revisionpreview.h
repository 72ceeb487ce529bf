#pragma once

#include "core/dialect/dialectkind.h"
#include "core/textdiff/linediff.h"
#include "core/error.h"

#include <QStringList>

namespace strata {
class Dialect;
class Project;
class SchemaCheckpoints;
}

namespace strata::ui {

// Everything the diff pane shows for one revision, computed from the project
// alone (no database): the schema before and after as DDL with their line
// diff, and the upgrade and downgrade SQL exactly as offline mode prints it
// for that one step. It uses the same Plan and Dialect as a real run.
struct RevisionPreview
{
    QString revisionId;               // the revision shown, or the newer end of a range
    QString rangeStart;               // a range only: its older end, whose step is included
    int stepCount = 1;                // steps in the upgrade plan
    QString message;
    DialectKind dialect = DialectKind::Sqlite;
    QString beforeLabel;              // "9b1e0aa2c4f3" or "base"
    // Lines. Past a few hundred tables only the tables that differ, after a
    // comment line that counts the others (a step among 25,000 tables would
    // otherwise print and diff all of them twice).
    QStringList beforeDdl;
    QStringList afterDdl;
    QList<DiffRow> rows;              // diffLines(beforeDdl, afterDdl)
    Result<QString> upgradeSql = QString();
    Result<QString> downgradeSql = QString();
    QString filePath;
    QString fileText;
};

// checkpoints: replayed schemas kept between previews of a large history
// (null: replay from base); the preview is the same either way.
Result<RevisionPreview> previewRevision(const Project &project, const QString &revisionId,
                                        const Dialect &dialect, SchemaCheckpoints *checkpoints = nullptr);

// A range [older .. newer] of the timeline: the schema at older's parents
// vs at newer, and the whole plan between them, the same as
// `strata upgrade P:newer --sql` with P the parents of older (so older's own
// step is included). The downgrade SQL walks the same steps back.
Result<RevisionPreview> previewRange(const Project &project, const QString &olderId, const QString &newerId,
                                     const Dialect &dialect, SchemaCheckpoints *checkpoints = nullptr);

// The schema as DDL text lines: each statement ends with ';', a blank line
// before each table after the first.
QStringList ddlLines(const QStringList &statements);

} // namespace strata::ui
