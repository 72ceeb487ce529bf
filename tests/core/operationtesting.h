#pragma once

// Shared by the operation tests: read operation lists from YAML text the way
// a revision file's upgrade list is read, and print schemas and operations as
// YAML when a QCOMPARE fails.

#include "core/ops/operation.h"
#include "core/ops/tableops.h"

#include "resultcheck.h"

#include <yaml-cpp/yaml.h>

#include <QTest>

namespace strata {

inline char *toString(const Schema &schema)
{
    YAML::Node tables(YAML::NodeType::Sequence);
    for (const Table &table : schema.tables)
        tables.push_back(tableToYaml(table));
    YAML::Emitter out;
    out << tables;
    return qstrdup(out.c_str());
}

inline char *toString(const Operation &op)
{
    YAML::Emitter out;
    out << operationToYaml(op);
    return qstrdup(out.c_str());
}

} // namespace strata

namespace optest {

inline QString fileName()
{
    return QStringLiteral("test.yaml");
}

inline strata::Result<strata::OperationList> parseList(const QByteArray &text)
{
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        return strata::fail(strata::Error::Code::Input, QString::fromStdString(e.what()), fileName());
    }
    strata::OperationList ops;
    if (root.IsNull())
        return ops;
    if (!root.IsSequence())
        return strata::fail(strata::Error::Code::Input, QStringLiteral("the test text is not a list"), fileName());
    for (const YAML::Node &item : root) {
        auto op = strata::parseOperation(item, fileName());
        if (!op)
            return std::unexpected(op.error());
        ops << *op;
    }
    return ops;
}

// The schema a list of operations builds from nothing.
inline strata::Result<strata::Schema> schemaFrom(const QByteArray &text)
{
    auto ops = parseList(text);
    if (!ops)
        return std::unexpected(ops.error());
    return strata::replay({}, *ops);
}

// The innermost error of a chain: the one that says what did not fit.
inline const strata::Error &rootCause(const strata::Error &error)
{
    const strata::Error *e = &error;
    while (e->cause)
        e = e->cause.get();
    return *e;
}

// A schema most rows start from: two tables, a foreign key, a unique, a check, an index.
inline const QByteArray userTable = R"(
- create_table:
    name: user
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: email, type: string(255), nullable: false, unique: true}
      - {name: created_at, type: datetime, default: CURRENT_TIMESTAMP}
)";
inline const QByteArray habitTable = R"(
- create_table:
    name: habit
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: user_id, type: integer, nullable: false}
      - {name: title, type: string(120)}
    foreign_keys:
      - {name: fk_habit_user, columns: [user_id], references: user, ref_columns: [id], on_delete: cascade}
    checks:
      - {name: ck_habit_title, expression: "length(title) > 0"}
)";
inline const QByteArray habitIndex = R"(
- create_index: {name: ix_habit_user_id, table: habit, columns: [user_id]}
)";
inline const QByteArray baseSchema = userTable + habitTable + habitIndex;

} // namespace optest

