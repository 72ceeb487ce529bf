#pragma once

#include <QSyntaxHighlighter>

namespace strata::ui {

// Python colouring for Alembic revision scripts shown in the Revision file
// tab: keywords, strings (triple-quoted docstrings across lines), numbers,
// comments. A YAML colouring made the docstring's "Revises:" a key.
class PythonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit PythonHighlighter(QTextDocument *document, const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
};

} // namespace strata::ui
