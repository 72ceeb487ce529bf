#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace strata {

// models.yaml cut into one piece per table, each a YAML document of one
// key (the table name, indented as in the file) and its value, so that a
// 5,000-table file is read one small tree at a time instead of one tree of
// millions of nodes. Only the plain shape is cut: comments, a `tables:` line,
// then tables at one indentation; nothing at the first column but comments,
// no tabs, anchors, aliases, tags, directives or document markers. Anything
// else gives nullopt, and the file is read whole as before.
std::optional<QList<QByteArray>> splitModelTables(const QByteArray &text);

} // namespace strata
