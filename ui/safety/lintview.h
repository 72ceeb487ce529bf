#pragma once

#include "core/safety/issue.h"

#include <QWidget>

class QTextBrowser;

namespace strata::ui {

// The diff pane's Lint tab: the findings of the selected revision(s), one
// row each with a severity icon, the code, the message (wrapped, never cut)
// and file:line as a link that opens the file; a line of text instead when
// there are none or lint has not finished.
class LintView : public QWidget
{
    Q_OBJECT
public:
    explicit LintView(QWidget *parent = nullptr);

    void setFindings(const QList<Issue> &findings);
    // Lint still runs (a reload): no list yet.
    void showPending();
    // Older than the newest `limit` revisions, which is all the studio lints.
    void showSkipped(int limit, const QString &revision);
    void clear();

    const QList<Issue> &findings() const { return m_findings; }
    // The empty state or pending text; empty while findings are listed.
    QString message() const { return m_message; }
    // What Copy puts on the clipboard: "file:line: severity [code] text", one per line.
    QString plainText() const;
    QTextBrowser *browser() const { return m_browser; }

Q_SIGNALS:
    // A finding's file:line was clicked.
    void openRequested(const QString &file, int line);

private:
    void showMessage(const QString &text);

    QTextBrowser *m_browser;
    QList<Issue> m_findings;
    QString m_message;
};

} // namespace strata::ui
