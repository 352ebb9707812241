// TOML claim files → model::Claim, strictly (docs/format.md §2), plus the semantic
// claim checks every claim reader (TOML now, JSON later) shares.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/claim.hpp"
#include "model/rulebook.hpp"

namespace fineprint::load {

// A policy test's expectations (docs/format.md §3): every key optional.
struct ExpectItem {
  std::string sku;
  std::optional<std::string> outcome;
  std::optional<std::string> rule;
  std::optional<core::Minor> amount;
  core::SourceRange where;
};

struct Expect {
  std::optional<std::string> verdict;
  std::optional<core::Minor> amount;
  std::optional<std::string> rule;
  std::optional<std::vector<ExpectItem>> items;
  std::optional<std::vector<std::string>> applied;
  std::optional<std::vector<std::string>> offers;  // goodwill the claim may be offered (issue 17)
  core::SourceRange where;
};

struct ClaimLoadOptions {
  bool allow_expect = false;  // policy test files carry an [expect] table
  bool order_only = false;    // `price`: [claim] may be absent (then only [order] and [customer])
};

// Where the values the semantic checks talk about were written, so that their
// errors point at a line and column. A reader without positions (JSON) passes
// none: its errors then name only their Diagnostic::key_path.
struct ClaimPlaces {
  core::SourceRange file;  // line 0: just the file name
  core::SourceRange filed_at, placed_at, delivered_at, channel;
  // [claim] itself, its `has_receipt` and its `channel` (a claim without an order).
  core::SourceRange claim, has_receipt, claim_channel;
  core::SourceRange language;              // `customer.language`
  core::SourceRange items_key, lines_key;  // `claim.items`, `order.lines`
  core::SourceRange grants_key;            // `customer.goodwill`
  struct Item {
    core::SourceRange sku, qty, condition, reason;
  };
  std::vector<Item> items;
  struct Line {
    core::SourceRange sku, qty, paid;
  };
  std::vector<Line> lines;
};

struct LoadedClaim {
  model::Claim claim;
  bool has_claim = false;  // false: an order-only file (`price`)
  std::optional<Expect> expect;
  core::Diagnostics diagnostics;

  bool ok() const { return !core::has_errors(diagnostics); }
};

LoadedClaim load_claim_text(const std::string& text, const std::string& path,
                            const model::Rulebook& rulebook, const ClaimLoadOptions& options = {});

// The semantic claim errors (claim/*, refs/*): more order lines or returned
// items than limits.hpp allows, qty outside 1..limits::kMaxQty or beyond the
// order line, a returned sku not on the order, two lines with one sku,
// filed_at or delivered_at before placed_at, a return filed before
// delivered_at, unknown channel, condition or reason. Also resolves each
// item's `line_index`. `has_claim` false checks the order only. Linear in
// the claim's size: skus are found through an index, and did-you-mean is
// bounded (core/did_you_mean.hpp). Names arrive in NFC (the readers
// normalize every string), so they are compared byte for byte here.
core::Diagnostics validate_claim(model::Claim& claim, const model::Rulebook& rulebook,
                                 const ClaimPlaces& places, bool has_claim = true);

}  // namespace fineprint::load
