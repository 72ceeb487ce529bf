#include "ui/app/studioconnections.h"

#include "ui/app/studiosession.h"
#include "ui/connection/connectiondialog.h"
#include "ui/connection/passwordstore.h"

#include <QMenu>

using namespace Qt::StringLiterals;

namespace strata::ui {

StudioConnections::StudioConnections(StudioSession *session, StudioSettings &settings, QObject *parent)
    : QObject(parent), m_session(session), m_settings(settings), m_keychain(new PasswordStore(this))
{
}

Status StudioConnections::connectForProject(const QString &directory, const QString &givenUrl,
                                            const QString &configuredUrl)
{
    QString urlText = givenUrl;
    if (urlText.isEmpty())
        urlText = qEnvironmentVariable("DATABASE_URL");
    if (urlText.isEmpty())
        urlText = m_settings.connectionFor(directory);
    if (urlText.isEmpty())
        urlText = configuredUrl;
    if (urlText.isEmpty()) {
        m_session->disconnectDatabase();
        return {};
    }
    auto url = DatabaseUrl::parse(urlText);
    if (!url) {
        m_session->disconnectDatabase();
        return std::unexpected(url.error());
    }
    connectWithSavedPassword(*url);
    return {};
}

void StudioConnections::connectTo(const DatabaseUrl &url)
{
    if (!url.password.isEmpty())
        m_passwords.insert(StudioSettings::withoutPassword(url.toString()), url.password);
    m_settings.addRecentConnection(url.toString());
    if (!m_session->projectDirectory().isEmpty())
        m_settings.setConnectionFor(m_session->projectDirectory(), url.toString());
    m_session->setDatabase(url);
}

void StudioConnections::connectWithSavedPassword(DatabaseUrl url)
{
    const QString key = StudioSettings::withoutPassword(url.toString());
    if (url.password.isEmpty())
        url.password = m_passwords.value(key);
    if (!url.password.isEmpty() || url.dialect != DialectKind::Postgresql || !PasswordStore::isCompiledIn()) {
        connectTo(url);
        return;
    }
    m_keychain->load(key, [this, url](std::optional<QString> password) mutable {
        if (password)
            url.password = *password;
        connectTo(url);
    });
}

void StudioConnections::rememberPassword(const DatabaseUrl &url)
{
    const QString key = StudioSettings::withoutPassword(url.toString());
    m_keychain->store(key, url.password, [this, key](bool stored, const QString &why) {
        Q_EMIT note(stored ? tr("The password for %1 is kept in the desktop keychain.").arg(key)
                           : tr("The password for %1 was not saved: %2. It is kept for this session only.")
                                 .arg(key, why));
    });
}

void StudioConnections::choose(QWidget *parent)
{
    ConnectionDialog dialog(m_settings.recentConnections(), parent);
    QStringList names;
    QStringList urls;
    for (const StudioSettings::SavedConnection &saved : m_settings.savedConnections()) {
        names << saved.name;
        urls << saved.url;
    }
    dialog.setSavedConnections(names, urls);
    if (!PasswordStore::isCompiledIn())
        dialog.setKeychainUnavailable(tr("This build has no keychain support: passwords are kept for the session only."));
    connect(&dialog, &ConnectionDialog::saveRequested, this, [this](const QString &name, const DatabaseUrl &url) {
        m_settings.saveConnection(name, url.toString());
    });
    connect(&dialog, &ConnectionDialog::removeRequested, this,
            [this](const QString &name) { m_settings.removeSavedConnection(name); });
    if (const auto url = m_session->database())
        dialog.setUrl(*url);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto url = dialog.url();
    if (!url)
        return;
    if (dialog.rememberPassword() && !url->password.isEmpty())
        rememberPassword(*url);
    connectWithSavedPassword(*url);
}

void StudioConnections::fillRecentMenu(QMenu *menu)
{
    menu->clear();
    for (const QString &text : m_settings.recentConnections()) {
        menu->addAction(text, this, [this, text] {
            auto url = DatabaseUrl::parse(text);
            if (!url)
                return Q_EMIT failed(url.error().toString());
            connectWithSavedPassword(*url);
        });
    }
    menu->setEnabled(!menu->isEmpty());
}

} // namespace strata::ui
