#include "ui/app/windowlayout.h"

#include "ui/app/studiosettings.h"

#include <QMainWindow>
#include <QScreen>
#include <QSplitter>

using namespace Qt::StringLiterals;

namespace strata::ui {

void restoreWindowLayout(QMainWindow &window, QSplitter &sides, QSplitter &main, const StudioSettings &settings)
{
    if (!window.restoreGeometry(settings.windowState(u"geometry"_s)))   // a saved one is kept on screen by Qt
        window.resize(QSize(1200, 760).boundedTo(window.screen()->availableGeometry().size() * 0.9));
    window.restoreState(settings.windowState(u"state"_s));
    if (!sides.restoreState(settings.windowState(u"sides"_s)))
        sides.setSizes({460, 740});
    if (!main.restoreState(settings.windowState(u"main"_s)))
        main.setSizes({560, 160});
}

void saveWindowLayout(const QMainWindow &window, const QSplitter &sides, const QSplitter &main,
                      StudioSettings &settings)
{
    settings.setWindowState(u"geometry"_s, window.saveGeometry());
    settings.setWindowState(u"state"_s, window.saveState());
    settings.setWindowState(u"sides"_s, sides.saveState());
    settings.setWindowState(u"main"_s, main.saveState());
}

} // namespace strata::ui
