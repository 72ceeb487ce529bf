#include "core/run/identifierlimit_p.h"

#include "core/run/offlinescript.h"
#include "core/dialect/dialect.h"

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

constexpr qsizetype kPostgresMaxBytes = 63;

// The keys under which an operation's YAML holds a name it creates or names.
bool isNameKey(const std::string &key)
{
    static const char *const keys[] = {"name", "new_name", "table", "column", "columns", "references",
                                       "ref_columns", "table_name", "new_table"};
    for (const char *k : keys) {
        if (key == k)
            return true;
    }
    return false;
}

// The first name longer than the limit, or an empty string.
QString tooLong(const YAML::Node &node, bool nameContext)
{
    switch (node.Type()) {
    case YAML::NodeType::Scalar: {
        if (!nameContext)
            return {};
        const std::string &text = node.Scalar();
        return qsizetype(text.size()) > kPostgresMaxBytes ? QString::fromStdString(text) : QString();
    }
    case YAML::NodeType::Sequence:
        for (const YAML::Node &item : node) {
            if (QString found = tooLong(item, nameContext); !found.isEmpty())
                return found;
        }
        return {};
    case YAML::NodeType::Map:
        for (auto it = node.begin(); it != node.end(); ++it) {
            const bool name = it->first.IsScalar() && isNameKey(it->first.Scalar());
            if (QString found = tooLong(it->second, name); !found.isEmpty())
                return found;
        }
        return {};
    default:
        return {};
    }
}

} // namespace

Status checkIdentifierLengths(const Project &project, const Plan &plan, const Dialect &dialect)
{
    if (dialect.kind() != Dialect::Kind::Postgresql)
        return {};
    for (const PlanStep &step : plan.steps) {
        for (const OperationPtr &op : step.operations()) {
            // drop_table: name and friends are scalars at the top.
            const YAML::Node node = op->toYaml();
            const QString name = tooLong(node, node.IsScalar() && !op->rawSql());
            if (name.isEmpty())
                continue;
            const qsizetype bytes = name.toUtf8().size();
            return fail(Error::Code::Input,
                        u"the name '%1' is %2 bytes long; PostgreSQL keeps only the first %3 (it would become "
                        "'%4')"_s.arg(name.left(80)).arg(bytes).arg(kPostgresMaxBytes)
                            .arg(QString::fromUtf8(name.toUtf8().left(kPostgresMaxBytes))),
                        operationLocation(project, step, *op),
                        u"shorten the name to %1 bytes or fewer; nothing was run"_s.arg(kPostgresMaxBytes));
        }
    }
    return {};
}

} // namespace strata
