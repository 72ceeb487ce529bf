#include "ui/app/workerpools.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

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

} // namespace strata::ui
