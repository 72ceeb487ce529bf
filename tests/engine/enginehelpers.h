#pragma once

// Small helpers the engine tests share: run a migration the way the command
// line does (the Migrator use case), and read back what the
// database holds, in the same shape on SQLite and PostgreSQL.

#include "core/db/connection.h"
#include "core/run/runner.h"
#include "core/db/versionstore.h"
#include "core/graph/plan.h"
#include "core/project/project.h"
#include "core/workflow/migrator.h"

#include "resultcheck.h"

#include <QTest>

#include <algorithm>

namespace EngineHelpers {

using namespace Qt::StringLiterals;

inline strata::VersionStore versionStore(strata::Connection &connection, const strata::Project &project)
{
    return strata::VersionStore(connection, project.config().versionTable, project.config().historyTable);
}

inline strata::Result<strata::Plan> plan(strata::Connection &connection, const strata::Project &project,
                                         strata::Direction direction, const QString &target)
{
    auto heads = versionStore(connection, project).heads();
    if (!heads)
        return std::unexpected(heads.error());
    const strata::Planner planner(project.graph());
    return direction == strata::Direction::Upgrade ? planner.upgrade(*heads, target)
                                                   : planner.downgrade(*heads, target);
}

// Migrates the way the command line and the studio do: through the Migrator use case.
inline strata::Status migrate(strata::Connection &connection, const strata::Project &project,
                              strata::Direction direction, const QString &target)
{
    strata::Migrator migrator(connection, project);
    strata::MigrateOptions options;
    options.direction = direction;
    options.target = target;
    const strata::MigrateOutcome outcome = migrator.run(options);
    if (!outcome.ok())
        return std::unexpected(*outcome.error);
    return {};
}

inline strata::Status upgrade(strata::Connection &c, const strata::Project &p, const QString &target)
{
    return migrate(c, p, strata::Direction::Upgrade, target);
}

inline strata::Status downgrade(strata::Connection &c, const strata::Project &p, const QString &target)
{
    return migrate(c, p, strata::Direction::Downgrade, target);
}

inline QStringList heads(strata::Connection &connection, const strata::Project &project)
{
    auto rows = versionStore(connection, project).heads();
    return rows ? *rows : QStringList{u"error: "_s + rows.error().toString()};
}

// Every row of a query, values joined by '|', NULL as "NULL"; an error is one "error: ..." row.
inline QStringList rows(strata::Connection &connection, const QString &sql)
{
    auto result = connection.select(sql);
    if (!result)
        return {u"error: "_s + result.error().toString()};
    QStringList lines;
    for (const QVariantList &row : *result) {
        QStringList values;
        for (const QVariant &value : row)
            values << (value.isNull() ? u"NULL"_s : value.toString());
        lines << values.join(u'|');
    }
    return lines;
}

// The user tables, lower-cased and sorted, without the version and history tables.
inline QStringList tables(strata::Connection &connection, const strata::Project &project)
{
    auto names = connection.userTables({project.config().versionTable, project.config().historyTable});
    if (!names)
        return {u"error: "_s + names.error().toString()};
    QStringList lower;
    for (const QString &name : *names)
        lower << name.toLower();
    std::sort(lower.begin(), lower.end());
    return lower;
}

inline bool isSqlite(strata::Connection &connection)
{
    return connection.dialect().name() == u"sqlite"_s;
}

// Column names of a table in definition order.
inline QStringList columns(strata::Connection &connection, const QString &table)
{
    const QString sql = isSqlite(connection)
        ? u"SELECT name FROM pragma_table_info('%1') ORDER BY cid"_s.arg(table)
        : u"SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
          "AND table_name = '%1' ORDER BY ordinal_position"_s.arg(table);
    return rows(connection, sql);
}

// Index names of a table, sorted; constraint-made indexes (primary keys, uniques) left out.
inline QStringList indexes(strata::Connection &connection, const QString &table)
{
    const QString sql = isSqlite(connection)
        ? u"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '%1' AND sql IS NOT NULL "
          "ORDER BY name"_s.arg(table)
        : u"SELECT i.indexname FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = '%1' "
          "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY 1"_s.arg(table);
    return rows(connection, sql);
}

// "child(parent_id) -> parent(id)" for each foreign key of a table, sorted.
inline QStringList foreignKeys(strata::Connection &connection, const QString &table)
{
    const QString sql = isSqlite(connection)
        ? u"SELECT '%1(' || \"from\" || ') -> ' || \"table\" || '(' || \"to\" || ')' "
          "FROM pragma_foreign_key_list('%1') ORDER BY 1"_s.arg(table)
        : u"SELECT '%1(' || a.attname || ') -> ' || r.relname || '(' || ra.attname || ')' "
          "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid "
          "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
          "JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1] "
          "WHERE c.contype = 'f' AND t.relname = '%1' ORDER BY 1"_s.arg(table);
    return rows(connection, sql);
}

} // namespace EngineHelpers
