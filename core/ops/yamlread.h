#pragma once

#include "core/error.h"

#include <yaml-cpp/yaml.h>

#include <QStringList>

namespace strata::yaml {

// "file:line:col" of a node (1-based), for error messages. Just the file for
// a node built in memory or one that does not exist.
QString where(const YAML::Node &node, const QString &file);

Error inputError(const YAML::Node &node, const QString &file, const QString &message,
                 const QString &hint = {});

// What a node is, for "expected a list, found a mapping": "a mapping", "a list",
// "a string", "nothing".
QString describeNode(const YAML::Node &node);

// Whether the mapping has the key, even with a null value.
bool has(const YAML::Node &map, const char *key);

// Typed reads that turn a wrong shape into an Error naming file:line:col and
// what was expected ("expected a string for 'name'").
Result<QString> requiredString(const YAML::Node &map, const char *key, const QString &file);
Result<QString> optionalString(const YAML::Node &map, const char *key, const QString &file,
                               const QString &fallback = {});
Result<bool> optionalBool(const YAML::Node &map, const char *key, const QString &file, bool fallback);
// A scalar or a list of scalars: "a" or [a, b]; null gives an empty list.
Result<QStringList> stringList(const YAML::Node &map, const char *key, const QString &file);
// Like stringList, but missing, null or empty is an error.
Result<QStringList> requiredStringList(const YAML::Node &map, const char *key, const QString &file);
// Fails unless the node is a mapping ("expected a mapping for create_table, found a list").
Status requireMap(const YAML::Node &node, const QString &context, const QString &file);
// Rejects keys not in the allowed list ("unknown key 'nulable' in add_column; expected one of ..."),
// keys given twice, and a node that is not a mapping.
Status onlyKeys(const YAML::Node &map, std::initializer_list<const char *> allowed,
                const QString &context, const QString &file);

QString toQString(const YAML::Node &scalar);

// A key or value from the file as a message quotes it: cut after 60
// characters with the full length said, so a 5 MB key is not echoed whole.
QString shown(const QString &text);

// The candidate nearest to a misspelt word ("nulable" -> "nullable"), or empty
// when none is close enough to be a likely typo.
QString closestMatch(const QString &word, const QStringList &candidates);
// "did you mean 'x'?" for closestMatch, else the fallback.
QString didYouMean(const QString &word, const QStringList &candidates, const QString &fallback = {});

} // namespace strata::yaml
