#include "core/ops/opsupport_p.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace strata::ops {

namespace {

Result<ColumnType> readEnum(const YAML::Node &map, const QString &file)
{
    if (auto keys = yaml::onlyKeys(map, {"enum", "values", "native", "create_constraint"}, u"enum type"_s, file); !keys)
        return std::unexpected(keys.error());
    auto name = yaml::requiredString(map, "enum", file);
    if (!name)
        return std::unexpected(name.error());
    auto values = yaml::requiredStringList(map, "values", file);
    if (!values)
        return std::unexpected(values.error());
    const QSet<QString> distinct(values->begin(), values->end());
    if (distinct.size() != values->size()) {
        return std::unexpected(yaml::inputError(map["values"], file,
            u"enum '%1' lists a value twice"_s.arg(*name), u"list each value once"_s));
    }
    auto native = yaml::optionalBool(map, "native", file, true);
    if (!native)
        return std::unexpected(native.error());
    auto constraint = yaml::optionalBool(map, "create_constraint", file, false);
    if (!constraint)
        return std::unexpected(constraint.error());
    ColumnType type = ColumnType::enumType(*name, *values);
    type.native = *native;
    type.createConstraint = *constraint;
    return type;
}

Result<ColumnType> readRaw(const YAML::Node &map, const QString &file)
{
    if (auto keys = yaml::onlyKeys(map, {"raw"}, u"raw type"_s, file); !keys)
        return std::unexpected(keys.error());
    auto text = yaml::requiredString(map, "raw", file);
    if (!text)
        return std::unexpected(text.error());
    if (text->trimmed().isEmpty())
        return std::unexpected(yaml::inputError(map["raw"], file, u"a raw type needs the SQL type's text"_s,
                                                u"write type: {raw: \"TSVECTOR\"}"_s));
    return ColumnType::rawType(*text);
}

} // namespace

Result<ColumnType> readType(const YAML::Node &map, const char *key, const QString &file)
{
    const YAML::Node node = map[key];
    // A missing key is a zombie node: IsMap() on it throws; requiredString below says what is missing.
    if (node.IsDefined() && node.IsMap()) {
        if (yaml::has(node, "enum"))
            return readEnum(node, file);
        if (yaml::has(node, "raw"))
            return readRaw(node, file);
        return std::unexpected(yaml::inputError(node, file,
            u"a type written as a mapping must be {enum: NAME, values: [...]} or {raw: \"SQL TYPE\"}"_s,
            u"write type: string(80), or type: {enum: mood, values: [happy, sad]}"_s));
    }
    auto text = yaml::requiredString(map, key, file);
    if (!text)
        return std::unexpected(text.error());
    auto type = ColumnType::parse(*text);
    if (!type)
        return std::unexpected(type.error().withWhere(yaml::where(node, file)));
    return type;
}

YAML::Node typeToYaml(const ColumnType &type)
{
    if (type.kind == ColumnType::Kind::Raw) {
        YAML::Node map(YAML::NodeType::Map);
        map["raw"] = type.name.toStdString();
        map.SetStyle(YAML::EmitterStyle::Flow);
        return map;
    }
    if (type.kind == ColumnType::Kind::Enum) {
        YAML::Node map(YAML::NodeType::Map);
        map["enum"] = type.name.toStdString();
        map["values"] = flowList(type.values);
        if (!type.native)
            map["native"] = false;
        if (type.createConstraint)
            map["create_constraint"] = true;
        map.SetStyle(YAML::EmitterStyle::Flow);
        return map;
    }
    return YAML::Node(type.toString().toStdString());
}

} // namespace strata::ops
