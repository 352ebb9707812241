// The body of a reply to a promotion claim: what the order was owed under the
// promotion, or the condition of its terms that the order did not meet, and
// the promotion's own published terms.
#include <algorithm>

#include <fmt/format.h>

#include "letters/reply_parts.hpp"
#include "model/promotion_eligibility.hpp"

namespace fineprint::letters::detail {

namespace {

std::string title_of(const Phrasing& p, const model::Promotion& promotion) {
  return p.text(promotion.title, "the `title` of promotion `" + promotion.id.value + "`");
}

// One unmet condition of the promotion's terms, as a whole sentence.
std::string failed_sentence(const Phrasing& p, const model::Claim& claim,
                            const model::Promotion& promotion, std::string_view key) {
  const core::Instant placed = claim.order.placed_at;
  if (key == "window") {
    const std::string when = p.date(placed, i18n::DateForm::date_time);
    if (placed < promotion.starts.instant)
      return p.say("promo.failed.window_before",
                   {{"placed", when},
                    {"start", p.date(promotion.starts.instant, i18n::DateForm::date_time)}});
    const core::Instant last = promotion.ends->instant - std::chrono::seconds{1};
    return p.say("promo.failed.window_after",
                 {{"placed", when}, {"end", p.date(last, i18n::DateForm::date_time_seconds)}});
  }
  if (key == "first_order_only")
    return p.say(claim.customer.orders_before ? "promo.failed.first_order"
                                              : "promo.failed.first_order_unknown");
  if (key == "min_subtotal" && promotion.min_subtotal)
    return p.say("promo.failed.min_subtotal", {{"amount", p.money(promotion.min_subtotal->value)}});
  if (key == "min_quantity" && promotion.min_quantity)
    return p.say("promo.failed.min_quantity", {{"count", promotion.min_quantity->value}});
  if (key == "limit_per_customer" && promotion.limit_per_customer)
    return p.say("promo.failed.limit_per_customer",
                 {{"count", promotion.limit_per_customer->value}});
  if (key == "channels" || key == "code" || key == "segments" || key == "products")
    return p.say("promo.failed." + std::string(key));
  throw Failure{core::Error{"i18n/catalog",
                            fmt::format("no sentence for the promotion condition `{}`", key)}};
}

bool code_entered(const model::Claim& claim) {
  return !claim.code || std::any_of(claim.order.codes.begin(), claim.order.codes.end(),
                                    [&](const std::string& code) {
                                      return model::codes_equal(code, *claim.code);
                                    });
}

// What the decision says about the promotion, in the customer's words.
void write_outcome(const Phrasing& p, const model::Claim& claim, const engine::Decision& decision,
                   const model::Promotion& promotion, Document& document) {
  const engine::PromotionDecision& result = *decision.promotion;
  const std::string title = title_of(p, promotion);
  if (decision.verdict == engine::Verdict::review) {
    document.add(BlockKind::paragraph, p.say("promo.unknown_charge"));
  } else if (result.applied) {
    document.add(BlockKind::paragraph,
                 p.say(decision.amount > 0 ? "promo.owed" : "promo.received_all",
                       {{"promotion", title},
                        {"entitled", p.money(result.entitled.value_or(0))},
                        {"received", p.money(result.received.value_or(0))},
                        {"amount", p.money(decision.amount)}}));
  } else if (result.no_discount) {
    document.add(BlockKind::paragraph, p.say("promo.no_discount", {{"promotion", title}}));
  } else if (result.blocked_by) {
    const model::Promotion* other = promotion_named(p.rulebook(), *result.blocked_by);
    document.add(
        BlockKind::paragraph,
        p.say("promo.blocked",
              {{"promotion", title}, {"other", other ? title_of(p, *other) : *result.blocked_by}}));
  } else if (result.failed.empty() && !code_entered(claim)) {
    document.add(BlockKind::paragraph, p.say("promo.code_not_entered", {{"code", *claim.code}}));
  } else {
    document.add(
        BlockKind::paragraph,
        p.say("promo.not_applied",
              {{"promotion", title}, {"count", static_cast<std::int64_t>(result.failed.size())}}));
    for (const auto& failed : result.failed)
      document.add(BlockKind::item, failed_sentence(p, claim, promotion, failed.key));
  }
}

}  // namespace

void write_promotion(const Phrasing& p, const model::Claim& claim, const engine::Decision& decision,
                     Document& document) {
  const model::Promotion* promotion =
      decision.promotion ? promotion_named(p.rulebook(), decision.promotion->id) : nullptr;
  if (!promotion) {
    document.add(BlockKind::paragraph, claim.code
                                           ? p.say("promo.unknown_code", {{"code", *claim.code}})
                                           : p.say("promo.unknown_promotion"));
    return;
  }
  write_outcome(p, claim, decision, *promotion, document);
  const std::string terms =
      p.text(promotion->terms, "the `terms` of promotion `" + promotion->id.value + "`");
  if (!terms.empty()) {
    document.add(BlockKind::paragraph,
                 p.say("promo.terms_intro", {{"promotion", title_of(p, *promotion)}}));
    document.add(BlockKind::quote, terms);
  }
  if (decision.amount > 0) document.add(BlockKind::paragraph, p.say("next.refund"));
}

}  // namespace fineprint::letters::detail
