#include "core/run/renderahead_p.h"

#include "core/run/datastep_p.h"
#include "core/project/project.h"

namespace strata {

namespace {

// Enough to keep the runner fed through a run of cheap steps; few enough that
// a failing step wastes little work and the queue holds no schema copies.
constexpr std::size_t kStepsAhead = 16;
// A full queue waits until the runner has taken this many down: the renderer
// then wakes once per few steps, not once per step (a wake-up is a system
// call and a context switch on a machine the database shares).
constexpr std::size_t kRefillAt = kStepsAhead / 2;

} // namespace

RenderAhead::RenderAhead(const Project &project, const Plan &plan, const Dialect &dialect, Schema start)
    : m_project(project), m_plan(plan), m_dialect(dialect)
{
    m_thread = std::thread([this, schema = std::move(start)]() mutable { renderAll(std::move(schema)); });
}

RenderAhead::~RenderAhead()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_drained.notify_one();
    m_thread.join();
}

Result<AheadStep> RenderAhead::take(qsizetype index)
{
    Q_ASSERT(index == m_taken);
    std::unique_lock lock(m_mutex);
    if (m_ready.empty()) {
        m_runnerWaiting = true;
        m_filled.wait(lock, [this] { return !m_ready.empty(); });
        m_runnerWaiting = false;
    }
    Result<AheadStep> item = std::move(m_ready.front());
    m_ready.pop_front();
    ++m_taken;
    const bool wake = m_rendererWaiting && m_ready.size() <= kRefillAt;
    lock.unlock();
    if (wake)
        m_drained.notify_one();
    return item;
}

void RenderAhead::renderAll(Schema schema)
{
    for (const PlanStep &step : m_plan.steps) {
        Result<AheadStep> item = renderOne(step, schema);
        // After a failure the runner stops at that step: nothing later is asked for.
        const bool failed = !item.has_value() || (item->dataStep && !item->replayed);
        if (!deliver(std::move(item)) || failed)
            return;
    }
}

Result<AheadStep> RenderAhead::renderOne(const PlanStep &step, Schema &schema) const
{
    AheadStep item;
    if (alembic::DataStepRunner::applies(m_project, step)) {
        item.dataStep = true;
        item.before = schema;
        auto after = replayRevision(std::move(schema), *step.revision, step.direction == Direction::Upgrade,
                                    m_project.isAlembic());
        // A replay that fails is the data step's to report, once its Python has run.
        item.replayed = after.has_value();
        if (after)
            schema = std::move(*after);
        return item;
    }
    auto rendered = renderStep(m_project, step, m_dialect, std::move(schema));
    if (!rendered)
        return std::unexpected(rendered.error());
    schema = std::move(rendered->after);
    rendered->after = Schema();
    item.rendered = std::move(*rendered);
    return item;
}

bool RenderAhead::deliver(Result<AheadStep> item)
{
    std::unique_lock lock(m_mutex);
    if (!m_stopping && m_ready.size() >= kStepsAhead) {
        m_rendererWaiting = true;
        m_drained.wait(lock, [this] { return m_stopping || m_ready.size() <= kRefillAt; });
        m_rendererWaiting = false;
    }
    if (m_stopping)
        return false;
    m_ready.push_back(std::move(item));
    const bool wake = m_runnerWaiting;
    lock.unlock();
    if (wake)
        m_filled.notify_one();
    return true;
}

} // namespace strata
