#include "ui/app/studioresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside of any namespace.
static void registerStrataResources()
{
    Q_INIT_RESOURCE(strata);
}

namespace strata::ui {

void initStudioResources()
{
    static const bool once = (registerStrataResources(), true);
    Q_UNUSED(once);
}

} // namespace strata::ui
