#include "schemareport.h"

#include "databasestate.h"

#include "diff/autogenerate.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

Result<QStringList> singleHead(const Project &project)
{
    const QStringList heads = project.graph().heads();
    if (heads.size() > 1) {
        return fail(Error::Code::Ambiguous, u"Multiple heads are present: %1"_s.arg(heads.join(u", "_s)), {},
                    u"join them first with `strata merge heads -m MSG`"_s);
    }
    return heads;
}

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

Status requireDatabaseAtHead(Context &context, const QStringList &projectHeads, const QString &offlineHint)
{
    auto heads = currentHeads(context);
    if (!heads)
        return std::unexpected(heads.error());
    if (QSet<QString>(heads->begin(), heads->end()) == QSet<QString>(projectHeads.begin(), projectHeads.end()))
        return {};
    const auto names = [](const QStringList &ids) { return ids.isEmpty() ? u"base"_s : ids.join(u", "_s); };
    auto connection = context.connection();
    return fail(Error::Code::Conflict, u"Target database is not up to date."_s,
                connection ? (*connection)->url().redacted() : QString(),
                u"the database is at %1 and the project's head is %2: run `strata upgrade` first, or %3"_s
                    .arg(names(*heads), names(projectHeads), offlineHint));
}

} // namespace strata::cli
