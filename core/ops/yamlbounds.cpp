#include "core/ops/yamlbounds.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <QHash>
#include <QList>

#include <algorithm>
#include <sstream>

using namespace Qt::StringLiterals;

namespace strata::yaml {

namespace {

// Thrown from inside the parser's callbacks: the only way to stop it early.
struct Exceeded
{
    YAML::Mark mark;
    QString message;
    QString hint;
};

class BoundsHandler : public YAML::EventHandler
{
public:
    explicit BoundsHandler(const Bounds &bounds) : m_bounds(bounds) {}

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, const std::string &) override
    {
        leaf(mark, anchor);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (++m_aliases > m_bounds.maxAliases) {
            throw Exceeded{mark, u"more than %1 aliases (*name) in one file"_s.arg(m_bounds.maxAliases),
                           u"write the values out instead of repeating aliases"_s};
        }
        for (const Frame &frame : std::as_const(m_open)) {
            if (frame.anchor == anchor && anchor != 0) {
                throw Exceeded{mark, u"this alias refers to a node that contains it, which never ends"_s,
                               u"an alias can only repeat a node that is complete before it"_s};
            }
        }
        const qint64 nodes = m_sizes.value(anchor, 1);
        // Only what aliases add is bounded: values written out cost their
        // bytes already, so a long file (a 5,000-table baseline) passes.
        m_fromAliases += nodes;
        if (m_fromAliases > m_bounds.maxExpandedNodes) {
            throw Exceeded{mark, u"the aliases here expand to more than %1 values"_s.arg(m_bounds.maxExpandedNodes),
                           u"a revision file never needs this many; write the values out, without nested aliases"_s};
        }
        add(nodes);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        YAML::anchor_t anchor = 0;
        qint64 size = 1;
    };

    void add(qint64 nodes)
    {
        if (!m_open.isEmpty())
            m_open.last().size += nodes;
    }
    void leaf(const YAML::Mark &, YAML::anchor_t anchor)
    {
        if (anchor != 0)
            m_sizes.insert(anchor, 1);
        add(1);
    }
    void open(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        if (m_open.size() >= m_bounds.maxDepth) {
            throw Exceeded{mark, u"lists and mappings nested more than %1 deep"_s.arg(m_bounds.maxDepth),
                           u"a revision file needs a few levels; check the brackets and the indentation"_s};
        }
        add(1);
        m_open.append(Frame{anchor, 1});
    }
    void close()
    {
        if (m_open.isEmpty())
            return;
        const Frame frame = m_open.takeLast();
        if (frame.anchor != 0)
            m_sizes.insert(frame.anchor, frame.size);
        // The node itself was added to the parent when it opened; its contents now.
        if (!m_open.isEmpty())
            m_open.last().size += frame.size - 1;
    }

    const Bounds &m_bounds;
    QList<Frame> m_open;
    QHash<YAML::anchor_t, qint64> m_sizes;
    qint64 m_fromAliases = 0;   // nodes the aliases repeat, once expanded
    int m_aliases = 0;
};

// Whether the bytes alone prove the text within the bounds, so that yaml-cpp's
// scanner (the costly part of reading YAML) runs once, in YAML::Load, rather
// than twice: it was a quarter of reading 10,000 revision files. No anchor
// ('&') means no alias can expand. Nesting is bounded from above: a flow
// collection needs a '[' or '{'; a block collection inside another starts at
// least one column further right every two levels, and a node's column is at
// most its line's indentation plus two per indicator ("- ", ": ", "? ")
// before it. Every count may include text inside strings or comments, which
// only makes the bound larger: such a text takes the full check.
bool boundedByItsBytes(const std::string &text, const Bounds &bounds)
{
    if (text.find('&') != std::string::npos)
        return false;
    qint64 flowOpeners = 0;
    qint64 widestColumn = 0;
    qint64 indent = 0;
    qint64 indicators = 0;
    bool inIndent = true;
    const auto endLine = [&] {
        widestColumn = std::max(widestColumn, indent + 2 * indicators);
        indent = indicators = 0;
        inIndent = true;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            endLine();
            continue;
        }
        if (inIndent && c == ' ') {
            ++indent;
            continue;
        }
        inIndent = false;
        if (c == '[' || c == '{') {
            ++flowOpeners;
        } else if (c == '-' || c == ':' || c == '?') {
            const char next = i + 1 < text.size() ? text[i + 1] : '\n';
            if (next == ' ' || next == '\n' || next == '\r' || next == '\t')
                ++indicators;
        }
    }
    endLine();
    return flowOpeners + 2 * widestColumn + 2 <= bounds.maxDepth;
}

} // namespace

Status checkBounds(const std::string &text, const QString &file, const Bounds &bounds)
{
    if (boundedByItsBytes(text, bounds))
        return {};
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    BoundsHandler handler(bounds);
    try {
        // The first document only: it is all YAML::Load reads, and on some broken input
        // (",3 \x1c") yaml-cpp's parser hands out empty documents without end.
        parser.HandleNextDocument(handler);
    } catch (const Exceeded &exceeded) {
        return fail(Error::Code::Input, u"not a usable YAML file: "_s + exceeded.message,
                    u"%1:%2:%3"_s.arg(file).arg(exceeded.mark.line + 1).arg(exceeded.mark.column + 1),
                    exceeded.hint);
    }
    return {};
}

} // namespace strata::yaml
