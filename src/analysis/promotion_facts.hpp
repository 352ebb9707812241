// Promotions reduced to what decides candidacy and line holding (semantics
// §2.2–2.3): window, channels, code, segments, first-order flag, limit,
// thresholds and product scope, over a finite domain of line kinds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/line_ids.hpp"
#include "analysis/region.hpp"
#include "model/promotion_eligibility.hpp"
#include "model/rulebook.hpp"

namespace fineprint::analysis {

struct PromoFacts {
  std::size_t index = 0;  // in file order
  std::size_t rank = 0;   // position in the order candidates are considered (priority desc, id asc)
  Interval window;        // placed_at in seconds, ends exclusive → hi = ends - 1
  ValueSet channels;      // over store.channels
  std::optional<std::string> code;  // lower-cased (codes match case-insensitively)
  std::optional<std::vector<std::string>> segments;
  bool first_order_only = false;
  bool limited = false;  // has limit_per_customer: a customer can have used it up
  // The scoped quantity and list subtotal it needs to be applied: its own
  // thresholds (min_quantity, min_subtotal, the lowest tier) and, semantics
  // v1.1, what it needs to take something off at all, since a candidate that
  // takes nothing off holds no line (a buy_x_get_y's whole group, an amount a
  // percentage does not round to 0.00, a unit price above a fixed price).
  std::int64_t min_quantity = 1;
  core::Minor min_subtotal = 0;
  // The two parts apart, for orders of two line kinds (shadow_search.cpp):
  // the candidate thresholds, over the list totals of all its scoped lines,
  // and what it needs on one line alone to take something off there.
  std::int64_t list_quantity = 1;
  core::Minor list_subtotal = 0;
  std::int64_t takes_quantity = 1;
  core::Minor takes_subtotal = 0;
  // fixed_price: its unit price. Whether it takes something off depends on
  // the unit price, not the amount alone: more units of a cheaper line meet
  // the same amount and it takes nothing (see shadow.cpp).
  std::optional<core::Minor> fixed_unit;
  bool shipping = false;       // free_shipping: holds the shipping line, not goods lines
  std::string never_eligible;  // non-empty: why no order can make it a candidate
  // Where that finding points: the key at fault (`products`, `min_quantity`)
  // when there is one, else the promotion's header.
  core::SourceRange never_eligible_where;
};

// A line kind: a category and a sku (both may be invented "other" values).
struct LineKind {
  std::string category;
  std::string sku;
};

struct PromoSet {
  const model::Rulebook* rulebook = nullptr;
  std::vector<PromoFacts> facts;     // in file order
  std::vector<std::size_t> by_rank;  // file indices in candidate order
  Lines lines;                       // scopes as ids
};

PromoSet promo_set(const model::Rulebook& rulebook);

// Scope and combinability are the engine's own (model/promotion_eligibility).
using model::combinable;
using model::in_scope;

// Line kinds that decide scope questions about `promotions`: every category
// and sku they name plus one they do not (or, with a catalog, the catalog's
// values), as a category list and a sku list.
struct LineDomain {
  std::vector<std::string> categories;
  std::vector<std::string> skus;
};
LineDomain line_domain(const PromoSet& set, const std::vector<std::size_t>& promotions);

// A line kind in both scopes, if any (goods promotions).
std::optional<LineKind> common_line(const PromoSet& set, std::size_t a, std::size_t b);
// A line kind in one scope, if any.
std::optional<LineKind> some_line(const PromoSet& set, std::size_t a);

}  // namespace fineprint::analysis
