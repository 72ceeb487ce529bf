#pragma once

#include "ui/diff/revisionpreview.h"
#include "core/safety/issue.h"

#include <QWidget>

class QCheckBox;
class QSyntaxHighlighter;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace strata::ui {

class CodeView;
class LintView;
class SideBySideDiff;
class SqlScriptView;

// The right side of the window: for the selected revision, the schema
// before and after side by side, the upgrade and downgrade SQL for the
// dialect chosen in the combo box, and the revision file itself. It shows a
// RevisionPreview and the lint findings it is given; it computes nothing.
class DiffPane : public QWidget
{
    Q_OBJECT
public:
    enum Tab { SchemaTab, UpgradeTab, DowngradeTab, FileTab, LintTab };

    explicit DiffPane(QWidget *parent = nullptr);

    void setPreview(const RevisionPreview &preview);
    bool hasPreview() const { return m_hasPreview; }
    // Replaces every tab with one line of text (no selection, or an error).
    void showMessage(const QString &text);
    // The Lint tab: the findings of the revision(s) shown; its title counts them.
    void setLintFindings(const QList<Issue> &findings);
    // Lint has not finished yet for this project.
    void showLintPending();
    // The revision is older than the newest `limit`, which is all lint covers in the studio.
    void showLintSkipped(int limit, const QString &revision);

    DialectKind dialect() const;
    // Selects the dialect in the combo box without emitting dialectChanged.
    void setDialect(DialectKind kind);

    QTabWidget *tabs() const { return m_tabs; }
    SideBySideDiff *schemaDiff() const { return m_schema; }
    LintView *lintView() const { return m_lint; }
    SqlScriptView *upgradeView() const { return m_upgrade; }
    SqlScriptView *downgradeView() const { return m_downgrade; }
    // The schema tab: unified (one column) instead of side by side.
    void setUnified(bool unified);
    // Next/previous change of the schema diff (Alt+Down, Alt+Up); false when there is none.
    bool nextChange();
    bool previousChange();
    // The whole scripts, version-table set-up included, whatever the tabs fold.
    QString upgradeText() const;
    QString downgradeText() const;
    QString fileText() const;
    // The text Copy and Save-as act on: the current tab's (for the schema, the DDL after).
    QString currentText() const;

Q_SIGNALS:
    void dialectChanged(strata::DialectKind kind);

private:
    void refold();
    void openFold(int foldedFrom);
    void copy();
    void saveAs();
    static QString sqlText(const Result<QString> &sql);

    QLabel *m_title;
    QComboBox *m_dialect;
    QCheckBox *m_fold;
    QCheckBox *m_unified;
    QToolButton *m_previous;
    QToolButton *m_next;
    QPushButton *m_copy;
    QPushButton *m_save;
    QPushButton *m_openFile;
    QTabWidget *m_tabs;
    SideBySideDiff *m_schema;
    SqlScriptView *m_upgrade;
    SqlScriptView *m_downgrade;
    CodeView *m_file;
    LintView *m_lint;
    QLabel *m_filePath;
    RevisionPreview m_preview;
    bool m_hasPreview = false;
    QSyntaxHighlighter *m_fileHighlighter = nullptr;
    bool m_fileIsPython = false;
    QList<int> m_openFolds;   // the folds opened by a click, by foldedFrom
};

} // namespace strata::ui
