// Witnesses: a concrete claim file (docs/format.md §2) that `fineprint resolve`
// accepts and that shows the problem a finding names, plus its one-line summary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/instant.hpp"
#include "model/item_facts.hpp"
#include "model/rulebook.hpp"

namespace fineprint::analysis {

// Day counts of a return witness: the order is placed on a fixed day, then
// delivered `delivery_lag` days later; the claim is filed so that the table's
// day count (from `window_from`) equals facts.days.
struct ReturnTiming {
  std::int64_t delivery_lag = 1;
  // Shipping charged on the order (0: none written); `diff` sets it where
  // two tables differ only in refund_shipping.
  core::Minor shipping = 0;
};

core::Witness return_witness(const model::Rulebook& rulebook, const model::ItemFacts& facts,
                             const ReturnTiming& timing = {});

// An order that makes promotions candidates: one line kind, its codes and customer.
struct OrderSketch {
  core::Instant placed_at{};
  std::string channel;
  std::vector<std::string> codes;
  std::vector<std::string> segments;
  bool first_order = false;
  struct Line {
    std::string sku;
    std::string category;
    std::int64_t qty = 1;
    core::Minor unit_price = 0;
  };
  std::vector<Line> lines;
  std::vector<std::string> used_up;  // promotions whose limit_per_customer the customer has reached
  core::Minor shipping = 0;          // the order's shipping charge
};

core::Witness promotion_witness(const model::Rulebook& rulebook, const OrderSketch& order,
                                const std::string& promotion);

// A local noon `day_offset` days after the fixed witness day, in the store zone.
core::Instant witness_day(core::Zone zone, std::int64_t day_offset);
// "\"text\"" with TOML escapes.
std::string toml_string(const std::string& text);

}  // namespace fineprint::analysis
