// A claim as plain data (docs/format.md §2): the customer's request and the order
// it is about, self-contained. Loaders (TOML and JSON) build it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/instant.hpp"
#include "core/money.hpp"
#include "core/source_range.hpp"

namespace fineprint::model {

enum class ClaimKind { return_claim, promotion_claim };

struct ClaimItem {
  std::string sku;
  std::int64_t qty = 0;
  std::string condition;
  std::string reason;
  std::size_t line_index = 0;  // the order line it returns (resolved by the loader)
  core::SourceRange where;
};

struct OrderLine {
  std::string sku;
  std::string category;
  std::int64_t qty = 0;
  core::Minor unit_price = 0;       // list price per unit
  std::optional<core::Minor> paid;  // charged for the whole line, after discounts
  bool final_sale = false;
  // Left out by the claim: the catalog's product of `sku` supplied the value
  // (load::validate_claim; issue 16).
  bool category_from_catalog = false;
  bool unit_price_from_catalog = false;
  bool final_sale_from_catalog = false;
  core::SourceRange where;
};

struct Order {
  std::string id;
  core::Instant placed_at{};
  std::optional<core::Instant> delivered_at;
  std::string channel;
  std::vector<std::string> codes;
  core::Minor shipping = 0;
  // What was charged for shipping (v1.1): a promotion claim counts
  // shipping − shipping_paid in what the order received.
  std::optional<core::Minor> shipping_paid;
  std::optional<core::Minor> discount_received;
  std::vector<OrderLine> lines;
};

// A gesture of goodwill the customer was given before (issue 17): `limit_per_customer`
// counts these.
struct GoodwillGrant {
  std::string id;
  core::Instant at{};
};

// The gesture the agent chose for this claim (`[goodwill]` of a claim file,
// or `resolve --goodwill ID --note TEXT`).
struct GoodwillChoice {
  std::string id;
  std::optional<std::string> note;
};

struct Customer {
  std::string id;
  std::vector<std::string> segments;
  std::optional<std::int64_t> orders_before;  // absent: unknown (first-order-only cannot be shown)
  std::optional<std::int64_t> returns_90d;    // absent: unknown (a rule testing it is `review`)
  std::map<std::string, std::int64_t> redemptions;
  // The language the customer wrote in (en, lv, lt, pl, ru): the letter's
  // language unless the agent picks another. Absent: not known.
  std::optional<std::string> language;
  std::vector<GoodwillGrant> goodwill;  // gestures granted before, any order
};

struct Claim {
  std::string id;
  ClaimKind kind = ClaimKind::return_claim;
  core::Instant filed_at{};
  std::optional<bool> has_receipt;  // absent: true for a distance channel, else false
  // A store return without a receipt is a claim without an order (issue 16,
  // docs/format.md §2.1): `[order]` is absent and [claim] `channel` names the
  // store channel the items came back through. load::validate_claim then
  // builds `order` from the catalog: one line per returned sku, with the
  // product's category, list price and final_sale, and no id, dates, codes
  // or paid amounts, which the engine and the letters never read.
  bool has_order = true;
  std::optional<std::string> channel;
  std::optional<std::string> promotion;
  std::optional<std::string> code;
  std::vector<ClaimItem> items;
  Order order;
  Customer customer;
  std::optional<GoodwillChoice> goodwill;
};

}  // namespace fineprint::model
