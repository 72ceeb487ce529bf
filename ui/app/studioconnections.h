#pragma once

#include "app/studiosettings.h"
#include "db/databaseurl.h"

#include <QHash>
#include <QObject>

class QMenu;
class QWidget;

namespace strata::ui {

class StudioSession;

// Which database the studio connects to, and what it remembers of it: the
// recent connections and each project's last one (without passwords, in the
// settings), the passwords (in memory only, this session).
class StudioConnections : public QObject
{
    Q_OBJECT
public:
    StudioConnections(StudioSession *session, StudioSettings &settings, QObject *parent = nullptr);

    // The database of a project just opened, as the CLI picks it: the one
    // given, else DATABASE_URL, else the project's last connection in the
    // studio, else strata.yaml's. Connects, or disconnects when there is none.
    Status connectForProject(const QString &directory, const QString &givenUrl, const QString &configuredUrl);
    void connectTo(const DatabaseUrl &url);
    // The connection dialog; connects when accepted.
    void choose(QWidget *parent);
    // The recent connections as actions of the menu.
    void fillRecentMenu(QMenu *menu);

Q_SIGNALS:
    void failed(const QString &error);

private:
    StudioSession *m_session;
    StudioSettings &m_settings;
    QHash<QString, QString> m_passwords;   // URL without password -> password, this session only
};

} // namespace strata::ui
