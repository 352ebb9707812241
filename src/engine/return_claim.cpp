// A return claim (docs/semantics.md §4): each item through the returns table, then
// the money (paid or reprice basis, fees, shipping) and the verdict.
#include <algorithm>
#include <iterator>
#include <map>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "engine/checked.hpp"
#include "engine/claim_steps.hpp"
#include "engine/goodwill.hpp"
#include "model/law_pack.hpp"

namespace fineprint::engine::detail {

namespace {

bool claims_a_defect(const model::Returns& returns, const model::Claim& claim) {
  return std::any_of(claim.items.begin(), claim.items.end(), [&](const model::ClaimItem& item) {
    return model::is_defect_reason(returns, item.reason);
  });
}

using core::Minor;

bool pays_money(model::Outcome outcome) {
  return outcome == model::Outcome::refund || outcome == model::Outcome::store_credit;
}

model::ItemFacts facts_of(const model::Rulebook& rulebook, const model::Claim& claim,
                          const model::ClaimItem& item) {
  const model::Order& order = claim.order;
  const model::OrderLine& line = order.lines[item.line_index];
  model::ItemFacts facts;
  facts.category = line.category;
  facts.sku = line.sku;
  facts.channel = order.channel;
  facts.condition = item.condition;
  facts.reason = item.reason;
  facts.has_receipt = claim.has_receipt ? *claim.has_receipt
                                        : model::is_distance_channel(rulebook.store, order.channel);
  facts.final_sale = line.final_sale;
  facts.unit_price = line.unit_price;
  facts.segments = claim.customer.segments;
  facts.returns_90d = claim.customer.returns_90d;
  // Without an order no day is known to count from (docs/decisions.md).
  if (claim.has_order && rulebook.returns && rulebook.returns->window_from) {
    std::optional<core::Instant> event =
        rulebook.returns->window_from->value == model::WindowFrom::delivery
            ? order.delivered_at
            : std::optional<core::Instant>(order.placed_at);
    if (event) facts.days = core::days_between(rulebook.store.zone, *event, claim.filed_at);
  }
  return facts;
}

std::string missing_fact(const model::Rulebook& rulebook, const model::Claim& claim,
                         std::string_view key) {
  if (key == "returns_90d")
    return "the claim does not say how many returns the customer made in the last 90 days";
  if (!claim.has_order)
    return "no receipt, no order: the day of the purchase is not known, so no number of days can be shown";
  if (!rulebook.returns->window_from)
    return "the returns table does not say which day counts as day 0 (window_from)";
  if (rulebook.returns->window_from->value == model::WindowFrom::delivery)
    return "the order has no delivery date";
  return "the order has no purchase date";
}

// The record shows the texts in the store's default language.
void apply_spec(ItemDecision& item, const model::OutcomeSpec& spec, const model::Store& store) {
  item.outcome = spec.outcome;
  if (!spec.because.empty()) item.because = store.report_text(spec.because);
  if (!spec.cite.empty()) item.cite = store.report_text(spec.cite);
  if (spec.fee_percent) item.fee_percent = spec.fee_percent->value;
}

// Walks the returns table for one item; returns the spec that decided it
// (nullptr when the item is `review` for a reason of the engine's own).
const model::OutcomeSpec* run_table(const model::Rulebook& rulebook, const model::Claim& claim,
                                    const model::ItemFacts& facts, ItemDecision& item) {
  const model::Returns& returns = *rulebook.returns;
  auto review = [&](std::string rule, std::string because) -> const model::OutcomeSpec* {
    item.outcome = model::Outcome::review;
    item.rule = std::move(rule);
    item.because = std::move(because);
    return nullptr;
  };
  // Kept from item to item: deciding an item allocates no list of its own.
  static thread_local std::vector<const model::ReturnsRule*> matched;
  matched.clear();
  const model::ReturnsRule* unknown = nullptr;
  std::string unknown_key;
  item.trace.reserve(returns.rules.size());  // one allocation for the trace
  for (const auto& rule : returns.rules) {
    model::Match match = model::match_when(rule.when, facts);
    item.trace.push_back({rule.id.value, match.kind, std::string(match.key)});
    if (match.kind == model::MatchKind::failed) continue;
    if (match.kind == model::MatchKind::unknown) {
      if (!unknown) unknown = &rule, unknown_key = std::string(match.key);
    } else {
      matched.push_back(&rule);
    }
    if (returns.hit_policy == model::HitPolicy::first) break;
  }
  // Under `unique` a rule with a missing fact may match too: as under `first`,
  // that is `review`, never a guess.
  if (unknown) return review(unknown->id.value, missing_fact(rulebook, claim, unknown_key));
  if (matched.size() > 1) {
    std::string names;
    for (std::size_t i = 0; i < matched.size(); ++i)
      names += fmt::format("{}`{}`", i == 0 ? "" : (i + 1 == matched.size() ? " and " : ", "),
                           matched[i]->id.value);
    return review(
        "",
        fmt::format("rules {} all match this item, and the table's hit policy is unique", names));
  }
  if (matched.size() == 1) {
    item.rule = matched.front()->id.value;
    apply_spec(item, matched.front()->outcome, rulebook.store);
    return &matched.front()->outcome;
  }
  if (returns.otherwise) {
    item.rule = "otherwise";
    apply_spec(item, *returns.otherwise, rulebook.store);
    return &*returns.otherwise;
  }
  return review("", "no rule covers this case");
}

std::string sentence(const model::Rulebook& rulebook, const ItemDecision& item) {
  // One buffer, formats compiled with the program (FMT_COMPILE): a reason is
  // written for every item `batch` decides (issue 19).
  std::string text;
  text.reserve(160);
  auto out = std::back_inserter(text);
  fmt::format_to(out, FMT_COMPILE("{} × {}: "), item.sku, item.qty);
  switch (item.outcome) {
    case model::Outcome::refund:
      fmt::format_to(out, FMT_COMPILE("refund of {}"), money_text(rulebook, item.amount));
      break;
    case model::Outcome::store_credit:
      fmt::format_to(out, FMT_COMPILE("store credit of {}"), money_text(rulebook, item.amount));
      break;
    case model::Outcome::deny:
      text += "denied";
      break;
    case model::Outcome::review:
      text += "referred to staff for review";
      break;
    default: {
      std::string name(model::outcome_name(item.outcome));
      std::replace(name.begin(), name.end(), '_', ' ');
      text += name;
    }
  }
  if (item.rule == "otherwise")
    text += " under the table's `otherwise`";
  else if (!item.rule.empty())
    fmt::format_to(out, FMT_COMPILE(" under rule `{}`"), item.rule);
  if (item.cite) fmt::format_to(out, FMT_COMPILE(" ({})"), *item.cite);
  if (item.because) fmt::format_to(out, FMT_COMPILE(": {}"), *item.because);
  if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?') text += '.';
  if (pays_money(item.outcome) && item.fee_percent)
    text += fmt::format(" A restocking fee of {}% ({}) is deducted.",
                        core::format_percent(item.fee_percent.value_or(0)),
                        money_text(rulebook, item.fee));
  return text;
}

// Paid basis (§4.3): k of a line's qty units are worth round_half_up(paid × k / qty).
// Several items of one line take cumulative differences, so together they
// never exceed what the line cost.
std::vector<Minor> paid_values(const model::Claim& claim, const Pricing& pricing,
                               const std::vector<std::size_t>& paying) {
  std::vector<Minor> values;
  std::map<std::size_t, std::int64_t> before;  // line → units valued so far
  for (std::size_t idx : paying) {
    const model::ClaimItem& item = claim.items[idx];
    const model::OrderLine& line = claim.order.lines[item.line_index];
    Minor paid = line.paid ? *line.paid : pricing.lines[item.line_index].entitled_paid;
    std::int64_t& done = before[item.line_index];
    auto worth = [&](std::int64_t k) {
      return divide(static_cast<core::Wide>(paid) * k, line.qty, core::Rounding::half_up,
                    "a returned item's value");
    };
    values.push_back(sub(worth(done + item.qty), worth(done), "a returned item's value"));
    done += item.qty;
  }
  return values;
}

// Reprice basis (§4.3): what the customer paid for the goods minus what the
// kept goods would cost alone, clamped to what the returned units were worth.
struct Reprice {
  Minor paid_total = 0;  // the goods as charged
  Pricing kept;          // the kept goods priced alone
  Minor cap = 0;         // the returned units' paid-basis value
  Minor refund = 0;
};

Reprice reprice_of(const CompiledRulebook& rules, const model::Claim& claim, const Pricing& pricing,
                   const std::vector<std::size_t>& paying, const std::vector<Minor>& paid_basis) {
  Reprice out;
  model::Order kept = claim.order;
  std::vector<std::int64_t> returned(kept.lines.size(), 0);
  for (std::size_t idx : paying) returned[claim.items[idx].line_index] += claim.items[idx].qty;
  for (std::size_t i = 0; i < kept.lines.size(); ++i) {
    const auto& line = claim.order.lines[i];
    out.paid_total = add(out.paid_total, line.paid ? *line.paid : pricing.lines[i].entitled_paid,
                         "the order's paid total");
    kept.lines[i].qty -= returned[i];
    kept.lines[i].paid.reset();
  }
  std::erase_if(kept.lines, [](const model::OrderLine& line) { return line.qty == 0; });
  out.kept = must_price(rules, kept, claim.customer, PricingScope::open_promotions);
  for (Minor v : paid_basis) out.cap = add(out.cap, v, "the returned units' paid value");
  out.refund = sub(out.paid_total, out.kept.goods_paid, "the repriced refund");
  out.refund = std::clamp<Minor>(out.refund, 0, out.cap);
  return out;
}

// The refund split over the paying items by their paid-basis value.
std::vector<Minor> reprice_values(const CompiledRulebook& rules, const model::Claim& claim,
                                  const Pricing& pricing, const std::vector<std::size_t>& paying,
                                  const std::vector<Minor>& paid_basis) {
  return allocate(reprice_of(rules, claim, pricing, paying, paid_basis).refund, paid_basis);
}

// Each promotion's discount on the goods (shipping left out), by id.
std::map<std::string, Minor> goods_discounts(const Pricing& pricing) {
  std::map<std::string, Minor> out;
  for (const PricedLine& line : pricing.lines)
    for (const Allocation& a : line.allocations)
      out[a.promotion] = add(out[a.promotion], a.amount, "a promotion's goods discount");
  return out;
}

// decide() expects a validated claim (load::validate_claim resolves each
// item's line); a caller that skipped it gets an error, not a wild read.
void require_resolved_items(const model::Claim& claim) {
  for (const model::ClaimItem& claimed : claim.items)
    if (claimed.line_index >= claim.order.lines.size() ||
        claim.order.lines[claimed.line_index].sku != claimed.sku || claimed.qty < 1)
      throw Failed{core::Error{
          "claim/unknown-sku",
          fmt::format("item `{}` is not resolved to an order line; validate the claim first",
                      claimed.sku)}};
}

// §4.1–4.2: each item through the table; the outcome specs, one per item.
std::vector<const model::OutcomeSpec*> decide_items(const model::Rulebook& rulebook,
                                                    const model::Claim& claim, Decision& decision) {
  std::vector<const model::OutcomeSpec*> specs;
  for (const model::ClaimItem& claimed : claim.items) {
    ItemDecision item;
    item.sku = claimed.sku;
    item.qty = claimed.qty;
    const model::OutcomeSpec* spec = nullptr;
    if (!rulebook.returns) {
      item.outcome = model::Outcome::review;
      item.because = "the rulebook has no returns table";
    } else {
      spec = run_table(rulebook, claim, facts_of(rulebook, claim, claimed), item);
    }
    if (!claim.has_order) item.assumed_from_catalog = {"category", "unit_price", "final_sale"};
    specs.push_back(spec);
    decision.items.push_back(std::move(item));
  }

  return specs;
}

// §4.3: the amounts of the items that pay money, after their fees.
void add_amounts(const CompiledRulebook& rules, const model::Claim& claim, const Pricing& pricing,
                 Decision& decision) {
  const model::Rulebook& rulebook = rules.rulebook;
  std::vector<std::size_t> paying;
  for (std::size_t i = 0; i < decision.items.size(); ++i)
    if (pays_money(decision.items[i].outcome)) paying.push_back(i);
  std::vector<Minor> values = paid_values(claim, pricing, paying);
  // Without an order nothing was bought together: no promotion to reprice.
  if (claim.has_order && rulebook.returns &&
      rulebook.returns->basis() == model::RefundBasis::reprice && !paying.empty())
    values = reprice_values(rules, claim, pricing, paying, values);
  for (std::size_t k = 0; k < paying.size(); ++k) {
    ItemDecision& item = decision.items[paying[k]];
    item.amount = values[k];
    if (item.fee_percent) {
      item.fee =
          percent(item.amount, *item.fee_percent, rulebook.store.rounding, "a restocking fee");
      item.amount = sub(item.amount, item.fee, "an item's amount after its fee");
    }
    decision.amount = add(decision.amount, item.amount, "the claim's total amount");
  }
}

// §4.3 refund_shipping: only when everything comes back, every item is
// refunded, and every deciding rule says so.
void add_shipping(const model::Claim& claim, const Pricing& pricing,
                  const std::vector<const model::OutcomeSpec*>& specs, Decision& decision) {
  std::vector<std::int64_t> units(claim.order.lines.size(), 0);
  for (const auto& claimed : claim.items) units[claimed.line_index] += claimed.qty;
  bool everything = true;
  for (std::size_t i = 0; i < units.size(); ++i)
    everything = everything && units[i] == claim.order.lines[i].qty;
  bool all_refund = !decision.items.empty();
  for (std::size_t i = 0; i < decision.items.size(); ++i)
    all_refund = all_refund && decision.items[i].outcome == model::Outcome::refund && specs[i] &&
                 specs[i]->refund_shipping;
  if (everything && all_refund && pricing.shipping_paid > 0) {
    decision.shipping_refund = pricing.shipping_paid;
    decision.amount = add(decision.amount, decision.shipping_refund, "the claim's total amount");
  }
}

// A claim without an order: each line at the catalog's list price, no
// promotion (none can be shown to have applied: no date, no codes), no
// shipping. The paid basis then values a unit at the current price.
Pricing list_prices(const model::Order& order) {
  Pricing out;
  for (const model::OrderLine& line : order.lines) {
    PricedLine& priced = out.lines.emplace_back();
    priced.sku = line.sku;
    priced.qty = line.qty;
    priced.list = mul(line.unit_price, line.qty, "a line's list amount");
    priced.entitled_paid = priced.list;
    out.goods_list = add(out.goods_list, priced.list, "the order's list total");
  }
  out.goods_paid = out.total_paid = out.goods_list;
  return out;
}

// "No receipt, no order": what each item's facts are and where they came from.
std::string catalog_sentence(const model::Rulebook& rulebook, const model::OrderLine& line) {
  return fmt::format(
      "No receipt, no order: the category (`{}`), list price ({}) and final sale ({}) of {} are the catalog's; the day of the purchase is not known.",
      line.category, money_text(rulebook, line.unit_price), line.final_sale ? "yes" : "no",
      line.sku);
}

// §4.4.
Verdict verdict_of(const std::vector<ItemDecision>& items) {
  auto count = [&](model::Outcome outcome) {
    return std::count_if(items.begin(), items.end(),
                         [&](const ItemDecision& i) { return i.outcome == outcome; });
  };
  auto n = static_cast<std::ptrdiff_t>(items.size());
  if (count(model::Outcome::review) > 0) return Verdict::review;
  if (count(model::Outcome::deny) == n) return Verdict::denied;
  if (count(model::Outcome::deny) == 0) return Verdict::approved;
  return Verdict::partially_approved;
}

}  // namespace

// A return decision reads the order's amounts, never the promotions' status:
// it prices with the open promotions only.
void decide_return(const CompiledRulebook& rules, const model::Claim& claim, Decision& decision) {
  const model::Rulebook& rulebook = rules.rulebook;
  require_resolved_items(claim);
  Pricing pricing = claim.has_order ? must_price(rules, claim.order, claim.customer,
                                                 PricingScope::open_promotions)
                                    : list_prices(claim.order);
  if (!claim.has_order)
    for (const model::OrderLine& line : claim.order.lines)
      decision.reasons.push_back(catalog_sentence(rulebook, line));
  std::vector<const model::OutcomeSpec*> specs = decide_items(rulebook, claim, decision);
  add_amounts(rules, claim, pricing, decision);
  add_shipping(claim, pricing, specs, decision);
  decision.verdict = verdict_of(decision.items);
  for (const auto& item : decision.items) decision.reasons.push_back(sentence(rulebook, item));
  if (decision.shipping_refund > 0)
    decision.reasons.push_back(
        fmt::format("Shipping of {} is refunded too, as the whole order comes back.",
                    money_text(rulebook, decision.shipping_refund)));
  // A guarantee decision (an item returned for a defect reason) under a
  // jurisdiction's law states who must prove what (docs/law.md).
  if (const model::LawPack* law = model::law_pack(rulebook.store.jurisdiction);
      law && rulebook.returns && claims_a_defect(*rulebook.returns, claim))
    decision.reasons.push_back(model::presumption_sentence(*law));
  decision.pricing = std::move(pricing);
}

}  // namespace fineprint::engine::detail

