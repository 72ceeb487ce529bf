#pragma once

#include "core/db/databaseurl.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QListWidget;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace strata::ui {

// Picks a database: a saved connection from the list, an SQLite file (chosen
// or created), a PostgreSQL server (host, port, database, user, password,
// SSL mode and other libpq options), or a URL pasted whole; "Test
// connection" opens it on a worker thread and says what happened. "Save"
// names the connection for the list (the owner keeps it, without password).
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(const QStringList &recentUrls, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // Fills the fields from a URL (the password too, if it has one).
    void setUrl(const DatabaseUrl &url);
    // The URL the fields describe; an error says which field is wrong.
    Result<DatabaseUrl> url() const;

    void accept() override;

    // The saved connections (names and URLs without password) for the list.
    void setSavedConnections(const QStringList &names, const QStringList &urls);
    QStringList savedNames() const;
    // Whether the user asked for the password to be kept in the desktop keychain.
    bool rememberPassword() const;
    // Disables "remember" with the reason (no keychain in this build).
    void setKeychainUnavailable(const QString &why);

Q_SIGNALS:
    void saveRequested(const QString &name, const strata::DatabaseUrl &url);
    void removeRequested(const QString &name);

private:
    void browseSqlite();
    void useUrlText();
    void testConnection();
    void saveCurrent();

    QListWidget *m_saved;
    QLineEdit *m_saveName;
    QComboBox *m_recent;
    QComboBox *m_sslMode;
    QLineEdit *m_options;
    QCheckBox *m_remember;
    QTabWidget *m_kind;
    QLineEdit *m_sqlitePath;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_urlText;
    QLabel *m_result;
    QPushButton *m_test;
    class QThread *m_tester = nullptr;
    QString m_failedUrl;          // the URL whose last test failed (without password)
    bool m_acceptAnyway = false;  // Connect was pressed once after that failure
};

} // namespace strata::ui
