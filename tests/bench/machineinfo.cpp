#include "machineinfo.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Bench {

namespace {

// The value of the first "key: value" (or key=value) line of a file.
QString fieldOf(const QString &path, const QString &key, QChar separator)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString text = QString::fromUtf8(line);
        if (text.section(separator, 0, 0).trimmed() == key)
            return text.section(separator, 1).trimmed().remove(u'"');
    }
    return {};
}

QString firstLineOf(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(10000) || process.exitCode() != 0)
        return u"unknown"_s;
    return QString::fromUtf8(process.readAllStandardOutput()).section(u'\n', 0, 0).trimmed();
}

} // namespace

QString machineSection()
{
    const QString cpu = fieldOf(u"/proc/cpuinfo"_s, u"model name"_s, u':');
    const qint64 memKb = fieldOf(u"/proc/meminfo"_s, u"MemTotal"_s, u':').section(u' ', 0, 0).toLongLong();
    const QString sqlite = firstLineOf(u"sqlite3"_s, {u"--version"_s}).section(u' ', 0, 0);
    const QString postgres = firstLineOf(u"psql"_s, {u"-XtAc"_s, u"SHOW server_version"_s});
    return u"- CPU: %1, %2 cores\n- RAM: %3 GB\n- OS: %4, kernel %5\n"
           "- Qt %6, SQLite %7 (the `sqlite3` client and the library Qt's driver loads), PostgreSQL %8 (server)\n"
           "- Build: %9 (the `strata` and `strata-studio` of this tree)\n- Date: %10\n"_s
        .arg(cpu.isEmpty() ? u"unknown"_s : cpu)
        .arg(QThread::idealThreadCount())
        .arg(double(memKb) / 1024.0 / 1024.0, 0, 'f', 1)
        .arg(fieldOf(u"/etc/os-release"_s, u"PRETTY_NAME"_s, u'='), QSysInfo::kernelVersion(),
             QString::fromLatin1(qVersion()), sqlite, postgres, QStringLiteral(STRATA_BENCH_BUILD_TYPE),
             QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s));
}

} // namespace Bench
