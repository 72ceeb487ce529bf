#pragma once

class QMainWindow;
class QMenu;
class QWidget;

namespace strata::ui {

struct StudioActions;

// The menus and the toolbar of the window, made from the shared actions.
struct StudioMenus
{
    QMenu *file = nullptr;
    QMenu *database = nullptr;
    QMenu *recentProjects = nullptr;      // filled when the file menu opens
    QMenu *recentConnections = nullptr;   // filled when the database menu opens
};

StudioMenus buildStudioMenus(QMainWindow &window, const StudioActions &actions);
void buildStudioToolBar(QMainWindow &window, const StudioActions &actions);
void showAboutBox(QWidget *parent);

} // namespace strata::ui
