#include "ui/app/statuspanel.h"

#include "ui/run/databasestate.h"
#include "ui/theme/themecolors.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {


// The progress bar grows with its text up to this, then the step's name is elided.
constexpr int maxProgressWidth = 440;

// The bar's format with its text fitted: the counts, then as much of `what` as fits.
QString fittedFormat(const QProgressBar *bar, const QString &counts, const QString &what)
{
    if (what.isEmpty())
        return counts;
    const QFontMetrics metrics(bar->font());
    const int room = maxProgressWidth - 40 - metrics.horizontalAdvance(counts + u"  "_s);
    return counts + u"  "_s + metrics.elidedText(what, Qt::ElideMiddle, room);
}

// Wide enough for the text the bar shows (its chunk and frame take about 40
// pixels). During a run it only grows: a width that followed every step's
// text laid the status bar out again, and repainted it, ten times a second.
void fitWidth(QProgressBar *bar, const QString &shown, bool growOnly)
{
    const int wanted = std::min(maxProgressWidth, QFontMetrics(bar->font()).horizontalAdvance(shown) + 40);
    if (!growOnly || wanted > bar->minimumWidth())
        bar->setMinimumWidth(wanted);
}

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

StatusPanel::StatusPanel(QWidget *parent)
    : QWidget(parent), m_dialect(new QLabel(this)), m_database(new QLabel(this)), m_revision(new QLabel(this)),
      m_pending(new QLabel(this)), m_safety(new QLabel(this)), m_progress(new QProgressBar(this)), m_cancel(new QToolButton(this))
{
    m_dialect->setObjectName(u"statusDialect"_s);
    m_database->setObjectName(u"statusDatabase"_s);
    m_revision->setObjectName(u"statusRevision"_s);
    m_pending->setObjectName(u"statusPending"_s);
    m_safety->setObjectName(u"statusSafety"_s);
    m_progress->setObjectName(u"runProgress"_s);
    m_cancel->setObjectName(u"cancelRun"_s);
    m_revision->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setMaximumWidth(maxProgressWidth);
    m_progress->setTextVisible(true);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setIcon(QIcon(u":/icons/cancel.svg"_s));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancel->setToolTip(tr("Stop before the next step (the step in flight finishes or rolls back)"));
    connect(m_cancel, &QToolButton::clicked, this, &StatusPanel::cancelRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_dialect);
    layout->addWidget(separator(this));
    layout->addWidget(m_database);
    layout->addWidget(separator(this));
    layout->addWidget(m_revision);
    layout->addWidget(separator(this));
    layout->addWidget(m_pending);
    layout->addWidget(separator(this));
    layout->addWidget(m_safety);
    layout->addStretch(1);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    showIdle();
    showDisconnected();
}

void StatusPanel::showDisconnected()
{
    m_dialect->setText(tr("No database"));
    m_database->setText(tr("Database > Connect… to see where a database is"));
    m_revision->clear();
    m_pending->clear();
    m_safety->clear();
    m_safety->setToolTip({});
}

void StatusPanel::showConnecting(DialectKind dialect, const QString &database)
{
    m_dialect->setText(dialectTitle(dialect));
    m_database->setText(database);
    m_revision->setText(tr("reading…"));
    m_pending->clear();
    m_safety->clear();
    m_safety->setToolTip({});
}

void StatusPanel::showState(const DatabaseState &state, int pendingCount)
{
    m_dialect->setText(dialectTitle(state.dialect));
    m_database->setText(state.databaseName);
    m_database->setToolTip(state.displayUrl);
    QString revision = !state.versioned      ? tr("not versioned (base)")
                     : state.heads.isEmpty() ? tr("at base")
                                             : tr("at %1").arg(state.heads.join(u", "_s));
    if (!state.unknownHeads.isEmpty())
        revision += u"  "_s + tr("(unknown to this project: %1)").arg(state.unknownHeads.join(u", "_s));
    m_revision->setText(revision);
    m_revision->setToolTip({});
    m_pending->setText(pendingCount == 0 ? tr("up to date") : tr("%n pending", nullptr, pendingCount));
    m_safety->setText(strata::ui::safetyText(state.safety));
    m_safety->setToolTip(strata::ui::safetyToolTip(state.safety));
    // Problems in the warning colour; a clean database in the normal text colour.
    QPalette colours = palette();
    if (!state.safety.isClean())
        colours.setColor(QPalette::WindowText, ThemeColors::warning(palette()));
    m_safety->setPalette(colours);
}

void StatusPanel::markStale(const QString &why)
{
    const QString stale = tr("(stale)");
    if (!m_revision->text().endsWith(stale))
        m_revision->setText(m_revision->text() + u' ' + stale);
    m_revision->setToolTip(tr("Could not read the database again; this may be out of date: %1").arg(why));
}

void StatusPanel::showRun(const QString &description)
{
    m_progress->setRange(0, 0);
    const QString shown = fittedFormat(m_progress, {}, description).trimmed();
    m_progress->setFormat(shown);
    m_progress->setToolTip(description);
    fitWidth(m_progress, shown, false);
    m_runStep.clear();
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
}

void StatusPanel::showProgress(int done, int total, const QString &what)
{
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    const QString counts = u"%1 / %2"_s.arg(done).arg(std::max(total, 1));
    // A step's end carries no text: the last step named stays until the next.
    if (!what.isEmpty())
        m_runStep = what;
    const QString shown = fittedFormat(m_progress, counts, m_runStep);
    m_progress->setFormat(shown);
    m_progress->setToolTip(m_runStep);
    fitWidth(m_progress, shown, true);
}

void StatusPanel::showIdle()
{
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
}

QString StatusPanel::revisionText() const { return m_revision->text(); }
QString StatusPanel::pendingText() const { return m_pending->text(); }
QString StatusPanel::safetyText() const { return m_safety->text(); }
QString StatusPanel::safetyToolTip() const { return m_safety->toolTip(); }

} // namespace strata::ui
