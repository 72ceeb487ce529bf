#include "ui/generate/generatedialog.h"

#include "core/dialect/dialect.h"
#include "ui/diff/codeview.h"
#include "ui/diff/sqlhighlighter.h"
#include "core/project/project.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace strata::ui {

GenerateMigrationDialog::GenerateMigrationDialog(std::shared_ptr<const Project> project, DialectKind dialect,
                                                 QWidget *parent)
    : QDialog(parent), m_project(std::move(project)), m_message(new QLineEdit(this)), m_dialect(new QComboBox(this)),
      m_summary(new QLabel(this)), m_detected(new QPlainTextEdit(this)), m_tabs(new QTabWidget(this)),
      m_sql(new CodeView(this)), m_downgrade(new CodeView(this)), m_file(new QPlainTextEdit(this)),
      m_lint(new QPlainTextEdit(this)), m_write(new QPushButton(tr("&Write file"), this))
{
    setWindowTitle(tr("Generate migration"));
    m_message->setObjectName(u"generateMessage"_s);
    m_message->setPlaceholderText(tr("What the revision does, e.g. Add streaks"));
    m_dialect->setObjectName(u"generateDialect"_s);
    for (DialectKind kind : dialectKinds())
        m_dialect->addItem(dialectTitle(kind), int(kind));
    m_dialect->setCurrentIndex(std::max(0, int(m_dialect->findData(int(dialect)))));
    m_summary->setObjectName(u"generateSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detected->setObjectName(u"generateDetected"_s);
    m_detected->setReadOnly(true);
    m_detected->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sql->setObjectName(u"generateSql"_s);
    m_sql->setReadOnly(true);
    new SqlHighlighter(m_sql->document(), m_sql->palette());
    m_downgrade->setObjectName(u"generateDowngrade"_s);
    m_downgrade->setReadOnly(true);
    new SqlHighlighter(m_downgrade->document(), m_downgrade->palette());
    for (QPlainTextEdit *text : {m_file, m_lint}) {
        text->setReadOnly(true);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        text->setFont(m_sql->font());
    }
    m_file->setObjectName(u"generateFile"_s);
    m_lint->setObjectName(u"generateLint"_s);
    m_tabs->setObjectName(u"generateTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_sql, tr("Upgrade SQL"));
    m_tabs->addTab(m_downgrade, tr("Downgrade SQL"));
    m_tabs->addTab(m_file, tr("Revision file"));
    m_tabs->addTab(m_lint, tr("Lint"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Message:"), m_message);
    form->addRow(tr("&Dialect:"), m_dialect);

    auto *preview = new QSplitter(Qt::Vertical, this);
    preview->addWidget(m_detected);
    preview->addWidget(m_tabs);
    preview->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    // An action button: only writeFile() accepts, once the file is written.
    buttons->addButton(m_write, QDialogButtonBox::ActionRole);
    m_write->setObjectName(u"generateWrite"_s);
    m_write->setDefault(true);
    connect(m_write, &QPushButton::clicked, this, &GenerateMigrationDialog::writeFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(preview, 1);
    layout->addWidget(buttons);

    connect(m_message, &QLineEdit::textChanged, this, &GenerateMigrationDialog::updateButtons);
    connect(m_message, &QLineEdit::textChanged, this, &GenerateMigrationDialog::updateFileText);
    connect(m_dialect, &QComboBox::currentIndexChanged, this, &GenerateMigrationDialog::refresh);
    resize(760, 560);
    refresh();
}

void GenerateMigrationDialog::refresh()
{
    m_draft = draftMigration(*m_project, *Dialect::forKind(dialect()));
    if (!m_draft) {
        m_summary->setText(m_draft.error().toString());
        m_detected->clear();
        m_sql->clear();
        m_downgrade->clear();
    } else if (!m_draft->hasChanges()) {
        const bool unsupported = !m_draft->diff.unsupported.isEmpty();
        m_summary->setText(unsupported ? tr("No changes detected that an operation can express.")
                                       : tr("No changes detected: models.yaml matches head."));
        m_detected->setPlainText(m_draft->diff.unsupported.join(u'\n'));
        m_sql->clear();
        m_downgrade->clear();
    } else {
        const auto &draft = *m_draft;
        const QString head = draft.parents.isEmpty() ? tr("base") : draft.parents.first().left(12);
        const qsizetype count = draft.diff.upgrade.size();
        const QString operations = count == 1 ? tr("1 operation") : tr("%1 operations").arg(count);
        m_summary->setText(tr("%1 on top of %2. Review them, then write the file.").arg(operations, head));
        QStringList lines = draft.detected;
        lines << QString() << tr("Operations:");
        for (const QString &op : draft.operations)
            lines << u"  "_s + op;
        for (const QString &warning : draft.diff.warnings)
            lines << tr("Warning: %1").arg(warning);
        for (const PossibleRename &rename : draft.diff.possibleRenames)
            lines << tr("Possible rename: %1.%2 -> %3 (the file will say how to keep the data)")
                         .arg(rename.table, rename.dropped, rename.added);
        for (const QString &difference : draft.diff.unsupported)
            lines << tr("Not generated: %1").arg(difference);
        m_detected->setPlainText(lines.join(u'\n'));
        m_sql->setPlainText(draft.sql ? *draft.sql : u"-- cannot render: "_s + draft.sql.error().toString());
        m_downgrade->setPlainText(draft.downgradeSql ? *draft.downgradeSql
                                                     : u"-- cannot render: "_s + draft.downgradeSql.error().toString());
    }
    showLint();
    updateFileText();
    updateButtons();
}

void GenerateMigrationDialog::showLint()
{
    const QList<Issue> issues = m_draft ? m_draft->lint : QList<Issue>();
    QStringList lines;
    qsizetype errors = 0;
    for (const Issue &issue : issues) {
        errors += issue.severity == Issue::Severity::Error ? 1 : 0;
        lines << issue.toString();
    }
    const bool clean = m_draft && m_draft->hasChanges() && issues.isEmpty();
    m_lint->setPlainText(clean ? tr("No findings: lint has nothing to say about this revision.") : lines.join(u'\n'));
    m_tabs->setTabText(3, issues.isEmpty() ? tr("Lint") : tr("Lint (%1)").arg(issues.size()));
    if (errors > 0)
        m_summary->setText(m_summary->text() + u' '
                           + (errors == 1 ? tr("Lint found an error: see the Lint tab before writing.")
                                          : tr("Lint found %1 errors: see the Lint tab before writing.").arg(errors)));
}

void GenerateMigrationDialog::updateFileText()
{
    if (!m_draft || !m_draft->hasChanges()) {
        m_file->clear();
        return;
    }
    const QString message = m_message->text().trimmed();
    m_file->setPlainText(draftFileText(*m_draft, message.isEmpty() ? tr("(your message)") : message));
}

void GenerateMigrationDialog::updateButtons()
{
    m_write->setEnabled(canWrite());
    m_write->setToolTip(m_message->text().trimmed().isEmpty() ? tr("Type a message first") : QString());
}

bool GenerateMigrationDialog::canWrite() const
{
    return m_draft && m_draft->hasChanges() && !m_message->text().trimmed().isEmpty();
}

bool GenerateMigrationDialog::writeFile()
{
    if (!m_draft || !canWrite())
        return false;
    auto written = writeMigration(*m_project, *m_draft, m_message->text());
    if (!written) {
        m_summary->setText(written.error().toString());
        return false;
    }
    m_written = *written;
    Q_EMIT migrationWritten(m_written.revisionId, m_written.path);
    accept();
    return true;
}

QString GenerateMigrationDialog::summaryText() const { return m_summary->text(); }
QString GenerateMigrationDialog::detectedText() const { return m_detected->toPlainText(); }
QString GenerateMigrationDialog::sqlText() const { return m_sql->toPlainText(); }
QString GenerateMigrationDialog::downgradeText() const { return m_downgrade->toPlainText(); }
QString GenerateMigrationDialog::fileText() const { return m_file->toPlainText(); }
QString GenerateMigrationDialog::lintText() const { return m_lint->toPlainText(); }
DialectKind GenerateMigrationDialog::dialect() const { return DialectKind(m_dialect->currentData().toInt()); }

void GenerateMigrationDialog::setDialect(DialectKind kind)
{
    const int index = m_dialect->findData(int(kind));
    if (index >= 0)
        m_dialect->setCurrentIndex(index);
}

} // namespace strata::ui
