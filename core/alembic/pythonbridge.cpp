#include "core/alembic/pythonbridge.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace strata::alembic {

namespace {

const QStringList kProgramFiles{u"strata_bridge.py"_s, u"strata_record.py"_s, u"strata_convert.py"_s};
constexpr int kMissingExitCode = 3;

QByteArray resource(const QString &name)
{
    QFile file(u":/strata/bridge/"_s + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The program's files in a private folder, for the interpreter to run.
Result<QString> unpack(const QTemporaryDir &dir)
{
    if (!dir.isValid())
        return fail(Error::Code::Io, u"can't create a temporary folder for Strata's Python bridge"_s,
                    QDir::tempPath(), u"check that the temporary folder exists and is writable"_s);
    for (const QString &name : kProgramFiles) {
        const QByteArray text = resource(name);
        QFile out(dir.filePath(name));
        if (text.isEmpty() || !out.open(QIODevice::WriteOnly) || out.write(text) != text.size())
            return fail(Error::Code::Io, u"can't write Strata's Python bridge"_s, dir.filePath(name));
    }
    return dir.filePath(u"strata_bridge.py"_s);
}

QString describeCandidate(const QString &program)
{
    const QString name = QFileInfo(program).fileName();
    return name == program ? program : u"%1 (%2)"_s.arg(name, program);
}

} // namespace

QStringList PythonBridge::candidates()
{
    const QString configured = qEnvironmentVariable("STRATA_PYTHON");
    if (!configured.isEmpty())
        return {configured};
    QStringList out;
    const QString onPath = QStandardPaths::findExecutable(u"python3"_s);
    out << (onPath.isEmpty() ? u"python3"_s : onPath);
    const QString system = u"/usr/bin/python3"_s;
    if (QFileInfo(onPath).canonicalFilePath() != QFileInfo(system).canonicalFilePath() && QFileInfo::exists(system))
        out << system;
    return out;
}

QByteArray PythonBridge::programDigest()
{
    static const QByteArray digest = [] {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const QString &name : kProgramFiles)
            hash.addData(resource(name));
        return hash.result().toHex().left(16);
    }();
    return digest;
}

Result<PythonBridge::Answer> PythonBridge::call(const QString &mode, const QJsonObject &request,
                                                const QProcessEnvironment &extra, int timeoutMs)
{
    const QTemporaryDir dir;
    auto program = unpack(dir);
    if (!program)
        return std::unexpected(program.error());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(extra);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
    const QByteArray input = QJsonDocument(request).toJson(QJsonDocument::Compact);

    Answer answer;
    for (const QString &interpreter : candidates()) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(interpreter, {*program, mode});
        if (!process.waitForStarted(10'000)) {
            answer.skipped << u"%1: can't be started (%2)"_s.arg(describeCandidate(interpreter), process.errorString());
            continue;
        }
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(timeoutMs < 0 ? -1 : timeoutMs)) {
            process.kill();
            process.waitForFinished(1000);
            return fail(Error::Code::Io,
                        u"Strata's Python bridge did not answer within %1 s"_s.arg(timeoutMs / 1000),
                        describeCandidate(interpreter),
                        u"a revision script or a module it imports may be waiting for input or a server"_s);
        }
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(out, &parseError);
        if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == kMissingExitCode
            && doc.isObject()) {
            QStringList lacks;
            for (const QJsonValue &v : doc.object().value(u"missing"_s).toArray())
                lacks << v.toString();
            answer.skipped << u"%1: lacks %2"_s.arg(describeCandidate(interpreter), lacks.join(u", "_s));
            continue;
        }
        if (process.exitStatus() != QProcess::NormalExit || !doc.isObject()) {
            const QString tail = QString::fromUtf8(err).trimmed().section(u'\n', -6);
            return fail(Error::Code::Io,
                        u"Strata's Python bridge failed (%1)%2"_s.arg(
                            process.exitStatus() != QProcess::NormalExit ? u"it crashed"_s
                                                                         : u"no answer: "_s + parseError.errorString(),
                            tail.isEmpty() ? QString() : u": "_s + tail),
                        describeCandidate(interpreter),
                        u"run the same interpreter by hand to see the full error; STRATA_PYTHON chooses another"_s);
        }
        answer.json = doc.object();
        answer.interpreter = interpreter;
        return answer;
    }
    return fail(Error::Code::NotFound,
                u"no Python with SQLAlchemy and Alembic: tried %1"_s.arg(answer.skipped.join(u"; "_s)),
                {},
                u"install them for one of these interpreters (`pip install alembic`, or apt install "
                "python3-alembic), or point STRATA_PYTHON at the interpreter your project uses"_s);
}

} // namespace strata::alembic
