// libFuzzer target: the database URL parser must accept or reject any text
// cleanly, and a parsed URL must never show its password when printed.
#include "core/db/databaseurl.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

namespace {

bool samePlace(const strata::DatabaseUrl &a, const strata::DatabaseUrl &b)
{
    return a.dialect == b.dialect && a.path == b.path && a.host == b.host && a.port == b.port && a.user == b.user
           && a.password == b.password && a.database == b.database && a.options == b.options;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto url = strata::DatabaseUrl::parse(text);
    if (!url)
        return 0;
    // What is printed (redacted) reads back as the same URL with "***" for
    // its password, and what is stored (toString) as the very same URL.
    const auto printed = strata::DatabaseUrl::parse(url->redacted());
    const auto stored = strata::DatabaseUrl::parse(url->toString());
    if (!printed || !stored)
        std::abort();
    strata::DatabaseUrl expectedPrinted = *url;
    if (!expectedPrinted.password.isEmpty())
        expectedPrinted.password = QStringLiteral("***");
    if (!samePlace(*printed, expectedPrinted) || !samePlace(*stored, *url))
        std::abort();
    return 0;
}
