#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs one program as a whole process (fork, exec, wait4) and measures it the
// way a user feels it: wall-clock time from fork to exit, and the child's
// peak resident memory from the kernel's own accounting (ru_maxrss), which
// QProcess cannot report.
namespace Bench {

struct ProcessSpec
{
    QString program;
    QStringList arguments;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString stdinFile;      // empty: /dev/null
    QString stdoutFile;     // empty: /dev/null
    int timeoutSeconds = 600;
};

struct ProcessResult
{
    bool started = false;
    bool timedOut = false;
    int exitCode = -1;      // -1 when killed by a signal
    double wallMs = 0;
    double startedAtMs = 0; // CLOCK_MONOTONIC at fork, to compare with a time the child prints
    qint64 peakRssKb = 0;
    QString stderrText;     // the first few kilobytes, for failure messages

    bool ok() const { return started && !timedOut && exitCode == 0; }
};

ProcessResult runProcess(const ProcessSpec &spec);

// The program's full path, looked up on PATH; empty when not installed.
QString findProgram(const QString &name);

} // namespace Bench
