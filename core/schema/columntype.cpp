#include "core/schema/columntype.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

struct TypeName
{
    QLatin1StringView name;
    ColumnType::Kind kind;
};

// Canonical names first: toString() uses the first entry of each kind.
constexpr std::array canonicalNames{
    TypeName{"integer"_L1, ColumnType::Kind::Integer},
    TypeName{"bigint"_L1, ColumnType::Kind::BigInt},
    TypeName{"smallint"_L1, ColumnType::Kind::SmallInt},
    TypeName{"boolean"_L1, ColumnType::Kind::Boolean},
    TypeName{"text"_L1, ColumnType::Kind::Text},
    TypeName{"string"_L1, ColumnType::Kind::String},
    TypeName{"numeric"_L1, ColumnType::Kind::Numeric},
    TypeName{"float"_L1, ColumnType::Kind::Float},
    TypeName{"double"_L1, ColumnType::Kind::Double},
    TypeName{"date"_L1, ColumnType::Kind::Date},
    TypeName{"time"_L1, ColumnType::Kind::Time},
    TypeName{"datetime"_L1, ColumnType::Kind::DateTime},
    TypeName{"timestamptz"_L1, ColumnType::Kind::TimestampTz},
    TypeName{"json"_L1, ColumnType::Kind::Json},
    TypeName{"jsonb"_L1, ColumnType::Kind::JsonB},
    TypeName{"binary"_L1, ColumnType::Kind::Binary},
    TypeName{"uuid"_L1, ColumnType::Kind::Uuid},
    TypeName{"char"_L1, ColumnType::Kind::Char},
};

// The spellings people bring from SQL and SQLAlchemy.
constexpr std::array aliases{
    TypeName{"int"_L1, ColumnType::Kind::Integer},
    TypeName{"int4"_L1, ColumnType::Kind::Integer},
    TypeName{"int8"_L1, ColumnType::Kind::BigInt},
    TypeName{"int2"_L1, ColumnType::Kind::SmallInt},
    TypeName{"bool"_L1, ColumnType::Kind::Boolean},
    TypeName{"varchar"_L1, ColumnType::Kind::String},
    TypeName{"character varying"_L1, ColumnType::Kind::String},
    TypeName{"character"_L1, ColumnType::Kind::Char},
    TypeName{"bpchar"_L1, ColumnType::Kind::Char},
    TypeName{"decimal"_L1, ColumnType::Kind::Numeric},
    TypeName{"real"_L1, ColumnType::Kind::Float},
    TypeName{"float4"_L1, ColumnType::Kind::Float},
    TypeName{"double precision"_L1, ColumnType::Kind::Double},
    TypeName{"float8"_L1, ColumnType::Kind::Double},
    TypeName{"timestamp"_L1, ColumnType::Kind::DateTime},
    TypeName{"timestamp with time zone"_L1, ColumnType::Kind::TimestampTz},
    TypeName{"blob"_L1, ColumnType::Kind::Binary},
    TypeName{"bytea"_L1, ColumnType::Kind::Binary},
};

std::optional<ColumnType::Kind> kindOf(const QString &name)
{
    for (const auto &entry : canonicalNames) {
        if (entry.name == name)
            return entry.kind;
    }
    for (const auto &entry : aliases) {
        if (entry.name == name)
            return entry.kind;
    }
    return std::nullopt;
}

QString canonicalList()
{
    QStringList names;
    for (const auto &entry : canonicalNames) {
        if (entry.kind == ColumnType::Kind::String)
            names << u"string"_s << u"string(n)"_s;
        else if (entry.kind == ColumnType::Kind::Char)
            names << u"char(n)"_s;
        else if (entry.kind == ColumnType::Kind::Numeric)
            names << u"numeric(p,s)"_s;
        else
            names << entry.name;
    }
    names << u"{enum: NAME, values: [a, b]}"_s << u"{raw: \"SQL TYPE\"}"_s;
    return names.join(u", "_s);
}

