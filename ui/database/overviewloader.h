#pragma once

#include "core/db/databaseurl.h"
#include "core/workflow/databaseoverview.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace strata { class Project; }

namespace strata::ui {

// Reads the database view's overview on a pool thread of its own, through a
// connection opened there, so a slow count or a locked file never holds up
// the window. Only the newest request is answered.
class OverviewLoader : public QObject
{
    Q_OBJECT
public:
    explicit OverviewLoader(QObject *parent = nullptr);

    void request(const DatabaseUrl &url, std::shared_ptr<const Project> project);
    // Forgets the request in flight (the database was disconnected).
    void drop() { m_droppedUpTo = m_ticket; m_pending = 0; }
    bool isBusy() const { return m_pending > 0; }

Q_SIGNALS:
    void started();
    void loaded(const strata::DatabaseOverview &overview);
    void failed(const QString &message);

private:
    quint64 m_ticket = 0;
    quint64 m_droppedUpTo = 0;
    int m_pending = 0;
};

} // namespace strata::ui
