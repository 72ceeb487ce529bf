#include "core/alembic/alembicevaluation.h"

#include "core/alembic/alembictranslate.h"
#include "core/alembic/pythonbridge.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace strata::alembic {

namespace {

QString problemText(const QJsonObject &problem)
{
    return u"%1:%2: %3"_s.arg(problem.value(u"file"_s).toString())
        .arg(problem.value(u"line"_s).toInt())
        .arg(problem.value(u"message"_s).toString());
}

// One recorded operation: {"line": N, "op": {kind: value}} or {"line": N, "placeholder": why}.
OperationPtr toOperation(const QJsonObject &entry, const QString &file, QStringList &problems)
{
    const int line = entry.value(u"line"_s).toInt();
    // A placeholder keeps its line, so reports and errors point at the script.
    const auto atLine = [line](OperationPtr op) {
        auto copy = std::const_pointer_cast<Operation>(op);
        copy->line = line;
        return OperationPtr(copy);
    };
    if (entry.contains(u"placeholder"_s)) {
        const QString why = entry.value(u"placeholder"_s).toString();
        return atLine(placeholderOperation(u"Alembic code at %1:%2 was not translated (%3)"_s.arg(
            QFileInfo(file).fileName()).arg(line).arg(why)));
    }
    const QByteArray json = QJsonDocument(entry.value(u"op"_s).toObject()).toJson(QJsonDocument::Compact);
    Result<OperationPtr> op = std::unexpected(Error::make(Error::Code::Input, u"empty"_s));
    try {
        op = parseOperation(YAML::Load(json.toStdString()), file);
    } catch (const YAML::Exception &e) {
        op = std::unexpected(Error::make(Error::Code::Input, QString::fromStdString(e.what())));
    }
    if (!op) {
        // An operation this build of Strata can't read yet: fail loudly where it is.
        problems << u"%1:%2: Strata can't read the recorded operation %3: %4"_s.arg(file).arg(line).arg(
            QString::fromUtf8(json).left(120), op.error().message);
        return atLine(placeholderOperation(u"the operation recorded at %1:%2 has no Strata form yet (%3)"_s.arg(
            QFileInfo(file).fileName()).arg(line).arg(op.error().message.left(80))));
    }
    auto copy = std::const_pointer_cast<Operation>(*op);
    copy->line = line;
    return copy;
}

OperationList toOperations(const QJsonObject &direction, const QString &file, QStringList &problems,
                           QList<AlembicCall> &calls)
{
    OperationList ops;
    calls.clear();
    for (const QJsonValue &value : direction.value(u"ops"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        ops << toOperation(entry, file, problems);
        AlembicCall call;
        call.call = entry.value(u"call"_s).toInt();
        if (entry.contains(u"alembic"_s)) {
            QStringList sql;
            for (const QJsonValue &statement : entry.value(u"alembic"_s).toArray())
                sql << statement.toString();
            call.sql = sql;
        }
        calls << call;
    }
    return ops;
}

DataStep toDataStep(const QJsonObject &direction, const QString &file)
{
    DataStep step;
    step.needed = direction.value(u"data_step"_s).toBool();
    step.partial = direction.value(u"partial"_s).toBool();
    if (!step.needed)
        return step;
    step.source = direction.value(u"source"_s).toString();
    step.line = direction.value(u"line"_s).toInt();
    for (const QJsonValue &use : direction.value(u"data_uses"_s).toArray())
        step.uses << u"%1:%2: %3"_s.arg(file).arg(use[u"line"_s].toInt()).arg(use[u"what"_s].toString());
    return step;
}

void apply(Revision &revision, const QJsonObject &recorded, Evaluation &evaluation)
{
    if (!recorded.value(u"loaded"_s).toBool()) {
        revision.pythonError = problemText(recorded.value(u"error"_s).toObject());
        revision.upgradeCalls.clear();
        revision.downgradeCalls.clear();
        evaluation.notes << u"Python could not load %1, read without Python instead"_s.arg(revision.pythonError);
        return;
    }
    const QJsonObject up = recorded.value(u"upgrade"_s).toObject();
    const QJsonObject down = recorded.value(u"downgrade"_s).toObject();
    revision.upgrade = toOperations(up, revision.filePath, evaluation.problems, revision.upgradeCalls);
    revision.downgrade = toOperations(down, revision.filePath, evaluation.problems, revision.downgradeCalls);
    revision.upgradeData = toDataStep(up, revision.filePath);
    revision.downgradeData = toDataStep(down, revision.filePath);
    revision.pythonError.clear();
    for (const QJsonObject &direction : {up, down}) {
        for (const QJsonValue &problem : direction.value(u"problems"_s).toArray())
            evaluation.problems << problemText(problem.toObject());
    }
}

QJsonObject cacheKey(const QString &dialect)
{
    return {{u"dialect"_s, dialect},
            {u"candidates"_s, QJsonArray::fromStringList(PythonBridge::candidates())},
            {u"bridge"_s, QString::fromLatin1(PythonBridge::programDigest())}};
}

QJsonObject readCache(const QString &path, const QJsonObject &key)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject cache = QJsonDocument::fromJson(file.readAll()).object();
    return cache.value(u"key"_s).toObject() == key ? cache : QJsonObject();
}

void writeCache(const QString &path, const QJsonObject &cache)
{
    if (path.isEmpty() || !QDir().mkpath(QFileInfo(path).path()))
        return;
    const QString ignore = QFileInfo(path).dir().filePath(u".gitignore"_s);
    if (!QFileInfo::exists(ignore)) {
        QFile gitignore(ignore);
        if (gitignore.open(QIODevice::WriteOnly))
            gitignore.write("*\n");
    }
    // The cache is only a shortcut: a failed write is not an error.
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(cache).toJson(QJsonDocument::Compact));
        (void)file.commit();
    }
}

} // namespace

