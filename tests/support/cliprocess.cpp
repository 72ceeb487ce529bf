#include "cliprocess.h"

#include <QElapsedTimer>

#include <csignal>

namespace {

void start(QProcess &process, const QString &cli, const QStringList &arguments, const CliOptions &options)
{
    process.setProcessEnvironment(options.environment);
    if (!options.workingDirectory.isEmpty())
        process.setWorkingDirectory(options.workingDirectory);
    if (options.inChild)
        process.setChildProcessModifier(options.inChild);
    process.start(cli, arguments);
    if (!options.input.isEmpty())
        process.write(options.input);
    process.closeWriteChannel();
}

CliRun collect(QProcess &process, const QString &errSoFar, int timeoutMs, const QString &what)
{
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("did not finish within %1 ms: %2").arg(timeoutMs).arg(what);
        return run;
    }
    run.ending = process.exitStatus() == QProcess::NormalExit ? CliRun::Ending::Exited : CliRun::Ending::Crashed;
    run.exitCode = run.exited() ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = errSoFar + QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString describe(const QString &cli, const QStringList &arguments)
{
    return cli + QLatin1Char(' ') + arguments.join(QLatin1Char(' '));
}

} // namespace

CliRun runCli(const QString &cli, const QStringList &arguments, const CliOptions &options)
{
    QProcess process;
    start(process, cli, arguments, options);
    return collect(process, {}, options.timeoutMs, describe(cli, arguments));
}

CliRun runCli(const QString &cli, const QStringList &arguments, const QString &workingDirectory,
              const QProcessEnvironment &environment, int timeoutMs)
{
    CliOptions options;
    options.workingDirectory = workingDirectory;
    options.environment = environment;
    options.timeoutMs = timeoutMs;
    return runCli(cli, arguments, options);
}

CliProcess::CliProcess(const QString &cli, const QStringList &arguments, const CliOptions &options)
    : m_timeoutMs(options.timeoutMs)
{
    start(m_process, cli, arguments, options);
}

CliProcess::~CliProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

bool CliProcess::waitForStarted(int timeoutMs)
{
    return m_process.waitForStarted(timeoutMs);
}

bool CliProcess::waitForErrorText(const QString &text, int count, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        m_err += QString::fromUtf8(m_process.readAllStandardError());
        if (m_err.count(text) >= count)
            return true;
        if (waited.elapsed() > timeoutMs || m_process.state() == QProcess::NotRunning)
            return false;
        // Reads both channels into their buffers while it waits.
        m_process.waitForReadyRead(50);
    }
}

void CliProcess::sendSignal(int signalNumber)
{
    ::kill(pid_t(m_process.processId()), signalNumber);
}

bool CliProcess::kill()
{
    m_process.kill();
    return m_process.waitForFinished(30000);
}

CliRun CliProcess::finish()
{
    return collect(m_process, m_err, m_timeoutMs, m_process.program());
}
