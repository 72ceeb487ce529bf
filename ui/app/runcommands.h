#pragma once

#include "ui/run/runrequest.h"

#include <QObject>

#include <functional>

namespace strata::ui {

class RoundtripView;
class StudioSession;
class TimelinePanel;
struct StudioActions;

// Turns the window's run actions into runs of the session: what to confirm
// first (a round-trip on the real database; the job itself asks about a
// stamp, a downgrade that drops data and an upgrade of risky revisions, from
// the database as it is then), the run itself, and where its result goes. The window only
// wires it; the work runs through core/workflow in the session's job.
class RunCommands : public QObject
{
    Q_OBJECT
public:
    using Confirmer = std::function<bool(const QString &title, const QString &text)>;

    RunCommands(StudioSession *session, TimelinePanel *timeline, RoundtripView *roundtrip,
                const StudioActions &actions, QObject *parent = nullptr);

    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    bool confirm(const QString &title, const QString &text) const { return m_confirm(title, text); }
    // The first start of the bundled example: upgrade to head once the state is read.
    void upgradeWhenIdle() { m_upgradeWhenIdle = true; }
    bool upgradePending() const { return m_upgradeWhenIdle; }

    void runOnSelected(RunRequest::Kind kind);
    void upgradeToHeads();

Q_SIGNALS:
    void runAboutToStart();                          // the previous run's error no longer applies
    void failed(const QString &text);                // for the error banner
    void succeeded(const QString &summary);          // for the status bar
    void roundTripShown();                           // the round-trip tab holds a new result

private:
    void onFinished(const RunOutcome &outcome);

    StudioSession *m_session;
    TimelinePanel *m_timeline;
    RoundtripView *m_roundtrip;
    const StudioActions &m_actions;
    Confirmer m_confirm;
    bool m_upgradeWhenIdle = false;
};

} // namespace strata::ui
