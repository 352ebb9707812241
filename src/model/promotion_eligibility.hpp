// The promotion rules every reader of a promotion shares (docs/semantics.md
// §2.2–2.3): which lines are in scope, which promotions combine, the order
// they are considered in, and the candidate test. The engine prices with
// them, the analysis reasons with them, and the exactness test's brute force
// checks the analysis against them, so there is one reading, not four.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/instant.hpp"
#include "core/money.hpp"
#include "model/rulebook.hpp"

namespace fineprint::model {

bool codes_equal(std::string_view a, std::string_view b);  // ASCII case-insensitive

// A line of `category` and `sku` is in `scope` (absent scope: every line).
bool in_scope(const ProductScope& scope, std::string_view category, std::string_view sku);

// §2.3: a and b are combinable when each admits the other.
bool combinable(const Promotion& a, const Promotion& b);

// §2.3: a is considered before b (priority descending, then id byte-wise).
bool considered_before(const Promotion& a, const Promotion& b);

// The positions of `promotions` in the order they are considered (§2.3).
std::vector<std::size_t> consideration_order(const std::vector<Promotion>& promotions);

// §2.2 window: starts <= placed_at < ends (absent ends: open-ended).
bool open_at(const Promotion& p, core::Instant placed_at);
// §2.2 channels: absent, or `channel` is listed.
bool sold_on(const Promotion& p, std::string_view channel);

// What the candidate test reads of an order and its customer (§2.2), the
// scoped lines already summed.
struct CandidateFacts {
  core::Instant placed_at{};
  std::string_view channel;
  const std::vector<std::string>* codes = nullptr;
  const std::vector<std::string>* segments = nullptr;
  std::optional<std::int64_t> orders_before;  // absent: not known
  std::size_t scoped_lines = 0;
  core::Minor scoped_subtotal = 0;  // list amounts
  std::int64_t scoped_units = 0;
  std::int64_t redemptions = 0;  // of this promotion, by this customer
};

// The candidate conditions of §2.2, in the order a failure is recorded.
// `benefit` stands for a promotion without a single benefit (it never loads).
enum class Condition {
  window,
  channels,
  code,
  segments,
  first_order_only,
  products,
  min_subtotal,
  min_quantity,
  limit_per_customer,
  benefit
};

// The promotion key a condition comes from, as decision records name it.
std::string_view condition_key(Condition condition);

// Every condition P fails for these facts, in the spec's order; empty: P is
// a candidate.
std::vector<Condition> candidate_failures(const Promotion& p, const CandidateFacts& facts);

// The tier whose min_subtotal is the largest not above `subtotal`, if any.
const Tier* pick_tier(const Benefit& benefit, core::Minor subtotal);

}  // namespace fineprint::model
