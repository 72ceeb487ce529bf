#include "flaskapp.h"

#include <QProcess>

using namespace Qt::StringLiterals;

namespace FlaskApp {

QString python() { return u"/usr/bin/python3"_s; }

QString make(const QString &appDir, bool *ok)
{
    QProcess generator;
    generator.setProcessChannelMode(QProcess::MergedChannels);
    generator.start(python(), {QStringLiteral(STRATA_TEST_DATA) + u"/alembic/make_flask_project.py"_s, appDir});
    const bool finished = generator.waitForFinished(180000);
    *ok = finished && generator.exitStatus() == QProcess::NormalExit && generator.exitCode() == 0;
    return QString::fromUtf8(generator.readAll());
}

QString flaskDb(const QString &appDir, const QStringList &args, const QString &databaseUrl)
{
    QProcess process;
    process.setWorkingDirectory(appDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"FLASK_APP"_s, u"app.py"_s);
    if (!databaseUrl.isEmpty())
        env.insert(u"APP_DATABASE_URL"_s, databaseUrl);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(python(), QStringList{u"-m"_s, u"flask"_s, u"db"_s} + args);
    const bool finished = process.waitForFinished(120000);
    const QString output = QString::fromUtf8(process.readAll());
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("flask db %s failed: %s", qPrintable(args.join(u' ')), qPrintable(output));
        return u"FAILED"_s;
    }
    return output;
}

} // namespace FlaskApp
