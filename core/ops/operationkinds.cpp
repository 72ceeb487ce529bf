#include "core/ops/operationkinds.h"

namespace strata {

// Each class's YAML key comes from the list, and only from it: a class left
// out of the list has no kind() and does not link.
#define STRATA_DEFINE_KIND(Class, key) \
    QString Class::kind() const { return QStringLiteral(key); }
STRATA_OPERATION_KINDS(STRATA_DEFINE_KIND)
#undef STRATA_DEFINE_KIND

QStringList operationKinds()
{
    QStringList kinds;
#define STRATA_LIST_KIND(Class, key) kinds << QStringLiteral(key);
    STRATA_OPERATION_KINDS(STRATA_LIST_KIND)
#undef STRATA_LIST_KIND
    return kinds;
}

} // namespace strata
