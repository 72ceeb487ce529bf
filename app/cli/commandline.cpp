#include "commandline.h"

#include "commands/command.h"
#include "strata_buildinfo.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace strata::cli {

namespace {

void addGlobalOptions(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({{u"d"_s, u"directory"_s}, u"The migrations folder (default: migrations)."_s, u"DIR"_s});
    parser.addOption({u"database"_s,
                      u"Database URL, e.g. sqlite:///app.db or postgresql://user@host/db "
                      "(default: DATABASE_URL, then strata.yaml)."_s,
                      u"URL"_s});
    parser.addOption({u"lock-timeout"_s,
                      u"Seconds to wait for a database another process is migrating (default: 5)."_s,
                      u"SECONDS"_s});
    parser.addOption({{u"h"_s, u"help"_s}, u"Show help; `strata COMMAND --help` for one command."_s});
    parser.addOption({u"version"_s, u"Show the version."_s});
}

QString overview(const std::vector<std::unique_ptr<Command>> &commands)
{
    QString text = u"Usage: strata [--directory DIR] [--database URL] COMMAND [options]\n\n"
                   "Strata: schema migrations for SQLite and PostgreSQL, the Flask-Migrate way.\n\n"
                   "Commands:\n"_s;
    // The names' column fits the longest name; a summary wider than the
    // terminal's usual 80 columns goes on under itself, not under the names.
    qsizetype nameWidth = 0;
    for (const auto &command : commands)
        nameWidth = std::max(nameWidth, command->name().size());
    const qsizetype indent = 2 + nameWidth + 2;
    for (const auto &command : commands) {
        QString line = u"  "_s + command->name().leftJustified(nameWidth + 2);
        qsizetype width = indent;
        for (const QString &word : command->summary().split(u' ', Qt::SkipEmptyParts)) {
            if (width > indent && width + 1 + word.size() > 80) {
                line += u'\n' + QString(indent, u' ');
                width = indent;
            } else if (width > indent) {
                line += u' ';
                ++width;
            }
            line += word;
            width += word.size();
        }
        text += line + u'\n';
    }
    text += u"\nGlobal options:\n"
            "  -d, --directory DIR     the migrations folder (default: migrations)\n"
            "  --database URL          sqlite:///app.db, sqlite:////abs/path.db, sqlite://,\n"
            "                          postgresql://user:pass@host:5432/db (default: DATABASE_URL,\n"
            "                          then `database:` in strata.yaml)\n"
            "  --lock-timeout SECONDS  wait this long for a database another process holds (default 5)\n"
            "  --version               show the version\n\n"
            "Exit codes: 0 done, 1 the work failed, 2 bad usage or input.\n"
            "Run `strata COMMAND --help` for a command's options.\n"_s;
    return text;
}

// "-1" reads as an option to QCommandLineParser; moved behind "--" it is the
// relative target `strata downgrade -1` means.
QStringList withRelativeTargetsLast(const QStringList &arguments)
{
    static const QRegularExpression relative(u"^-\\d+$"_s);
    QStringList head, tail;
    for (const QString &arg : arguments)
        (relative.match(arg).hasMatch() ? tail : head) << arg;
    if (!tail.isEmpty())
        head << u"--"_s << tail;
    return head;
}

} // namespace

int runCommandLine(const QStringList &rawArguments)
{
    const QStringList arguments = withRelativeTargetsLast(rawArguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    auto commands = allCommands();

    // First pass: find the command word among the global options.
    QCommandLineParser first;
    addGlobalOptions(first);
    first.parse(arguments);
    const QStringList positional = first.positionalArguments();
    if (first.isSet(u"version"_s)) {
        out << "strata " << STRATA_VERSION_STRING << Qt::endl;
        return 0;
    }
    if (positional.isEmpty()) {
        (first.isSet(u"help"_s) ? out : err) << overview(commands);
        return first.isSet(u"help"_s) ? 0 : 2;
    }
    const QString name = positional.first();
    auto found = std::find_if(commands.begin(), commands.end(),
                              [&](const auto &c) { return c->name() == name; });
    if (found == commands.end()) {
        err << "FAILED: unknown command '" << name << "'\n  hint: `strata --help` lists the commands"
            << Qt::endl;
        return 2;
    }
    const Command &command = **found;

    QCommandLineParser parser;
    addGlobalOptions(parser);
    parser.setApplicationDescription(command.summary());
    parser.addPositionalArgument(name, u"Command"_s, name);
    command.addOptions(parser);
    if (!parser.parse(arguments)) {
        err << "FAILED: " << parser.errorText() << "\n  hint: `strata " << name << " --help` lists the options"
            << Qt::endl;
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        out << parser.helpText().replace(QCoreApplication::applicationFilePath(), u"strata"_s);
        return 0;
    }

    GlobalOptions options;
    if (parser.isSet(u"directory"_s))
        options.directory = parser.value(u"directory"_s);
    options.databaseUrl = parser.value(u"database"_s);
    if (parser.isSet(u"lock-timeout"_s)) {
        bool ok = false;
        const double seconds = parser.value(u"lock-timeout"_s).toDouble(&ok);
        if (!ok || seconds < 0) {
            err << "FAILED: --lock-timeout takes a number of seconds, got '" << parser.value(u"lock-timeout"_s)
                << "'" << Qt::endl;
            return 2;
        }
        options.lockTimeoutMs = int(seconds * 1000);
    }
    Context context(options, out, err);
    return command.run(context, parser);
}

} // namespace strata::cli
