#include "core/db/databaseurl.h"

#include <algorithm>

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

const QString kExamples = u"write it the way SQLAlchemy does, e.g. sqlite:///habitz.db (relative), "
                          "sqlite:////var/lib/app/habitz.db (absolute), sqlite:// (in memory) or "
                          "postgresql://user:password@localhost:5432/habitz"_s;

QString decoded(QStringView text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

// Characters that would end the part they are in are encoded; the rest stays readable.
QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, "-._~!$&'()*+,;="));
}

qsizetype userInfoEnd(QStringView rest);

// What may be a password in a URL that did not parse, erring on the side of
// hiding: a "password=" value, and everything between the first ':' and the
// last '@' (a password holding "?k=v" looks like a query to the parser).
QStringList secretParts(const QString &url)
{
    QStringList parts;
    static const QRegularExpression query(u"[?&]password=([^&]*)"_s, QRegularExpression::CaseInsensitiveOption);
    for (auto it = query.globalMatch(url); it.hasNext();)
        parts << it.next().captured(1);
    const qsizetype sep = url.indexOf(u"://"_s);
    if (sep >= 0) {
        const QStringView rest = QStringView(url).mid(sep + 3);
        const qsizetype at = rest.lastIndexOf(u'@');
        const qsizetype colon = at < 0 ? -1 : rest.left(at).indexOf(u':');
        if (colon >= 0)
            parts << rest.mid(colon + 1, at - colon - 1).toString();
    }
    parts.removeAll(QString());
    return parts;
}

// The URL text as written, anything that may be its password replaced: safe
// to show in an error.
QString redactedText(const QString &url)
{
    QString text = url;
    for (const QString &secret : secretParts(url))
        text.replace(secret, u"***"_s);
    return text;
}

// The message may quote a piece of the URL ("bad port 'x'"): a piece of what
// may be the password is not quoted.
Error usage(const QString &url, QString message)
{
    const QStringList secrets = secretParts(url);
    static const QRegularExpression quoted(u"'([^']+)'"_s);
    QString safe;
    qsizetype last = 0;
    for (auto it = quoted.globalMatch(message); it.hasNext();) {
        const auto match = it.next();
        const bool secret = std::ranges::any_of(secrets, [&](const QString &s) { return s.contains(match.captured(1)); });
        safe += message.mid(last, match.capturedStart() - last) + (secret ? u"'***'"_s : match.captured(0));
        last = match.capturedEnd();
    }
    safe += message.mid(last);
    const QString where = url.isEmpty() ? u"database URL"_s : u"database URL '"_s + redactedText(url) + u'\'';
    return Error::make(Error::Code::Usage, std::move(safe), where, kExamples);
}

// The scheme before "://", lowercased; "postgresql+psycopg2" -> "postgresql".
Result<DialectKind> dialectOf(const QString &scheme, const QString &url)
{
    const QString base = scheme.section(u'+', 0, 0).toLower();
    if (base == u"postgres"_s)
        return DialectKind::Postgresql;
    if (const std::optional<DialectKind> kind = dialectKindNamed(base))
        return *kind;
    return std::unexpected(usage(url, u"unknown database kind '%1': Strata speaks sqlite and postgresql"_s
                                          .arg(scheme)));
}

Result<int> parsePort(QStringView text, const QString &url)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return std::unexpected(usage(url, u"bad port '%1': expected a number from 1 to 65535"_s
                                              .arg(text.toString())));
    return port;
}

// "a=1&b=2" -> {a: 1, b: 2}
QMap<QString, QString> parseQuery(QStringView query)
{
    QMap<QString, QString> options;
    for (QStringView pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq < 0)
            options.insert(decoded(pair), QString());
        else
            options.insert(decoded(pair.left(eq)), decoded(pair.mid(eq + 1)));
    }
    return options;
}

// The '@' that ends user:password. Passwords may hold a raw '@', ':' or '/',
// so it is the last '@' -- unless that one sits in the query string
// ("?application_name=a@b"), recognised by a "?key=" before it.
qsizetype userInfoEnd(QStringView rest)
{
    qsizetype at = rest.lastIndexOf(u'@');
    while (at >= 0) {
        const qsizetype question = rest.left(at).indexOf(u'?');
        if (question < 0 || !rest.mid(question, at - question).contains(u'='))
            return at;
        at = rest.left(question).lastIndexOf(u'@');
    }
    return -1;
}

// Letters (any script, for internationalised names), digits, '-', '.', '_';
// in brackets, an IPv6 address: hex digits, ':' and '.', then maybe "%zone".
bool isValidHost(const QString &host, bool bracketed)
{
    const auto nameChar = [](QChar c) { return c.isLetterOrNumber() || c == u'-' || c == u'.' || c == u'_'; };
    if (!bracketed)
        return std::all_of(host.cbegin(), host.cend(), nameChar);
    const QString address = host.section(u'%', 0, 0);
    const QString zone = host.mid(address.size() + 1);
    const auto addressChar = [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F') || c == u':'
               || c == u'.';
    };
    return address.contains(u':') && std::all_of(address.cbegin(), address.cend(), addressChar)
           && std::all_of(zone.cbegin(), zone.cend(), nameChar);
}

