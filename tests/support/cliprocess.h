#pragma once

#include <QProcessEnvironment>
#include <QStringList>

// The `strata` executable run as a separate process, as a user or a deploy
// script runs it: the one CLI runner the tests share.
struct CliRun
{
    int exitCode = -1;        // -1: did not finish within the timeout
    QString out;
    QString err;
    QString all() const { return out + err; }
};

// Runs `cli` (STRATA_CLI in the tests that define it) with the arguments in
// `workingDirectory`; `environment` defaults to the test's own.
CliRun runCli(const QString &cli, const QStringList &arguments, const QString &workingDirectory = {},
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
              int timeoutMs = 120000);
