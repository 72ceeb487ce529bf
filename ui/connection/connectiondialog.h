#pragma once

#include "db/databaseurl.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace strata::ui {

// Picks a database: an SQLite file (chosen or created), a PostgreSQL server
// (host, port, database, user, password), or a URL pasted whole; "Test
// connection" opens it on a worker thread and says what happened.
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

private:
    void browseSqlite();
    void useUrlText();
    void testConnection();

    QComboBox *m_recent;
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
