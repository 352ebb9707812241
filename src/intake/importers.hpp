// The two exporters' readers behind import_order (docs/import.md). Each
// throws detail::ImportFailure; import_order catches it.
#pragma once

#include <string_view>

#include "intake/json_tree.hpp"
#include "intake/order_import.hpp"
#include "model/rulebook.hpp"

namespace fineprint::intake::detail {

// `currency` (at `path`) must be the store's: an order charged in another
// currency cannot be decided against the rulebook's prices.
void check_currency(const JsonValue& currency, std::string_view path, const model::Store& store);

// GET /admin/api/<version>/orders/<id>.json: {"order": {...}} (or the order
// object itself, as a webhook sends it).
ImportedOrder read_shopify(const JsonValue& root, const model::Store& store);

// GET /wp-json/wc/v3/orders/<id>: the order object.
ImportedOrder read_woocommerce(const JsonValue& root, const model::Store& store);

}  // namespace fineprint::intake::detail
