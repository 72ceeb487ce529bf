#pragma once

#include <QMetaType>
#include <QString>

#include <expected>
#include <memory>

namespace strata {

// A failure a user can cause or meet, carried as a value: what went wrong,
// where (file:line:col, revision, statement), and what to do about it.
struct Error
{
    enum class Code {
        Usage,      // bad command line
        Input,      // bad file content (YAML, revision, models)
        NotFound,   // unknown revision, file, table
        Ambiguous,  // prefix or head matches several
        Graph,      // cycles, duplicate ids, missing parents
        Database,   // the database refused a statement or a connection
        Locked,     // another process holds the database
        Conflict,   // the database is not in the state the command needs
        Io,         // file system
        Internal,
    };

    Code code = Code::Internal;
    QString message;
    QString where;
    QString hint;
    std::shared_ptr<const Error> cause;

    static Error make(Code code, QString message, QString where = {}, QString hint = {});

    Error &withWhere(QString w) { where = std::move(w); return *this; }
    Error &withHint(QString h) { hint = std::move(h); return *this; }
    // Wraps this error as the cause of a new one that adds context.
    Error wrappedIn(QString message, QString where = {}) const;

    // Exit code for the command line: 2 for bad usage or input, 1 otherwise.
    int exitCode() const;
    // "where: message" plus the cause chain and hint, one per line.
    QString toString() const;
};

template<typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Error::Code code, QString message, QString where = {},
                                   QString hint = {})
{
    return std::unexpected(Error::make(code, std::move(message), std::move(where), std::move(hint)));
}

} // namespace strata

Q_DECLARE_METATYPE(strata::Error)
