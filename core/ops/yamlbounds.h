#pragma once

#include "core/error.h"

#include <string>

namespace strata::yaml {

// Limits a YAML text must keep before its nodes reach a recursive reader:
// yaml-cpp shares an aliased node rather than copying it, but every walk over
// the tree (the operation parser, the quote check) visits it once per alias,
// so a few hundred bytes of nested aliases ("billion laughs") mean billions
// of visits, and an alias inside its own anchor (`&a [*a]`) never ends.
struct Bounds
{
    int maxDepth = 64;                 // nested lists and mappings
    int maxAliases = 1000;
    qint64 maxExpandedNodes = 200000;  // nodes the aliases add once expanded (written-out nodes are free)
};

// Fails with an Input error at file:line:col where a limit is passed or an
// alias refers to a node that contains it. A text whose bytes prove it within
// the limits (no anchors, little nesting: most revision files) passes at
// once; any other is read event by event (no tree is built), and a syntax
// error there is thrown as YAML::Exception, as YAML::Load would throw it.
Status checkBounds(const std::string &text, const QString &file, const Bounds &bounds = {});

} // namespace strata::yaml
