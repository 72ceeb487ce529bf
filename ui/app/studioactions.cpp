#include "ui/app/studioactions.h"

#include <QAction>
#include <QIcon>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

QAction *make(QObject *owner, const QString &name, const QString &text, const QString &icon,
              const QKeySequence &shortcut, const QString &tip)
{
    auto *action = new QAction(text, owner);
    action->setObjectName(name);
    if (!icon.isEmpty())
        action->setIcon(QIcon(u":/icons/"_s + icon + u".svg"_s));
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setToolTip(shortcut.isEmpty() ? tip : tip + u"  ("_s + shortcut.toString(QKeySequence::NativeText) + u')');
    action->setStatusTip(tip);
    return action;
}

} // namespace

StudioActions::StudioActions(QObject *owner)
{
    const auto tr = [](const char *text) { return QObject::tr(text); };
    openProject = make(owner, u"openProject"_s, tr("&Open migrations folder…"), u"open"_s, QKeySequence::Open,
                       tr("Open a migrations folder (strata.yaml, versions/)"));
    openExample = make(owner, u"openExample"_s, tr("Open the &example project"), {}, {},
                       tr("The bundled Habitz project on a local SQLite file"));
    connectDatabase = make(owner, u"connectDatabase"_s, tr("&Connect to database…"), u"database"_s,
                           QKeySequence(Qt::CTRL | Qt::Key_D), tr("Choose the database to show and migrate"));
    quit = make(owner, u"quit"_s, tr("&Quit"), {}, QKeySequence::Quit, tr("Close the studio"));

    upgradeToSelected = make(owner, u"upgradeToSelected"_s, tr("&Upgrade to selected"), u"upgrade"_s,
                             QKeySequence(Qt::CTRL | Qt::Key_U), tr("Run the upgrade steps up to the selected revision"));
    downgradeToSelected = make(owner, u"downgradeToSelected"_s, tr("&Downgrade to selected"), u"downgrade"_s,
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                               tr("Revert the database down to the selected revision"));
    upgradeToHead = make(owner, u"upgradeToHead"_s, tr("Upgrade to &head"), u"head"_s,
                         QKeySequence(Qt::CTRL | Qt::Key_H), tr("Run every pending step"));
    allOrNothing = make(owner, u"allOrNothing"_s, tr("All or nothing (one transaction)"), {}, {},
                        tr("On: every step of an upgrade or downgrade runs in one transaction, and a failure "
                           "anywhere leaves the database where it started (strata upgrade --atomic)"));
    allOrNothing->setCheckable(true);
    roundTrip = make(owner, u"roundTrip"_s, tr("&Round-trip selected"), u"roundtrip"_s,
                     QKeySequence(Qt::CTRL | Qt::Key_R),
                     tr("Each step up to the selected revision: upgrade, downgrade, upgrade again, each "
                        "compared with the schema its revisions describe"));
    roundTripOnRealDatabase = make(owner, u"roundTripOnRealDatabase"_s, tr("Round-trip on the real database"), {},
                                   {}, tr("Off: round-trips run on a scratch copy (a copy of the SQLite file, a "
                                      "temporary PostgreSQL database)"));
    roundTripOnRealDatabase->setCheckable(true);
    stamp = make(owner, u"stamp"_s, tr("&Stamp selected…"), u"stamp"_s, {},
                 tr("Mark the database as being at the selected revision without running anything"));
    generateMigration = make(owner, u"generateMigration"_s, tr("&Generate migration…"), u"generate"_s,
                             QKeySequence(Qt::CTRL | Qt::Key_G),
                             tr("Compare models.yaml with head, preview the operations, then write a revision"));
    newRevision = make(owner, u"newRevision"_s, tr("&New revision…"), {}, QKeySequence(Qt::CTRL | Qt::Key_N),
                       tr("Write an empty revision on the head for you to fill in (strata revision -m)"));
    mergeHeads = make(owner, u"mergeHeads"_s, tr("&Merge heads…"), {}, {},
                      tr("Join the heads with a merge revision (strata merge heads -m)"));
    repairChecksums = make(owner, u"repairChecksums"_s, tr("Re&pair checksums…"), {}, {},
                           tr("Accept the edits to applied files: record their checksums again (strata repair)"));
    openInEditor = make(owner, u"openInEditor"_s, tr("Open in &editor"), {}, QKeySequence(Qt::CTRL | Qt::Key_E),
                        tr("Open the selected revision's file in $VISUAL, $EDITOR or the desktop's editor"));
    deleteRevision = make(owner, u"deleteRevision"_s, tr("De&lete revision…"), {}, {},
                          tr("Delete the selected revision's file, when nothing builds on it and the database "
                             "has not applied it"));
    cancel = make(owner, u"cancel"_s, tr("&Cancel run"), u"cancel"_s, QKeySequence(Qt::Key_Escape),
                  tr("Stop before the next step"));
    copyId = make(owner, u"copyId"_s, tr("Copy revision &id"), u"copy"_s, QKeySequence::Copy,
                  tr("Copy the selected revision's full id"));
    refresh = make(owner, u"refresh"_s, tr("&Reload"), u"refresh"_s, QKeySequence::Refresh,
                   tr("Read the project folder and the database state again"));
    about = make(owner, u"about"_s, tr("&About Strata Studio"), u"strata"_s, {}, tr("Version and licence"));
}

QList<QAction *> StudioActions::revisionActions() const
{
    return {upgradeToSelected, downgradeToSelected, upgradeToHead, allOrNothing, nullptr, roundTrip, roundTripOnRealDatabase,
            nullptr, stamp, nullptr, generateMigration, newRevision, mergeHeads, repairChecksums, nullptr,
            openInEditor, deleteRevision, copyId};
}

} // namespace strata::ui
