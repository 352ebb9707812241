// The finite domain of one returned item (docs/format.md §1.5 `when` facts): the
// values the rulebook mentions plus one "any other", numeric facts cut at
// the bounds used, and the map from a `when` to a box over it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/region.hpp"
#include "model/item_facts.hpp"
#include "model/rulebook.hpp"

namespace fineprint::analysis {

// Dimensions in the order match_when tests the keys.
enum Dim : std::size_t {
  kCategory,
  kSku,
  kChannel,
  kCondition,
  kReason,
  kDays,
  kHasReceipt,
  kFinalSale,
  kUnitPrice,
  kSegment,
  kReturns90d,
  kDimCount
};

// A finite dimension: named values, and maybe one invented "any other" name
// that the rulebook does not mention (the last member).
struct NamedDim {
  std::vector<std::string> names;
  bool has_other = false;
  std::size_t size() const { return names.size(); }
  std::optional<std::size_t> index(const std::string& name) const;
  // Appends `name` unless it is there; a catalog of 85,000 categories made a
  // linear look-up quadratic (issue 20), so names are indexed.
  void add(const std::string& name);
  // The invented "any other" value, last.
  void add_other(const std::string& name);

 private:
  std::unordered_map<std::string, std::size_t> positions_;
};

struct ReturnsDomain {
  Layout layout;
  NamedDim categories, skus, channels, conditions, reasons;
  std::vector<std::string> segments;  // mentioned; the dimension's members are subsets (bit masks)
  Axis days, unit_price, returns_90d;
  Box universe;  // every item that can occur
  int minor_digits = 2;
  // Per sku: the index in `categories` of its catalog product's category,
  // or nullopt (no product listed). Only to pick witnesses that agree with
  // the catalog; the analysis itself keeps sku and category independent,
  // as the order line's own category wins over the catalog's.
  std::vector<std::optional<std::size_t>> sku_category;
};

using Point = std::array<std::size_t, kDimCount>;

// Why a domain could not be built (too many segments to enumerate), or the domain.
struct DomainResult {
  std::optional<ReturnsDomain> domain;
  std::string stopped;  // non-empty: why the analysis gave up
};

// Cuts numeric axes at every bound of the rules, asserts and (with extra_days)
// further day counts such as the statutory 14 and 730.
DomainResult build_returns_domain(const model::Rulebook& rulebook,
                                  const std::vector<std::int64_t>& extra_days);

// The items a `when` decides. `cover`: also the items with a fact the `when`
// tests missing (the engine stops there with `review`); otherwise only the
// items it fully matches.
Box when_box(const ReturnsDomain& domain, const model::When& when, bool cover);

// A box of named values (used for statutory regions and exemptions).
ValueSet names_set(const NamedDim& dim, const std::vector<std::string>& names);

// A concrete item in a non-empty box, preferring known facts and plain values.
Point pick_point(const ReturnsDomain& domain, const Box& box);
model::ItemFacts facts_of(const ReturnsDomain& domain, const Point& point);
// "category hats, condition used, days 15 or more": the dimensions the box restricts.
std::string describe_box(const ReturnsDomain& domain, const Box& box);

}  // namespace fineprint::analysis
