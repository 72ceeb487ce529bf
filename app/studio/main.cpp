#include "strata_buildinfo.h"
#include "ui/app/mainwindow.h"
#include "ui/app/studioautomation.h"
#include "ui/diff/diffpane.h"
#include "ui/generate/generatedialog.h"
#include "ui/timeline/timelinepanel.h"
#include "ui/theme/studiotheme.h"
#include "firstpaintprobe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QListView>
#include <QPointer>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Strata"_s);
    QApplication::setApplicationName(u"strata-studio"_s);
    QApplication::setApplicationDisplayName(u"Strata Studio"_s);
    QApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION_STRING));
    QApplication::setDesktopFileName(u"strata-studio"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Strata Studio: the revision timeline, the SQL of each step, one-click runs."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"DIRECTORY"_s,
                                 u"The migrations folder to open (default: the bundled example project)."_s,
                                 u"[DIRECTORY]"_s);
    const QCommandLineOption database({u"d"_s, u"database"_s},
                                      u"Database URL, e.g. sqlite:///app.db or postgresql://user@host/db."_s, u"URL"_s);
    const QCommandLineOption select(u"select"_s,
                                    u"Select this revision (id or prefix) at start, or a range written A..B."_s,
                                    u"REV"_s);
    const QCommandLineOption generate(u"generate"_s,
                                      u"Open Generate migration at start (with --screenshot, FILE-generate.png too)."_s);
    const QCommandLineOption tab(u"tab"_s, u"Show this tab at start: schema, unified, upgrade, downgrade, file, lint (the diff pane), log, round-trip or database."_s,
                                 u"TAB"_s);
    const QCommandLineOption size(u"size"_s, u"Window size, e.g. 1280x800."_s, u"WxH"_s);
    const QCommandLineOption screenshot(u"screenshot"_s,
                                       u"Save a PNG of the window once it has settled, then quit."_s, u"FILE"_s);
    const QCommandLineOption theme(u"theme"_s, u"light, dark or system (default)."_s, u"THEME"_s, u"system"_s);
    const QCommandLineOption firstPaint(u"quit-after-first-paint"_s,
                                        u"Print first-paint-ms: N, the time from start to the first painted "
                                        "timeline rows, then quit (for the benchmarks)."_s);
    const QCommandLineOption roundTrip(u"round-trip"_s,
                                       u"Round-trip the selected revision once the window has settled (on a scratch "
                                       "copy; with --screenshot, the picture is taken after it)."_s);
    const QCommandLineOption timeSelect(u"time-select"_s,
                                        u"Once the window has settled, select REV, print select-to-preview-ms: N "
                                        "(from the click to its preview painted), then quit (for the benchmarks)."_s,
                                        u"REV"_s);
    parser.addOptions({database, select, generate, tab, size, screenshot, theme, firstPaint, roundTrip, timeSelect});
    parser.process(app);
    strata::ui::applyTheme(parser.value(theme));

    strata::ui::MainWindow window;
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty() && !parser.isSet(database))
        window.openBundledExample();
    else
        window.openProject(args.value(0, u"migrations"_s), parser.value(database));
    if (parser.isSet(select)) {
        // A..B: select both ends (prefixes resolved one at a time), then the rows between.
        const QStringList ends = parser.value(select).split(u".."_s);
        QStringList ids;
        for (const QString &end : ends) {
            if (!window.selectRevision(end)) {
                std::fprintf(stderr, "--select: no revision %s (give an id or a prefix of at least 4 characters)\n",
                             qPrintable(end));
                break;
            }
            ids << window.timeline()->currentRevision();
        }
        if (ids.size() == 2)
            window.timeline()->selectRange(ids[0], ids[1]);
    }
    strata::ui::StudioAutomation automation(window);
    if (parser.isSet(tab) && !automation.showTab(parser.value(tab)))
        std::fprintf(stderr, "--tab: no tab %s\n", qPrintable(parser.value(tab)));
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(u'x');
        if (wh.size() == 2)
            window.resize(wh[0].toInt(), wh[1].toInt());
    }
    if (parser.isSet(firstPaint))
        new FirstPaintProbe(window.timeline()->view(), sinceMain);    // owned by the view
    window.show();
    // A QPointer: the dialog deletes itself when closed.
    const QPointer<strata::ui::GenerateMigrationDialog> dialog =
        parser.isSet(generate) ? window.openGenerateDialog() : nullptr;

    const auto takeScreenshot = [&automation, &dialog, file = parser.value(screenshot)] {
        automation.grabWhenSettled(file, [file, dialog](bool saved) {
            std::fprintf(stderr, saved ? "saved %s\n" : "could not save %s\n", qPrintable(file));
            if (saved && dialog) {
                const QString dialogFile = file.chopped(file.endsWith(u".png"_s) ? 4 : 0) + u"-generate.png"_s;
                saved = dialog->grab().save(dialogFile);
                std::fprintf(stderr, saved ? "saved %s\n" : "could not save %s\n", qPrintable(dialogFile));
            }
            QApplication::exit(saved ? 0 : 1);
        });
    };
    if (parser.isSet(timeSelect)) {
        automation.timeSelectionWhenSettled(parser.value(timeSelect), [](qint64 ms) {
            if (ms < 0)
                std::fprintf(stderr, "--time-select: no such revision, or its preview failed\n");
            else
                std::printf("select-to-preview-ms: %lld\n", ms);
            std::fflush(stdout);
            // As --quit-after-first-paint: no wait for pool threads at exit.
            std::_Exit(ms < 0 ? 1 : 0);
        });
        return app.exec();
    }
    if (parser.isSet(roundTrip))
        automation.roundTripWhenSettled([&] {
            if (parser.isSet(screenshot))
                takeScreenshot();
        });
    else if (parser.isSet(screenshot))
        takeScreenshot();
    return app.exec();
}
