#include "ui/safety/lintview.h"

#include "ui/safety/severitystyle.h"
#include "ui/theme/themecolors.h"

#include <QTextBrowser>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

QString location(const Issue &issue)
{
    return issue.line > 0 ? u"%1:%2"_s.arg(issue.file).arg(issue.line) : issue.file;
}

QUrl iconUrl(Issue::Severity severity) { return QUrl(u"strata-lint:icon/"_s + severityName(severity)); }

} // namespace

LintView::LintView(QWidget *parent) : QWidget(parent), m_browser(new QTextBrowser(this))
{
    setObjectName(u"lintView"_s);
    m_browser->setObjectName(u"lintFindings"_s);
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const QUrlQuery query(url);
        Q_EMIT openRequested(query.queryItemValue(u"file"_s, QUrl::FullyDecoded),
                             query.queryItemValue(u"line"_s).toInt());
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_browser);
    clear();
}

void LintView::setFindings(const QList<Issue> &findings)
{
    if (findings.isEmpty()) {
        showMessage(tr("No lint findings"));
        return;
    }
    m_findings = findings;
    m_message.clear();
    QTextDocument *document = m_browser->document();
    for (const auto severity : {Issue::Severity::Info, Issue::Severity::Warning, Issue::Severity::Error})
        document->addResource(QTextDocument::ImageResource, iconUrl(severity),
                              severityIcon(palette(), severity).pixmap(16, 16).toImage());
    const QString dim = ThemeColors::dimText(palette()).name();
    QString html = u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\">"_s;
    for (const Issue &issue : findings) {
        QUrl link(u"strata-lint:open"_s);
        QUrlQuery query;
        query.addQueryItem(u"file"_s, QString::fromUtf8(QUrl::toPercentEncoding(issue.file)));
        query.addQueryItem(u"line"_s, QString::number(issue.line));
        link.setQuery(query);
        html += u"<tr><td width=\"20\" valign=\"top\"><img src=\"%1\" width=\"16\" height=\"16\" alt=\"%2\"/></td>"
                "<td valign=\"top\"><b>%3</b> <span style=\"color:%4\">%2</span><br/>%5<br/>"
                "<a href=\"%6\">%7</a></td></tr>"_s
                    .arg(iconUrl(issue.severity).toString(), severityTitle(issue.severity), issue.code.toHtmlEscaped(),
                         dim, issue.text.toHtmlEscaped(), link.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                         location(issue).toHtmlEscaped());
    }
    m_browser->setHtml(html + u"</table>"_s);
}

void LintView::showPending() { showMessage(tr("Lint is running…")); }

void LintView::showSkipped(int limit, const QString &revision)
{
    showMessage(tr("The studio lints the newest %1 revisions; for this one run `strata lint %2`.")
                    .arg(limit)
                    .arg(revision.left(12)));
}

void LintView::clear() { showMessage({}); }

void LintView::showMessage(const QString &text)
{
    m_findings.clear();
    m_message = text;
    m_browser->setHtml(text.isEmpty() ? QString()
                                      : u"<p align=\"center\" style=\"color:%1\"><br/>%2</p>"_s.arg(
                                            ThemeColors::dimText(palette()).name(), text.toHtmlEscaped()));
}

QString LintView::plainText() const
{
    if (m_findings.isEmpty())
        return m_message + u'\n';
    QStringList lines;
    for (const Issue &issue : m_findings)
        lines << location(issue) + u": "_s + issue.toString();
    return lines.join(u'\n') + u'\n';
}

} // namespace strata::ui
