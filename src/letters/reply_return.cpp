// The body of a reply to a return claim: the day count, each item's outcome
// with the rule's own reason and deadline, the reprice explanation, shipping,
// the total, the statutory presumption and what happens next.
#include <algorithm>

#include "letters/reply_parts.hpp"
#include "model/law_pack.hpp"

namespace fineprint::letters::detail {

namespace {

using model::Outcome;

bool pays_money(Outcome outcome) {
  return outcome == Outcome::refund || outcome == Outcome::store_credit;
}

// The instant day 0 is counted from (semantics §4.1), when the order has it.
std::optional<core::Instant> day_zero_event(const model::Rulebook& rulebook,
                                            const model::Claim& claim) {
  if (!claim.has_order || !rulebook.returns || !rulebook.returns->window_from) return std::nullopt;
  if (rulebook.returns->window_from->value == model::WindowFrom::delivery)
    return claim.order.delivered_at;
  return claim.order.placed_at;
}

bool from_delivery(const model::Rulebook& rulebook) {
  return rulebook.returns && rulebook.returns->window_from &&
         rulebook.returns->window_from->value == model::WindowFrom::delivery;
}

const model::ReturnsRule* rule_named(const model::Rulebook& rulebook, std::string_view id) {
  if (!rulebook.returns) return nullptr;
  for (const auto& rule : rulebook.returns->rules)
    if (rule.id.value == id) return &rule;
  return nullptr;
}

// The returns rule (or `otherwise`) whose outcome the item got; nullptr when
// the engine sent it to review itself (a missing fact, no rule, a clash).
const model::OutcomeSpec* deciding_spec(const model::Rulebook& rulebook,
                                        const engine::ItemDecision& item) {
  if (item.rule == "otherwise" && rulebook.returns && rulebook.returns->otherwise)
    return &*rulebook.returns->otherwise;
  const model::ReturnsRule* rule = rule_named(rulebook, item.rule);
  if (!rule) return nullptr;
  for (const auto& step : item.trace)
    if (step.rule == item.rule && step.kind != model::MatchKind::matched) return nullptr;
  return &rule->outcome;
}

// Why the engine itself sent an item to review, in the customer's words.
std::string review_reason(const Phrasing& p, const model::Claim& claim,
                          const engine::ItemDecision& item) {
  const model::Rulebook& rulebook = p.rulebook();
  for (const auto& step : item.trace) {
    if (step.rule != item.rule || step.kind != model::MatchKind::unknown) continue;
    if (step.key == "returns_90d") return p.say("review.no_returns_count");
    if (!claim.has_order) return p.say("review.no_receipt_date");
    if (!rulebook.returns || !rulebook.returns->window_from) return p.say("review.no_day_zero");
    return p.say(from_delivery(rulebook) ? "review.no_delivery_date" : "review.no_purchase_date");
  }
  auto matched = std::count_if(item.trace.begin(), item.trace.end(), [](const auto& step) {
    return step.kind == model::MatchKind::matched;
  });
  return p.say(matched > 1 ? "review.several_rules" : "review.no_rule");
}

// The deadline of the deciding rule's `days`, against the day the customer wrote.
void add_deadline(const Phrasing& p, const model::Claim& claim, const model::ReturnsRule* rule,
                  const engine::ItemDecision& item, std::vector<std::string>& sentences) {
  const std::optional<core::Instant> event = day_zero_event(p.rulebook(), claim);
  if (!event) return;
  const core::Zone zone = p.rulebook().store.zone;
  const std::int64_t days = core::days_between(zone, *event, claim.filed_at);
  const date::local_days day0 = core::local_day(zone, *event);
  auto last = [&](std::int64_t n) { return p.day(day0 + date::days{n}); };
  std::int64_t ended = -1;
  if (rule && rule->when.days) {
    const model::Range& range = *rule->when.days;
    if (range.max && days <= *range.max) {
      sentences.push_back(
          p.say("fact.within", {{"period", *range.max}, {"last", last(*range.max)}}));
    } else if (range.min && days >= *range.min) {
      ended = *range.min - 1;
      sentences.push_back(p.say("fact.ended", {{"period", ended}, {"last", last(ended)}}));
    }
  }
  // The statutory 14 days of an online order, when the answer is not its refund.
  const model::Store& store = p.rulebook().store;
  if (model::eu_law_applies(store.jurisdiction) && from_delivery(p.rulebook()) &&
      model::is_distance_channel(store, claim.order.channel) && days > 14 && ended != 14 &&
      item.outcome != Outcome::refund)
    sentences.push_back(p.say("fact.withdrawal_ended", {{"last", last(14)}}));
}

std::string item_paragraph(const Phrasing& p, const model::Claim& claim,
                           const engine::ItemDecision& item) {
  std::vector<std::string> sentences;
  sentences.push_back(
      p.say("item." + outcome_key(item.outcome),
            {{"sku", item.sku}, {"qty", item.qty}, {"amount", p.money(item.amount)}}));
  const model::OutcomeSpec* spec = deciding_spec(p.rulebook(), item);
  const std::string where = item.rule == "otherwise"
                                ? std::string("the returns table's `otherwise`")
                                : "returns rule `" + item.rule + "`";
  if (!spec) {
    sentences.push_back(review_reason(p, claim, item));
  } else {
    std::string because = p.text(spec->because, "the `because` of " + where);
    if (!because.empty()) sentences.push_back(because);
  }
  if (pays_money(item.outcome) && item.fee_percent && item.fee > 0)
    sentences.push_back(
        p.say("item.fee", {{"percent", p.percent(*item.fee_percent)}, {"fee", p.money(item.fee)}}));
  if (spec) add_deadline(p, claim, rule_named(p.rulebook(), item.rule), item, sentences);
  if (spec) {
    std::string cite = p.text(spec->cite, "the `cite` of " + where);
    if (!cite.empty()) sentences.push_back(p.say("item.basis", {{"cite", cite}}));
  }
  std::string paragraph;
  for (const auto& sentence : sentences) paragraph += (paragraph.empty() ? "" : " ") + sentence;
  return paragraph;
}

// "You wrote to us on …, 26 days after the delivery on …": once per letter.
void write_day_count(const Phrasing& p, const model::Claim& claim, Document& document) {
  const std::optional<core::Instant> event = day_zero_event(p.rulebook(), claim);
  if (!event) return;
  const core::Zone zone = p.rulebook().store.zone;
  document.add(BlockKind::paragraph,
               p.say("fact.days",
                     {{"filed", p.date(claim.filed_at)},
                      {"days", core::days_between(zone, *event, claim.filed_at)},
                      {"event", std::string(from_delivery(p.rulebook()) ? "delivery" : "purchase")},
                      {"event_date", p.date(*event)}}));
}

// Reprice basis: which promotion's benefit the return takes back, and the sum.
void write_reprice(const Phrasing& p, const model::Claim& claim, const engine::Decision& decision,
                   Document& document) {
  auto breakdown = engine::reprice_breakdown(p.rulebook(), claim, decision);
  if (!breakdown) throw Failure{breakdown.error()};
  if (!*breakdown || (*breakdown)->changes.empty()) return;
  const engine::RepriceBreakdown& b = **breakdown;
  for (const engine::PromotionChange& change : b.changes) {
    const model::Promotion* promotion = promotion_named(p.rulebook(), change.id);
    if (!promotion) continue;
    std::string title = p.text(promotion->title, "the `title` of promotion `" + change.id + "`");
    document.add(BlockKind::paragraph, p.say(change.after == 0 ? "reprice.lost" : "reprice.reduced",
                                             {{"promotion", title},
                                              {"before", p.money(change.before)},
                                              {"after", p.money(change.after)}}));
  }
  const core::Minor difference = b.paid_total - b.kept_cost;
  if (difference <= 0)
    document.add(BlockKind::paragraph, p.say("reprice.nothing"));
  else if (difference >= b.cap)
    document.add(BlockKind::paragraph, p.say("reprice.full", {{"refund", p.money(b.cap)}}));
  else
    document.add(BlockKind::paragraph, p.say("reprice.amount", {{"paid", p.money(b.paid_total)},
                                                                {"kept", p.money(b.kept_cost)},
                                                                {"refund", p.money(b.refund)}}));
}

void write_total(const Phrasing& p, const engine::Decision& decision, Document& document) {
  if (decision.shipping_refund > 0)
    document.add(BlockKind::paragraph,
                 p.say("total.shipping", {{"amount", p.money(decision.shipping_refund)}}));
  const auto paying = std::count_if(decision.items.begin(), decision.items.end(),
                                    [](const auto& item) { return pays_money(item.outcome); });
  // One paying item and no shipping: its own sentence already says the amount.
  if (decision.amount <= 0 || (paying < 2 && decision.shipping_refund == 0)) return;
  bool refunds = true, credits = true;
  for (const auto& item : decision.items) {
    if (!pays_money(item.outcome)) continue;
    refunds = refunds && item.outcome == Outcome::refund;
    credits = credits && item.outcome == Outcome::store_credit;
  }
  const char* key = refunds ? "total.refund" : credits ? "total.credit" : "total.mixed";
  document.add(BlockKind::paragraph, p.say(key, {{"amount", p.money(decision.amount)}}));
}

// A guarantee answer states the burden of proof of the store's jurisdiction.
void write_presumption(const Phrasing& p, const model::Claim& claim, Document& document) {
  const model::LawPack* law = model::law_pack(p.rulebook().store.jurisdiction);
  if (!law || !p.rulebook().returns) return;
  const std::vector<std::string> defects = model::defect_reasons(*p.rulebook().returns);
  bool defect = std::any_of(claim.items.begin(), claim.items.end(), [&](const auto& item) {
    return std::find(defects.begin(), defects.end(), item.reason) != defects.end();
  });
  if (defect)
    document.add(BlockKind::paragraph,
                 p.say("law.presumption", {{"years", law->presumption_years}}));
}

void write_next_steps(const Phrasing& p, const engine::Decision& decision, Document& document) {
  std::vector<Outcome> said;
  for (const auto& item : decision.items) {
    if (item.outcome == Outcome::deny ||
        std::find(said.begin(), said.end(), item.outcome) != said.end())
      continue;
    said.push_back(item.outcome);
    document.add(BlockKind::paragraph, p.say("next." + outcome_key(item.outcome)));
  }
}

}  // namespace

std::string outcome_key(model::Outcome outcome) {
  return std::string(model::outcome_name(outcome));
}

void write_return(const Phrasing& p, const model::Claim& claim, const engine::Decision& decision,
                  Document& document) {
  write_day_count(p, claim, document);
  for (const auto& item : decision.items)
    document.add(BlockKind::paragraph, item_paragraph(p, claim, item));
  write_reprice(p, claim, decision, document);
  write_total(p, decision, document);
  write_presumption(p, claim, document);
  write_next_steps(p, decision, document);
}

}  // namespace fineprint::letters::detail
