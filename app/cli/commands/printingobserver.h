#pragma once

#include "context.h"

#include "core/workflow/workflowobserver.h"

namespace strata::cli {

// A use case's progress on the terminal, Alembic's way: INFO lines and
// problems on stderr.
class PrintingObserver : public WorkflowObserver
{
public:
    explicit PrintingObserver(Context &context) : m_context(context) {}
    void info(const QString &line) override { m_context.info(line); }
    void problem(const Issue &issue) override { m_context.err() << issue.toString() << Qt::endl; }

private:
    Context &m_context;
};

} // namespace strata::cli
