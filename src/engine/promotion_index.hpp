// A rulebook's promotions compiled once for pricing (docs/architecture.md,
// "The promotion index"): in the order of consideration (§2.3), indexed by
// window and channel, so that an order is priced against the promotions open
// when and where it was placed, not against the store's whole history; and by
// id and code for promotion claims.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/instant.hpp"
#include "engine/window_index.hpp"
#include "model/rulebook.hpp"

namespace fineprint::engine {

class PromotionIndex {
 public:
  explicit PromotionIndex(const std::vector<model::Promotion>& promotions);

  // Every promotion in the order of consideration; a promotion's rank is its
  // position here.
  const std::vector<const model::Promotion*>& in_order() const { return order_; }

  // The ranks, ascending, of the promotions whose window holds `placed_at`
  // and that are sold on `channel` (model::open_at, model::sold_on): the
  // only ones that can be candidates for such an order.
  std::vector<std::uint32_t> open(core::Instant placed_at, std::string_view channel) const;

  // The promotion with this id, or null (the first in the files, as before).
  const model::Promotion* by_id(std::string_view id) const;
  // The promotion a code names (ASCII case-insensitive): of several, the
  // first considered (promo/code-collision); null when none.
  const model::Promotion* by_code(std::string_view code) const;

 private:
  std::vector<const model::Promotion*> order_;
  WindowIndex every_channel_;                                // promotions without `channels`
  std::map<std::string, WindowIndex, std::less<>> channel_;  // the others, per channel listed
  std::unordered_map<std::string_view, const model::Promotion*> ids_;
  std::unordered_map<std::string, const model::Promotion*> codes_;  // key: the code in lower case
};

}  // namespace fineprint::engine
