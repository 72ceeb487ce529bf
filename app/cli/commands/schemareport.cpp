#include "schemareport.h"

#include "core/diff/autogenerate.h"
#include "core/workflow/databaseheads.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

void printNotes(Context &context, const SchemaSource &source)
{
    for (const QString &warning : source.warnings)
        context.err() << "WARNING " << source.label << ": " << warning << Qt::endl;
}

void printNotes(Context &context, const SchemaDiff &diff)
{
    for (const QString &warning : diff.warnings)
        context.err() << "WARNING " << warning << Qt::endl;
    for (const QString &difference : diff.unsupported)
        context.err() << "WARNING not generated: " << difference << Qt::endl;
}

void printDetected(Context &context, const SchemaDiff &diff)
{
    for (const QString &line : detectedChanges(diff))
        context.info(line);
}

Status requireDatabaseAtHead(Context &context, const QString &offlineHint)
{
    auto project = context.project();
    if (!project)
        return std::unexpected(project.error());
    auto connection = context.connection();
    if (!connection)
        return std::unexpected(connection.error());
    return requireDatabaseAtHeads(**connection, **project, offlineHint);
}

} // namespace strata::cli
