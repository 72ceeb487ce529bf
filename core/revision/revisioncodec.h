#pragma once

#include "core/revision/bytestream_p.h"
#include "core/revision/revision.h"

namespace strata {

// A parsed revision, operations included, as bytes and back: what the
// revision cache stores so a warm `strata history` need not run the YAML
// parser. Decoding gives a revision equal in every field to the one encoded
// (the tests check this against every revision file in the test corpus).
// The encoding is private to one build of Strata: the cache that holds it is
// keyed by the executable, so no format is kept across versions.
void encodeRevision(ByteWriter &out, const Revision &revision);
// False when the bytes do not decode (an unknown operation kind, a short read).
bool decodeRevision(ByteReader &in, Revision &revision);

// A whole schema the same way: what the models cache stores.
void encodeSchema(ByteWriter &out, const Schema &schema);
bool decodeSchema(ByteReader &in, Schema &schema);

} // namespace strata
