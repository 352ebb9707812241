// The semantic claim checks (docs/format.md §2.6), shared by every
// claim reader so that TOML and JSON claims are held to exactly one rule set.
#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/did_you_mean.hpp"
#include "core/limits.hpp"
#include "load/claim_diagnostics.hpp"
#include "load/claim_loader.hpp"
#include "load/claim_without_order.hpp"
#include "load/table_reader.hpp"
#include "load/text_reader.hpp"

namespace fineprint::load {

namespace {

using core::SourceRange;

using detail::at;
using detail::flag;
using detail::Place;

template <class Vec>
Place nth(const Vec& places, std::size_t i, auto member, const ClaimPlaces& all,
          std::string key_path) {
  if (i < places.size()) return at(places[i].*member, all, std::move(key_path));
  return {all.file, std::move(key_path)};
}

std::string line_path(std::size_t i, std::string_view key) {
  return fmt::format("order.lines[{}].{}", i, key);
}

std::string item_path(std::size_t i, std::string_view key) {
  return fmt::format("claim.items[{}].{}", i, key);
}

// An instant as the store's clock shows it; UTC for a store without a zone.
std::string when(const model::Store& store, core::Instant instant) {
  return store.zone ? core::format_instant(store.zone, instant)
                    : core::format_instant(date::locate_zone("UTC"), instant);
}

namespace limits = core::limits;

// The size of the claim first: past it, the details do not matter. True when
// the claim is too big to check further.
bool flag_oversize(core::Diagnostics& out, const model::Claim& claim, const ClaimPlaces& places,
                   bool has_claim) {
  const model::Order& order = claim.order;
  bool too_big = false;
  if (order.lines.size() > limits::kMaxOrderLines) {
    flag(
        out, "claim/too-many-lines",
        fmt::format("the order has {} lines; a claim holds at most {} order lines (docs/limits.md)",
                    order.lines.size(), limits::kMaxOrderLines),
        at(places.lines_key, places, "order.lines"));
    too_big = true;
  }
  if (has_claim && claim.items.size() > limits::kMaxClaimItems) {
    flag(out, "claim/too-many-items",
         fmt::format(
             "the claim returns {} items; a claim holds at most {} returned items (docs/limits.md)",
             claim.items.size(), limits::kMaxClaimItems),
         at(places.items_key, places, "claim.items"));
    too_big = true;
  }
  if (claim.customer.goodwill.size() > limits::kMaxGoodwillGrants) {
    flag(
        out, "claim/too-many-grants",
        fmt::format(
            "the customer's history lists {} gestures of goodwill; a claim holds at most {} (docs/limits.md)",
            claim.customer.goodwill.size(), limits::kMaxGoodwillGrants),
        at(places.grants_key, places, "customer.goodwill"));
    too_big = true;
  }
  return too_big;
}

// The order: its channel, its dates and its lines. Returns the index of the
// first line of each sku, which the returned items are matched against.
std::map<std::string, std::size_t> check_order(core::Diagnostics& out, const model::Order& order,
                                               const model::Store& store,
                                               const ClaimPlaces& places) {
  std::vector<std::string> channels = model::values(store.channels);
  if (std::find(channels.begin(), channels.end(), order.channel) == channels.end())
    unknown_name(out, "refs/unknown-channel", "channel", order.channel, channels,
                 at(places.channel, places, "order.channel"));
  if (order.delivered_at && *order.delivered_at < order.placed_at)
    flag(out, "claim/delivered-before-placed",
         fmt::format("`delivered_at` {} is before `placed_at` {}", when(store, *order.delivered_at),
                     when(store, order.placed_at)),
         at(places.delivered_at, places, "order.delivered_at"));
  std::map<std::string, std::size_t> line_of_sku;
  for (std::size_t i = 0; i < order.lines.size(); ++i) {
    const model::OrderLine& line = order.lines[i];
    if (line.qty < 1)
      flag(out, "claim/qty",
           fmt::format("`qty` of order line `{}` must be at least 1, found {}", line.sku, line.qty),
           nth(places.lines, i, &ClaimPlaces::Line::qty, places, line_path(i, "qty")));
    if (line.qty > limits::kMaxQty)
      flag(out, "claim/qty",
           fmt::format("`qty` of order line `{}` is {}; at most {} units a line (docs/limits.md)",
                       line.sku, line.qty, limits::kMaxQty),
           nth(places.lines, i, &ClaimPlaces::Line::qty, places, line_path(i, "qty")));
    auto [it, fresh] = line_of_sku.emplace(line.sku, i);
    if (!fresh)
      flag(out, "claim/duplicate-line",
           fmt::format(
               "sku `{}` is on order lines #{} and #{}; give each sku one line with its total qty",
               line.sku, it->second + 1, i + 1),
           nth(places.lines, i, &ClaimPlaces::Line::sku, places, line_path(i, "sku")));
  }
  return line_of_sku;
}

// What a line left out (category, unit_price, final_sale), taken from the
// catalog's product of its sku (issue 16); the line's own values win. A line
// that needs the catalog and whose sku has no product is an error naming the
// nearest product's sku. A complete line needs no product: the order is the
// fact of the sale.
void complete_from_catalog(core::Diagnostics& out, model::Order& order,
                           const model::Rulebook& rulebook, const ClaimPlaces& places) {
  std::optional<core::Suggester> skus;
  for (std::size_t i = 0; i < order.lines.size(); ++i) {
    model::OrderLine& line = order.lines[i];
    if (!line.category_from_catalog && !line.unit_price_from_catalog &&
        !line.final_sale_from_catalog)
      continue;
    const model::Product* product =
        rulebook.catalog ? rulebook.catalog->product(line.sku) : nullptr;
    if (product) {
      if (line.category_from_catalog) line.category = product->category;
      if (line.unit_price_from_catalog) line.unit_price = product->unit_price;
      if (line.final_sale_from_catalog) line.final_sale = product->final_sale;
      continue;
    }
    line.final_sale_from_catalog = false;  // absent and no product: not a final sale
    if (!line.category_from_catalog && !line.unit_price_from_catalog) continue;
    std::string missing = line.category_from_catalog && line.unit_price_from_catalog
                              ? "`category` and `unit_price`"
                              : (line.category_from_catalog ? "`category`" : "`unit_price`");
    std::string message = fmt::format(
        "order line `{}` has no {}, and the catalog has no product `{}` to take it from", line.sku,
        missing, line.sku);
    message += detail::nearest_product(rulebook, line.sku, skus);
    flag(out, "claim/unknown-product", std::move(message),
         nth(places.lines, i, &ClaimPlaces::Line::sku, places, line_path(i, "sku")),
         fmt::format("write the line's {}, or add the product to the rulebook's [catalog]",
                     missing));
    line.category_from_catalog = line.unit_price_from_catalog = false;
  }
}

// `paid` is what the whole line cost. A line of several units whose `paid` is
// its unit price was most likely written per unit: a warning, which changes
// neither the decision nor the exit code (issue 16).
void warn_unit_paid(core::Diagnostics& out, const model::Order& order, const ClaimPlaces& places) {
  for (std::size_t i = 0; i < order.lines.size(); ++i) {
    const model::OrderLine& line = order.lines[i];
    if (!line.paid || line.qty < 2 || *line.paid != line.unit_price) continue;
    flag(
        out, "claim/paid-per-unit",
        fmt::format(
            "`paid` of order line `{}` equals its unit price for {} units: `paid` looks like a unit price; it is what the whole line cost",
            line.sku, line.qty),
        nth(places.lines, i, &ClaimPlaces::Line::paid, places, line_path(i, "paid")),
        "if the customer paid that much for all the units, nothing is wrong");
    out.back().severity = core::Severity::warning;
  }
}

// When the claim was filed, against when the order was placed and, for a
// return, delivered.
void check_filing_dates(core::Diagnostics& out, const model::Claim& claim,
                        const model::Store& store, const ClaimPlaces& places) {
  const model::Order& order = claim.order;
  if (claim.filed_at < order.placed_at)
    flag(out, "claim/filed-before-placed",
         fmt::format("`filed_at` {} is before the order's `placed_at` {}",
                     when(store, claim.filed_at), when(store, order.placed_at)),
         at(places.filed_at, places, "claim.filed_at"));
  if (claim.kind != model::ClaimKind::return_claim) return;
  // Goods come back after they arrive: a return filed before delivery would
  // count negative days from it. (A promotion claim may well be filed
  // before delivery: it is about the order's price, not the goods.)
  // Reported once: a claim filed before the order was placed, or an order
  // delivered before it was placed, already has its error.
  if (order.delivered_at && claim.filed_at < *order.delivered_at &&
      !(claim.filed_at < order.placed_at) && !(*order.delivered_at < order.placed_at))
    flag(
        out, "claim/filed-before-delivered",
        fmt::format(
            "`filed_at` {} is before the order's `delivered_at` {}: nothing can be returned before it arrives",
            when(store, claim.filed_at), when(store, *order.delivered_at)),
        at(places.filed_at, places, "claim.filed_at"));
}

// What the returned items are held against: the rulebook's conditions and
// reasons, the order's lines, and the units returned so far.
struct ItemContext {
  const model::Order& order;
  const ClaimPlaces& places;
  const std::map<std::string, std::size_t>& line_of_sku;
  const model::Returns* returns;  // null: the built-in names only
  // Built at the first unknown sku, once: every later one asks the same index.
  std::optional<core::Suggester> sku_suggester;
  std::map<std::string, std::int64_t> returned;  // sku → units claimed so far
};

// A returned sku that is not on the order, with the nearest sku that is.
void flag_unknown_sku(core::Diagnostics& out, ItemContext& context, const model::ClaimItem& item,
                      Place place) {
  std::string message =
      fmt::format("returned sku `{}` is not on order {}", item.sku, context.order.id);
  if (!context.sku_suggester) {
    std::vector<std::string> skus;
    skus.reserve(context.order.lines.size());
    for (const auto& line : context.order.lines) skus.push_back(line.sku);
    context.sku_suggester.emplace(std::move(skus));
  }
  if (auto suggestion = context.sku_suggester->suggest(item.sku))
    message += fmt::format("; did you mean `{}`?", *suggestion);
  flag(out, "claim/unknown-sku", std::move(message), std::move(place));
}

// The returned qty: at least 1, at most the limit, and with the earlier
// items of the same sku no more than the order line holds.
void check_item_qty(core::Diagnostics& out, ItemContext& context, const model::ClaimItem& item,
                    std::size_t line_index, Place place) {
  if (item.qty < 1) {
    flag(out, "claim/qty",
         fmt::format("`qty` of returned sku `{}` must be at least 1, found {}", item.sku, item.qty),
         std::move(place));
    return;
  }
  if (item.qty > limits::kMaxQty) {
    flag(out, "claim/qty",
         fmt::format("`qty` of returned sku `{}` is {}; at most {} units an item (docs/limits.md)",
                     item.sku, item.qty, limits::kMaxQty),
         std::move(place));
    return;
  }
  const model::OrderLine& ordered = context.order.lines[line_index];
  // A line whose own qty is wrong has its own error: no count to compare with.
  if (ordered.qty < 1 || ordered.qty > limits::kMaxQty) return;
  std::int64_t& total = context.returned[item.sku];
  std::int64_t sum = 0;
  if (__builtin_add_overflow(total, item.qty, &sum) || sum > ordered.qty) {
    flag(out, "claim/qty",
         fmt::format("the claim returns {}{} × `{}` but order line #{} holds only {}",
                     total > 0 ? fmt::format("{} + ", total) : "", item.qty, item.sku,
                     line_index + 1, ordered.qty),
         std::move(place));
    return;
  }
  total = sum;
}

// One returned item: its names, its sku (which sets its line_index) and its qty.
void check_item(core::Diagnostics& out, ItemContext& context, model::ClaimItem& item,
                std::size_t i) {
  auto place = [&](auto member, std::string_view key) {
    return nth(context.places.items, i, member, context.places, item_path(i, key));
  };
  // The lists of known names are built only for an unknown one's message:
  // every item `batch` reads is checked here (issue 19).
  const model::Returns* returns = context.returns;
  if (!model::is_known_condition(returns, item.condition))
    unknown_name(out, "refs/unknown-condition", "condition", item.condition,
                 returns ? model::known_conditions(*returns) : model::builtin_conditions(),
                 place(&ClaimPlaces::Item::condition, "condition"));
  if (!model::is_known_reason(returns, item.reason))
    unknown_name(out, "refs/unknown-reason", "reason", item.reason,
                 returns ? model::known_reasons(*returns) : model::builtin_reasons(),
                 place(&ClaimPlaces::Item::reason, "reason"));
  auto line = context.line_of_sku.find(item.sku);
  if (line == context.line_of_sku.end()) {
    flag_unknown_sku(out, context, item, place(&ClaimPlaces::Item::sku, "sku"));
    return;
  }
  item.line_index = line->second;
  check_item_qty(out, context, item, line->second, place(&ClaimPlaces::Item::qty, "qty"));
}

// customer.language: one of the languages fineprint speaks (model/text.hpp);
// the store need not declare it (docs/decisions.md).
void check_language(core::Diagnostics& out, const model::Customer& customer,
                    const ClaimPlaces& places) {
  if (!customer.language || model::is_supported_language(*customer.language)) return;
  std::string message = fmt::format("unknown language `{}`", *customer.language);
  auto suggestion = suggest_language(*customer.language);
  if (suggestion) message += fmt::format("; did you mean `{}`?", *suggestion);
  flag(out, "claim/unknown-language", std::move(message),
       at(places.language, places, "customer.language"),
       suggestion ? std::string{}
                  : fmt::format("known: {}", fmt::join(model::supported_languages(), ", ")));
}

}  // namespace

core::Diagnostics validate_claim(model::Claim& claim, const model::Rulebook& rulebook,
                                 const ClaimPlaces& places, bool has_claim) {
  core::Diagnostics out;
  if (flag_oversize(out, claim, places, has_claim)) return out;
  std::map<std::string, std::size_t> line_of_sku;
  if (claim.has_order) {
    detail::refuse_claim_channel(out, claim, places);
    complete_from_catalog(out, claim.order, rulebook, places);
    warn_unit_paid(out, claim.order, places);
    line_of_sku = check_order(out, claim.order, rulebook.store, places);
    if (!has_claim) return out;
    check_filing_dates(out, claim, rulebook.store, places);
    check_language(out, claim.customer, places);
  } else {
    // An order-only file (`price`) requires [order]: the reader said so.
    if (!has_claim) return out;
    check_language(out, claim.customer, places);
    auto lines = detail::order_from_catalog(out, claim, rulebook, places);
    if (!lines) return out;
    line_of_sku = std::move(*lines);
  }
  if (claim.kind != model::ClaimKind::return_claim) return out;

  ItemContext context{
      .order = claim.order,
      .places = places,
      .line_of_sku = line_of_sku,
      .returns = rulebook.returns ? &*rulebook.returns : nullptr,
      .sku_suggester = std::nullopt,
      .returned = {},
  };
  for (std::size_t i = 0; i < claim.items.size(); ++i) check_item(out, context, claim.items[i], i);
  return out;
}

}  // namespace fineprint::load