namespace fineprint::engine {

model::ItemFacts item_facts(const model::Rulebook& rulebook, const model::Claim& claim,
                            const model::ClaimItem& item) {
  return detail::facts_of(rulebook, claim, item);
}

std::vector<core::Minor> returned_paid_values(const model::Claim& claim, const Decision& decision,
                                              const std::vector<std::size_t>& indexes) {
  if (!decision.pricing) return std::vector<core::Minor>(indexes.size(), 0);
  return detail::paid_values(claim, *decision.pricing, indexes);
}

core::Result<std::optional<RepriceBreakdown>> reprice_breakdown(const model::Rulebook& rulebook,
                                                                const model::Claim& claim,
                                                                const Decision& decision) {
  if (!claim.has_order || !rulebook.returns ||
      rulebook.returns->basis() != model::RefundBasis::reprice || !decision.pricing ||
      decision.items.size() != claim.items.size())
    return std::optional<RepriceBreakdown>{};
  std::vector<std::size_t> paying;
  for (std::size_t i = 0; i < decision.items.size(); ++i)
    if (detail::pays_money(decision.items[i].outcome)) paying.push_back(i);
  if (paying.empty()) return std::optional<RepriceBreakdown>{};
  try {
    const Pricing& pricing = *decision.pricing;
    std::vector<core::Minor> basis = detail::paid_values(claim, pricing, paying);
    detail::Reprice reprice =
        detail::reprice_of(CompiledRulebook(rulebook), claim, pricing, paying, basis);
    RepriceBreakdown out{
        reprice.paid_total, reprice.kept.goods_paid, reprice.cap, reprice.refund, {}};
    std::map<std::string, core::Minor> after = detail::goods_discounts(reprice.kept);
    for (const auto& [id, before] : detail::goods_discounts(pricing))
      if (after[id] < before) out.changes.push_back({id, before, after[id]});
    return std::optional<RepriceBreakdown>(std::move(out));
  } catch (const detail::Failed& failed) {
    return failed.error;
  }
}

}  // namespace fineprint::engine
