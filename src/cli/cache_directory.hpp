// Where `resolve`, `reply`, `price`, `terms`, `batch` and `claim new` keep
// loaded rulebooks between runs (load/rulebook_cache.hpp, docs/config.md
// "The cache"), from the environment, as the XDG base directory
// specification and ruff's RUFF_NO_CACHE / RUFF_CACHE_DIR have it:
//   FINEPRINT_NO_CACHE set (not empty): no cache;
//   FINEPRINT_CACHE_DIR: that directory;
//   $XDG_CACHE_HOME/fineprint when XDG_CACHE_HOME is an absolute path;
//   $HOME/.cache/fineprint; with no HOME either, no cache.
#pragma once

#include "load/rulebook_cache.hpp"

namespace fineprint::cli {

load::RulebookCache rulebook_cache();

}  // namespace fineprint::cli
