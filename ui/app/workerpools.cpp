#include "app/workerpools.h"

#include <QThreadPool>

namespace strata::ui {

namespace {

QThreadPool *singleThreadPool(QThreadPool &pool)
{
    pool.setMaxThreadCount(1);
    return &pool;
}

} // namespace

QThreadPool *previewPool()
{
    static QThreadPool pool;
    static QThreadPool *configured = singleThreadPool(pool);
    return configured;
}

QThreadPool *lintPool()
{
    static QThreadPool pool;
    static QThreadPool *configured = singleThreadPool(pool);
    return configured;
}

} // namespace strata::ui
