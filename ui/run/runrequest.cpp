#include "ui/run/runrequest.h"

#include <QCoreApplication>

namespace strata::ui {

QString RunRequest::describe() const
{
    const QString shortTarget = target.left(12);
    switch (kind) {
    case Kind::ReadState: return QCoreApplication::translate("RunRequest", "Read the database state");
    case Kind::Upgrade: return QCoreApplication::translate("RunRequest", "Upgrade to %1").arg(shortTarget);
    case Kind::Downgrade: return QCoreApplication::translate("RunRequest", "Downgrade to %1").arg(shortTarget);
    case Kind::Stamp: return QCoreApplication::translate("RunRequest", "Stamp %1").arg(shortTarget);
    case Kind::Repair: return QCoreApplication::translate("RunRequest", "Repair checksums");
    case Kind::DeleteRevision: return QCoreApplication::translate("RunRequest", "Delete revision %1").arg(shortTarget);
    case Kind::RoundTrip:
        return onScratchCopy ? QCoreApplication::translate("RunRequest", "Round-trip %1 on a scratch copy").arg(shortTarget)
                             : QCoreApplication::translate("RunRequest", "Round-trip %1 on the real database")
                                   .arg(shortTarget);
    }
    return {};
}

} // namespace strata::ui
