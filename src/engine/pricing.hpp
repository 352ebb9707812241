// Pricing an order (docs/semantics.md §2): which promotions are candidates, which
// apply to which lines, their discounts and how each is allocated to lines.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "core/result.hpp"
#include "engine/compiled_rulebook.hpp"
#include "model/claim.hpp"
#include "model/promotion_eligibility.hpp"
#include "model/rulebook.hpp"

namespace fineprint::engine {

// The shipping charge as "one more line" (free_shipping exclusivity).
constexpr std::size_t kShippingLine = std::numeric_limits<std::size_t>::max();

// no_discount (v1.1): a candidate that may use lines but would take nothing
// off them; it is not applied and holds no line.
enum class PromotionStatus { applied, blocked, no_discount, not_candidate };
std::string_view status_name(PromotionStatus status);

// One failing candidate condition (§2.2) told in words (failure_text.hpp).
// `key` is the promotion key it comes from: window, channels, code, segments,
// first_order_only, products, min_subtotal, min_quantity, limit_per_customer.
struct FailedCondition {
  std::string key;
  std::string message;

  bool operator==(const FailedCondition&) const = default;
};

// What the candidate test compared for one promotion (§2.2), kept as numbers
// so that the sentence of a failed condition is written only when something
// prints it.
struct CandidateNumbers {
  core::Minor scoped_subtotal = 0;  // list amounts of the lines in scope
  std::int64_t scoped_units = 0;
  std::int64_t redemptions = 0;  // of this promotion, by this customer
  std::optional<std::int64_t> orders_before;
};

struct Allocation {
  std::string promotion;
  core::Minor amount = 0;
};

// A line (or the shipping line) a promotion could not use, and who held it.
struct HeldLine {
  std::size_t line = 0;  // kShippingLine for shipping
  std::string holder;
};

struct PromotionResult {
  const model::Promotion* promotion = nullptr;
  std::string id;
  PromotionStatus status = PromotionStatus::not_candidate;
  std::vector<model::Condition> failed;  // in the spec's order; words: failed_conditions()
  CandidateNumbers numbers;
  std::string blocked_by;
  std::string no_discount;  // status no_discount: why it takes nothing off
  core::Minor discount = 0;
  std::vector<std::size_t> lines;  // the lines it uses (kShippingLine for shipping)
  std::vector<HeldLine> held;
};

struct PricedLine {
  std::string sku;
  std::int64_t qty = 0;
  core::Minor list = 0;  // qty × unit_price
  std::vector<Allocation> allocations;
  core::Minor entitled_paid = 0;  // list − allocations
};

struct Pricing {
  std::vector<PricedLine> lines;
  core::Minor shipping = 0;
  std::vector<Allocation> shipping_allocations;
  core::Minor shipping_paid = 0;
  // In the order considered (priority desc, id asc): every promotion, or with
  // PricingScope::open_promotions only the candidates (applied, blocked,
  // no_discount): the others change nothing.
  std::vector<PromotionResult> promotions;
  core::Minor goods_list = 0;
  core::Minor goods_discount = 0;
  core::Minor shipping_discount = 0;
  core::Minor total_discount = 0;  // goods and shipping: the order's entitlement
  core::Minor goods_paid = 0;      // Σ entitled paid of the lines
  core::Minor total_paid = 0;      // goods and shipping

  const PromotionResult* find(std::string_view id) const;
  std::vector<std::string> applied() const;  // ids, in the order applied
};

// Which promotions a Pricing lists: all of them, as `price` and the trace
// of a promotion claim print them, or only the candidates, found among the
// promotions open for the order (the index): all a return claim reads. The
// lines, allocations and totals are the same.
enum class PricingScope { every_promotion, open_promotions };

// Prices `order` for `customer` under the rulebook. Errors only on overflow.
core::Result<Pricing> price_order(const CompiledRulebook& rules, const model::Order& order,
                                  const model::Customer& customer,
                                  PricingScope scope = PricingScope::every_promotion);
// The same, compiling the rulebook first (tests; one-off callers).
core::Result<Pricing> price_order(const model::Rulebook& rulebook, const model::Order& order,
                                  const model::Customer& customer);

// Largest remainder: splits `total` in proportion to `weights` (each line the
// floor of its exact share, the rest one unit each by largest remainder, ties
// to the earlier line). All weights zero: everything to nobody but the first.
std::vector<core::Minor> allocate(core::Minor total, const std::vector<core::Minor>& weights);

}  // namespace fineprint::engine
