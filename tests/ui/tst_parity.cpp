// The command line and the studio are two faces of one engine: every
// precondition and outcome of a run, through the `strata` process and
// through the studio's run path (RunJob), must end in the same decision and
// the same words.

#include "cliprocess.h"
#include "resultcheck.h"
#include "scratchdatabase.h"
#include "studiotestsupport.h"
#include "testprojects.h"

#include "core/project/project.h"
#include "ui/run/runjob.h"
#include "core/workflow/databasestatus.h"
#include "core/workflow/migrator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;
using strata::ui::RunJob;
using strata::ui::RunOutcome;
using strata::ui::RunRequest;

namespace {

const QString initial = u"9b1e0aa2c4f3"_s;
const QString head = u"c71d2e5a8b04"_s;   // the third and last revision

enum class Setup { None, AtHead, EditedApplied, UnknownHead, UnversionedTables, TwoHeads };

// One face's world: a copy of the example project and a database of its own.
struct World
{
    explicit World(const QString &dialect) : database(dialect) {}
    TestProject project;
    ScratchDatabase database;

    Status prepare(Setup setup)
    {
        if (!project.copyExample())
            return fail(Error::Code::Io, u"could not copy the example project"_s);
        auto opened = project.open();
        if (!opened)
            return std::unexpected(opened.error());
        auto connection = database.connect();
        if (!connection)
            return std::unexpected(connection.error());
        const auto upgrade = [&](const QString &target) -> Status {
            MigrateOptions options;
            options.target = target;
            const MigrateOutcome outcome = Migrator(**connection, *opened).run(options);
            return outcome.ok() ? Status() : Status(std::unexpected(*outcome.error));
        };
        switch (setup) {
        case Setup::None:
            return {};
        case Setup::AtHead:
            return upgrade(u"head"_s);
        case Setup::EditedApplied: {
            if (auto done = upgrade(u"+1"_s); !done)
                return done;
            QFile file(opened->graph().find(initial)->filePath);
            if (!file.open(QIODevice::Append))
                return fail(Error::Code::Io, u"could not edit the revision file"_s, file.fileName());
            file.write("# edited after it was applied\n");
            return {};
        }
        case Setup::UnknownHead:
            if (auto done = upgrade(u"+1"_s); !done)
                return done;
            return (*connection)->exec(u"UPDATE strata_version SET version_num = 'deadbeef0000'"_s);
        case Setup::UnversionedTables:
            return (*connection)->exec(u"CREATE TABLE \"user\" (id integer)"_s);
        case Setup::TwoHeads:
            if (project.writeRevision(u"a0b1c2d3e4f5"_s, {initial}, "  - create_table: {name: side, columns: "
                                                                      "[{name: id, type: integer}]}\n",
                                      "  - drop_table: side\n").isEmpty())
                return fail(Error::Code::Io, u"could not write the branch revision"_s);
            return {};
        }
        return {};
    }

    // The face's own paths replaced, so both faces' words can be compared.
    QString normalised(QString text) const
    {
        text.replace(database.databaseUrl().redacted(), u"<database>"_s);
        if (!database.sqliteFile().isEmpty())
            text.replace(database.sqliteFile(), u"<database>"_s);
        return text.replace(project.path(), u"<project>"_s);
    }
};

struct StudioRun
{
    bool ok = false;
    QString errorText;
    QStringList log;
};

// `shown`: the project as the window last read it; by default read now.
StudioRun runInStudio(World &world, RunRequest::Kind kind, const QString &target,
                      std::shared_ptr<const Project> shown = {})
{
    StudioRun run;
    if (!shown) {
        auto opened = world.project.open();
        if (!opened) {
            run.errorText = opened.error().toString();
            return run;
        }
        shown = std::make_shared<const Project>(std::move(*opened));
    }
    RunRequest request;
    request.kind = kind;
    request.target = target;
    request.url = world.database.databaseUrl();
    request.project = shown;
    RunJob job(request);
    QObject::connect(&job, &RunJob::log, [&run](const QString &line, bool) { run.log << line; });
    QObject::connect(&job, &RunJob::finished, [&run](const RunOutcome &outcome) {
        run.ok = outcome.ok;
        run.errorText = outcome.errorText;
    });
    job.start();   // in this thread: the signals above are direct
    return run;
}

bool revisionFileExists(const World &world, const QString &id)
{
    return !QDir(world.project.path() + u"/versions"_s).entryList({id + u"_*"_s}, QDir::Files).isEmpty();
}

QStringList cliArguments(RunRequest::Kind kind, const QString &target)
{
    switch (kind) {
    case RunRequest::Kind::Upgrade: return {u"upgrade"_s, target};
    case RunRequest::Kind::Downgrade: return {u"downgrade"_s, target};
    case RunRequest::Kind::Stamp: return {u"stamp"_s, target};
    case RunRequest::Kind::Repair: return {u"repair"_s};
    case RunRequest::Kind::DeleteRevision: return {u"delete"_s, target};
    default: return {};
    }
}

} // namespace

