// A role that cannot read the version table must be told so, with a non-zero
// exit, never "the database is at base" (PostgreSQL hides such tables from
// information_schema, which is how it used to read as missing).

#include "cliprocess.h"
#include "resultcheck.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestVersionVisibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unreadableVersionTableIsAnError()
    {
        TestProject project;
        QVERIFY(project.copyExample());
        ScratchDatabase db(u"postgresql"_s);
        STRATA_REQUIRE_DATABASE(db);
        const QStringList owner{u"--directory"_s, project.path(), u"--database"_s, db.url()};
        const CliRun upgraded = runCli(QStringLiteral(STRATA_CLI), owner + QStringList{u"upgrade"_s});
        QVERIFY2(upgraded.exitCode == 0, qPrintable(upgraded.all()));

        // A role that may connect but was granted nothing on the tables.
        const QString role = u"strata_reader_%1"_s.arg(db.databaseUrl().database.right(8));
        {
            auto admin = db.connect();
            STRATA_VERIFY_RESULT(admin);
            STRATA_VERIFY_RESULT((*admin)->exec(u"DROP ROLE IF EXISTS %1"_s.arg(role)));
            STRATA_VERIFY_RESULT((*admin)->exec(u"CREATE ROLE %1 LOGIN PASSWORD 'reader-secret'"_s.arg(role)));
            STRATA_VERIFY_RESULT((*admin)->exec(u"REVOKE ALL ON strata_version FROM PUBLIC"_s));
        }
        strata::DatabaseUrl limited = db.databaseUrl();
        limited.user = role;
        limited.password = u"reader-secret"_s;
        const CliRun current = runCli(QStringLiteral(STRATA_CLI),
                                      {u"--directory"_s, project.path(), u"--database"_s, limited.toString(), u"current"_s});
        QVERIFY2(current.exitCode != 0, qPrintable(current.all()));
        QVERIFY2(current.err.contains(u"permission denied"_s, Qt::CaseInsensitive), qPrintable(current.all()));
        QVERIFY2(!current.all().contains(u"at base"_s) && !current.out.contains(u"base"_s), qPrintable(current.all()));
        QVERIFY2(!current.all().contains(u"reader-secret"_s), "the password is never printed");

        auto admin = db.connect();
        STRATA_VERIFY_RESULT(admin);
        (void)(*admin)->exec(u"DROP OWNED BY %1"_s.arg(role));
        (void)(*admin)->exec(u"DROP ROLE IF EXISTS %1"_s.arg(role));
    }
};

QTEST_GUILESS_MAIN(TestVersionVisibility)
#include "tst_versionvisibility.moc"
