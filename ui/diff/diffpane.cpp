#include "ui/diff/diffpane.h"

#include "ui/diff/codeview.h"
#include "ui/diff/sidebysidediff.h"
#include "ui/diff/pythonhighlighter.h"
#include "ui/diff/sqlhighlighter.h"
#include "ui/diff/sqlscriptview.h"
#include "core/dialect/dialect.h"
#include "ui/safety/lintview.h"
#include "ui/safety/severitystyle.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QTabWidget>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {


} // namespace

DiffPane::DiffPane(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_dialect(new QComboBox(this)),
      m_fold(new QCheckBox(tr("Fold unchanged"), this)), m_unified(new QCheckBox(tr("Unified"), this)),
      m_previous(new QToolButton(this)), m_next(new QToolButton(this)), m_copy(new QPushButton(tr("Copy"), this)),
      m_save(new QPushButton(tr("Save as…"), this)), m_openFile(new QPushButton(tr("Open in editor"), this)),
      m_tabs(new QTabWidget(this)), m_schema(new SideBySideDiff(this)), m_upgrade(new SqlScriptView(this)),
      m_downgrade(new SqlScriptView(this)), m_file(new CodeView(this)), m_lint(new LintView(this)),
      m_filePath(new QLabel(this))
{
    setObjectName(u"diffPane"_s);
    m_title->setObjectName(u"diffTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setMinimumWidth(40);

    m_dialect->setObjectName(u"dialectCombo"_s);
    m_dialect->setToolTip(tr("The dialect the SQL is rendered for"));
    for (DialectKind kind : dialectKinds())
        m_dialect->addItem(dialectTitle(kind), int(kind));
    connect(m_dialect, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT dialectChanged(dialect()); });
    m_fold->setObjectName(u"foldCheck"_s);
    m_fold->setChecked(true);
    m_fold->setToolTip(tr("Show only the changed lines of the schema and a few around them"));
    connect(m_fold, &QCheckBox::toggled, this, &DiffPane::refold);
    m_unified->setObjectName(u"unifiedCheck"_s);
    m_unified->setToolTip(tr("One column: removed lines marked -, added lines marked +"));
    connect(m_unified, &QCheckBox::toggled, m_schema, &SideBySideDiff::setUnified);
    connect(m_schema, &SideBySideDiff::foldActivated, this, &DiffPane::openFold);
    const auto navigation = [this](QToolButton *button, Qt::ArrowType arrow, const QString &tip, const QKeySequence &keys,
                                   bool (DiffPane::*go)()) {
        button->setArrowType(arrow);
        button->setAutoRaise(true);
        button->setToolTip(u"%1 (%2)"_s.arg(tip, keys.toString(QKeySequence::NativeText)));
        connect(button, &QToolButton::clicked, this, go);
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, go);
    };
    navigation(m_previous, Qt::UpArrow, tr("Previous change"), QKeySequence(Qt::ALT | Qt::Key_Up), &DiffPane::previousChange);
    navigation(m_next, Qt::DownArrow, tr("Next change"), QKeySequence(Qt::ALT | Qt::Key_Down), &DiffPane::nextChange);
    m_copy->setIcon(QIcon(u":/icons/copy.svg"_s));
    m_copy->setToolTip(tr("Copy the text of this tab"));
    connect(m_copy, &QPushButton::clicked, this, &DiffPane::copy);
    m_save->setIcon(QIcon(u":/icons/save.svg"_s));
    m_save->setToolTip(tr("Save the text of this tab as a script"));
    connect(m_save, &QPushButton::clicked, this, &DiffPane::saveAs);
    connect(m_openFile, &QPushButton::clicked, this, [this] {
        if (m_hasPreview)
            QDesktopServices::openUrl(QUrl::fromLocalFile(m_preview.filePath));
    });

    m_upgrade->setObjectName(u"upgradeSql"_s);
    m_downgrade->setObjectName(u"downgradeSql"_s);
    m_file->setObjectName(u"revisionFile"_s);
    new SqlHighlighter(m_upgrade->document(), palette());
    new SqlHighlighter(m_downgrade->document(), palette());
    m_fileHighlighter = new YamlHighlighter(m_file->document(), palette());

    auto *fileTab = new QWidget(this);
    auto *fileLayout = new QVBoxLayout(fileTab);
    fileLayout->setContentsMargins(0, 4, 0, 0);
    auto *fileBar = new QHBoxLayout;
    m_filePath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fileBar->addWidget(m_filePath, 1);
    fileBar->addWidget(m_openFile);
    fileLayout->addLayout(fileBar);
    fileLayout->addWidget(m_file);

    m_tabs->setObjectName(u"diffTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_schema, tr("Schema"));
    m_tabs->addTab(m_upgrade, tr("Upgrade SQL"));
    m_tabs->addTab(m_downgrade, tr("Downgrade SQL"));
    m_tabs->addTab(fileTab, tr("Revision file"));
    m_tabs->addTab(m_lint, tr("Lint"));
    connect(m_lint, &LintView::openRequested, this, [](const QString &file, int) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(file).absoluteFilePath()));
    });
    // Hidden keeps its place in the bar (no jumping buttons); only the schema tab folds.
    QSizePolicy keepSpace = m_fold->sizePolicy();
    keepSpace.setRetainSizeWhenHidden(true);
    m_fold->setSizePolicy(keepSpace);
    for (QWidget *w : std::initializer_list<QWidget *>{m_unified, m_previous, m_next})
        w->setSizePolicy(keepSpace);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        for (QWidget *w : std::initializer_list<QWidget *>{m_fold, m_unified, m_previous, m_next})
            w->setVisible(tab == SchemaTab);
    });

    // The title gets a row of its own so a narrow window does not clip it.
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_fold);
    bar->addWidget(m_unified);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Dialect:"), this));
    bar->addWidget(m_dialect);
    bar->addWidget(m_copy);
    bar->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(bar);
    layout->addWidget(m_tabs);
    showMessage(tr("Select a revision on the timeline."));
}

