#pragma once

#include <QLabel>

namespace strata::ui {

// The red line above the panes that says what went wrong. It belongs to its
// cause: the window clears it when that cause is gone (a new run, a project
// that reads again), and a click dismisses it.
class ErrorBanner : public QLabel
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const QString &text);
    void clear();
    // The text while shown, else empty.
    QString shownText() const { return isHidden() ? QString() : text(); }

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
};

} // namespace strata::ui