Error typeError(const QString &message, const QString &hint = {})
{
    return Error::make(Error::Code::Input, message, {}, hint);
}

} // namespace

Result<ColumnType> ColumnType::parse(const QString &text)
{
    static const QRegularExpression pattern(
        u"^([a-z][a-z0-9 ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?$"_s);
    const QString normalized = text.trimmed().toLower().simplified();
    const auto match = pattern.match(normalized);
    const auto kind = match.hasMatch() ? kindOf(match.captured(1)) : std::nullopt;
    if (!kind) {
        // A known type with a size that is not numbers, e.g. string(abc): say so
        // rather than calling the whole type unknown.
        static const QRegularExpression sized(u"^([a-z][a-z0-9 ]*?)\\s*\\((.*)\\)$"_s);
        const auto sizedMatch = sized.match(normalized);
        if (sizedMatch.hasMatch() && kindOf(sizedMatch.captured(1)))
            return std::unexpected(typeError(
                u"bad column type '%1': the size in parentheses must be whole numbers, not '%2'"_s.arg(
                    text, sizedMatch.captured(2)),
                u"write string(255) for text up to 255 characters, numeric(10,2) for ten digits, two after the point"_s));
        return std::unexpected(typeError(u"unknown column type '%1'"_s.arg(text),
                                         u"use one of: %1"_s.arg(canonicalList())));
    }

    ColumnType type;
    type.kind = *kind;
    const bool hasFirst = match.hasCaptured(2);
    const bool hasSecond = match.hasCaptured(3);
    // toInt() gives 0 for a number too large for int, which the range checks below refuse.
    const int first = hasFirst ? match.captured(2).toInt() : 0;
    const int second = hasSecond ? match.captured(3).toInt() : 0;

    if (type.kind == Kind::String || type.kind == Kind::Char) {
        if (hasSecond || (hasFirst && first <= 0)) {
            return std::unexpected(typeError(
                u"bad column type '%1': %2 takes one positive length"_s.arg(text, match.captured(1)),
                u"write string(255) or char(2); string alone (or text) has no length limit"_s));
        }
        type.length = first;
        return type;
    }
    if (type.kind == Kind::Numeric) {
        if (hasFirst && (first < 1 || first > 1000 || second > first)) {
            return std::unexpected(typeError(
                u"bad column type '%1': numeric(p,s) needs 1 <= p <= 1000 and 0 <= s <= p"_s.arg(text),
                u"write numeric(10,2) for ten digits, two after the point"_s));
        }
        type.precision = first;
        type.scale = second;
        return type;
    }
    if (hasFirst) {
        return std::unexpected(typeError(u"bad column type '%1': %2 takes no size"_s.arg(text, match.captured(1)),
                                         u"write %1 without parentheses"_s.arg(match.captured(1))));
    }
    return type;
}

ColumnType ColumnType::enumType(const QString &name, const QStringList &values)
{
    ColumnType type;
    type.kind = Kind::Enum;
    type.name = name;
    type.values = values;
    return type;
}

ColumnType ColumnType::rawType(const QString &text)
{
    ColumnType type;
    type.kind = Kind::Raw;
    type.name = text.trimmed();
    return type;
}

int ColumnType::enumLength() const
{
    int longest = 0;
    for (const QString &value : values)
        longest = std::max(longest, int(value.size()));
    return longest;
}

QString ColumnType::toString() const
{
    if (kind == Kind::Enum)
        return u"enum %1 (%2)"_s.arg(name, values.join(u", "_s));
    if (kind == Kind::Raw)
        return name;
    QString word;
    for (const auto &entry : canonicalNames) {
        if (entry.kind == kind) {
            word = entry.name;
            break;
        }
    }
    if ((kind == Kind::String || kind == Kind::Char) && length > 0)
        return word + u'(' + QString::number(length) + u')';
    if (kind == Kind::Numeric && precision > 0)
        return word + u'(' + QString::number(precision) + u',' + QString::number(scale) + u')';
    return word;
}

} // namespace strata
