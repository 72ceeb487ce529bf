#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>

// The `strata` executable run as a separate process, as a user or a deploy
// script runs it: the one CLI runner the tests share.
struct CliRun
{
    enum class Ending { Exited, Crashed, TimedOut };

    Ending ending = Ending::TimedOut;
    int exitCode = -1;        // -1 unless it exited on its own
    QString out;
    QString err;
    QString all() const { return out + err; }
    bool exited() const { return ending == Ending::Exited; }
};

// How to run it; the defaults are a user's shell in the test's folder.
struct CliOptions
{
    QString workingDirectory;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    int timeoutMs = 120000;
    QByteArray input;                    // written to stdin, which is then closed
    std::function<void()> inChild;       // runs in the child before exec: limits, signal dispositions
};

// Runs `cli` (STRATA_CLI, STRATA_STUDIO or another program) with the arguments to the end.
CliRun runCli(const QString &cli, const QStringList &arguments, const CliOptions &options);
CliRun runCli(const QString &cli, const QStringList &arguments, const QString &workingDirectory = {},
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
              int timeoutMs = 120000);

// A CLI run the test acts on while it goes: several at once, a signal once
// its output shows a point, a kill after a delay.
class CliProcess
{
public:
    CliProcess(const QString &cli, const QStringList &arguments, const CliOptions &options = {});
    ~CliProcess();

    bool waitForStarted(int timeoutMs = 30000);
    // Waits until stderr so far holds `text` at least `count` times.
    bool waitForErrorText(const QString &text, int count, int timeoutMs);
    void sendSignal(int signalNumber);
    // True when it ended within `timeoutMs`; else it runs on.
    bool endsWithin(int timeoutMs) { return m_process.waitForFinished(timeoutMs); }
    // SIGKILL; true once it has ended.
    bool kill();
    // Waits for the end (the options' timeout, then a kill) and collects it.
    CliRun finish();

private:
    QProcess m_process;
    QString m_err;
    int m_timeoutMs;
};
