#include "interruptguard.h"

#include <csignal>
#include <unistd.h>

namespace strata::cli {

namespace {

std::atomic_bool stopRequested = false;
constexpr int handled[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction previous[3];

extern "C" void onSignal(int signal)
{
    if (stopRequested.exchange(true)) {
        // The second one: the user means it. The step in flight rolls back in the database.
        std::signal(signal, SIG_DFL);
        std::raise(signal);
        return;
    }
    static const char message[] = "\nINFO  Stopping after the step in flight (a second signal aborts it; "
                                  "its transaction then rolls back)\n";
    // write(2): the only way to print that is safe in a signal handler.
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
}

} // namespace

InterruptGuard::InterruptGuard()
{
    stopRequested = false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < 3; ++i)
        sigaction(handled[i], &action, &previous[i]);
}

InterruptGuard::~InterruptGuard()
{
    for (int i = 0; i < 3; ++i)
        sigaction(handled[i], &previous[i], nullptr);
}

const std::atomic_bool *InterruptGuard::stopFlag() const { return &stopRequested; }

bool InterruptGuard::interrupted() const { return stopRequested; }

} // namespace strata::cli
