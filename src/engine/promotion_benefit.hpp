// One applied promotion's discount D before the max_discount cap (semantics
// §2.4) and the weights D is allocated by (§2.5).
#pragma once

#include <string>
#include <vector>

#include "core/money.hpp"
#include "model/claim.hpp"
#include "model/rulebook.hpp"

namespace fineprint::engine {

struct BenefitInput {
  const model::Order& order;
  const core::Currency& currency;           // for the no_discount explanation
  const std::vector<core::Minor>& current;  // each line's amount after earlier promotions
  core::Minor shipping_current = 0;
  core::Minor scoped_list = 0;  // list subtotal of the promotion's scoped lines: thresholds use it
  core::Rounding rounding = core::Rounding::half_up;
};

struct Benefit {
  core::Minor discount = 0;
  // One per line used, in the same order: what D is allocated by (current
  // amounts; for buy_x_get_y each line's own d_L, §2.5).
  std::vector<core::Minor> weights;
  // When discount is 0 (v1.1: the promotion is not applied and holds no
  // line): why, as the customer reads it.
  std::string nothing_off;
};

// `lines` are the lines the promotion uses (kShippingLine for free_shipping).
Benefit compute_benefit(const model::Promotion& promotion, const std::vector<std::size_t>& lines,
                        const BenefitInput& input);

}  // namespace fineprint::engine
