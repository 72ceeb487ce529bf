#include "core/run/stepopening_p.h"

#include "core/db/connection.h"
#include "core/dialect/dialect.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata {

void StepOpening::addBegin(const QString &sql)
{
    m_statements << sql;
    m_withBegin = true;
}

void StepOpening::addHeadsCheck(const QString &sql)
{
    m_statements << sql;
    ++m_oneRowEach;
}

void StepOpening::addMoves(const QStringList &sql)
{
    m_statements << sql;
    m_oneRowEach += sql.size();
}

Status StepOpening::send(Connection &connection, const QString &rider)
{
    QStringList batch = std::exchange(m_statements, {});
    const qsizetype heldCount = batch.size();
    const qsizetype oneRowEach = std::exchange(m_oneRowEach, 0);
    const bool withBegin = std::exchange(m_withBegin, false);
    if (!rider.isEmpty())
        batch << rider;
    qsizetype failedAt = -1;
    auto rows = connection.execBatch(batch, &failedAt);
    if (!rows) {
        m_outcome = failedAt >= heldCount            ? Outcome::RiderFailed
                  : withBegin && failedAt == 0       ? Outcome::BeginFailed
                                                     : Outcome::MoveFailed;
        return std::unexpected(rows.error());
    }
    const auto heldEnd = rows->cbegin() + heldCount;
    if (!std::all_of(heldEnd - oneRowEach, heldEnd, [](qint64 count) { return count == 1; })) {
        m_outcome = Outcome::Moved;
        return std::unexpected(Error::make(Error::Code::Locked, u"the version rows are not the ones this step moves"_s));
    }
    return {};
}

QString headsCheckSql(const Dialect &dialect, const QString &versionTable, const QStringList &heads)
{
    // HAVING without GROUP BY: the whole table is one group, so one row or none.
    const QString column = dialect.quote(u"version_num"_s);
    QString sql = u"SELECT 1 FROM %1 HAVING count(*) = %2"_s.arg(dialect.quote(versionTable)).arg(heads.size());
    if (heads.isEmpty())
        return sql;
    QStringList literals;
    for (const QString &head : heads)
        literals << dialect.literal(head);
    return sql + u" AND count(CASE WHEN %1 IN (%2) THEN 1 END) = %3"_s.arg(column, literals.join(u", "_s))
                     .arg(heads.size());
}

} // namespace strata
