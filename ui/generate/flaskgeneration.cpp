#include "ui/generate/flaskgeneration.h"

#include "core/alembic/flaskmigrate.h"

#include <QFutureWatcher>
#include <QInputDialog>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace strata::ui {

bool FlaskGeneration::start(QWidget *parent, const QString &migrationsDirectory)
{
    if (m_running)
        return false;
    bool ok = false;
    const QString message = QInputDialog::getText(parent, tr("Generate migration with Flask-Migrate"),
                                                  tr("What changed in the models? (flask db migrate -m …)"),
                                                  QLineEdit::Normal, {}, &ok)
                                .trimmed();
    if (!ok || message.isEmpty())
        return false;
    return run(migrationsDirectory, message);
}

bool FlaskGeneration::run(const QString &migrationsDirectory, const QString &message)
{
    if (m_running)
        return false;
    m_running = true;
    Q_EMIT log(tr("Running flask db migrate -m \"%1\" in %2").arg(message, migrationsDirectory), false);
    using Made = Result<alembic::FlaskMigration>;
    auto *watcher = new QFutureWatcher<Made>(this);
    connect(watcher, &QFutureWatcher<Made>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_running = false;
        const Made made = watcher->result();
        if (!made) {
            Q_EMIT log(made.error().toString(), true);
            Q_EMIT failed(made.error().toString());
            return;
        }
        for (const QString &line : made->output.split(u'\n', Qt::SkipEmptyParts))
            Q_EMIT log(line, false);
        Q_EMIT written(made->path);
    });
    watcher->setFuture(QtConcurrent::run([migrationsDirectory, message] {
        return alembic::runFlaskMigrate(migrationsDirectory, message);
    }));
    return true;
}

} // namespace strata::ui
