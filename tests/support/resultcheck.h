#pragma once

#include <QTest>

// Checks a Result/Status and prints its error (with cause chain and hint) on
// failure: the one result-check macro the tests share.
#define STRATA_VERIFY_RESULT(expression)                                                           \
    do {                                                                                           \
        const auto &result_ = (expression);                                                        \
        QVERIFY2(result_.has_value(),                                                              \
                 qPrintable(result_.has_value() ? QString() : result_.error().toString()));        \
    } while (false)
