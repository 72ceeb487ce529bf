#pragma once

#include "core/error.h"

#include <QString>
#include <QStringList>

namespace strata {

// A dialect-neutral column type; each Dialect maps it to its own spelling,
// and introspection maps back.
struct ColumnType
{
    enum class Kind {
        Integer, BigInt, SmallInt, Boolean, Text, String, Numeric, Float, Double,
        Date, Time, DateTime, TimestampTz, Json, Binary, Uuid,
        Char,   // char(n); length 0 is CHAR alone, which both databases read as char(1)
        Enum,   // a named list of values: a PostgreSQL enum type, a VARCHAR elsewhere
        Raw,    // a type Strata has no word for, written as given on every dialect
        // PostgreSQL's binary jsonb; `json` is PostgreSQL's json, as sa.JSON
        // makes it. Both are JSON on SQLite. (Last, so cached kinds keep their numbers.)
        JsonB,
    };

    Kind kind = Kind::Text;
    int length = 0;     // string(n), char(n)
    int precision = 0;  // numeric(p, s)
    int scale = 0;
    QString name;       // the enum type's name, or the raw type's text
    QStringList values; // the enum's values, in order
    bool native = true;            // enum: a database enum type where there is one (PostgreSQL)
    bool createConstraint = false; // enum: a CHECK (col IN (...)) where it is a VARCHAR

    // Parses "integer", "string(50)", "numeric(10,2)", case-insensitive.
    // Enums and raw types are YAML mappings: see enumType() and rawType().
    static Result<ColumnType> parse(const QString &text);
    static ColumnType enumType(const QString &name, const QStringList &values);
    static ColumnType rawType(const QString &text);
    // The canonical spelling parse() accepts: "string(50)"; for an enum
    // "enum mood (happy, sad)" and for a raw type its text, for messages.
    QString toString() const;

    bool isEnum() const { return kind == Kind::Enum; }
    // A PostgreSQL enum type the column needs (CREATE TYPE before, DROP TYPE after).
    bool isNativeEnum() const { return kind == Kind::Enum && native; }
    // The VARCHAR length a non-native enum gets: its longest value, as SQLAlchemy does.
    int enumLength() const;

    bool isInteger() const { return kind == Kind::Integer || kind == Kind::BigInt || kind == Kind::SmallInt; }
    friend bool operator==(const ColumnType &, const ColumnType &) = default;
};

} // namespace strata
