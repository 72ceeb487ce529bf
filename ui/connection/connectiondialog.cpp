#include "ui/connection/connectiondialog.h"

#include "core/db/connection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QFileInfo>
#include <QThread>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

enum Kind { SqliteTab, PostgresTab, UrlTab };

const QStringList sslModes{u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s, u"verify-ca"_s, u"verify-full"_s};

// "a=1&b=2" (or separated by blanks, as libpq's own strings) -> {a: 1, b: 2}.
QMap<QString, QString> parseOptions(const QString &text)
{
    QMap<QString, QString> options;
    for (const QString &pair : text.split(QRegularExpression(u"[&\\s]+"_s), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        options.insert(pair.left(eq).trimmed(), eq < 0 ? QString() : pair.mid(eq + 1).trimmed());
    }
    return options;
}

} // namespace

ConnectionDialog::ConnectionDialog(const QStringList &recentUrls, QWidget *parent)
    : QDialog(parent), m_saved(new QListWidget(this)), m_saveName(new QLineEdit(this)), m_recent(new QComboBox(this)),
      m_sslMode(new QComboBox(this)), m_options(new QLineEdit(this)),
      m_remember(new QCheckBox(tr("Remember the password in the desktop keychain"), this)), m_kind(new QTabWidget(this)), m_sqlitePath(new QLineEdit(this)),
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
    m_password->setToolTip(tr("Kept in memory for this session; in the desktop keychain if you ask, never in "
                              "the settings"));
    m_sslMode->setObjectName(u"sslModeCombo"_s);
    m_sslMode->addItem(tr("libpq's default (prefer)"), QString());
    for (const QString &mode : sslModes)
        m_sslMode->addItem(mode, mode);
    m_options->setObjectName(u"libpqOptions"_s);
    m_options->setPlaceholderText(u"connect_timeout=10&application_name=strata&schema=app"_s);
    m_options->setToolTip(tr("Other libpq connection options (sslrootcert, sslcert, target_session_attrs, ...), "
                             "and Strata's own schema=NAME"));
    m_remember->setObjectName(u"rememberPassword"_s);
    pgForm->addRow(tr("Host:"), m_host);
    pgForm->addRow(tr("Port:"), m_port);
    pgForm->addRow(tr("Database:"), m_database);
    pgForm->addRow(tr("User:"), m_user);
    pgForm->addRow(tr("Password:"), m_password);
    pgForm->addRow(QString(), m_remember);
    pgForm->addRow(tr("SSL mode:"), m_sslMode);
    pgForm->addRow(tr("Options:"), m_options);

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

    m_saved->setObjectName(u"savedConnections"_s);
    m_saved->setToolTip(tr("Saved connections: click one to fill the fields"));
    connect(m_saved, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        if (auto parsed = DatabaseUrl::parse(item->data(Qt::UserRole).toString())) {
            setUrl(*parsed);
            m_saveName->setText(item->text());
        }
    });
    auto *remove = new QPushButton(tr("Remove"), this);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_saved->currentItem()) {
            Q_EMIT removeRequested(item->text());
            delete item;
        }
    });
    auto *savedPane = new QVBoxLayout;
    savedPane->addWidget(new QLabel(tr("Saved connections"), this));
    savedPane->addWidget(m_saved, 1);
    savedPane->addWidget(remove);

    m_saveName->setObjectName(u"saveName"_s);
    m_saveName->setPlaceholderText(tr("a name, e.g. staging"));
    auto *save = new QPushButton(tr("Save"), this);
    save->setToolTip(tr("Keep these settings in the list under this name (without the password)"));
    connect(save, &QPushButton::clicked, this, &ConnectionDialog::saveCurrent);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(new QLabel(tr("Save as:"), this));
    saveRow->addWidget(m_saveName, 1);
    saveRow->addWidget(save);

    auto *fields = new QVBoxLayout;
    fields->addWidget(m_recent);
    fields->addWidget(m_kind);
    fields->addLayout(saveRow);
    fields->addWidget(m_result);
    auto *columns = new QHBoxLayout;
    columns->addLayout(savedPane, 1);
    columns->addLayout(fields, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(720, sizeHint().height());
}

