#include "ui/safety/roundtripview.h"

#include "ui/run/runrequest.h"
#include "ui/theme/themecolors.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

enum Column { ResultColumn, StepColumn, MessageColumn };

// A child row that spans the whole width: one thing that differed.
void addDetail(QTreeWidgetItem *parent, const QString &text, const QColor &colour)
{
    auto *item = new QTreeWidgetItem(parent);
    item->setText(ResultColumn, text);
    item->setToolTip(ResultColumn, text);
    item->setForeground(ResultColumn, colour);
    item->setFirstColumnSpanned(true);
}

} // namespace

RoundtripView::RoundtripView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_table(new QTreeWidget(this))
{
    setObjectName(u"roundtripView"_s);
    m_summary->setObjectName(u"roundtripSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(u"roundtripTable"_s);
    m_table->setHeaderLabels({tr("Result"), tr("Step"), tr("Message")});
    m_table->setRootIsDecorated(true);
    m_table->setAlternatingRowColors(true);
    m_table->header()->setStretchLastSection(true);
    m_table->header()->setSectionResizeMode(ResultColumn, QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(StepColumn, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    clear();
}

void RoundtripView::clear()
{
    m_table->clear();
    m_summary->setStyleSheet({});
    m_summary->setText(tr("No round-trip yet. Select a revision and use Revision > Round-trip selected: every step up "
                          "to it is upgraded, downgraded and upgraded again on a scratch copy, and compared with the "
                          "schema its revisions describe."));
}

void RoundtripView::showFailure(const QString &cause)
{
    m_table->clear();
    m_summary->setStyleSheet(u"color: %1"_s.arg(ThemeColors::error(palette()).name()));
    m_summary->setText(tr("The round-trip did not run: %1").arg(cause));
}

void RoundtripView::showRunning(const QString &description)
{
    m_table->clear();
    m_summary->setStyleSheet({});
    m_summary->setText(description + u"…"_s);
}

void RoundtripView::setReport(const RoundTripOutcome &report)
{
    m_table->clear();
    const QColor failColour = ThemeColors::error(palette());
    const QColor passColour = ThemeColors::success(palette());
    const int failed = report.failedCount();
    const auto total = report.steps.size();
    QString text;
    if (total == 0 && report.error)
        text = tr("The round-trip of %1 stopped: %2").arg(report.target.left(12), report.error->toString());
    else if (total == 0)
        text = tr("Nothing to verify up to %1.").arg(report.target.left(12));
    else if (failed == 0)
        text = tr("%1 of %1 steps passed up to %2.").arg(total).arg(report.target.left(12));
    else
        text = tr("%1 of %2 steps failed up to %3.").arg(failed).arg(total).arg(report.target.left(12));
    // Why it ended where it did, when a step could not even run.
    if (total > 0 && failed == 0 && report.error)   // with failed steps the error only sums them up
        text += u' ' + tr("It stopped: %1").arg(report.error->toString());
    text += u' ' + (report.onScratchCopy ? tr("Ran on a %1, dropped afterwards; the database was not touched.")
                                             .arg(report.where)
                                       : tr("Ran on the real database %1.").arg(report.where));
    m_summary->setStyleSheet(failed > 0 || report.error
                                 ? u"color: %1"_s.arg(ThemeColors::error(palette()).name()) : QString());
    m_summary->setText(text);

    for (const RoundtripStep &step : report.steps) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(ResultColumn, step.passed ? tr("pass") : tr("FAIL"));
        item->setForeground(ResultColumn, step.passed ? passColour : failColour);
        QFont bold = item->font(ResultColumn);
        bold.setBold(true);
        item->setFont(ResultColumn, bold);
        item->setText(StepColumn, step.arrow);
        item->setText(MessageColumn, step.message);
        item->setToolTip(MessageColumn, step.message);
        for (const QString &problem : step.problems)
            addDetail(item, problem, failColour);
        item->setExpanded(!step.passed);
    }
    // After the steps: a note on the database, not a result of the round-trip.
    if (!report.driftBefore.isEmpty()) {
        auto *drift = new QTreeWidgetItem(m_table);
        drift->setText(ResultColumn, tr("The database had drifted before the round-trip (left out of the checks):"));
        drift->setFirstColumnSpanned(true);
        for (const QString &line : report.driftBefore)
            addDetail(drift, line, ThemeColors::warning(palette()));
        drift->setExpanded(true);
    }
}

QString RoundtripView::summary() const { return m_summary->text(); }

} // namespace strata::ui
