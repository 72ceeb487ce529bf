#include "core/diff/schemasource.h"

#include "core/db/connection.h"
#include "core/introspect/schemanormalize.h"
#include "core/introspect/introspector.h"
#include "core/project/modelscache.h"
#include "core/project/project.h"

using namespace Qt::StringLiterals;

namespace strata {

Result<SchemaSource> revisionSource(const Project &project, const QStringList &revisionIds)
{
    auto schema = project.schemaAt(revisionIds);
    if (!schema)
        return std::unexpected(schema.error());
    QStringList shortIds;
    for (const QString &id : revisionIds)
        shortIds << id.left(12);
    return SchemaSource{u"@"_s + (shortIds.isEmpty() ? u"base"_s : shortIds.join(u',')), {}, *schema, {}};
}

Result<SchemaSource> databaseSource(Connection &connection, const Project &project)
{
    QStringList warnings;
    auto schema = introspect(connection, project.config(), &warnings);
    if (!schema)
        return std::unexpected(schema.error());
    return SchemaSource{connection.url().redacted(), connection.dialect().kind(), *schema, warnings};
}

Result<SchemaSource> loadSchemaSource(const QString &spec, const Project &project)
{
    if (spec == "models"_L1) {
        auto schema = readProjectModels(project);
        if (!schema)
            return std::unexpected(schema.error());
        return SchemaSource{u"models"_s, {}, *schema, {}};
    }
    if (spec.startsWith(u'@')) {
        const QString revision = spec.mid(1);
        const RevisionGraph &graph = project.graph();
        if (revision == "base"_L1)
            return revisionSource(project, {});
        if (revision == "head"_L1 || revision == "heads"_L1) {
            if (revision == "head"_L1 && graph.heads().size() > 1)
                return fail(Error::Code::Ambiguous,
                            u"@head is ambiguous: the project has heads %1"_s.arg(graph.heads().join(u", "_s)), spec,
                            u"name one of them (@REV), or use @heads for all"_s);
            return revisionSource(project, graph.heads());
        }
        auto id = graph.lookup(revision);
        if (!id)
            return std::unexpected(id.error());
        return revisionSource(project, {*id});
    }
    if (spec.contains("://"_L1)) {
        auto url = DatabaseUrl::parse(spec);
        if (!url)
            return std::unexpected(url.error());
        auto connection = Connection::open(*url);
        if (!connection)
            return std::unexpected(connection.error());
        return databaseSource(**connection, project);
    }
    return fail(Error::Code::Usage, u"'%1' is not something to compare"_s.arg(spec), {},
                u"give @REV (a revision id or prefix, @head, @base), `models`, or a database URL "
                "such as sqlite:///app.db or postgresql://user@host/db"_s);
}

Comparison prepareComparison(const SchemaSource &from, const SchemaSource &to)
{
    Comparison comparison{from.schema, to.schema, {}};
    for (const std::optional<Dialect::Kind> dialect : {from.dialect, to.dialect}) {
        if (!dialect)
            continue;
        comparison.from = normalizedSchema(comparison.from, dialect);
        comparison.to = normalizedSchema(comparison.to, dialect);
    }
    const auto postgres = [](const SchemaSource &s) { return s.dialect == Dialect::Kind::Postgresql; };
    comparison.options.rules.compareExpressions = postgres(from) == postgres(to);
    return comparison;
}

Result<SchemaDiff> diffSources(const SchemaSource &from, const SchemaSource &to)
{
    const Comparison comparison = prepareComparison(from, to);
    return diffSchemas(comparison.from, comparison.to, comparison.options);
}

Result<SchemaDiff> modelChanges(const Project &project)
{
    auto models = loadSchemaSource(u"models"_s, project);
    if (!models)
        return std::unexpected(models.error());
    return modelChanges(project, *models);
}

Result<SchemaDiff> modelChanges(const Project &project, const SchemaSource &models)
{
    const QStringList heads = project.graph().heads();
    if (heads.size() > 1) {
        return fail(Error::Code::Ambiguous, u"Multiple heads are present: %1"_s.arg(heads.join(u", "_s)), {},
                    u"join them first with `strata merge heads -m MSG`"_s);
    }
    auto head = revisionSource(project, heads);
    if (!head)
        return std::unexpected(head.error());
    return diffSources(*head, models);
}

} // namespace strata
