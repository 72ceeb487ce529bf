#include "app/studioconnections.h"

#include "app/studiosession.h"
#include "connection/connectiondialog.h"

#include <QMenu>

using namespace Qt::StringLiterals;

namespace strata::ui {

StudioConnections::StudioConnections(StudioSession *session, StudioSettings &settings, QObject *parent)
    : QObject(parent), m_session(session), m_settings(settings)
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
    if (url->password.isEmpty())
        url->password = m_passwords.value(StudioSettings::withoutPassword(url->toString()));
    connectTo(*url);
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

void StudioConnections::choose(QWidget *parent)
{
    ConnectionDialog dialog(m_settings.recentConnections(), parent);
    if (const auto url = m_session->database())
        dialog.setUrl(*url);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto url = dialog.url())
        connectTo(*url);
}

void StudioConnections::fillRecentMenu(QMenu *menu)
{
    menu->clear();
    for (const QString &text : m_settings.recentConnections()) {
        menu->addAction(text, this, [this, text] {
            auto url = DatabaseUrl::parse(text);
            if (!url)
                return Q_EMIT failed(url.error().toString());
            url->password = m_passwords.value(text);
            connectTo(*url);
        });
    }
    menu->setEnabled(!menu->isEmpty());
}

} // namespace strata::ui
