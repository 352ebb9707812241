#include "intake/order_import.hpp"

#include <fmt/format.h>

#include "intake/importers.hpp"
#include "intake/order_fields.hpp"

namespace fineprint::intake {

std::optional<OrderSource> parse_order_source(std::string_view name) {
  if (name == "shopify") return OrderSource::shopify;
  if (name == "woocommerce") return OrderSource::woocommerce;
  return std::nullopt;
}

namespace detail {

void check_currency(const JsonValue& currency, std::string_view path, const model::Store& store) {
  std::string code = as_string(currency, path);
  if (code != store.currency.code)
    fail("import/currency",
         fmt::format("the order is in {} (`{}`), the store's currency is {}: fineprint decides "
                     "claims in the store's currency only; convert the order in the shop "
                     "system or decide this claim by hand",
                     code, path, store.currency.code));
}

}  // namespace detail

namespace {

// --channel, else the store's first distance channel: exports come from the
// online shop, and the store says which of its channels are distance sales.
std::string choose_channel(const model::Store& store, const ImportOptions& options) {
  if (options.channel) {
    for (const auto& channel : store.channels)
      if (channel.value == *options.channel) return *options.channel;
    detail::fail("import/channel",
                 fmt::format("--channel \"{}\" is not one of the store's channels ({})",
                             *options.channel, fmt::join(model::values(store.channels), ", ")));
  }
  if (store.distance_channels.empty())
    detail::fail("import/channel",
                 "the store has no distance channel to file an online order under; give "
                 "--channel");
  return store.distance_channels.front().value;
}

// The catalog's category for each line whose sku it knows: the claim then
// says it outright, and a reader of the file sees what the rules match on.
void add_categories(model::Order& order, const model::Rulebook& rulebook) {
  if (!rulebook.catalog) return;
  for (auto& line : order.lines)
    if (const model::Product* product = rulebook.catalog->product(line.sku))
      line.category = product->category;
}

}  // namespace

core::Result<ImportedOrder> import_order(std::string_view json, OrderSource source,
                                         const model::Rulebook& rulebook,
                                         const ImportOptions& options) {
  auto tree = parse_json(json);
  if (!tree) return tree.error();
  try {
    ImportedOrder imported = source == OrderSource::shopify
                                 ? detail::read_shopify(*tree, rulebook.store)
                                 : detail::read_woocommerce(*tree, rulebook.store);
    imported.order.channel = choose_channel(rulebook.store, options);
    if (options.delivered_at) imported.order.delivered_at = options.delivered_at;
    if (!imported.order.delivered_at) {
      imported.notes.emplace_back(
          "No delivered_at: the export does not show the order delivered (docs/import.md).");
      imported.notes.emplace_back("Give --delivered when the customer or the carrier says when.");
    }
    add_categories(imported.order, rulebook);
    return imported;
  } catch (const detail::ImportFailure& failure) {
    return core::Error{failure.rule, failure.message};
  }
}

}  // namespace fineprint::intake
