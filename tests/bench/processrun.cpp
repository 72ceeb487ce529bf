#include "processrun.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace Bench {

namespace {

double nowMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1.0e6;
}

// Everything the child needs, built before fork: after fork only
// async-signal-safe calls (open, dup2, execve, _exit) may run.
struct ExecImage
{
    QByteArray program, stdinPath, stdoutPath, stderrPath;
    QList<QByteArray> argStore, envStore;
    std::vector<char *> argv, envp;

    ExecImage(const ProcessSpec &spec, const QString &stderrFile)
        : program(QFile::encodeName(spec.program)),
          stdinPath(QFile::encodeName(spec.stdinFile.isEmpty() ? u"/dev/null"_s : spec.stdinFile)),
          stdoutPath(QFile::encodeName(spec.stdoutFile.isEmpty() ? u"/dev/null"_s : spec.stdoutFile)),
          stderrPath(QFile::encodeName(stderrFile))
    {
        argStore << program;
        for (const QString &arg : spec.arguments)
            argStore << arg.toLocal8Bit();
        for (const QString &entry : spec.environment.toStringList())
            envStore << entry.toLocal8Bit();
        for (QByteArray &arg : argStore)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        for (QByteArray &entry : envStore)
            envp.push_back(entry.data());
        envp.push_back(nullptr);
    }
};

[[noreturn]] void execChild(const ExecImage &image)
{
    const int in = ::open(image.stdinPath.constData(), O_RDONLY);
    const int out = ::open(image.stdoutPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(image.stderrPath.constData(), O_WRONLY | O_TRUNC);
    if (in < 0 || out < 0 || err < 0)
        _exit(126);
    ::dup2(in, STDIN_FILENO);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::execve(image.program.constData(), image.argv.data(), image.envp.data());
    _exit(127);
}

} // namespace

QString findProgram(const QString &name)
{
    return name.contains(u'/') ? name : QStandardPaths::findExecutable(name);
}

ProcessResult runProcess(const ProcessSpec &spec)
{
    ProcessResult result;
    QTemporaryFile stderrFile;
    if (!stderrFile.open()) {
        result.stderrText = u"cannot create a temporary file for stderr"_s;
        return result;
    }
    ProcessSpec resolved = spec;
    resolved.program = findProgram(spec.program);
    if (resolved.program.isEmpty()) {
        result.stderrText = u"%1 is not installed (packaging/install-deps.sh test installs it)"_s.arg(spec.program);
        return result;
    }
    const ExecImage image(resolved, stderrFile.fileName());

    const double start = nowMs();
    const pid_t pid = ::fork();
    if (pid < 0) {
        result.stderrText = u"fork failed"_s;
        return result;
    }
    if (pid == 0)
        execChild(image);
    result.started = true;
    result.startedAtMs = start;

    // A pidfd lets poll() wait for the exit with a timeout and no busy loop,
    // so the wall time is not rounded up to a polling interval.
    const int pidfd = int(::syscall(SYS_pidfd_open, pid, 0));
    if (pidfd >= 0) {
        pollfd waiter{pidfd, POLLIN, 0};
        if (::poll(&waiter, 1, spec.timeoutSeconds * 1000) == 0) {
            result.timedOut = true;
            ::kill(pid, SIGKILL);
        }
        ::close(pidfd);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    result.wallMs = nowMs() - start;
    result.peakRssKb = usage.ru_maxrss;    // kilobytes on Linux
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.stderrText = QString::fromLocal8Bit(stderrFile.read(4096));
    return result;
}

} // namespace Bench
