#pragma once

// The engine tests every database must pass: the same bodies run on a real
// SQLite file (tst_engine_sqlite) and on the real PostgreSQL server that
// `make test` starts (tst_engine_postgres). Each binary derives from this
// class, names its dialect and adds the tests only its database has.

#include "cliprocess.h"
#include "enginehelpers.h"
#include "scratchdatabase.h"
#include "testprojects.h"

#include "core/run/offlinescript.h"
#include "core/workflow/databasestatus.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

class EngineTestCase : public QObject
{
    Q_OBJECT
protected:
    explicit EngineTestCase(QString dialect) : m_dialect(std::move(dialect)) {}

    const QString m_dialect;

private Q_SLOTS:
    void upgradeToHead();
    void currentHeadsFollowEachStep();
    void rowsSurviveDowngradeAndReupgrade();
    void downgradeToBaseLeavesOnlyVersionTables();
    void branchAndMerge();
    void stampReplacesVersionRows();
    void failingStepRollsBack();
    void refusesDatabaseCreatedByCreateAll();
    void cancelStopsBetweenSteps();
    void nonTransactionalRevision_data();
    void nonTransactionalRevision();
    void alterColumnKeepsRowsIndexesAndForeignKeys();
    void alterColumnViolationRollsBack();
    void offlineScriptAppliesThroughClient_data();
    void offlineScriptAppliesThroughClient();
};

#include "enginetestcase_impl.h"
