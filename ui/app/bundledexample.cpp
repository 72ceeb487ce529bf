#include "ui/app/bundledexample.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace strata::ui {

QString bundledExampleDirectory()
{
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(u"../share/strata/examples/habitz"_s);
    if (QFileInfo::exists(installed + u"/strata.yaml"_s))
        return QDir::cleanPath(installed);
    return QStringLiteral(STRATA_BUNDLED_PROJECT);
}

QString bundledExampleDatabase()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(u"habitz.db"_s);
}

} // namespace strata::ui
