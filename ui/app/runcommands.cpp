#include "ui/app/runcommands.h"

#include "ui/app/studioactions.h"
#include "ui/app/studiosession.h"
#include "ui/safety/roundtripview.h"
#include "ui/timeline/timelinepanel.h"

#include <QAction>

using namespace Qt::StringLiterals;

namespace strata::ui {

RunCommands::RunCommands(StudioSession *session, TimelinePanel *timeline, RoundtripView *roundtrip,
                         const StudioActions &actions, QObject *parent)
    : QObject(parent), m_session(session), m_timeline(timeline), m_roundtrip(roundtrip), m_actions(actions)
{
    connect(m_session, &StudioSession::runFinished, this, &RunCommands::onFinished);
    connect(m_actions.allOrNothing, &QAction::toggled, m_session, &StudioSession::setAtomic);
    // The job asks, with what the database holds when it runs (a downgrade's drops, with row counts).
    m_session->setConfirmer([this](const QString &title, const QString &text) { return m_confirm(title, text); });
}

void RunCommands::upgradeToHeads()
{
    Q_EMIT runAboutToStart();
    m_session->run(RunRequest::Kind::Upgrade, u"heads"_s);
}

void RunCommands::runOnSelected(RunRequest::Kind kind)
{
    const QString id = m_timeline->currentRevision();
    if (id.isEmpty())
        return;
    const bool scratch = !m_actions.roundTripOnRealDatabase->isChecked();
    const auto url = m_session->database();
    switch (kind) {
    case RunRequest::Kind::RoundTrip:
        // By default a scratch copy (an SQLite file copy, a temporary PostgreSQL database); the real one only on request.
        if (!scratch && !m_confirm(tr("Round-trip on the real database"),
                                   tr("Run the round-trip of %1 on %2 itself? Each step up to it is downgraded and "
                                      "upgraded again: data its downgrade drops is lost.\n\nTurn off Revision > "
                                      "Round-trip on the real database to work on a scratch copy instead.")
                                       .arg(id.left(12), url ? url->redacted() : QString())))
            return;
        m_roundtrip->showRunning(tr("Round-trip of %1 running").arg(id.left(12)));
        break;
    default:
        break;
    }
    Q_EMIT runAboutToStart();
    m_session->run(kind, id, scratch);
}

void RunCommands::onFinished(const RunOutcome &outcome)
{
    if (outcome.roundtrip) {
        m_roundtrip->setReport(*outcome.roundtrip);
        Q_EMIT roundTripShown();
    } else if (outcome.kind == RunRequest::Kind::RoundTrip && !outcome.ok) {
        m_roundtrip->showFailure(outcome.errorText.isEmpty() ? outcome.summary : outcome.errorText);
        Q_EMIT roundTripShown();
    }
    if (!outcome.ok)
        Q_EMIT failed(outcome.summary + u"\n"_s + outcome.errorText);
    else if (outcome.kind != RunRequest::Kind::ReadState)
        Q_EMIT succeeded(outcome.summary);
    if (m_upgradeWhenIdle && outcome.ok) {
        m_upgradeWhenIdle = false;
        upgradeToHeads();
    }
}

} // namespace strata::ui
