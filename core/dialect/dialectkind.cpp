#include "core/dialect/dialectkind.h"

#include "core/dialect/postgresdialect.h"
#include "core/dialect/sqlitedialect.h"

namespace strata {

std::unique_ptr<Dialect> dialectFor(Dialect::Kind kind)
{
    switch (kind) {
    case Dialect::Kind::Sqlite:
        return std::make_unique<SqliteDialect>();
    case Dialect::Kind::Postgresql:
        return std::make_unique<PostgresDialect>();
    }
    return nullptr;
}

} // namespace strata
