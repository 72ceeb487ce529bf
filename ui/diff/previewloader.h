#pragma once

#include "ui/diff/revisionpreview.h"

#include <QObject>

#include <memory>

namespace strata {
class Project;
class SchemaCheckpoints;
}

namespace strata::ui {

// Computes the diff pane's preview of a revision or a range. Replaying the
// schema from base grows with the history, so on a large project it runs on a
// pool thread and the window keeps painting and scrolling meanwhile; a small
// project is answered at once, which keeps clicks free of flicker. Only the
// newest request is answered: an older one still in flight is dropped.
// Replayed schemas are kept between requests (SchemaCheckpoints), so on a
// long history a preview replays a few thousand steps, not the whole history.
class PreviewLoader : public QObject
{
    Q_OBJECT

public:
    // Above this many revisions the replay goes to a pool thread.
    static constexpr qsizetype backgroundThreshold = 1000;

    explicit PreviewLoader(QObject *parent = nullptr);

    // `selected` holds two or more ids (newest first) for a range, else the
    // preview is of `current` alone.
    void request(std::shared_ptr<const Project> project, const QString &current, const QStringList &selected,
                 DialectKind dialect);
    bool isBusy() const { return m_pending > 0; }
    // The kept replays of this project (made on the first call for it), for
    // whoever else replays it: lint starts where the previews left off.
    std::shared_ptr<SchemaCheckpoints> checkpointsFor(const std::shared_ptr<const Project> &project);

Q_SIGNALS:
    void started(const QString &revisionId);
    void loaded(const strata::ui::RevisionPreview &preview);
    void failed(const QString &message);

private:
    void deliver(quint64 ticket, const Result<RevisionPreview> &preview);

    struct Request
    {
        const Project *project = nullptr;
        QString current;
        QStringList selected;
        DialectKind dialect = DialectKind::Sqlite;
        friend bool operator==(const Request &, const Request &) = default;
    };

    std::shared_ptr<const Project> m_project;
    Request m_inFlight;   // the newest request sent to the pool
    std::shared_ptr<SchemaCheckpoints> m_checkpoints;
    quint64 m_ticket = 0;
    int m_pending = 0;
};

} // namespace strata::ui
