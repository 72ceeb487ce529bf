#pragma once

#include <atomic>

namespace strata::cli {

// While a migration runs: the first Ctrl-C, SIGTERM or SIGHUP asks the run to
// stop after the step in flight (which commits or rolls back whole), so the
// run ends at a known revision and says which; a second one aborts at once.
// Outside its lifetime the signals act as usual.
class InterruptGuard
{
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

    const std::atomic_bool *stopFlag() const;
    bool interrupted() const;
};

} // namespace strata::cli
