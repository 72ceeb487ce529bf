#pragma once

class QThreadPool;

namespace strata::ui {

// The studio's long work runs on pools of its own, never on Qt's global
// pool: the raster paint engine splits large fills across the global pool
// and waits for them, so a global pool busy with a ten-second lint would hold
// up every paint of the window.

// Reading the project and computing previews: one at a time, newest wanted.
QThreadPool *previewPool();
// Lint of the whole history, which may take minutes on a large project.
QThreadPool *lintPool();
// The database view's reading of sizes and drift, beside runs and previews.
QThreadPool *databasePool();

// For work nobody waits for (lint badges): the calling thread yields the CPU
// to the window's threads and to a run. Qt's raster engine fills large areas
// on pool threads and the window waits for them; with a lint of the whole
// history on the other core those threads queued for a CPU and a paint
// during a run took up to a third of a second.
void yieldToTheWindow();

} // namespace strata::ui
