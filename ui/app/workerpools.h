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

} // namespace strata::ui
