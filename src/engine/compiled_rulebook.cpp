#include "engine/compiled_rulebook.hpp"

#include "engine/decision.hpp"

namespace fineprint::engine {

CompiledRulebook::CompiledRulebook(const model::Rulebook& rulebook, PromotionLookup lookup)
    : rulebook(rulebook),
      lookup(lookup),
      promotions(rulebook.promotions),
      digest(rulebook_digest(rulebook)),
      version(program_version()) {
  for (const auto& p : rulebook.promotions) promotion_ids.push_back(p.id.value);
}

}  // namespace fineprint::engine
