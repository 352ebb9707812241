#include "model/item_facts.hpp"

#include <algorithm>

namespace fineprint::model {

namespace {

bool lists(const std::optional<Names>& names, const std::string& value) {
  if (!names) return true;
  return std::any_of(names->begin(), names->end(),
                     [&](const auto& name) { return name.value == value; });
}

bool lists_any(const std::optional<Names>& names, const std::vector<std::string>& values) {
  if (!names) return true;
  return std::any_of(values.begin(), values.end(),
                     [&](const auto& value) { return lists(names, value); });
}

}  // namespace

const std::vector<std::string_view>& when_keys() {
  static const std::vector<std::string_view> keys{
      "category",    "sku",        "channel",    "condition", "reason",     "days",
      "has_receipt", "final_sale", "unit_price", "segment",   "returns_90d"};
  return keys;
}

Match match_when(const When& when, const ItemFacts& facts) {
  // Facts that may be missing are remembered, not failed: the item is only
  // `review` for them when every other key holds (docs/semantics.md §1).
  std::optional<std::string_view> unknown;
  auto fail = [](std::string_view key) { return Match{MatchKind::failed, key}; };
  if (!lists(when.category, facts.category)) return fail("category");
  if (!lists(when.sku, facts.sku)) return fail("sku");
  if (!lists(when.channel, facts.channel)) return fail("channel");
  if (!lists(when.condition, facts.condition)) return fail("condition");
  if (!lists(when.reason, facts.reason)) return fail("reason");
  if (when.days) {
    if (!facts.days) {
      unknown = "days";
    } else if (!when.days->contains(*facts.days)) {
      return fail("days");
    }
  }
  if (when.has_receipt && when.has_receipt->value != facts.has_receipt) return fail("has_receipt");
  if (when.final_sale && when.final_sale->value != facts.final_sale) return fail("final_sale");
  if (when.unit_price && !when.unit_price->contains(facts.unit_price)) return fail("unit_price");
  if (when.segment && !lists_any(when.segment, facts.segments)) return fail("segment");
  if (when.returns_90d) {
    if (!facts.returns_90d) {
      if (!unknown) unknown = "returns_90d";
    } else if (!when.returns_90d->contains(*facts.returns_90d)) {
      return fail("returns_90d");
    }
  }
  if (unknown) return Match{MatchKind::unknown, *unknown};
  return Match{};
}

}  // namespace fineprint::model
