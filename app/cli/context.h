#pragma once

#include "core/db/connection.h"
#include "core/project/project.h"

#include <QTextStream>

#include <memory>
#include <optional>

namespace strata::cli {

struct GlobalOptions
{
    QString directory = QStringLiteral("migrations");
    QString databaseUrl;           // --database; empty: DATABASE_URL, then strata.yaml
    int lockTimeoutMs = 5000;
};

// What every command needs, opened lazily: the project, the database URL, a
// connection. Errors are printed in one place, the same way for every command.
class Context
{
public:
    Context(GlobalOptions options, QTextStream &out, QTextStream &err);
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    const GlobalOptions &options() const { return m_options; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    Result<const Project *> project();
    // --database, else DATABASE_URL, else strata.yaml's database.
    Result<DatabaseUrl> databaseUrl();
    Result<Connection *> connection();

    // Prints "FAILED: ..." with where, cause and hint; returns the exit code.
    int report(const Error &error);
    void info(const QString &line);    // progress for people, on stderr like Alembic's INFO lines
    // Writes a long text to standard output a piece at a time, so that the
    // stream never holds a copy of all of it in each encoding (the offline
    // script of 10,000 revisions is 5 million characters).
    void writeOut(QStringView text);

private:
    void evaluateAlembic();

    GlobalOptions m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<Connection> m_connection;
};

} // namespace strata::cli
