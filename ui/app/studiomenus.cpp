#include "ui/app/studiomenus.h"

#include "strata_buildinfo.h"

#include "ui/app/studioactions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace strata::ui {

StudioMenus buildStudioMenus(QMainWindow &window, const StudioActions &actions)
{
    StudioMenus menus;
    QMenuBar *bar = window.menuBar();
    menus.file = bar->addMenu(QMainWindow::tr("&File"));
    menus.file->addAction(actions.openProject);
    menus.recentProjects = menus.file->addMenu(QMainWindow::tr("Open &recent"));
    menus.file->addAction(actions.openExample);
    menus.file->addSeparator();
    menus.file->addAction(actions.quit);

    menus.database = bar->addMenu(QMainWindow::tr("&Database"));
    menus.database->addAction(actions.connectDatabase);
    menus.recentConnections = menus.database->addMenu(QMainWindow::tr("Recent &connections"));
    menus.database->addSeparator();
    menus.database->addAction(actions.refresh);

    QMenu *revision = bar->addMenu(QMainWindow::tr("&Revision"));
    for (QAction *action : actions.revisionActions()) {
        if (action)
            revision->addAction(action);
        else
            revision->addSeparator();
    }
    revision->addSeparator();
    revision->addAction(actions.cancel);

    QMenu *help = bar->addMenu(QMainWindow::tr("&Help"));
    help->addAction(actions.about);
    return menus;
}

void buildStudioToolBar(QMainWindow &window, const StudioActions &actions)
{
    QToolBar *bar = window.addToolBar(QMainWindow::tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    for (QAction *action : {actions.openProject, actions.connectDatabase, static_cast<QAction *>(nullptr),
                            actions.upgradeToHead, actions.upgradeToSelected, actions.downgradeToSelected,
                            actions.roundTrip, actions.stamp, actions.generateMigration,
                            static_cast<QAction *>(nullptr), actions.refresh}) {
        if (action)
            bar->addAction(action);
        else
            bar->addSeparator();
    }
}

void showAboutBox(QWidget *parent)
{
    QMessageBox::about(parent, QMainWindow::tr("About Strata Studio"),
                       QMainWindow::tr("<h3>Strata Studio %1</h3><p>A schema migration manager you can see: the "
                                       "revision history as a timeline, the SQL of every step before it runs, and "
                                       "one-click upgrade, downgrade and round-trip runs on SQLite and "
                                       "PostgreSQL.</p><p>Qt %2</p>")
                           .arg(QStringLiteral(STRATA_VERSION_STRING), QString::fromLatin1(qVersion())));
}

} // namespace strata::ui
