// Where `resolve`, `reply`, `price`, `terms`, `batch`, `test` and `claim new`
// keep loaded rulebooks between runs (load/rulebook_cache.hpp, docs/config.md
// "The cache of loaded rulebooks"), from the environment, as the XDG base
// directory specification and ruff's RUFF_NO_CACHE / RUFF_CACHE_DIR have it
// (a variable set to "" counts as unset):
//   FINEPRINT_NO_CACHE set: no cache;
//   FINEPRINT_CACHE_DIR: that directory (a relative one from the current one);
//   $XDG_CACHE_HOME/fineprint when XDG_CACHE_HOME is an absolute path;
//   $HOME/.cache/fineprint; with no HOME either, no cache.
#pragma once

#include "load/rulebook_cache.hpp"

namespace fineprint::cli {

load::RulebookCache rulebook_cache();

}  // namespace fineprint::cli
