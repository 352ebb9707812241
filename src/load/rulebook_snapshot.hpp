// A loaded rulebook as bytes and back (issue 19): `resolve` restores the
// model from the cache of loaded rulebooks instead of parsing its TOML again.
// The encoding is described at the top of rulebook_snapshot.cpp; it is only
// ever read by the build that wrote it (the cache key holds the build id).
#pragma once

#include <string>
#include <string_view>

#include "model/rulebook.hpp"

namespace fineprint::load {

// The loaded rulebook as bytes, for the cache of loaded rulebooks (issue 19):
// every field of model::Rulebook except `files` (the cache keeps them) and
// `store.zone` (a pointer into date's database; the caller locates it again).
std::string write_snapshot(const model::Rulebook& rulebook);

// Restores what write_snapshot wrote into `rulebook` (whose `files` and
// `store.zone` are left as they are). False, with `rulebook`'s other fields
// unspecified, when the bytes are not a whole snapshot of this format:
// truncated, trailing bytes, a count larger than what remains, an enum value
// out of range, ... Never throws on bad bytes (std::bad_alloc aside), never
// reads out of bounds.
bool read_snapshot(std::string_view bytes, model::Rulebook& rulebook);

}  // namespace fineprint::load
