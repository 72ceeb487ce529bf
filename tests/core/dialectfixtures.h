#pragma once

// Hand-built tables shared by the dialect tests: "user" (a reserved word) with
// an autoincrement key, a unique email, an indexed "select" column and a
// checked score; "habit" with a foreign key to it.

#include "core/schema/schema.h"

#include <QMetaType>

#include <optional>

Q_DECLARE_METATYPE(strata::Table)
Q_DECLARE_METATYPE(strata::Column)
Q_DECLARE_METATYPE(strata::ColumnType)

namespace fixtures {

using Kind = strata::ColumnType::Kind;

inline strata::Column column(const QString &name, Kind kind, bool nullable = true,
                             std::optional<QString> defaultValue = {})
{
    strata::Column c;
    c.name = name;
    c.type.kind = kind;
    c.nullable = nullable;
    c.defaultValue = std::move(defaultValue);
    return c;
}

inline strata::Column idColumn(Kind kind = Kind::Integer)
{
    strata::Column c = column(QStringLiteral("id"), kind, false);
    c.autoincrement = true;
    return c;
}

inline strata::Table userTable()
{
    strata::Table t;
    t.name = QStringLiteral("user");
    strata::Column email = column(QStringLiteral("email"), Kind::String, false);
    email.type.length = 255;
    t.columns = {idColumn(), email, column(QStringLiteral("select"), Kind::Text),
                 column(QStringLiteral("score"), Kind::Integer, false, QStringLiteral("0"))};
    t.primaryKey = {QStringLiteral("id")};
    t.uniques = {strata::UniqueConstraint{QStringLiteral("uq_user_email"), {QStringLiteral("email")}}};
    t.checks = {strata::CheckConstraint{QStringLiteral("ck_user_score"), QStringLiteral("score >= 0")}};
    t.indexes = {strata::Index{QStringLiteral("ix_user_select"), {QStringLiteral("select")}, false, {}}};
    return t;
}

inline strata::Table habitTable()
{
    strata::Table t;
    t.name = QStringLiteral("habit");
    t.columns = {idColumn(), column(QStringLiteral("user_id"), Kind::Integer, false),
                 column(QStringLiteral("title"), Kind::Text)};
    t.primaryKey = {QStringLiteral("id")};
    t.foreignKeys = {strata::ForeignKey{QStringLiteral("fk_habit_user_id"), {QStringLiteral("user_id")},
                                        QStringLiteral("user"), {QStringLiteral("id")}, QStringLiteral("cascade"), {}}};
    return t;
}

} // namespace fixtures
