#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace strata::ui {

// SQL colouring for both dialects: keywords, quoted identifiers, strings,
// numbers, -- and /* */ comments. Colours come from the palette.
class SqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit SqlHighlighter(QTextDocument *document, const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    QList<Rule> m_rules;
    QTextCharFormat m_comment;
};

// YAML colouring for revision files: keys, comments, quoted strings, scalars.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument *document, const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_scalar;
    QTextCharFormat m_comment;
};

} // namespace strata::ui
