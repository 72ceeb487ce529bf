#include "connection/connectiondialog.h"

#include "db/connection.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QFileInfo>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

enum Kind { SqliteTab, PostgresTab, UrlTab };

} // namespace

ConnectionDialog::ConnectionDialog(const QStringList &recentUrls, QWidget *parent)
    : QDialog(parent), m_recent(new QComboBox(this)), m_kind(new QTabWidget(this)), m_sqlitePath(new QLineEdit(this)),
      m_host(new QLineEdit(this)), m_port(new QSpinBox(this)), m_database(new QLineEdit(this)),
      m_user(new QLineEdit(this)), m_password(new QLineEdit(this)), m_urlText(new QLineEdit(this)),
      m_result(new QLabel(this)), m_test(new QPushButton(tr("Test connection"), this))
{
    setObjectName(u"connectionDialog"_s);
    setWindowTitle(tr("Connect to a database"));

    m_recent->addItem(tr("Recent connections…"));
    for (const QString &url : recentUrls)
        m_recent->addItem(url, url);
    m_recent->setEnabled(!recentUrls.isEmpty());
    connect(m_recent, &QComboBox::activated, this, [this](int index) {
        if (index <= 0)
            return;
        if (auto parsed = DatabaseUrl::parse(m_recent->itemData(index).toString()))
            setUrl(*parsed);
    });

    auto *sqlite = new QWidget(this);
    auto *sqliteForm = new QFormLayout(sqlite);
    auto *pathRow = new QHBoxLayout;
    auto *browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, &ConnectionDialog::browseSqlite);
    m_sqlitePath->setPlaceholderText(tr("/path/to/app.db (created if missing)"));
    pathRow->addWidget(m_sqlitePath, 1);
    pathRow->addWidget(browse);
    sqliteForm->addRow(tr("File:"), pathRow);

    auto *postgres = new QWidget(this);
    auto *pgForm = new QFormLayout(postgres);
    m_host->setPlaceholderText(u"localhost"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Kept in memory for this session only; never saved"));
    pgForm->addRow(tr("Host:"), m_host);
    pgForm->addRow(tr("Port:"), m_port);
    pgForm->addRow(tr("Database:"), m_database);
    pgForm->addRow(tr("User:"), m_user);
    pgForm->addRow(tr("Password:"), m_password);

    auto *urlPage = new QWidget(this);
    auto *urlForm = new QFormLayout(urlPage);
    m_urlText->setPlaceholderText(u"postgresql://user:password@host:5432/db  or  sqlite:////abs/path.db"_s);
    urlForm->addRow(tr("URL:"), m_urlText);
    auto *hint = new QLabel(tr("Paste a URL as SQLAlchemy writes it; the fields of the other tabs follow it."), this);
    hint->setWordWrap(true);
    urlForm->addRow(hint);
    connect(m_urlText, &QLineEdit::editingFinished, this, &ConnectionDialog::useUrlText);

    m_kind->addTab(sqlite, u"SQLite"_s);
    m_kind->addTab(postgres, u"PostgreSQL"_s);
    m_kind->addTab(urlPage, tr("URL"));

    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_recent);
    layout->addWidget(m_kind);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

ConnectionDialog::~ConnectionDialog()
{
    if (m_tester)
        m_tester->wait();
}

void ConnectionDialog::setUrl(const DatabaseUrl &url)
{
    if (url.dialect == u"sqlite"_s) {
        m_sqlitePath->setText(url.path);
        m_kind->setCurrentIndex(SqliteTab);
    } else {
        m_host->setText(url.host);
        m_port->setValue(url.port > 0 ? url.port : 5432);
        m_database->setText(url.database);
        m_user->setText(url.user);
        m_password->setText(url.password);
        m_kind->setCurrentIndex(PostgresTab);
    }
}

