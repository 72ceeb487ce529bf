#pragma once

#include "ui/app/studiosettings.h"
#include "core/db/databaseurl.h"

#include <QHash>
#include <QObject>

class QMenu;
class QWidget;

namespace strata::ui {

class PasswordStore;
class StudioSession;

// Which database the studio connects to, and what it remembers of it: the
// recent and saved connections and each project's last one (without
// passwords, in the settings), the passwords (in memory for this session,
// and in the desktop keychain when the user asks and one answers).
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
    // Connects with the password known for the URL: given, typed earlier this
    // session, or kept in the keychain (read first, so the connection waits for it).
    void connectWithSavedPassword(DatabaseUrl url);
    // Puts the URL's password in the keychain; note() says whether it could.
    void rememberPassword(const DatabaseUrl &url);
    // The connection dialog; connects when accepted.
    void choose(QWidget *parent);
    // The recent connections as actions of the menu.
    void fillRecentMenu(QMenu *menu);

Q_SIGNALS:
    void failed(const QString &error);
    // Something to tell the user that is not an error (for the log).
    void note(const QString &text);

private:
    StudioSession *m_session;
    StudioSettings &m_settings;
    PasswordStore *m_keychain;
    QHash<QString, QString> m_passwords;   // URL without password -> password, this session only
};

} // namespace strata::ui
