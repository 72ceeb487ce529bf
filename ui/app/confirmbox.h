#pragma once

#include <QString>

class QWidget;

namespace strata::ui {

// The studio's question before destructive work. A long text (a downgrade of
// thousands of steps) shows its first lines and the count of the rest, with
// the whole list under "Show Details…", so the box always fits the screen.
bool askToConfirm(QWidget *parent, const QString &title, const QString &text);

} // namespace strata::ui
