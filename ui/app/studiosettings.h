#pragma once

#include <QSettings>
#include <QStringList>

namespace strata::ui {

// What the studio remembers between runs: window layout, recent projects,
// recent connections and the last connection of each project. URLs are
// stored without their password, always.
class StudioSettings
{
public:
    static constexpr int maxRecent = 8;

    QStringList recentProjects() const;
    void addRecentProject(const QString &directory);

    QStringList recentConnections() const;
    void addRecentConnection(const QString &url);

    // Connections the user named and kept, in the order saved; URLs without passwords.
    struct SavedConnection
    {
        QString name;
        QString url;
    };
    QList<SavedConnection> savedConnections() const;
    // Adds it, or replaces the one of that name.
    void saveConnection(const QString &name, const QString &url);
    void removeSavedConnection(const QString &name);

    QString connectionFor(const QString &projectDirectory) const;
    void setConnectionFor(const QString &projectDirectory, const QString &url);

    QByteArray windowState(const QString &key) const;
    void setWindowState(const QString &key, const QByteArray &state);

    // The URL with the password taken out ("postgresql://ann@db/app").
    static QString withoutPassword(const QString &url);

private:
    QStringList recent(const QString &key) const;
    void addRecent(const QString &key, const QString &value);

    void writeSaved(const QList<SavedConnection> &saved);

    QSettings m_settings;
};

} // namespace strata::ui
