// What the claim targets share: the bundled rulebook, loaded once.
#pragma once

#include <string>

#include "engine/compiled_rulebook.hpp"
#include "load/rulebook_loader.hpp"

namespace fineprint::fuzz {

// rules/ of the source tree (FINEPRINT_SOURCE_DIR), loaded on first use; a
// rulebook that fails to load is a broken build, reported and aborted.
const load::LoadedRulebook& bundled_rulebook();
// It compiled once, with the promotion index; and with every promotion
// considered for every order, the reference the index must agree with.
const engine::CompiledRulebook& bundled_compiled();
const engine::CompiledRulebook& bundled_reference();

}  // namespace fineprint::fuzz
