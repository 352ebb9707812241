#include "support.hpp"

#include <cstdio>
#include <cstdlib>

#include "engine/decision.hpp"
#include "targets.hpp"

namespace fineprint::fuzz {

void property_broken(const char* what) {
  std::fprintf(stderr, "fineprint fuzz: property broken: %s\n", what);
  std::abort();
}

const load::LoadedRulebook& bundled_rulebook() {
  static const load::LoadedRulebook loaded = [] {
    auto out = load::load_rulebook({std::string(FINEPRINT_SOURCE_DIR) + "/rules"});
    require(out.ok(), "the bundled rules/ load without errors");
    return out;
  }();
  return loaded;
}

const engine::CompiledRulebook& bundled_compiled() {
  static const engine::CompiledRulebook compiled(bundled_rulebook().rulebook);
  return compiled;
}

const engine::CompiledRulebook& bundled_reference() {
  static const engine::CompiledRulebook compiled(bundled_rulebook().rulebook,
                                                 engine::PromotionLookup::every_promotion);
  return compiled;
}

}  // namespace fineprint::fuzz
