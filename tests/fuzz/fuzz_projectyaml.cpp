// libFuzzer target: the project's other YAML files, models.yaml and
// strata.yaml, read the same bytes. Each must give a value or an Error that
// names the file, never a crash, a hang (aliases, nesting) or a leak.
#include "core/project/config.h"
#include "core/project/models.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString modelsPath = u"migrations/models.yaml"_s;
    const auto models = strata::parseModels(text, modelsPath);
    if (!models && !models.error().where.contains(modelsPath))
        std::abort();
    const QString configPath = u"migrations/strata.yaml"_s;
    const auto config = strata::ProjectConfig::parse(text, configPath);
    if (!config && !config.error().where.contains(configPath))
        std::abort();
    return 0;
}
