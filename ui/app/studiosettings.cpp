#include "ui/app/studiosettings.h"

#include "core/db/databaseurl.h"

#include <QCryptographicHash>
#include <QDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

// QSettings keys cannot hold '/' freely: key a project by a hash of its path.
QString projectKey(const QString &directory)
{
    const QByteArray path = QDir::cleanPath(QDir(directory).absolutePath()).toUtf8();
    return u"projects/"_s + QString::fromLatin1(QCryptographicHash::hash(path, QCryptographicHash::Sha1).toHex().left(16))
        + u"/connection"_s;
}

} // namespace

QStringList StudioSettings::recent(const QString &key) const { return m_settings.value(key).toStringList(); }

void StudioSettings::addRecent(const QString &key, const QString &value)
{
    QStringList list = recent(key);
    list.removeAll(value);
    list.prepend(value);
    m_settings.setValue(key, list.mid(0, maxRecent));
}

QStringList StudioSettings::recentProjects() const { return recent(u"recent/projects"_s); }

void StudioSettings::addRecentProject(const QString &directory)
{
    addRecent(u"recent/projects"_s, QDir::cleanPath(QDir(directory).absolutePath()));
}

QStringList StudioSettings::recentConnections() const { return recent(u"recent/connections"_s); }

void StudioSettings::addRecentConnection(const QString &url)
{
    addRecent(u"recent/connections"_s, withoutPassword(url));
}

QList<StudioSettings::SavedConnection> StudioSettings::savedConnections() const
{
    const QStringList names = m_settings.value(u"connections/names"_s).toStringList();
    const QStringList urls = m_settings.value(u"connections/urls"_s).toStringList();
    QList<SavedConnection> saved;
    for (qsizetype i = 0; i < std::min(names.size(), urls.size()); ++i)
        saved << SavedConnection{names.at(i), urls.at(i)};
    return saved;
}

void StudioSettings::saveConnection(const QString &name, const QString &url)
{
    QList<SavedConnection> saved = savedConnections();
    const auto same = std::ranges::find_if(saved, [&name](const SavedConnection &c) { return c.name == name; });
    if (same != saved.end())
        same->url = withoutPassword(url);
    else
        saved << SavedConnection{name, withoutPassword(url)};
    writeSaved(saved);
}

void StudioSettings::removeSavedConnection(const QString &name)
{
    QList<SavedConnection> saved = savedConnections();
    saved.removeIf([&name](const SavedConnection &c) { return c.name == name; });
    writeSaved(saved);
}

void StudioSettings::writeSaved(const QList<SavedConnection> &saved)
{
    QStringList names;
    QStringList urls;
    for (const SavedConnection &c : saved) {
        names << c.name;
        urls << c.url;
    }
    m_settings.setValue(u"connections/names"_s, names);
    m_settings.setValue(u"connections/urls"_s, urls);
}

QString StudioSettings::connectionFor(const QString &projectDirectory) const
{
    return m_settings.value(projectKey(projectDirectory)).toString();
}

void StudioSettings::setConnectionFor(const QString &projectDirectory, const QString &url)
{
    m_settings.setValue(projectKey(projectDirectory), withoutPassword(url));
}

QByteArray StudioSettings::windowState(const QString &key) const
{
    return m_settings.value(u"window/"_s + key).toByteArray();
}

void StudioSettings::setWindowState(const QString &key, const QByteArray &state)
{
    m_settings.setValue(u"window/"_s + key, state);
}

QString StudioSettings::withoutPassword(const QString &url)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return url.contains(u'@') ? QString() : url;   // unparsable and maybe secret: keep nothing
    parsed->password.clear();
    return parsed->toString();
}

} // namespace strata::ui