Evaluation evaluateScripts(QList<Revision> &revisions, const QString &versionsDirectory, DialectKind dialect,
                           const QString &cacheFile)
{
    Evaluation evaluation;
    const QJsonObject key = cacheKey(dialectName(dialect));
    QJsonObject cache = readCache(cacheFile, key);
    QJsonObject scripts = cache.value(u"scripts"_s).toObject();
    evaluation.interpreter = cache.value(u"interpreter"_s).toString();

    QJsonArray toRecord;
    QList<qsizetype> pending;
    for (qsizetype i = 0; i < revisions.size(); ++i) {
        const QJsonObject recorded = scripts.value(revisions.at(i).checksum).toObject();
        if (recorded.isEmpty()) {
            toRecord << revisions.at(i).filePath;
            pending << i;
        } else {
            apply(revisions[i], recorded, evaluation);
            ++evaluation.fromCache;
        }
    }
    if (pending.isEmpty())
        return evaluation;

    const QJsonObject request{{u"versions"_s, versionsDirectory}, {u"dialect"_s, dialectName(dialect)},
                              {u"scripts"_s, toRecord}};
    auto answer = PythonBridge::call(u"record"_s, request);
    if (!answer) {
        evaluation.notes << answer.error().message + u"; "_s + answer.error().hint;
        for (qsizetype i : std::as_const(pending)) {
            revisions[i].pythonError = u"%1: no Python with SQLAlchemy and Alembic"_s.arg(revisions.at(i).filePath);
            revisions[i].upgradeCalls.clear();
            revisions[i].downgradeCalls.clear();
        }
        evaluation.notes << u"%1 script(s) read without Python: loops, helpers, branches and data steps in "
                            "them are placeholders"_s.arg(pending.size());
        return evaluation;
    }
    evaluation.notes << answer->skipped;
    evaluation.interpreter = answer->interpreter;
    const QJsonArray recorded = answer->json.value(u"revisions"_s).toArray();
    for (qsizetype n = 0; n < pending.size() && n < recorded.size(); ++n) {
        Revision &revision = revisions[pending.at(n)];
        const QJsonObject one = recorded.at(n).toObject();
        apply(revision, one, evaluation);
        ++evaluation.recorded;
        // A script that failed to load may load once the environment is fixed: don't keep that.
        if (one.value(u"loaded"_s).toBool())
            scripts.insert(revision.checksum, one);
    }
    QJsonObject kept;     // only the scripts there are now
    for (const Revision &revision : std::as_const(revisions)) {
        if (scripts.contains(revision.checksum))
            kept.insert(revision.checksum, scripts.value(revision.checksum));
    }
    cache = {{u"key"_s, key}, {u"interpreter"_s, evaluation.interpreter}, {u"scripts"_s, kept}};
    writeCache(cacheFile, cache);
    return evaluation;
}

} // namespace strata::alembic
