#include "ui/database/overviewloader.h"

#include "ui/app/workerpools.h"
#include "core/db/connection.h"
#include "core/project/project.h"

#include <QtConcurrent/QtConcurrentRun>

namespace strata::ui {

OverviewLoader::OverviewLoader(QObject *parent) : QObject(parent) {}

void OverviewLoader::request(const DatabaseUrl &url, std::shared_ptr<const Project> project)
{
    const quint64 ticket = ++m_ticket;
    ++m_pending;
    Q_EMIT started();
    // Short waits: a view that cannot read now says so and tries again at the next refresh.
    const Connection::Options options{1000, 5};
    QtConcurrent::run(databasePool(), [url, project, options]() -> Result<DatabaseOverview> {
        auto connection = Connection::open(url, options);
        if (!connection)
            return std::unexpected(connection.error());
        return readDatabaseOverview(**connection, *project);
    }).then(this, [this, ticket](const Result<DatabaseOverview> &overview) {
        if (ticket <= m_droppedUpTo)
            return;   // dropped: the database it read is no longer the one shown
        --m_pending;
        if (ticket != m_ticket)
            return;   // a newer request is on its way
        if (overview)
            Q_EMIT loaded(*overview);
        else
            Q_EMIT failed(overview.error().toString());
    });
}

} // namespace strata::ui