QString DiffPane::sqlText(const Result<QString> &sql)
{
    return sql ? *sql : u"-- This step cannot be rendered:\n-- "_s + sql.error().toString().replace(u'\n', u"\n-- "_s);
}

void DiffPane::setPreview(const RevisionPreview &preview)
{
    m_preview = preview;
    m_hasPreview = true;
    m_openFolds.clear();
    if (preview.rangeStart.isEmpty()) {
        m_title->setText(preview.revisionId.left(12) + u"  "_s + preview.message);
        m_title->setToolTip(preview.revisionId + u'\n' + preview.message);
    } else {
        // A range includes its older end's step: the plan starts at that one's parents.
        const QString steps = preview.stepCount == 1 ? tr("1 step") : tr("%1 steps").arg(preview.stepCount);
        m_title->setText(tr("%1 .. %2 (%3, from %4)")
                             .arg(preview.rangeStart.left(12), preview.revisionId.left(12), steps,
                                  preview.beforeLabel));
        m_title->setToolTip(tr("The whole plan from %1 up to %2, as `strata upgrade %1:%2 --sql` prints it; "
                               "%3 is applied first.")
                                .arg(preview.beforeLabel, preview.revisionId, preview.rangeStart));
    }
    refold();
    m_upgrade->setScript(sqlText(preview.upgradeSql));
    m_downgrade->setScript(sqlText(preview.downgradeSql));
    // A Flask-Migrate / Alembic script is Python; a Strata revision is YAML.
    const bool python = preview.filePath.endsWith(u".py"_s);
    if (python != m_fileIsPython) {
        delete m_fileHighlighter;
        m_fileHighlighter = python ? static_cast<QSyntaxHighlighter *>(new PythonHighlighter(m_file->document(), palette()))
                                   : new YamlHighlighter(m_file->document(), palette());
        m_fileIsPython = python;
    }
    m_file->setPlainText(preview.fileText);
    m_filePath->setText(preview.filePath);
    for (QWidget *w : std::initializer_list<QWidget *>{m_copy, m_save, m_openFile, m_fold, m_unified, m_previous, m_next})
        w->setEnabled(true);
}

void DiffPane::refold()
{
    if (!m_hasPreview)
        return;
    const QList<DiffRow> rows = m_fold->isChecked() ? foldUnchanged(m_preview.rows, 3, m_openFolds) : m_preview.rows;
    const QString after = m_preview.revisionId.left(12);
    m_schema->setRows(rows, tr("Before (%1)").arg(m_preview.beforeLabel), tr("After (%1)").arg(after));
}

