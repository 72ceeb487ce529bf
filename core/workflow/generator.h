#pragma once

#include "core/diff/schemadiff.h"
#include "core/error.h"
#include "core/safety/issue.h"

#include <QStringList>

namespace strata {

class Dialect;
class Project;

// What `strata migrate` would write, computed before anything is written:
// the diff of the schema replayed at head against models.yaml, the changes in
// Alembic's words, and the upgrade operations rendered for one dialect.
struct MigrationDraft
{
    QStringList parents;        // the single head the revision goes on (empty: first revision)
    SchemaDiff diff;
    QStringList detected;       // "Detected added column 'daily_mood.energy'"
    QStringList operations;     // one line per upgrade operation: "add_column: add column ..."
    Result<QString> sql = QString();   // the upgrade operations as SQL, each after a comment naming it
    Result<QString> downgradeSql = QString();   // the downgrade the same way, from the schema after the upgrade
    QString revisionId;         // the id the file gets, so the preview is the file written
    QList<Issue> lint;          // the lint rules on the new revision, for the draft's dialect

    bool hasChanges() const { return !diff.upgrade.isEmpty(); }
};

// The head a new revision goes on. Refuses several heads, and a missing
// models.yaml in a project that has revisions (it would read as "drop every table").
Result<QStringList> generationParents(const Project &project);

// The draft, after the checks of generationParents().
Result<MigrationDraft> draftMigration(const Project &project, const Dialect &dialect);

struct WrittenMigration
{
    QString revisionId;
    QString path;
};

// The revision file as writeMigration() writes it with this message (its
// created time aside)
// without the possible-rename comments, which the draft lists in possibleRenames.
QString draftFileText(const MigrationDraft &draft, const QString &message);

// Writes the draft as a new revision on its head; `revisionId` empty for the draft's id.
Result<WrittenMigration> writeMigration(const Project &project, const MigrationDraft &draft, const QString &message,
                                        const QString &revisionId = {});

} // namespace strata