Status parseServer(DatabaseUrl &url, QStringView rest, const QString &text)
{
    if (const qsizetype at = userInfoEnd(rest); at >= 0) {
        const QStringView userInfo = rest.left(at);
        const qsizetype colon = userInfo.indexOf(u':');
        url.user = decoded(colon < 0 ? userInfo : userInfo.left(colon));
        if (colon >= 0)
            url.password = decoded(userInfo.mid(colon + 1));
        rest = rest.mid(at + 1);
    }
    if (const qsizetype question = rest.indexOf(u'?'); question >= 0) {
        url.options = parseQuery(rest.mid(question + 1));
        rest = rest.left(question);
        // libpq's ?password= form is the same secret as user:password@: kept
        // where redacted() hides it, never among the printed options.
        if (url.options.contains(u"password"_s)) {
            const QString password = url.options.take(u"password"_s);
            if (url.password.isEmpty())
                url.password = password;
        }
    }
    const qsizetype slash = rest.indexOf(u'/');
    QStringView hostPort = slash < 0 ? rest : rest.left(slash);
    if (slash >= 0)
        url.database = decoded(rest.mid(slash + 1));

    QStringView portText;
    if (hostPort.startsWith(u'[')) {            // [::1]:5432
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0)
            return std::unexpected(usage(text, u"unclosed '[' in the host"_s));
        url.host = hostPort.mid(1, close - 1).toString();
        const QStringView after = hostPort.mid(close + 1);
        if (after.startsWith(u':'))
            portText = after.mid(1);
        else if (!after.isEmpty())
            return std::unexpected(usage(text, u"unexpected '%1' after the host"_s.arg(after.toString())));
    } else {
        const qsizetype colon = hostPort.lastIndexOf(u':');
        url.host = decoded(colon < 0 ? hostPort : hostPort.left(colon));
        if (colon >= 0)
            portText = hostPort.mid(colon + 1);
    }
    if (!isValidHost(url.host, hostPort.startsWith(u'[')))
        return std::unexpected(usage(text, u"bad host '%1': a host name has letters, digits, '-', '.' and '_'; "
                                           "an IPv6 address goes in brackets ([::1]:5432)"_s.arg(url.host)));
    if (!portText.isEmpty()) {
        auto port = parsePort(portText, text);
        if (!port)
            return std::unexpected(port.error());
        url.port = *port;
    }
    // libpq's way to name a Unix socket directory or a port: ?host=/var/run/postgresql&port=5433
    if (url.options.contains(u"host"_s)) {
        if (!url.host.isEmpty())
            return std::unexpected(usage(text, u"the host is given twice, before the database and as ?host="_s));
        url.host = url.options.take(u"host"_s);
    }
    if (url.options.contains(u"port"_s)) {
        const QString value = url.options.take(u"port"_s);
        if (url.port != 0)
            return std::unexpected(usage(text, u"the port is given twice, after the host and as ?port="_s));
        auto port = parsePort(value, text);
        if (!port)
            return std::unexpected(port.error());
        url.port = *port;
    }
    return {};
}

Status parseSqlite(DatabaseUrl &url, QStringView rest, const QString &text)
{
    if (const qsizetype question = rest.indexOf(u'?'); question >= 0) {
        url.options = parseQuery(rest.mid(question + 1));
        rest = rest.left(question);
    }
    if (rest.isEmpty())
        return {};                              // sqlite:// -- in memory
    if (!rest.startsWith(u'/'))
        return std::unexpected(usage(text, u"an SQLite URL has no host: the path starts after three slashes"_s));
    const QStringView path = rest.mid(1);
    if (path != u":memory:"_s)
        url.path = path.toString();
    return {};
}

QString queryString(const QMap<QString, QString> &options, const QString &socketHost)
{
    QStringList pairs;
    if (!socketHost.isEmpty())
        pairs << u"host="_s + encoded(socketHost).replace(u"%2F"_s, u"/"_s);
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        pairs << encoded(it.key()) + u'=' + encoded(it.value());
    return pairs.isEmpty() ? QString() : u'?' + pairs.join(u'&');
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::unexpected(usage(trimmed, u"no database URL given"_s)
                                   .withHint(u"pass --database URL, set DATABASE_URL, or put `database:` in "
                                             "strata.yaml; "_s + kExamples));
    const qsizetype sep = trimmed.indexOf(u"://"_s);
    if (sep <= 0)
        return std::unexpected(usage(trimmed, u"not a database URL: expected scheme://..."_s));

    DatabaseUrl url;
    auto dialect = dialectOf(trimmed.left(sep), trimmed);
    if (!dialect)
        return std::unexpected(dialect.error());
    url.dialect = *dialect;
    const QStringView rest = QStringView(trimmed).mid(sep + 3);
    const Status parsed = url.dialect == DialectKind::Sqlite ? parseSqlite(url, rest, trimmed)
                                                            : parseServer(url, rest, trimmed);
    if (!parsed)
        return std::unexpected(parsed.error());
    return url;
}

QString DatabaseUrl::toString() const
{
    if (dialect == DialectKind::Sqlite)
        return u"sqlite://"_s + (path.isEmpty() ? QString() : u'/' + path) + queryString(options, {});

    QString text = dialectName(dialect) + u"://"_s;
    if (!user.isEmpty() || !password.isEmpty()) {
        text += encoded(user);
        if (!password.isEmpty())
            text += u':' + encoded(password);
        text += u'@';
    }
    const bool socket = host.startsWith(u'/');
    if (!socket)
        text += host.contains(u':') ? u'[' + host + u']' : encoded(host);
    if (port != 0)
        text += u':' + QString::number(port);
    if (!database.isEmpty())
        text += u'/' + encoded(database);
    return text + queryString(options, socket ? host : QString());
}

QString DatabaseUrl::redacted() const
{
    if (password.isEmpty())
        return toString();
    DatabaseUrl copy = *this;
    copy.password = u"***"_s;          // '*' is left unencoded, so the marker stays readable
    return copy.toString();
}

} // namespace strata
