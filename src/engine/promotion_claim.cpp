// A promotion claim (docs/semantics.md §3): late codes, the order priced, what it
// received, and what is owed.
#include <algorithm>

#include <fmt/format.h>

#include "core/did_you_mean.hpp"
#include "engine/checked.hpp"
#include "engine/claim_steps.hpp"
#include "model/promotion_eligibility.hpp"

namespace fineprint::engine::detail {

namespace {

const model::Promotion* by_id(const model::Rulebook& rulebook, std::string_view id) {
  for (const auto& p : rulebook.promotions)
    if (p.id.value == id) return &p;
  return nullptr;
}

// The promotion a code names. Should two share it (promo/code-collision), the
// first in the order pricing considers them: priority desc, id asc.
const model::Promotion* by_code(const model::Rulebook& rulebook, std::string_view code) {
  const model::Promotion* best = nullptr;
  for (const auto& p : rulebook.promotions) {
    if (!p.code || !model::codes_equal(p.code->value, code)) continue;
    if (!best || p.priority > best->priority ||
        (p.priority == best->priority && p.id.value < best->id.value))
      best = &p;
  }
  return best;
}

std::string title_of(const model::Store& store, const model::Promotion& p) {
  return fmt::format("`{}` ({})", p.id.value, store.report_text(p.title));
}

std::string join_failures(const std::vector<FailedCondition>& failed) {
  std::string out;
  for (std::size_t i = 0; i < failed.size(); ++i) out += (i == 0 ? "" : "; ") + failed[i].message;
  return out;
}

// Without `discount_received`, what was charged is told by every line's
// `paid` and, when the order is entitled to a shipping discount (v1.1), by
// `shipping_paid`. Empty when everything needed is there; else what is missing.
std::string unknown_charge_of(const model::Rulebook& rulebook, const model::Order& order,
                              const Pricing& pricing) {
  bool lines_paid = std::all_of(order.lines.begin(), order.lines.end(),
                                [](const auto& l) { return l.paid.has_value(); });
  bool shipping_told = order.shipping_paid || pricing.shipping_discount == 0;
  std::string lines = "not every line has `paid`";
  std::string shipping =
      fmt::format("no `shipping_paid` although it is entitled to {} off its shipping",
                  money_text(rulebook, pricing.shipping_discount));
  if (!lines_paid && !shipping_told) return lines + ", and it has " + shipping;
  if (!lines_paid) return lines;
  if (!shipping_told) return shipping;
  return {};
}

// §3.2: Σ over lines of list − paid, plus shipping − shipping_paid when given.
core::Minor received_from_charges(const model::Order& order, const Pricing& pricing) {
  core::Minor received = 0;
  for (std::size_t i = 0; i < order.lines.size(); ++i)
    received = add(received,
                   sub(pricing.lines[i].list, *order.lines[i].paid, "a line's discount received"),
                   "the discount received");
  if (order.shipping_paid)
    received =
        add(received, sub(order.shipping, *order.shipping_paid, "the shipping discount received"),
            "the discount received");
  return received;
}

void deny(Decision& decision, std::string reason) {
  decision.verdict = Verdict::denied;
  decision.reasons.push_back(std::move(reason));
}

// §3.1: a code named in the claim but not entered at checkout is added to
// `order` within late_code_days; false when the claim is denied for it.
bool admit_claimed_code(const model::Rulebook& rulebook, const model::Claim& claim,
                        model::Order& order, PromotionDecision& result, Decision& decision) {
  if (claim.code) {
    bool entered = std::any_of(order.codes.begin(), order.codes.end(), [&](const std::string& c) {
      return model::codes_equal(c, *claim.code);
    });
    if (!entered) {
      std::int64_t days = core::days_between(rulebook.store.zone, order.placed_at, claim.filed_at);
      std::int64_t allowed = rulebook.store.late_code_days;
      if (allowed > 0 && days <= allowed) {
        order.codes.push_back(*claim.code);
        decision.reasons.push_back(fmt::format(
            "The code `{}` was not entered at checkout, but the claim was filed {} day{} after the order, within the {} day{} the store allows.",
            *claim.code, days, days == 1 ? "" : "s", allowed, allowed == 1 ? "" : "s"));
      } else {
        const model::Promotion* coded = by_code(rulebook, *claim.code);
        result.id = claim.promotion.value_or(coded ? coded->id.value : "");
        decision.promotion = result;
        deny(
            decision,
            allowed > 0
                ? fmt::format(
                      "The code `{}` was not entered at checkout, and the claim was filed {} days after the order; late codes are honoured within {} day{}.",
                      *claim.code, days, allowed, allowed == 1 ? "" : "s")
                : fmt::format(
                      "The code `{}` was not entered at checkout, and the store does not honour codes given later.",
                      *claim.code));
        return false;
      }
    }
  }
  return true;
}

// The promotion the claim names, by code or id; null when the claim is
// denied because it names none.
const model::Promotion* named_promotion(const model::Rulebook& rulebook, const model::Claim& claim,
                                        PromotionDecision& result, Decision& decision) {
  const model::Promotion* named = nullptr;
  if (claim.code) {
    const model::Promotion* coded = by_code(rulebook, *claim.code);
    if (!coded) {
      result.id = claim.promotion.value_or("");
      decision.promotion = result;
      deny(decision, fmt::format("The code `{}` matches no promotion.", *claim.code));
      return nullptr;
    }
    named = coded;
  }
  if (claim.promotion) {
    named = by_id(rulebook, *claim.promotion);
    if (!named) {
      std::vector<std::string> ids;
      for (const auto& p : rulebook.promotions) ids.push_back(p.id.value);
      std::string text = fmt::format("There is no promotion `{}`", *claim.promotion);
      if (auto suggestion = core::did_you_mean(*claim.promotion, ids))
        text += fmt::format("; did you mean `{}`?", *suggestion);
      result.id = *claim.promotion;
      decision.promotion = result;
      deny(decision, text + (text.back() == '?' ? "" : "."));
      return nullptr;
    }
  }
  return named;
}

// §3.3–3.4: not applied is denied with its reason; else owed = entitled −
// received.
void settle(const model::Rulebook& rulebook, const model::Promotion& named,
            PromotionDecision result, Decision& decision) {
  // 3. Not applied.
  if (!result.applied) {
    if (result.no_discount) {
      deny(decision,
           fmt::format(
               "Promotion {} does not apply to this order: it would take nothing off, as {}.",
               title_of(rulebook.store, named), *result.no_discount));
    } else if (result.blocked_by) {
      deny(
          decision,
          fmt::format(
              "Promotion {} does not apply to this order: it was blocked by promotion `{}`, which cannot be combined with it.",
              title_of(rulebook.store, named), *result.blocked_by));
    } else {
      deny(decision, fmt::format("Promotion {} does not apply to this order: {}.",
                                 title_of(rulebook.store, named), join_failures(result.failed)));
    }
    decision.promotion = std::move(result);
    return;
  }
  // 4. Owed.
  core::Minor owed = sub(*result.entitled, *result.received, "the amount owed");
  std::string entitled = money_text(rulebook, *result.entitled);
  std::string received = money_text(rulebook, *result.received);
  if (owed > 0) {
    decision.verdict = Verdict::approved;
    decision.amount = owed;
    decision.reasons.push_back(fmt::format(
        "Promotion {} applies: the order is entitled to {} off in total and received {}, so {} is refunded.",
        title_of(rulebook.store, named), entitled, received, money_text(rulebook, owed)));
  } else {
    deny(
        decision,
        fmt::format(
            "Promotion {} applies: the order is entitled to {} off in total and received {}; the order already received its full entitlement.",
            title_of(rulebook.store, named), entitled, received));
  }
  decision.promotion = std::move(result);
}

}  // namespace

void decide_promotion(const model::Rulebook& rulebook, const model::Claim& claim,
                      Decision& decision) {
  PromotionDecision result;
  model::Order order = claim.order;
  if (!admit_claimed_code(rulebook, claim, order, result, decision)) return;
  const model::Promotion* named = named_promotion(rulebook, claim, result, decision);
  if (!named) return;
  result.id = named->id.value;

  // §3.2: price the order and find what it received.
  Pricing pricing = must_price(rulebook, order, claim.customer);
  result.entitled = pricing.total_discount;
  std::string unknown_charge;  // why what was received cannot be told
  if (order.discount_received) {
    result.received = *order.discount_received;
  } else {
    unknown_charge = unknown_charge_of(rulebook, order, pricing);
    if (unknown_charge.empty()) result.received = received_from_charges(order, pricing);
  }
  const PromotionResult* status = pricing.find(named->id.value);
  result.applied = status && status->status == PromotionStatus::applied;
  if (status && status->status == PromotionStatus::blocked) result.blocked_by = status->blocked_by;
  if (status && status->status == PromotionStatus::no_discount)
    result.no_discount = status->no_discount;
  if (status) result.failed = status->failed;
  decision.pricing = std::move(pricing);

  if (!result.received) {
    decision.verdict = Verdict::review;
    decision.reasons.push_back(fmt::format(
        "The order does not say what was charged: it has no `discount_received`, and {}.",
        unknown_charge));
    decision.promotion = std::move(result);
    return;
  }
  settle(rulebook, *named, std::move(result), decision);
}

}  // namespace fineprint::engine::detail
