// libFuzzer target: the revision-file parser must turn any bytes into either a
// Revision or an Error that says where, never a crash, a hang or a leak.
#include "core/revision/revision.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString path = u"versions/fuzz.yaml"_s;
    const auto revision = strata::parseRevision(text, path);
    // Every error must name the file it came from: a message without a place
    // is the kind of error this project promises never to print.
    if (!revision && !revision.error().where.contains(path))
        std::abort();
    return 0;
}
