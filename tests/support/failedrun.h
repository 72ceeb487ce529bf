#pragma once

#include "ui/run/runrequest.h"

// A run that failed with `why`, as the studio's tests hand it to the window
// (only the studio's tests include this: they link strata_ui).
inline strata::ui::RunOutcome failedRun(const QString &why)
{
    strata::ui::RunOutcome outcome;
    outcome.ok = false;
    outcome.errorText = why;
    return outcome;
}
