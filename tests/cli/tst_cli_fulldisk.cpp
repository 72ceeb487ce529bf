// A full disk: each command that writes project files (init, revision,
// migrate, import-alembic) is run with a file-size limit (RLIMIT_FSIZE, with
// SIGXFSZ ignored, so a write past it fails with EFBIG as it does with ENOSPC).
// The command fails and says so, and leaves no empty, half or temporary file:
// every file is either absent or whole, and the project still loads.
#include "cliprocess.h"
#include "testprojects.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

// Room for a few dozen bytes: less than any file these commands write.
constexpr rlim_t fileSizeLimit = 40;

CliRun runStrata(const QStringList &args, const QString &workingDirectory, bool fullDisk)
{
    CliOptions options;
    options.workingDirectory = workingDirectory;
    options.timeoutMs = 60000;
    if (fullDisk) {
        options.inChild = [] {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{fileSizeLimit, fileSizeLimit};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        };
    }
    return runCli(QStringLiteral(STRATA_CLI), args, options);
}

// Every file under the folder with its content, by relative path.
QMap<QString, QByteArray> filesUnder(const QString &folder)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(folder).relativeFilePath(file.fileName()), file.readAll());
    }
    return files;
}

const QByteArray alembicIni = "[alembic]\nscript_location = .\n";
const QByteArray alembicScript = R"("""create note

Revision ID: a1a1a1a1a1a1
Revises:
Create Date: 2024-01-02 03:04:05.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'a1a1a1a1a1a1'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade():
    op.drop_table('note')
)";

} // namespace

class TestCliFullDisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noEmptyOrHalfFile_data();
    void noEmptyOrHalfFile();
};

void TestCliFullDisk::noEmptyOrHalfFile_data()
{
    QTest::addColumn<QString>("setup");          // "example", "example+model", "alembic" or "" (nothing)
    QTest::addColumn<QStringList>("command");    // %P is the project folder, %D the destination
    QTest::addColumn<QString>("written");        // the folder the command writes into
    QTest::newRow("init") << QString() << QStringList{u"init"_s, u"%P"_s} << u"%P"_s;
    QTest::newRow("revision") << u"example"_s << QStringList{u"--directory"_s, u"%P"_s, u"revision"_s, u"-m"_s, u"Add a thing"_s}
                              << u"%P"_s;
    QTest::newRow("migrate") << u"example+model"_s
                             << QStringList{u"--directory"_s, u"%P"_s, u"migrate"_s, u"--offline"_s, u"-m"_s,
                                            u"Add a column"_s}
                             << u"%P"_s;
    QTest::newRow("import-alembic") << u"alembic"_s << QStringList{u"import-alembic"_s, u"%P"_s, u"%D"_s} << u"%D"_s;
}

void TestCliFullDisk::noEmptyOrHalfFile()
{
    QFETCH(QString, setup);
    QFETCH(QStringList, command);
    QFETCH(QString, written);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(u"migrations"_s);
    const QString destination = dir.filePath(u"imported"_s);
    if (setup.startsWith(u"example"_s))
        QVERIFY(TestProjects::copyExampleProject(project));
    if (setup == u"example+model"_s) {
        QFile models(project + u"/models.yaml"_s);
        QVERIFY(models.open(QIODevice::ReadWrite));
        QByteArray text = models.readAll();
        const qsizetype at = text.indexOf("- {name: email");
        QVERIFY2(at > 0, "the example's models.yaml has no user email column to add a column beside");
        const qsizetype lineStart = text.lastIndexOf('\n', at) + 1;
        text.insert(lineStart, text.mid(lineStart, at - lineStart) + "- {name: nickname, type: string(40)}\n");
        QVERIFY(models.resize(0) && models.seek(0) && models.write(text) == text.size());
    }
    if (setup == u"alembic"_s) {
        QVERIFY(TestProjects::writeFile(project + u"/alembic.ini"_s, alembicIni));
        QVERIFY(TestProjects::writeFile(project + u"/env.py"_s, "# Flask-Migrate's env.py\n"));
        QVERIFY(TestProjects::writeFile(project + u"/versions/a1a1a1a1a1a1_create_note.py"_s, alembicScript));
    }
    for (QString &argument : command)
        argument.replace(u"%P"_s, project).replace(u"%D"_s, destination);
    written.replace(u"%P"_s, project).replace(u"%D"_s, destination);

    // What the command writes when there is room, in a copy of the same start.
    QTemporaryDir roomy;
    QVERIFY(roomy.isValid());
    QVERIFY(QProcess::execute(u"cp"_s, {u"-a"_s, dir.path() + u"/."_s, roomy.path()}) == 0);
    QStringList roomyCommand = command;
    for (QString &argument : roomyCommand)
        argument.replace(dir.path(), roomy.path());
    const CliRun full = runStrata(roomyCommand, roomy.path(), false);
    QVERIFY2(full.exitCode == 0, qPrintable(full.all()));
    const auto whole = filesUnder(QString(written).replace(dir.path(), roomy.path()));

    const auto before = filesUnder(written);
    const CliRun failed = runStrata(command, dir.path(), true);
    QVERIFY2(failed.exitCode > 0, qPrintable(u"exit %1: %2"_s.arg(failed.exitCode).arg(failed.all())));
    QVERIFY2(failed.all().contains(u"can't write"_s) || failed.all().contains(u"cannot write"_s)
                 || failed.all().contains(u"can't create"_s),
             qPrintable(failed.all()));

    // Every file is as it was before, or as whole as the roomy run wrote it:
    // none empty, half or temporary (a new revision has a new id: it must not be there).
    const auto after = filesUnder(written);
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) == it.value())
            continue;
        QVERIFY2(whole.contains(it.key()), qPrintable(u"a file the failed command left: %1 (%2 bytes)"_s.arg(it.key())
                                                          .arg(it.value().size())));
        QVERIFY2(it.value() == whole.value(it.key()),
                 qPrintable(u"%1 is left half written (%2 bytes)"_s.arg(it.key()).arg(it.value().size())));
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QVERIFY2(after.value(it.key()) == it.value(), qPrintable(u"a file was changed or lost: "_s + it.key()));

    // With room, the same command then works, and what it wrote loads.
    const CliRun retried = runStrata(command, dir.path(), false);
    QVERIFY2(retried.exitCode == 0, qPrintable(retried.all()));
    const CliRun history = runStrata({u"--directory"_s, written, u"history"_s}, dir.path(), false);
    QVERIFY2(history.exitCode == 0, qPrintable(history.all()));
}

QTEST_GUILESS_MAIN(TestCliFullDisk)
#include "tst_cli_fulldisk.moc"
