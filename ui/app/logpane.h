#pragma once

#include <QPlainTextEdit>

namespace strata::ui {

// The bottom pane: every step, statement and outcome of every run, with the
// time; errors stand out in the warning colour, with the engine's full text.
class LogPane : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit LogPane(QWidget *parent = nullptr);

    void appendLine(const QString &line, bool isError = false);
};

} // namespace strata::ui
