#include "core/dialect/dialectkind.h"

using namespace Qt::StringLiterals;

namespace strata {

QList<DialectKind> dialectKinds()
{
    return {DialectKind::Sqlite, DialectKind::Postgresql};
}

QString dialectName(DialectKind kind)
{
    switch (kind) {
    case DialectKind::Sqlite:
        return u"sqlite"_s;
    case DialectKind::Postgresql:
        return u"postgresql"_s;
    }
    return {};
}

QString dialectTitle(DialectKind kind)
{
    switch (kind) {
    case DialectKind::Sqlite:
        return u"SQLite"_s;
    case DialectKind::Postgresql:
        return u"PostgreSQL"_s;
    }
    return {};
}

std::optional<DialectKind> dialectKindNamed(const QString &name)
{
    for (DialectKind kind : dialectKinds()) {
        if (name == dialectName(kind))
            return kind;
    }
    return std::nullopt;
}

} // namespace strata
