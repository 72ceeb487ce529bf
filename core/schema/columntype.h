#pragma once

#include "error.h"

#include <QString>

namespace strata {

// A dialect-neutral column type; each Dialect maps it to its own spelling,
// and introspection maps back.
struct ColumnType
{
    enum class Kind {
        Integer, BigInt, SmallInt, Boolean, Text, String, Numeric, Float, Double,
        Date, Time, DateTime, TimestampTz, Json, Binary, Uuid,
    };

    Kind kind = Kind::Text;
    int length = 0;     // string(n)
    int precision = 0;  // numeric(p, s)
    int scale = 0;

    // Parses "integer", "string(50)", "numeric(10,2)", case-insensitive.
    static Result<ColumnType> parse(const QString &text);
    // The canonical spelling parse() accepts: "string(50)".
    QString toString() const;

    bool isInteger() const { return kind == Kind::Integer || kind == Kind::BigInt || kind == Kind::SmallInt; }
    friend bool operator==(const ColumnType &, const ColumnType &) = default;
};

} // namespace strata
