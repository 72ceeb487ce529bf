#include "core/error.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace strata {

Error Error::make(Code code, QString message, QString where, QString hint)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.where = std::move(where);
    e.hint = std::move(hint);
    return e;
}

Error Error::wrappedIn(QString outerMessage, QString outerWhere) const
{
    Error outer = make(code, std::move(outerMessage), std::move(outerWhere));
    outer.cause = std::make_shared<const Error>(*this);
    return outer;
}

int Error::exitCode() const
{
    switch (code) {
    case Code::Usage:
    case Code::Input:
    case Code::NotFound:
    case Code::Ambiguous:
    case Code::Graph:
        return 2;
    default:
        return 1;
    }
}

QString Error::toString() const
{
    QStringList lines;
    const Error *e = this;
    QString hintText;
    bool first = true;
    while (e) {
        QString line = e->where.isEmpty() ? e->message : e->where + u": "_s + e->message;
        lines << (first ? line : u"  caused by: "_s + line);
        if (!e->hint.isEmpty() && hintText.isEmpty())
            hintText = e->hint;
        first = false;
        e = e->cause.get();
    }
    if (!hintText.isEmpty())
        lines << u"  hint: "_s + hintText;
    return lines.join(u'\n');
}

} // namespace strata