Result<DatabaseUrl> ConnectionDialog::url() const
{
    switch (m_kind->currentIndex()) {
    case SqliteTab: {
        const QString path = m_sqlitePath->text().trimmed();
        if (path.isEmpty())
            return fail(Error::Code::Usage, tr("no SQLite file given"), tr("File"), tr("choose or type a file path"));
        DatabaseUrl url;
        url.dialect = u"sqlite"_s;
        url.path = QFileInfo(path).absoluteFilePath();
        return url;
    }
    case PostgresTab: {
        if (m_database->text().trimmed().isEmpty())
            return fail(Error::Code::Usage, tr("no database name given"), tr("Database"),
                        tr("type the name of the database on the server"));
        DatabaseUrl url;
        url.dialect = u"postgresql"_s;
        url.host = m_host->text().trimmed().isEmpty() ? u"localhost"_s : m_host->text().trimmed();
        url.port = m_port->value();
        url.database = m_database->text().trimmed();
        url.user = m_user->text().trimmed();
        url.password = m_password->text();
        return url;
    }
    default:
        return DatabaseUrl::parse(m_urlText->text().trimmed());
    }
}

void ConnectionDialog::accept()
{
    auto parsed = url();
    if (!parsed) {
        m_result->setText(parsed.error().toString());
        return;
    }
    // A connection that just failed its test is not taken silently: the
    // second press means "I know, connect anyway" (a server that is starting, say).
    if (!m_acceptAnyway && parsed->redacted() == m_failedUrl) {
        m_acceptAnyway = true;
        m_result->setText(m_result->text() + u"\n"_s + tr("The test of this connection failed. Press Connect again "
                                                            "to use it anyway."));
        return;
    }
    QDialog::accept();
}

void ConnectionDialog::browseSqlite()
{
    // DontConfirmOverwrite: picking an existing file is the usual case, not a mistake.
    const QString path = QFileDialog::getSaveFileName(this, tr("SQLite database file"), m_sqlitePath->text(),
                                                      tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_sqlitePath->setText(path);
}

void ConnectionDialog::useUrlText()
{
    if (m_urlText->text().trimmed().isEmpty())
        return;
    auto parsed = DatabaseUrl::parse(m_urlText->text().trimmed());
    if (!parsed) {
        m_result->setText(parsed.error().toString());
        return;
    }
    m_result->setText(tr("Understood: %1").arg(parsed->redacted()));
}

void ConnectionDialog::testConnection()
{
    auto parsed = url();
    if (!parsed) {
        m_result->setText(parsed.error().toString());
        return;
    }
    if (m_tester)
        return;
    m_acceptAnyway = false;
    // A test never creates what it tests: opening a missing SQLite file would.
    if (parsed->dialect == u"sqlite"_s && !parsed->isMemory() && !QFileInfo::exists(parsed->path)) {
        const bool folder = QFileInfo(QFileInfo(parsed->path).absolutePath()).isDir();
        m_failedUrl = folder ? QString() : parsed->redacted();
        m_result->setText(folder ? tr("There is no file %1 yet: Connect creates a new, empty database there.")
                                       .arg(parsed->path)
                                 : tr("There is no folder %1: check the path.").arg(QFileInfo(parsed->path).absolutePath()));
        return;
    }
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting to %1…").arg(parsed->redacted()));
    // The connection is opened and closed on the tester's own thread.
    auto message = std::make_shared<QString>();
    auto failed = std::make_shared<bool>(false);
    const DatabaseUrl target = *parsed;
    m_tester = QThread::create([target, message, failed] {
        Connection::Options options;
        options.connectTimeoutSeconds = 5;
        auto opened = Connection::open(target, options);
        *failed = !opened;
        *message = opened ? tr("Connected to %1 (%2).").arg(target.redacted(), (*opened)->dialect().name())
                          : opened.error().toString();
    });
    connect(m_tester, &QThread::finished, this, [this, message, failed, shown = target.redacted()] {
        m_failedUrl = *failed ? shown : QString();
        m_result->setText(*message);
        m_test->setEnabled(true);
        m_tester->deleteLater();
        m_tester = nullptr;
    });
    m_tester->start();
}

} // namespace strata::ui
