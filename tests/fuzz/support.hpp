// What the claim targets share: the bundled rulebook, loaded once.
#pragma once

#include <string>

#include "load/rulebook_loader.hpp"

namespace fineprint::fuzz {

// rules/ of the source tree (FINEPRINT_SOURCE_DIR), loaded on first use; a
// rulebook that fails to load is a broken build, reported and aborted.
const load::LoadedRulebook& bundled_rulebook();
const std::string& bundled_digest();

}  // namespace fineprint::fuzz
