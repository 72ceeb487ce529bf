#pragma once

#include "core/dialect/dialect.h"
#include "core/diff/schemadiff.h"

#include <optional>

namespace strata {

class Project;

// One side of a comparison: what `strata diff SOURCE TARGET` and `check` read.
struct SchemaSource
{
    QString label;        // "@3f2a9c1b7d10", "models", or the redacted database URL
    std::optional<Dialect::Kind> dialect;   // the database's; none for a revision or models
    Schema schema;
    QStringList warnings; // from introspection
};

// "@REV" (a revision id or prefix, @head, @heads or @base): the schema replayed
// at that revision; "models": models.yaml; anything with "://": a database,
// introspected without the project's version and history tables.
Result<SchemaSource> loadSchemaSource(const QString &spec, const Project &project);

// The revision's replayed schema, labelled "@ids".
Result<SchemaSource> revisionSource(const Project &project, const QStringList &revisionIds);
// The live schema of an open connection.
Result<SchemaSource> databaseSource(class Connection &connection, const Project &project);

// Both sides normalised for every database involved, so that what one of
// them cannot tell apart is not reported as a difference, and check
// expressions compared as text only when both sides spell them alike.
struct Comparison
{
    Schema from;
    Schema to;
    DiffOptions options;
};
Comparison prepareComparison(const SchemaSource &from, const SchemaSource &to);

// prepareComparison() then diffSchemas().
Result<SchemaDiff> diffSources(const SchemaSource &from, const SchemaSource &to);

// What `migrate` writes and `check` reports: the schema replayed at the
// project's head -> models.yaml. Several heads are an error (merge them first).
Result<SchemaDiff> modelChanges(const Project &project);
// The same with models.yaml already read (a large one costs seconds to parse: `check` reads it once).
Result<SchemaDiff> modelChanges(const Project &project, const SchemaSource &models);

} // namespace strata