Q_DECLARE_METATYPE(Setup)
Q_DECLARE_METATYPE(strata::ui::RunRequest::Kind)

class TestParity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        isolateStudioSettings(m_settings);
        // Deleted revision files go to a trash of the test's own (the CLI's inherits it).
        QVERIFY(QDir().mkpath(m_settings.filePath(u"data"_s)));
        qputenv("XDG_DATA_HOME", m_settings.filePath(u"data"_s).toUtf8());
    }

    void sameDecisionSameWords_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<Setup>("setup");
        QTest::addColumn<RunRequest::Kind>("kind");
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<QString>("words");

        using K = RunRequest::Kind;
        for (const QString &dialect : {u"sqlite"_s, u"postgresql"_s}) {
            const auto row = [&](const char *name) {
                return &QTest::newRow(qPrintable(dialect + u": "_s + QLatin1StringView(name)));
            };
            *row("upgrade from base") << dialect << Setup::None << K::Upgrade << u"head"_s << true
                                      << u"Upgraded to %1 in 3 steps"_s.arg(head);
            *row("nothing to do") << dialect << Setup::AtHead << K::Upgrade << u"head"_s << true
                                  << u"Nothing to do: the database is already at %1."_s.arg(head);
            *row("applied file edited since") << dialect << Setup::EditedApplied << K::Upgrade << u"head"_s << false
                                              << u"changed after they ran; refusing to upgrade"_s;
            *row("database at an unknown revision") << dialect << Setup::UnknownHead << K::Upgrade << u"head"_s
                                                    << false << u"Can't locate revision identified by 'deadbeef0000'"_s;
            *row("tables without a version table") << dialect << Setup::UnversionedTables << K::Upgrade << u"head"_s
                                                   << false << u"but no strata_version table"_s;
            *row("unknown target") << dialect << Setup::None << K::Upgrade << u"zzzz"_s << false << u"zzzz"_s;
            *row("head with two heads") << dialect << Setup::TwoHeads << K::Upgrade << u"head"_s << false
                                        << u"Multiple head"_s;
            *row("downgrade to base") << dialect << Setup::AtHead << K::Downgrade << u"base"_s << true
                                      << u"Downgraded to base in 3 steps"_s;
            *row("stamp head") << dialect << Setup::None << K::Stamp << u"head"_s << true
                               << u"Stamped <database> at %1"_s.arg(head);
            *row("stamp head with two heads") << dialect << Setup::TwoHeads << K::Stamp << u"head"_s << false
                                              << u"Multiple head revisions are present"_s;
            *row("repair an edited file") << dialect << Setup::EditedApplied << K::Repair << QString() << true
                                          << u"Recorded the new checksum of "_s;
            *row("repair with nothing edited") << dialect << Setup::AtHead << K::Repair << QString() << true
                                               << u"Nothing to repair: every applied file matches"_s;
            *row("delete an unapplied head") << dialect << Setup::None << K::DeleteRevision << head << true
                                             << u"versions/c71d2e5a8b04_add_energy_to_daily_mood.yaml"_s;
            *row("delete a head the database applied") << dialect << Setup::AtHead << K::DeleteRevision << head
                                                       << false << u"c71d2e5a8b04 can't be deleted: <database> has "
                                                                   "applied it"_s;
            *row("delete what a revision builds on") << dialect << Setup::None << K::DeleteRevision << initial
                                                     << false << u"9b1e0aa2c4f3 can't be deleted: 3f2a9c1b7d10 "
                                                                 "builds on it"_s;
            *row("delete an unknown revision") << dialect << Setup::None << K::DeleteRevision << u"zzzz"_s << false
                                               << u"zzzz"_s;
        }
    }

    void sameDecisionSameWords()
    {
        QFETCH(QString, dialect);
        QFETCH(Setup, setup);
        QFETCH(RunRequest::Kind, kind);
        QFETCH(QString, target);
        QFETCH(bool, succeeds);
        QFETCH(QString, words);

        World cliWorld(dialect), studioWorld(dialect);
        STRATA_REQUIRE_DATABASE(cliWorld.database);
        STRATA_REQUIRE_DATABASE(studioWorld.database);
        STRATA_VERIFY_RESULT(cliWorld.prepare(setup));
        STRATA_VERIFY_RESULT(studioWorld.prepare(setup));

        const CliRun cli = runCli(QStringLiteral(STRATA_CLI),
                                  QStringList{u"--directory"_s, cliWorld.project.path(), u"--database"_s,
                                              cliWorld.database.url()}
                                      + cliArguments(kind, target));
        const StudioRun studio = runInStudio(studioWorld, kind, target);
        const QString cliText = cliWorld.normalised(cli.all());
        const QString studioText = studioWorld.normalised(studio.log.join(u'\n'));

        QCOMPARE(cli.exitCode == 0, succeeds);
        QCOMPARE(studio.ok, succeeds);
        QVERIFY2(cliText.contains(words), qPrintable(cliText));
        QVERIFY2(studioText.contains(words), qPrintable(studioText));
        if (kind == RunRequest::Kind::DeleteRevision && !target.startsWith(u'z')) {
            // Both faces deleted the file, or both kept it.
            QCOMPARE(revisionFileExists(cliWorld, target), !succeeds);
            QCOMPARE(revisionFileExists(studioWorld, target), !succeeds);
        }
        if (!succeeds) {
            // The same error, whole (message, place, cause and hint), in both.
            const QString error = studioWorld.normalised(studio.errorText);
            QVERIFY(!error.isEmpty());
            QVERIFY2(cliText.contains(u"FAILED: "_s + error), qPrintable(cliText + u"\n---\n"_s + error));
        }
    }

    // `strata repair` accepts an edited file; the studio's timeline then must
    // not mark it as edited either (both read the history table one way).
    void repairedFileIsNotEditedInEitherFace()
    {
        World world(u"sqlite"_s);
        STRATA_REQUIRE_DATABASE(world.database);
        STRATA_VERIFY_RESULT(world.prepare(Setup::EditedApplied));
        const QStringList base{u"--directory"_s, world.project.path(), u"--database"_s, world.database.url()};
        const CliRun repair = runCli(QStringLiteral(STRATA_CLI), base + QStringList{u"repair"_s});
        QVERIFY2(repair.exitCode == 0, qPrintable(repair.all()));
        const CliRun status = runCli(QStringLiteral(STRATA_CLI), base + QStringList{u"status"_s});
        QVERIFY2(status.out.contains(u"No problems found."_s), qPrintable(status.all()));

        auto project = world.project.open();
        STRATA_VERIFY_RESULT(project);
        auto connection = world.database.connect();
        STRATA_VERIFY_RESULT(connection);
        auto state = strata::ui::readDatabaseState(**connection, *project);
        STRATA_VERIFY_RESULT(state);
        QCOMPARE(state->appliedChecksums.value(initial), project->graph().find(initial)->checksum);
        QVERIFY(state->safety.edited.isEmpty());
    }

    // The window shows a project read before a file broke: the run reads the
    // files again and refuses, as the CLI refuses, instead of running the old picture.
    void brokenFileStopsBothFaces()
    {
        World world(u"sqlite"_s);
        STRATA_REQUIRE_DATABASE(world.database);
        STRATA_VERIFY_RESULT(world.prepare(Setup::None));
        auto shown = world.project.open();
        STRATA_VERIFY_RESULT(shown);
        const QString file = shown->graph().find(head)->filePath;
        QVERIFY(TestProjects::writeFile(file, "revision: c71d2e5a8b04\ndown_revision: [unclosed\n"));

        const CliRun cli = runCli(QStringLiteral(STRATA_CLI), {u"--directory"_s, world.project.path(), u"--database"_s,
                                                               world.database.url(), u"upgrade"_s, u"head"_s});
        QCOMPARE(cli.exitCode, 2);
        const StudioRun studio = runInStudio(world, RunRequest::Kind::Upgrade, u"heads"_s,
                                             std::make_shared<const Project>(std::move(*shown)));
        QVERIFY(!studio.ok);
        QVERIFY2(studio.errorText.contains(QFileInfo(file).fileName()), qPrintable(studio.errorText));
        QVERIFY2(studio.errorText.contains(u"nothing was run"_s), qPrintable(studio.errorText));
        auto connection = world.database.connect();
        STRATA_VERIFY_RESULT(connection);
        QVERIFY(!(*connection)->tableExists(u"strata_version"_s));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_GUILESS_MAIN(TestParity)
#include "tst_parity.moc"
