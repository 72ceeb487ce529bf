#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace strata::ui {

// Every command of the window, made once with its icon, shortcut and tip,
// shared by the menus, the toolbar and the timeline's context menu.
struct StudioActions
{
    explicit StudioActions(QObject *owner);

    QAction *openProject;
    QAction *openExample;
    QAction *connectDatabase;
    QAction *quit;

    QAction *upgradeToSelected;
    QAction *downgradeToSelected;
    QAction *upgradeToHead;
    QAction *allOrNothing;              // checkable; on: --atomic runs
    QAction *roundTrip;
    QAction *roundTripOnRealDatabase;   // checkable; off: scratch copy
    QAction *stamp;
    QAction *generateMigration;
    QAction *newRevision;               // an empty revision on the single head (strata revision)
    QAction *mergeHeads;                // strata merge heads
    QAction *repairChecksums;           // strata repair
    QAction *openInEditor;
    QAction *deleteRevision;
    QAction *cancel;
    QAction *copyId;

    QAction *refresh;
    QAction *about;

    // The revision actions, in menu order (with separators as nullptr).
    QList<QAction *> revisionActions() const;
};

} // namespace strata::ui
