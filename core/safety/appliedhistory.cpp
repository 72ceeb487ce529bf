#include "core/safety/appliedhistory.h"

#include <QDateTime>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace strata {

Result<QHash<QString, AppliedRecord>> AppliedHistory::applied()
{
    QHash<QString, AppliedRecord> records;
    const Dialect &d = m_connection.dialect();
    const QString table = d.historyLocation(m_historyTable);
    if (!m_connection.tableExists(table))
        return records;
    auto rows = m_connection.select(u"SELECT "_s
                                    + d.quotedList({u"revision"_s, u"direction"_s, u"checksum"_s, u"applied_at"_s})
                                    + u" FROM "_s + d.quoteTable(table) + u" ORDER BY "_s + d.quote(u"id"_s));
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(
            u"could not read the history table %1"_s.arg(m_historyTable), m_connection.url().redacted()));
    for (const QVariantList &row : *rows) {
        const QString revision = row.value(0).toString();
        const QString direction = row.value(1).toString();
        const QString checksum = row.value(2).isNull() ? QString() : row.value(2).toString();
        if (direction == "upgrade"_L1) {
            records.insert(revision, AppliedRecord{revision, checksum, row.value(3).toString()});
        } else if (direction == "downgrade"_L1) {
            records.remove(revision);
        } else if (direction == "repair"_L1) {
            auto it = records.find(revision);
            if (it != records.end())
                it->checksum = checksum;
        }
    }
    return records;
}

Status AppliedHistory::recordRepairs(const QHash<QString, QString> &checksumByRevision)
{
    // Without a history table (an Alembic folder on SQLite) there is nothing to repair in.
    if (checksumByRevision.isEmpty() || !m_connection.tableExists(m_connection.dialect().historyLocation(m_historyTable)))
        return {};
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    QStringList revisions = checksumByRevision.keys();
    revisions.sort();
    if (auto begun = m_connection.begin(); !begun)
        return begun;
    for (const QString &revision : revisions) {
        HistoryEntry entry;
        entry.revision = revision;
        entry.direction = u"repair"_s;
        entry.checksum = checksumByRevision.value(revision);
        entry.appliedAt = QDateTime::currentDateTimeUtc();
        entry.appliedBy = user + u'@' + QSysInfo::machineHostName();
        if (auto done = m_connection.exec(m_connection.dialect().insertHistory(m_historyTable, entry)); !done) {
            (void)m_connection.rollback();
            return std::unexpected(done.error().wrappedIn(u"could not record the checksum of %1"_s.arg(revision),
                                                          m_connection.url().redacted()));
        }
    }
    return m_connection.commit();
}

} // namespace strata
