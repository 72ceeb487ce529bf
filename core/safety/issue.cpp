#include "core/safety/issue.h"

using namespace Qt::StringLiterals;

namespace strata {

QString severityName(Issue::Severity severity)
{
    switch (severity) {
    case Issue::Severity::Info: return u"info"_s;
    case Issue::Severity::Warning: return u"warning"_s;
    case Issue::Severity::Error: return u"error"_s;
    }
    return u"error"_s;
}

QString Issue::toString() const
{
    return severityName(severity) + u" ["_s + code + u"] "_s + text;
}

bool hasSeverity(const QList<Issue> &issues, Issue::Severity atLeast)
{
    for (const Issue &issue : issues) {
        if (int(issue.severity) >= int(atLeast))
            return true;
    }
    return false;
}

} // namespace strata
