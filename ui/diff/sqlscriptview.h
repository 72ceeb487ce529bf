#pragma once

#include "ui/diff/codeview.h"

namespace strata::ui {

// The upgrade or downgrade script of the diff pane. The script opens with the
// same set-up every time (a header, the version and history tables); that
// part is folded into one line so the step's own statements come first, and a
// click or Return on the fold shows it. Line numbers stay the script's.
class SqlScriptView : public CodeView
{
    Q_OBJECT
public:
    explicit SqlScriptView(QWidget *parent = nullptr);

    void setScript(const QString &script);
    void clearScript() { setScript({}); }
    // The whole script, set-up included, whatever is shown: what Copy and Save as take.
    const QString &script() const { return m_script; }
    bool isSetUpFolded() const { return m_setUpLines > 0 && m_folded; }
    void setSetUpFolded(bool folded);

private:
    void render();

    QString m_script;
    int m_setUpLines = 0;   // lines before the first step; 0: nothing to fold
    bool m_folded = true;
};

} // namespace strata::ui
