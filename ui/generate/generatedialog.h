#pragma once

#include "core/workflow/generator.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace strata { class Project; }

namespace strata::ui {

class CodeView;

// Generate migration: a message, a preview of what autogenerate detects (the
// operations, their upgrade and downgrade SQL for the chosen dialect, the
// revision file as it will be written, and what lint says of it), and only
// then "Write file", through the same code as `strata migrate`.
class GenerateMigrationDialog : public QDialog
{
    Q_OBJECT
public:
    GenerateMigrationDialog(std::shared_ptr<const Project> project, DialectKind dialect,
                            QWidget *parent = nullptr);

    QLineEdit *messageEdit() const { return m_message; }
    QString summaryText() const;
    QString detectedText() const;
    QString sqlText() const;
    QString downgradeText() const;
    QString fileText() const;
    QString lintText() const;
    QTabWidget *previewTabs() const { return m_tabs; }
    DialectKind dialect() const;
    void setDialect(DialectKind kind);
    bool canWrite() const;

    // Writes the revision; on success accepts the dialog. False (with the
    // error shown in the dialog) when it cannot.
    bool writeFile();
    const WrittenMigration &written() const { return m_written; }

Q_SIGNALS:
    void migrationWritten(const QString &revisionId, const QString &path);

private:
    void refresh();
    void updateButtons();
    void updateFileText();
    void showLint();

    std::shared_ptr<const Project> m_project;
    QLineEdit *m_message;
    QComboBox *m_dialect;
    QLabel *m_summary;
    QPlainTextEdit *m_detected;
    QTabWidget *m_tabs;
    CodeView *m_sql;
    CodeView *m_downgrade;
    QPlainTextEdit *m_file;
    QPlainTextEdit *m_lint;
    QPushButton *m_write;
    Result<MigrationDraft> m_draft = MigrationDraft();
    WrittenMigration m_written;
};

} // namespace strata::ui
