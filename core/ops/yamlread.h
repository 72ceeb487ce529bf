#pragma once

#include "error.h"

#include <yaml-cpp/yaml.h>

#include <QStringList>

namespace strata::yaml {

// "file:line:col" of a node (1-based), for error messages.
QString where(const YAML::Node &node, const QString &file);

Error inputError(const YAML::Node &node, const QString &file, const QString &message,
                 const QString &hint = {});

// Typed reads that turn a wrong shape into an Error naming file:line:col and
// what was expected ("expected a string for 'name'").
Result<QString> requiredString(const YAML::Node &map, const char *key, const QString &file);
Result<QString> optionalString(const YAML::Node &map, const char *key, const QString &file,
                               const QString &fallback = {});
Result<bool> optionalBool(const YAML::Node &map, const char *key, const QString &file, bool fallback);
// A scalar or a list of scalars: "a" or [a, b]; null gives an empty list.
Result<QStringList> stringList(const YAML::Node &map, const char *key, const QString &file);
// Rejects keys not in the allowed list ("unknown key 'nulable' in add_column; expected one of ...").
Status onlyKeys(const YAML::Node &map, std::initializer_list<const char *> allowed,
                const QString &context, const QString &file);

QString toQString(const YAML::Node &scalar);

} // namespace strata::yaml
