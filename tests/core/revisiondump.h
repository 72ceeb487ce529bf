#pragma once

#include "core/ops/operation.h"
#include "core/revision/revision.h"

#include <yaml-cpp/yaml.h>

#include <QStringList>

// Every field of a revision as text, operations included with their lines
// and their YAML, so QCOMPARE of two dumps names the field that differs.
inline QString dumpRevision(const strata::Revision &r)
{
    using namespace Qt::StringLiterals;
    QStringList lines{
        u"id "_s + r.id,
        u"down "_s + r.downRevisions.join(u',') + u" null="_s + QString::number(r.downRevisions.isEmpty()),
        u"message "_s + r.message,
        u"created "_s + r.created.toString(Qt::ISODateWithMs) + u" spec="_s
            + QString::number(int(r.created.timeSpec())) + u" offset="_s + QString::number(r.created.offsetFromUtc()),
        u"labels "_s + r.branchLabels.join(u','),
        u"depends "_s + r.dependsOn.join(u','),
        u"transactional "_s + QString::number(r.transactional),
        u"file "_s + r.filePath,
        u"checksum "_s + r.checksum,
        u"lines %1 %2 %3"_s.arg(r.idLine).arg(r.downRevisionLine).arg(r.dependsOnLine),
    };
    for (const auto &[name, ops] : {std::pair{u"up"_s, &r.upgrade}, std::pair{u"down"_s, &r.downgrade}}) {
        for (const strata::OperationPtr &op : *ops) {
            YAML::Emitter out;
            out << YAML::Flow << strata::operationToYaml(*op);
            lines << u"%1 line %2: %3"_s.arg(name).arg(op->line).arg(QString::fromStdString(out.c_str()));
        }
    }
    return lines.join(u'\n');
}

inline QString dumpRevisions(const QList<strata::Revision> &revisions)
{
    using namespace Qt::StringLiterals;
    QStringList all;
    for (const strata::Revision &r : revisions)
        all << dumpRevision(r);
    return all.join(u"\n--\n"_s);
}
