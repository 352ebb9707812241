// The facts of one returned item (docs/semantics.md §4.1) and how a returns-table
// `when` is tested against them. The engine decides with it; the analysis and
// its brute-force check use the same test, so they cannot disagree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "model/rulebook.hpp"

namespace fineprint::model {

struct ItemFacts {
  std::string category;
  std::string sku;
  std::string channel;
  std::string condition;
  std::string reason;
  std::optional<std::int64_t> days;  // absent: the window_from event is missing
  bool has_receipt = false;
  bool final_sale = false;
  core::Minor unit_price = 0;
  std::vector<std::string> segments;
  std::optional<std::int64_t> returns_90d;  // absent: the claim does not say
};

// The `when` keys in the order they are tested (docs/format.md §1.5 table order).
const std::vector<std::string_view>& when_keys();

enum class MatchKind {
  matched,
  failed,   // `key` is the first key that does not hold
  unknown,  // every other key holds, but `key` (days or returns_90d) has no fact
};

struct Match {
  MatchKind kind = MatchKind::matched;
  std::string_view key;  // for failed and unknown
};

Match match_when(const When& when, const ItemFacts& facts);

}  // namespace fineprint::model
