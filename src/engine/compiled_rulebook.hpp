// What deciding needs of a rulebook and that is the same for every claim,
// computed once per rulebook (issue 21): the promotion index, the digest and
// the program's version for the decision record, the promotion ids for
// did-you-mean. `batch`, `resolve` of several claims, `test` and `price`
// build one and decide every claim with it.
#pragma once

#include <string>
#include <vector>

#include "engine/promotion_index.hpp"
#include "model/rulebook.hpp"

namespace fineprint::engine {

// How pricing finds the promotions an order may get: through the index, or
// by considering every promotion (the reference the index is tested against).
enum class PromotionLookup { indexed, every_promotion };

struct CompiledRulebook {
  explicit CompiledRulebook(const model::Rulebook& rulebook,
                            PromotionLookup lookup = PromotionLookup::indexed);

  const model::Rulebook& rulebook;  // must outlive this, and every Decision made with it
  PromotionLookup lookup;
  PromotionIndex promotions;
  std::string digest;                      // "sha256:…" (rulebook_digest)
  std::string version;                     // program_version()
  std::vector<std::string> promotion_ids;  // in file order, for did-you-mean
};

}  // namespace fineprint::engine