ConnectionDialog::~ConnectionDialog()
{
    if (m_tester)
        m_tester->wait();
}

void ConnectionDialog::setUrl(const DatabaseUrl &url)
{
    if (url.dialect == DialectKind::Sqlite) {
        m_sqlitePath->setText(url.path);
        m_kind->setCurrentIndex(SqliteTab);
    } else {
        m_host->setText(url.host);
        m_port->setValue(url.port > 0 ? url.port : 5432);
        m_database->setText(url.database);
        m_user->setText(url.user);
        m_password->setText(url.password);
        QMap<QString, QString> options = url.options;
        m_sslMode->setCurrentIndex(std::max(0, m_sslMode->findData(options.take(u"sslmode"_s))));
        QStringList rest;
        for (auto it = options.cbegin(); it != options.cend(); ++it)
            rest << it.key() + u'=' + it.value();
        m_options->setText(rest.join(u'&'));
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
        url.dialect = DialectKind::Sqlite;
        url.path = QFileInfo(path).absoluteFilePath();
        return url;
    }
    case PostgresTab: {
        if (m_database->text().trimmed().isEmpty())
            return fail(Error::Code::Usage, tr("no database name given"), tr("Database"),
                        tr("type the name of the database on the server"));
        DatabaseUrl url;
        url.dialect = DialectKind::Postgresql;
        url.host = m_host->text().trimmed().isEmpty() ? u"localhost"_s : m_host->text().trimmed();
        url.port = m_port->value();
        url.database = m_database->text().trimmed();
        url.user = m_user->text().trimmed();
        url.password = m_password->text();
        url.options = parseOptions(m_options->text());
        if (url.options.contains(u"password"_s))
            return fail(Error::Code::Usage, tr("the password goes in its own field, not among the options"),
                        tr("Options"), tr("type it under Password"));
        if (const QString mode = m_sslMode->currentData().toString(); !mode.isEmpty())
            url.options.insert(u"sslmode"_s, mode);
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

void ConnectionDialog::setSavedConnections(const QStringList &names, const QStringList &urls)
{
    m_saved->clear();
    for (qsizetype i = 0; i < std::min(names.size(), urls.size()); ++i) {
        auto *item = new QListWidgetItem(names.at(i), m_saved);
        item->setData(Qt::UserRole, urls.at(i));
        item->setToolTip(urls.at(i));
    }
}

QStringList ConnectionDialog::savedNames() const
{
    QStringList names;
    for (int row = 0; row < m_saved->count(); ++row)
        names << m_saved->item(row)->text();
    return names;
}

bool ConnectionDialog::rememberPassword() const
{
    return m_remember->isEnabled() && m_remember->isChecked() && m_kind->currentIndex() != SqliteTab;
}

void ConnectionDialog::setKeychainUnavailable(const QString &why)
{
    m_remember->setChecked(false);
    m_remember->setEnabled(false);
    m_remember->setToolTip(why);
}

void ConnectionDialog::saveCurrent()
{
    const QString name = m_saveName->text().trimmed();
    auto parsed = url();
    if (name.isEmpty() || !parsed) {
        m_result->setText(!parsed ? parsed.error().toString() : tr("Give the connection a name to save it."));
        return;
    }
    const QString stored = [&] {
        DatabaseUrl shown = *parsed;
        shown.password.clear();
        return shown.toString();
    }();
    const QList<QListWidgetItem *> same = m_saved->findItems(name, Qt::MatchExactly);
    QListWidgetItem *item = same.isEmpty() ? new QListWidgetItem(name, m_saved) : same.first();
    item->setData(Qt::UserRole, stored);
    item->setToolTip(stored);
    Q_EMIT saveRequested(name, *parsed);
    m_result->setText(tr("Saved as \"%1\" (without the password).").arg(name));
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
    if (parsed->dialect == DialectKind::Sqlite && !parsed->isMemory() && !QFileInfo::exists(parsed->path)) {
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
        *message = opened ? tr("Connected to %1 (%2).").arg(target.redacted(), dialectTitle((*opened)->dialect().kind()))
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
