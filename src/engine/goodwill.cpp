#include "engine/goodwill.hpp"

#include <algorithm>

#include <date/date.h>
#include <fmt/format.h>

#include "core/did_you_mean.hpp"
#include "engine/checked.hpp"
#include "engine/claim_steps.hpp"
#include "engine/decision.hpp"

namespace fineprint::engine {

namespace {

using core::Minor;

std::string range_words(const model::Range& range) {
  if (range.min && range.max) return fmt::format("{} to {}", *range.min, *range.max);
  if (range.min) return fmt::format("at least {}", *range.min);
  if (range.max) return fmt::format("at most {}", *range.max);
  return "any number";
}

// "2.50 EUR", as every engine message writes money.
std::string money(const model::Rulebook& rulebook, Minor amount) {
  return detail::money_text(rulebook, amount);
}

// The customer's history, when the entry asks about it.
std::optional<std::string> customer_fails(const model::Goodwill& goodwill,
                                          const model::Claim& claim) {
  if (!goodwill.orders_before) return std::nullopt;
  const auto& before = claim.customer.orders_before;
  if (!before) return "the claim does not say the customer's `orders_before`";
  if (goodwill.orders_before->contains(*before)) return std::nullopt;
  return fmt::format("the customer's orders_before {} is not {}", *before,
                     range_words(*goodwill.orders_before));
}

// Why the first returned item is not covered: the `when` key that fails, the
// fact the claim lacks, or the outcome the rules gave it.
std::string item_fails(const model::Goodwill& goodwill, const model::ItemFacts& facts,
                       const model::Match& match, model::Outcome outcome) {
  if (match.kind == model::MatchKind::failed)
    return fmt::format("its `when` {} does not hold for {}", match.key, facts.sku);
  if (match.kind == model::MatchKind::unknown)
    return fmt::format("the claim does not give `{}` for {}", match.key, facts.sku);
  return fmt::format("{} is decided `{}`, not one of outcome_in {}", facts.sku,
                     model::outcome_name(outcome), model::outcome_in_text(goodwill, "any"));
}

// The returned items the entry is for: its `when` holds (the same test as a
// returns rule's) and the rules decided them as `outcome_in` says.
std::vector<std::size_t> covered_items(const model::Rulebook& rulebook,
                                       const model::Goodwill& goodwill, const model::Claim& claim,
                                       const Decision& decision, std::string& why_not) {
  std::vector<std::size_t> covered;
  for (std::size_t i = 0; i < claim.items.size() && i < decision.items.size(); ++i) {
    model::ItemFacts facts = item_facts(rulebook, claim, claim.items[i]);
    model::Match match = model::match_when(goodwill.when, facts);
    model::Outcome outcome = decision.items[i].outcome;
    if (match.kind == model::MatchKind::matched && model::follows_outcome(goodwill, outcome)) {
      covered.push_back(i);
    } else if (why_not.empty()) {
      why_not = item_fails(goodwill, facts, match, outcome);
    }
  }
  return covered;
}

// What the gesture is worth (docs/semantics.md §6.2); false when a
// replacement is worth more than `max_amount` allows.
bool value_gesture(const model::Rulebook& rulebook, const model::Goodwill& goodwill,
                   Minor paid_value, GoodwillOffer& offer) {
  std::optional<Minor> cap;
  if (goodwill.max_amount) cap = goodwill.max_amount->value;
  auto capped = [&](Minor value) { return cap ? std::min(value, *cap) : value; };
  switch (goodwill.gesture) {
    case model::GestureKind::voucher_percent:
      offer.amount = cap;
      return true;
    case model::GestureKind::refund_percent: {
      Minor share = detail::percent(paid_value, goodwill.percent, rulebook.store.rounding,
                                    "a goodwill refund");
      offer.amount = capped(share);
      offer.capped = *offer.amount < share;  // the letter must not call the cap "N% of the price"
      return true;
    }
    case model::GestureKind::amount:
      offer.amount = capped(goodwill.amount);
      return true;
    case model::GestureKind::replacement:
      offer.amount = paid_value;
      if (cap && paid_value > *cap) {
        offer.why_not = fmt::format("the items' paid value {} is more than its max_amount {}",
                                    money(rulebook, paid_value), money(rulebook, *cap));
        return false;
      }
      return true;
  }
  return true;
}

// `limit_per_customer` grants of this id per `period_days`, counted to the
// claim's filing day in the store's zone (docs/semantics.md §6.3).
bool within_limit(const model::Rulebook& rulebook, const model::Goodwill& goodwill,
                  const model::Claim& claim, GoodwillOffer& offer) {
  if (!goodwill.limit_per_customer) return true;
  const core::Zone zone = rulebook.store.zone;
  const date::local_days filed = core::local_day(zone, claim.filed_at);
  std::vector<date::local_days> counted;
  for (const auto& grant : claim.customer.goodwill) {
    if (grant.id != goodwill.id.value) continue;
    date::local_days day = core::local_day(zone, grant.at);
    if (!goodwill.period_days || day + date::days{goodwill.period_days->value} > filed)
      counted.push_back(day);
  }
  const std::int64_t limit = goodwill.limit_per_customer->value;
  if (static_cast<std::int64_t>(counted.size()) < limit) return true;
  if (!goodwill.period_days) {
    offer.why_not = fmt::format(
        "the customer already had it {} of {} times its limit_per_customer allows, with no period_days after which it counts again",
        counted.size(), limit);
    return false;
  }
  // Possible again once enough counted grants have left the period: the
  // oldest that must leave, plus the period.
  std::sort(counted.begin(), counted.end());
  date::local_days again = counted[counted.size() - static_cast<std::size_t>(limit)] +
                           date::days{goodwill.period_days->value};
  offer.again = date::format("%F", again);
  offer.why_not = fmt::format(
      "the customer already had it {} of {} times its limit_per_customer allows in {} days (counted to the claim's filing day {}); it becomes possible again on {}",
      counted.size(), limit, goodwill.period_days->value, date::format("%F", filed), *offer.again);
  return false;
}

GoodwillOffer weigh(const model::Rulebook& rulebook, const model::Goodwill& goodwill,
                    const model::Claim& claim, const Decision& decision) {
  GoodwillOffer offer;
  offer.id = goodwill.id.value;
  offer.gesture = goodwill.gesture;
  offer.words = gesture_words(rulebook, goodwill, std::nullopt);
  if (claim.kind != model::ClaimKind::return_claim) {
    offer.why_not = "gestures of goodwill follow return claims only";
    return offer;
  }
  if (auto fails = customer_fails(goodwill, claim)) {
    offer.why_not = *fails;
    return offer;
  }
  std::vector<std::size_t> covered =
      covered_items(rulebook, goodwill, claim, decision, offer.why_not);
  if (covered.empty()) return offer;
  offer.why_not.clear();
  Minor paid_value = 0;
  for (Minor value : returned_paid_values(claim, decision, covered))
    paid_value = detail::add(paid_value, value, "the goodwill items' paid value");
  for (std::size_t i : covered) offer.skus.push_back(claim.items[i].sku);
  bool valued = value_gesture(rulebook, goodwill, paid_value, offer);
  offer.words = gesture_words(rulebook, goodwill, offer.amount, offer.capped);
  if (!valued) return offer;
  if (!within_limit(rulebook, goodwill, claim, offer)) return offer;
  offer.eligible = true;
  return offer;
}

}  // namespace

std::vector<GoodwillOffer> goodwill_offers(const model::Rulebook& rulebook,
                                           const model::Claim& claim, const Decision& decision) {
  std::vector<GoodwillOffer> offers;
  for (const auto& goodwill : rulebook.goodwill)
    offers.push_back(weigh(rulebook, goodwill, claim, decision));
  return offers;
}

core::Result<GoodwillPart> grant_goodwill(const model::Rulebook& rulebook,
                                          const std::vector<GoodwillOffer>& offers,
                                          const model::GoodwillChoice& choice) {
  std::vector<std::string> ids;
  for (const auto& goodwill : rulebook.goodwill) ids.push_back(goodwill.id.value);
  auto at = std::find(ids.begin(), ids.end(), choice.id);
  if (at == ids.end()) {
    std::string message = fmt::format("goodwill \"{}\" is not in the rulebook", choice.id);
    if (auto suggestion = core::did_you_mean(choice.id, ids))
      message += fmt::format("; did you mean \"{}\"?", *suggestion);
    return core::Error{"goodwill/refused", std::move(message)};
  }
  const std::size_t index = static_cast<std::size_t>(at - ids.begin());
  const model::Goodwill& goodwill = rulebook.goodwill[index];
  const GoodwillOffer& offer = offers[index];
  if (!offer.eligible)
    return core::Error{"goodwill/refused",
                       fmt::format("goodwill {} cannot be granted: {}", choice.id, offer.why_not)};
  bool noted = choice.note && choice.note->find_first_not_of(" \t\n") != std::string::npos;
  if (goodwill.requires_note && !noted)
    return core::Error{
        "goodwill/refused",
        fmt::format(
            "goodwill {} requires a note: say why it is granted (--note TEXT, or `note` in [goodwill])",
            choice.id)};
  return GoodwillPart{goodwill.id.value, goodwill.gesture, goodwill.percent, goodwill.voucher_days,
                      offer.amount,      offer.capped,     offer.skus,       choice.note,
                      offer.words};
}

std::string gesture_words(const model::Rulebook& rulebook, const model::Goodwill& goodwill,
                          const std::optional<core::Minor>& amount, bool capped) {
  switch (goodwill.gesture) {
    case model::GestureKind::voucher_percent:
      if (amount)
        return fmt::format("{}% voucher, valid {} days, at most {}",
                           core::format_percent(goodwill.percent), goodwill.voucher_days,
                           money(rulebook, *amount));
      return fmt::format("{}% voucher, valid {} days", core::format_percent(goodwill.percent),
                         goodwill.voucher_days);
    case model::GestureKind::refund_percent:
      if (capped)
        return fmt::format("refund of {}% of the paid value, capped at its max_amount ({})",
                           core::format_percent(goodwill.percent),
                           money(rulebook, amount.value_or(0)));
      return fmt::format("refund of {}% of the paid value ({})",
                         core::format_percent(goodwill.percent),
                         money(rulebook, amount.value_or(0)));
    case model::GestureKind::amount:
      return money(rulebook, amount.value_or(goodwill.amount));
    case model::GestureKind::replacement:
      return fmt::format("replacement (worth {})", money(rulebook, amount.value_or(0)));
  }
  return {};
}

}  // namespace fineprint::engine
