#include "scratchdatabase.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using strata::Connection;
using strata::DatabaseUrl;

namespace {

// The server's default database, reached with nothing but the PG* variables.
strata::Result<std::unique_ptr<Connection>> connectToServer()
{
    DatabaseUrl server;
    server.dialect = strata::DialectKind::Postgresql;
    return Connection::open(server);
}

} // namespace

ScratchDatabase::ScratchDatabase(const QString &dialect)
{
    if (dialect == u"sqlite"_s) {
        if (!m_dir.isValid()) {
            m_error = u"could not create a temporary folder: "_s + m_dir.errorString();
            return;
        }
        m_url.dialect = strata::DialectKind::Sqlite;
        m_url.path = m_dir.filePath(u"scratch.db"_s);
    } else if (dialect == u"postgresql"_s) {
        createPostgres();
    } else {
        m_error = u"ScratchDatabase: unknown dialect '%1'"_s.arg(dialect);
    }
}

ScratchDatabase::~ScratchDatabase()
{
    if (isValid() && m_url.dialect == strata::DialectKind::Postgresql)
        dropPostgres();
}

strata::Result<std::unique_ptr<Connection>> ScratchDatabase::connect(Connection::Options options) const
{
    if (!isValid())
        return strata::fail(strata::Error::Code::Internal, m_error);
    return Connection::open(m_url, options);
}

void ScratchDatabase::createPostgres()
{
    if (qEnvironmentVariableIsEmpty("PGHOST") || qEnvironmentVariableIsEmpty("PGPORT")) {
        m_error = u"PGHOST and PGPORT are not set, so there is no PostgreSQL server to test against. Run the "
                  "tests through `make test`, which starts a throw-away server with pg_virtualenv (or run "
                  "one test as `pg_virtualenv <test binary>`)."_s;
        return;
    }
    auto server = connectToServer();
    if (!server) {
        m_error = u"could not reach the test server: "_s + server.error().toString();
        return;
    }
    const QString name = u"strata_test_%1"_s.arg(qulonglong(QRandomGenerator::global()->generate64()), 16, 16, QChar(u'0'));
    if (auto created = (*server)->exec(u"CREATE DATABASE "_s + name); !created) {
        m_error = u"could not create the scratch database: "_s + created.error().toString();
        return;
    }
    m_url.dialect = strata::DialectKind::Postgresql;
    m_url.host = qEnvironmentVariable("PGHOST");
    m_url.port = qEnvironmentVariable("PGPORT").toInt();
    m_url.user = qEnvironmentVariable("PGUSER");
    // In the URL too, so tests can check that no output ever shows it.
    m_url.password = qEnvironmentVariable("PGPASSWORD");
    m_url.database = name;
}

void ScratchDatabase::dropPostgres()
{
    auto server = connectToServer();
    if (!server) {
        qWarning("could not drop scratch database %s: %s", qPrintable(m_url.database),
                 qPrintable(server.error().toString()));
        return;
    }
    // FORCE: a connection a failed test left open must not keep the database alive.
    if (auto dropped = (*server)->exec(u"DROP DATABASE IF EXISTS "_s + m_url.database + u" WITH (FORCE)"_s);
        !dropped) {
        qWarning("could not drop scratch database %s: %s", qPrintable(m_url.database),
                 qPrintable(dropped.error().toString()));
    }
}
