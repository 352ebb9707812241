// An order as a shop system exports it → the claim's [order] and [customer]
// (issue 16, docs/import.md): the Shopify Admin REST API's order and the
// WooCommerce REST API v3's order, read exactly, money as integer minor units.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/instant.hpp"
#include "core/result.hpp"
#include "model/claim.hpp"
#include "model/rulebook.hpp"

namespace fineprint::intake {

enum class OrderSource { shopify, woocommerce };

// "shopify" or "woocommerce"; nullopt for anything else.
std::optional<OrderSource> parse_order_source(std::string_view name);

struct ImportOptions {
  std::optional<std::string> channel;         // absent: the store's first distance channel
  std::optional<core::Instant> delivered_at;  // given by the agent: wins over the export's
};

struct ImportedOrder {
  model::Order order;
  std::optional<std::string> customer_id;  // absent: a guest order
  std::vector<std::string> notes;          // what the TOML says in comments (e.g. no delivery date)
};

// Reads `json` as `source` exports an order. Errors (all `import/*`): the
// JSON is malformed (with line and column), a field is missing or of the
// wrong type, the order is in another currency than the store's, a line has
// no sku, a line or the order was refunded, money has more decimals than the
// currency, taxes were charged on top of the prices, no channel can be chosen.
core::Result<ImportedOrder> import_order(std::string_view json, OrderSource source,
                                         const model::Rulebook& rulebook,
                                         const ImportOptions& options);

}  // namespace fineprint::intake
