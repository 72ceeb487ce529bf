#include "ui/app/projecttitle.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace strata::ui {

QString projectTitle(const QString &directory)
{
    QDir dir(QDir::cleanPath(QDir(directory).absolutePath()));
    const QString name = dir.dirName();
    if (name.compare(u"migrations"_s, Qt::CaseInsensitive) != 0 || !dir.cdUp() || dir.dirName().isEmpty())
        return name;
    return dir.dirName();
}

} // namespace strata::ui
