#pragma once

namespace strata::ui {

// Registers the icons compiled into this static library (a static library's
// resources are not registered by themselves: nothing references them).
void initStudioResources();

} // namespace strata::ui
