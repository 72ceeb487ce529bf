#pragma once

#include "core/run/offlinescript.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace strata {

// One step of a plan, ready to run.
struct AheadStep
{
    // A data step runs through Alembic and renders nothing; it gets the schema before it.
    bool dataStep = false;
    RenderedStep rendered;   // its `after` stays empty: the schema stays with the renderer
    Schema before;           // data steps only
    bool replayed = true;    // data steps: whether their recorded operations replay; if not, rendering stops
};

// Renders the steps of a plan on a thread of its own, a few steps ahead of
// the runner. On SQLite a step's time is mostly the database's (parsing the
// schema again after each ALTER, the commit), so the next step's SQL is ready
// when the commit returns: about a tenth of a 1,000-step run's CPU leaves the
// runner's thread. Rendering reads only the revisions and the schema they
// build, never the live database, so the statements and errors are those the
// loop would render, in the same order.
class RenderAhead
{
public:
    RenderAhead(const Project &project, const Plan &plan, const Dialect &dialect, Schema start);
    // Stops the renderer after its current step and waits for it.
    ~RenderAhead();
    RenderAhead(const RenderAhead &) = delete;
    RenderAhead &operator=(const RenderAhead &) = delete;

    // Step `index` of the plan once it is rendered, or why it could not be;
    // steps are taken in order, each once.
    Result<AheadStep> take(qsizetype index);

private:
    void renderAll(Schema schema);
    Result<AheadStep> renderOne(const PlanStep &step, Schema &schema) const;
    // False once the renderer should stop.
    bool deliver(Result<AheadStep> item);

    const Project &m_project;
    const Plan &m_plan;
    const Dialect &m_dialect;
    std::mutex m_mutex;
    std::condition_variable m_filled;    // the runner waits here for a step
    std::condition_variable m_drained;   // the renderer waits here for room
    bool m_runnerWaiting = false;
    bool m_rendererWaiting = false;
    std::deque<Result<AheadStep>> m_ready;
    qsizetype m_taken = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace strata
