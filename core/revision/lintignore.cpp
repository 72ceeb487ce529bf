#include "core/revision/lintignore.h"

#include "core/ops/yamlbounds.h"
#include "core/ops/yamlread.h"

#include <yaml-cpp/yaml.h>

#include <QFile>

using namespace Qt::StringLiterals;

namespace strata {

Result<QList<LintIgnore>> readLintIgnore(const YAML::Node &root, const QString &file)
{
    QList<LintIgnore> ignored;
    const YAML::Node list = root["lint_ignore"];
    if (!list || list.IsNull())
        return ignored;
    const QString hint = u"write lint_ignore: [{code: drop-table, reason: why this is safe}]"_s;
    if (!list.IsSequence())
        return std::unexpected(yaml::inputError(list, file, u"lint_ignore must be a list"_s, hint));
    for (const YAML::Node &item : list) {
        const YAML::Node code = item.IsMap() ? item["code"] : YAML::Node();
        const YAML::Node reason = item.IsMap() ? item["reason"] : YAML::Node();
        // A silenced finding says why, so the reason is required.
        if (!code || !code.IsScalar() || !reason || !reason.IsScalar() || reason.Scalar().empty())
            return std::unexpected(
                yaml::inputError(item, file, u"a lint_ignore entry needs a code and a reason"_s, hint));
        ignored.append({QString::fromStdString(code.Scalar()), QString::fromStdString(reason.Scalar())});
    }
    return ignored;
}

Result<QList<LintIgnore>> readLintIgnoreFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, u"cannot read %1: %2"_s.arg(path, file.errorString()), path);
    try {
        const std::string content = file.readAll().toStdString();
        if (auto bounded = yaml::checkBounds(content, path); !bounded)
            return std::unexpected(bounded.error());
        return readLintIgnore(YAML::Load(content), path);
    } catch (const YAML::Exception &e) {
        return fail(Error::Code::Input, QString::fromStdString(e.what()), path);
    }
}

} // namespace strata
