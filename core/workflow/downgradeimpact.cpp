#include "core/workflow/downgradeimpact.h"

#include "core/db/connection.h"
#include "core/graph/plan.h"
#include "core/project/project.h"
#include "core/workflow/databaseheads.h"

using namespace Qt::StringLiterals;

namespace strata {

QString DataAtRisk::toString() const
{
    QString text = column.isEmpty() ? u"table %1"_s.arg(table) : u"column %1.%2"_s.arg(table, column);
    if (rows) {
        const QString unit = column.isEmpty() ? (*rows == 1 ? u"row"_s : u"rows"_s)
                                              : (*rows == 1 ? u"value"_s : u"values"_s);
        text += u" (%1 %2)"_s.arg(*rows).arg(unit);
    }
    if (fromRawSql)
        text += u", in raw SQL"_s;
    return text + u", by "_s + revision.left(12);
}

namespace {

std::optional<qint64> countRows(Connection &connection, const QString &table, const QString &column)
{
    if (!connection.tableExists(table))
        return std::nullopt;
    const Dialect &d = connection.dialect();
    QString sql = u"SELECT count(*) FROM "_s + d.quote(table);
    if (!column.isEmpty())
        sql += u" WHERE "_s + d.quote(column) + u" IS NOT NULL"_s;
    auto rows = connection.select(sql);
    if (!rows || rows->isEmpty())
        return std::nullopt;
    return rows->first().value(0).toLongLong();
}

} // namespace

Result<QList<DataAtRisk>> dataDroppedByDowngrade(Connection &connection, const Project &project,
                                                 const QString &target)
{
    auto heads = knownDatabaseHeads(connection, project);
    if (!heads)
        return std::unexpected(heads.error());
    auto plan = Planner(project.graph()).downgrade(*heads, target);
    if (!plan)
        return std::unexpected(plan.error());
    QList<DataAtRisk> atRisk;
    for (const PlanStep &step : std::as_const(plan->steps)) {
        for (const OperationPtr &op : step.operations()) {
            for (const DroppedData &dropped : op->droppedData(connection.dialect())) {
                DataAtRisk risk{step.revision->id, dropped.table, dropped.column, dropped.fromRawSql, {}};
                risk.rows = countRows(connection, dropped.table, dropped.column);
                atRisk << risk;
            }
        }
    }
    return atRisk;
}

} // namespace strata
