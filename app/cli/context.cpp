#include "context.h"

#include <QDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata::cli {

Context::Context(GlobalOptions options, QTextStream &out, QTextStream &err)
    : m_options(std::move(options)), m_out(out), m_err(err)
{
}

Context::~Context()
{
    // One Context per process, gone just before exit: freeing a big project
    // (10,000 revisions, allocation by allocation) took a tenth of `strata
    // history`, and the system takes the memory back at once. Kept reachable,
    // so a leak checker does not count it.
    static Project *keptUntilExit = nullptr;
    keptUntilExit = m_project.release();
}

Result<const Project *> Context::project()
{
    if (!m_project) {
        auto opened = Project::open(m_options.directory);
        if (!opened)
            return std::unexpected(opened.error());
        m_project = std::make_unique<Project>(std::move(*opened));
        if (m_project->isAlembic())
            evaluateAlembic();
    }
    return m_project.get();
}

void Context::evaluateAlembic()
{
    // The scripts are read for the database in use (their code may branch on
    // the dialect); without one, for SQLite, as `flask db` defaults to.
    auto url = databaseUrl();
    const DialectKind dialect = url ? url->dialect : DialectKind::Sqlite;
    for (const QString &note : m_project->evaluateFor(dialect))
        info(note);
}

Result<DatabaseUrl> Context::databaseUrl()
{
    QString text = m_options.databaseUrl;
    QString source = u"--database"_s;
    if (text.isEmpty()) {
        text = qEnvironmentVariable("DATABASE_URL");
        source = u"DATABASE_URL"_s;
    }
    if (text.isEmpty()) {
        auto p = project();
        if (!p)
            return std::unexpected(p.error());
        text = (*p)->config().database;
        source = QDir((*p)->directory()).filePath(u"strata.yaml"_s);
    }
    if (text.isEmpty())
        return fail(Error::Code::Usage, u"no database given"_s, {},
                    u"pass --database URL, set DATABASE_URL, or set `database:` in strata.yaml "
                    "(e.g. sqlite:///app.db or postgresql://user@localhost/app)"_s);
    auto url = DatabaseUrl::parse(text);
    if (!url)
        return std::unexpected(url.error().wrappedIn(u"bad database URL"_s, source));
    return url;
}

Result<Connection *> Context::connection()
{
    if (!m_connection) {
        auto url = databaseUrl();
        if (!url)
            return std::unexpected(url.error());
        Connection::Options options;
        options.busyTimeoutMs = m_options.lockTimeoutMs;
        auto opened = Connection::open(*url, options);
        if (!opened)
            return std::unexpected(opened.error());
        m_connection = std::move(*opened);
    }
    return m_connection.get();
}

int Context::report(const Error &error)
{
    m_err << "FAILED: " << error.toString() << Qt::endl;
    return error.exitCode();
}

void Context::info(const QString &line)
{
    m_err << "INFO  " << line << Qt::endl;
}

void Context::writeOut(QStringView text)
{
    constexpr qsizetype piece = 64 * 1024;
    m_out.flush();
    for (qsizetype at = 0; at < text.size();) {
        qsizetype size = std::min(piece, text.size() - at);
        // A surrogate pair stays in one piece.
        if (at + size < text.size() && text.at(at + size - 1).isHighSurrogate())
            ++size;
        m_out << text.mid(at, size);
        m_out.flush();
        at += size;
    }
}

} // namespace strata::cli
