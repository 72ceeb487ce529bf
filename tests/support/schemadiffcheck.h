#pragma once

#include "resultcheck.h"

#include "core/diff/schemadiff.h"

#include <QStringList>

// A schema comparison as the lines a reader checks: each upgrade operation
// described, then what autogenerate could not express.
inline QString schemaDifferences(const strata::SchemaDiff &diff)
{
    QStringList lines;
    for (const strata::OperationPtr &op : diff.upgrade)
        lines << op->describe();
    return (lines + diff.unsupported).join(QLatin1Char('\n'));
}

// Checks that a Result<SchemaDiff> holds no error and no difference, and
// prints what differs when it does.
#define STRATA_VERIFY_NO_DIFFERENCES(expression)                                                   \
    do {                                                                                           \
        const auto &diff_ = (expression);                                                          \
        STRATA_VERIFY_RESULT(diff_);                                                               \
        QVERIFY2(diff_->isEmpty(), qPrintable(schemaDifferences(*diff_)));                         \
    } while (false)
