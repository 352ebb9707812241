#include "load/claim_without_order.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "core/limits.hpp"
#include "load/claim_diagnostics.hpp"

namespace fineprint::load::detail {

namespace {

// Whether the claim may do without its order; each "no" is one error.
bool may_go_without_order(core::Diagnostics& out, const model::Claim& claim,
                          const model::Store& store, const ClaimPlaces& places) {
  const Place missing = at(places.claim, places, "order");
  if (claim.kind != model::ClaimKind::return_claim) {
    flag(
        out, "claim/order-missing",
        "the claim has no [order]: a promotion claim is about the price of an order, so it needs that order",
        missing);
    return false;
  }
  if (!claim.channel) {
    flag(
        out, "claim/order-missing",
        "the claim has no [order]; only a store return without a receipt may leave it out, and then [claim] says `has_receipt = false` and names the store's `channel`",
        missing, "copy the order from the receipt or the shop system into [order]");
    return false;
  }
  std::vector<std::string> channels = model::values(store.channels);
  if (std::find(channels.begin(), channels.end(), *claim.channel) == channels.end()) {
    unknown_name(out, "refs/unknown-channel", "channel", *claim.channel, channels,
                 at(places.claim_channel, places, "claim.channel"));
    return false;
  }
  bool fine = true;
  if (model::is_distance_channel(store, *claim.channel)) {
    flag(
        out, "claim/order-missing",
        fmt::format(
            "the claim has no [order], but `{}` is a distance channel: a purchase made at a distance always has its order, so give it in [order]",
            *claim.channel),
        at(places.claim_channel, places, "claim.channel"));
    fine = false;
  }
  if (claim.has_receipt != false) {
    flag(
        out, "claim/order-missing",
        claim.has_receipt
            ? "the claim has no [order] but has a receipt (`has_receipt = true`): copy the order from the receipt into [order]"
            : "the claim has no [order]: a return without an order must say `has_receipt = false`",
        at(claim.has_receipt ? places.has_receipt : places.claim, places,
           claim.has_receipt ? "claim.has_receipt" : "order"));
    fine = false;
  }
  return fine;
}

// The catalog's product of a returned sku, or an error naming the nearest sku.
const model::Product* product_of(core::Diagnostics& out, const model::Rulebook& rulebook,
                                 const model::ClaimItem& item, std::size_t i,
                                 const ClaimPlaces& places,
                                 std::optional<core::Suggester>& suggester) {
  const model::Product* product = rulebook.catalog ? rulebook.catalog->product(item.sku) : nullptr;
  if (product) return product;
  std::string message = fmt::format(
      "returned sku `{}` has no product in the catalog, and a claim without an order takes its category and list price from there",
      item.sku);
  message += nearest_product(rulebook, item.sku, suggester);
  const core::SourceRange where = i < places.items.size() ? places.items[i].sku : places.file;
  flag(out, "claim/unknown-product", std::move(message),
       at(where, places, fmt::format("claim.items[{}].sku", i)),
       "add the product to the rulebook's [catalog], or give the claim its [order]");
  return nullptr;
}

}  // namespace

void refuse_claim_channel(core::Diagnostics& out, const model::Claim& claim,
                          const ClaimPlaces& places) {
  if (claim.has_order && claim.channel)
    flag(
        out, "claim/channel-with-order",
        "`channel` in [claim] is only for a store return without an order; this claim's channel is its order's `channel`",
        at(places.claim_channel, places, "claim.channel"));
}

std::optional<std::map<std::string, std::size_t>> order_from_catalog(
    core::Diagnostics& out, model::Claim& claim, const model::Rulebook& rulebook,
    const ClaimPlaces& places) {
  if (!may_go_without_order(out, claim, rulebook.store, places)) return std::nullopt;
  model::Order& order = claim.order;
  order = model::Order{};
  order.channel = *claim.channel;
  std::map<std::string, std::size_t> line_of_sku;
  std::optional<core::Suggester> suggester;
  bool known = true;
  for (std::size_t i = 0; i < claim.items.size(); ++i) {
    const model::ClaimItem& item = claim.items[i];
    const model::Product* product = product_of(out, rulebook, item, i, places, suggester);
    if (!product) {
      known = false;
      continue;
    }
    auto [it, fresh] = line_of_sku.emplace(item.sku, order.lines.size());
    if (fresh) {
      model::OrderLine& line = order.lines.emplace_back();
      line.sku = item.sku;
      line.category = product->category;
      line.unit_price = product->unit_price;
      line.final_sale = product->final_sale;
      line.category_from_catalog = line.unit_price_from_catalog = line.final_sale_from_catalog =
          true;
    }
    // The line holds every unit returned (bad counts are the item's own
    // errors, reported by the item checks).
    model::OrderLine& line = order.lines[it->second];
    if (item.qty >= 1 && item.qty <= core::limits::kMaxQty) line.qty += item.qty;
  }
  if (!known) return std::nullopt;
  return line_of_sku;
}

}  // namespace fineprint::load::detail