void DiffPane::openFold(int foldedFrom)
{
    // Only that fold opens; the view stays where it was, the hidden lines appear in place.
    CodeView *view = m_schema->isUnified() ? m_schema->unified() : m_schema->left();
    const int scroll = view->verticalScrollBar()->value();
    m_openFolds << foldedFrom;
    refold();
    view->verticalScrollBar()->setValue(scroll);
}

void DiffPane::setUnified(bool unified) { m_unified->setChecked(unified); }

bool DiffPane::nextChange()
{
    m_tabs->setCurrentIndex(SchemaTab);
    return m_schema->nextChange();
}

bool DiffPane::previousChange()
{
    m_tabs->setCurrentIndex(SchemaTab);
    return m_schema->previousChange();
}

void DiffPane::showMessage(const QString &text)
{
    m_hasPreview = false;
    m_preview = {};
    m_title->setText(text);
    m_title->setToolTip(text);
    m_schema->clear();
    m_upgrade->clearScript();
    m_downgrade->clearScript();
    m_file->clear();
    m_filePath->clear();
    m_lint->clear();
    m_tabs->setTabText(LintTab, tr("Lint"));
    m_tabs->setTabIcon(LintTab, {});
    for (QWidget *w : std::initializer_list<QWidget *>{m_copy, m_save, m_openFile, m_fold, m_unified, m_previous, m_next})
        w->setEnabled(false);
}

void DiffPane::setLintFindings(const QList<Issue> &findings)
{
    m_lint->setFindings(findings);
    m_tabs->setTabText(LintTab, findings.isEmpty() ? tr("Lint") : tr("Lint (%1)").arg(findings.size()));
    m_tabs->setTabIcon(LintTab, findings.isEmpty() ? QIcon() : severityIcon(palette(), worstSeverity(findings)));
}

void DiffPane::showLintPending()
{
    m_lint->showPending();
    m_tabs->setTabText(LintTab, tr("Lint"));
    m_tabs->setTabIcon(LintTab, {});
}

void DiffPane::showLintSkipped(int limit, const QString &revision)
{
    m_lint->showSkipped(limit, revision);
    m_tabs->setTabText(LintTab, tr("Lint"));
    m_tabs->setTabIcon(LintTab, {});
}

DialectKind DiffPane::dialect() const { return DialectKind(m_dialect->currentData().toInt()); }

void DiffPane::setDialect(DialectKind kind)
{
    const int index = m_dialect->findData(int(kind));
    if (index < 0 || index == m_dialect->currentIndex())
        return;
    const QSignalBlocker blocker(m_dialect);
    m_dialect->setCurrentIndex(index);
}

QString DiffPane::upgradeText() const { return m_upgrade->script(); }
QString DiffPane::downgradeText() const { return m_downgrade->script(); }
QString DiffPane::fileText() const { return m_file->toPlainText(); }

QString DiffPane::currentText() const
{
    switch (m_tabs->currentIndex()) {
    case UpgradeTab: return upgradeText();
    case DowngradeTab: return downgradeText();
    case FileTab: return fileText();
    case LintTab: return m_lint->plainText();
    default: return m_preview.afterDdl.join(u'\n') + u'\n';
    }
}

void DiffPane::copy()
{
    QApplication::clipboard()->setText(currentText());
}

void DiffPane::saveAs()
{
    const QString id = m_preview.rangeStart.isEmpty()
                           ? m_preview.revisionId.left(12)
                           : m_preview.rangeStart.left(12) + u'-' + m_preview.revisionId.left(12);
    QString suggested;
    switch (m_tabs->currentIndex()) {
    case UpgradeTab: suggested = u"%1_upgrade.%2.sql"_s.arg(id, dialectName(dialect())); break;
    case DowngradeTab: suggested = u"%1_downgrade.%2.sql"_s.arg(id, dialectName(dialect())); break;
    case FileTab: suggested = QFileInfo(m_preview.filePath).fileName(); break;
    case LintTab: suggested = u"%1_lint.txt"_s.arg(id); break;
    default: suggested = u"%1_schema.%2.sql"_s.arg(id, dialectName(dialect())); break;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save as"), suggested);
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(currentText().toUtf8()) < 0 || !file.commit())
        QMessageBox::warning(this, tr("Save as"), tr("Could not write %1: %2").arg(path, file.errorString()));
}

} // namespace strata::ui
