// The gesture of goodwill granted with a claim (issue 17), in the letter after
// the rules' answer: said to be beyond what the terms and the law require,
// never as a right, and leaving the decision as it is.
#include "letters/reply_parts.hpp"

namespace fineprint::letters::detail {

namespace {

const model::Goodwill* goodwill_named(const model::Rulebook& rulebook, std::string_view id) {
  for (const auto& goodwill : rulebook.goodwill)
    if (goodwill.id.value == id) return &goodwill;
  return nullptr;
}

std::string gesture_sentence(const Phrasing& p, const engine::GoodwillPart& part) {
  switch (part.gesture) {
    case model::GestureKind::voucher_percent:
      if (part.amount)
        return p.say("goodwill.voucher", {{"percent", p.percent(part.percent)},
                                          {"max", p.money(*part.amount)},
                                          {"days", part.voucher_days}});
      return p.say("goodwill.voucher_uncapped",
                   {{"percent", p.percent(part.percent)}, {"days", part.voucher_days}});
    case model::GestureKind::refund_percent:
      // Capped by max_amount: the amount is not that percentage of the price.
      return p.say(
          part.capped ? "goodwill.refund_capped" : "goodwill.refund",
          {{"percent", p.percent(part.percent)}, {"amount", p.money(part.amount.value_or(0))}});
    case model::GestureKind::amount:
      return p.say("goodwill.amount", {{"amount", p.money(part.amount.value_or(0))}});
    case model::GestureKind::replacement:
      return p.say("goodwill.replacement", {{"items", p.list(part.skus)}});
  }
  return {};
}

}  // namespace

void write_goodwill(const Phrasing& p, const engine::Decision& decision, Document& document) {
  if (!decision.goodwill) return;
  const engine::GoodwillPart& part = *decision.goodwill;
  const model::Goodwill* goodwill = goodwill_named(p.rulebook(), part.id);
  if (!goodwill) return;
  const std::string what = "goodwill `" + part.id + "`";
  std::string paragraph =
      p.say("goodwill.intro", {{"title", p.text(goodwill->title, "the `title` of " + what)}});
  paragraph += " " + gesture_sentence(p, part);
  std::string text = p.text(goodwill->text, "the `text` of " + what);
  if (!text.empty()) paragraph += " " + text;
  document.add(BlockKind::paragraph, paragraph);
}

}  // namespace fineprint::letters::detail
