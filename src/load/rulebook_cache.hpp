// The cache of loaded rulebooks (issue 19, docs/decisions.md "A cache of
// loaded rulebooks"): parsing a rulebook's TOML and building the model from it
// was a third of a `resolve` process, and a support desk or a CI job decides
// claim after claim against the same files. A load without any diagnostic is
// kept as a snapshot of the model, named by the SHA-256 of every file read
// (path and bytes) and of this executable's build id; a later load of the
// same bytes by the same build restores it instead of parsing. Whatever does
// not match exactly (a file changed, added or removed, a products file
// changed, another build, the store zone's rules changed in the tz database,
// a damaged or foreign cache file) is a miss, and the rulebook is loaded from
// its files as if there were no cache.
#pragma once

#include <cstddef>
#include <string>

namespace fineprint::load {

struct LoadedRulebook;

// Where snapshots are kept; an empty directory keeps none. The CLI chooses it
// (cli/cache_directory.cpp); tests and fuzzing load without one.
struct RulebookCache {
  std::string directory;
};

// Replaces `loaded.rulebook` (whose files have been read, nothing parsed) by
// its snapshot and locates the store's zone; false, with `loaded` untouched,
// on any miss.
bool restore_rulebook(const RulebookCache& cache, LoadedRulebook& loaded);

// Keeps a snapshot of a rulebook that loaded without a single diagnostic.
// `listed` is how many of its files were read before parsing; the rest (a
// catalog's products file) were read while loading, and a restore reads and
// checks them again. Failing to write is not an error: the cache is only
// ever a shortcut.
void keep_rulebook(const RulebookCache& cache, const LoadedRulebook& loaded, std::size_t listed);

// The most snapshots kept in one directory: writing one more removes the
// oldest, so a cache shared by many rulebook versions stays small.
inline constexpr std::size_t kMaxKeptRulebooks = 32;

}  // namespace fineprint::load
