#include "ui/app/workerpools.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace strata::ui {

namespace {

// Owned by the application object, so it is torn down (waiting for the task
// in flight) at the end of main(), while everything that task uses is still
// alive; a static pool would be destroyed among the statics at exit, with its
// thread still running on them.
QThreadPool *singleThreadPool(QPointer<QThreadPool> &pool)
{
    if (!pool) {
        pool = new QThreadPool(QCoreApplication::instance());
        pool->setMaxThreadCount(1);
    }
    return pool;
}

} // namespace

QThreadPool *previewPool()
{
    static QPointer<QThreadPool> pool;
    return singleThreadPool(pool);
}

QThreadPool *lintPool()
{
    static QPointer<QThreadPool> pool;
    return singleThreadPool(pool);
}

QThreadPool *databasePool()
{
    static QPointer<QThreadPool> pool;
    return singleThreadPool(pool);
}

void yieldToTheWindow()
{
#ifdef Q_OS_LINUX
    // A nice value of its own: Linux keeps one per thread. Qt's thread
    // priorities map to nothing under the default scheduler, and SCHED_IDLE
    // (Qt's IdlePriority) would starve the lint for as long as anything runs.
    static constexpr int kBackgroundNice = 10;
    if (getpriority(PRIO_PROCESS, id_t(gettid())) < kBackgroundNice)
        setpriority(PRIO_PROCESS, id_t(gettid()), kBackgroundNice);
#endif
}

} // namespace strata::ui
