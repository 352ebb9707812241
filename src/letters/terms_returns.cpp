// The returns half of the published terms: the statutory rights of the
// store's jurisdiction first (law packs, docs/law.md), then the store's own
// policy as one section per outcome, each rule with its reason and its
// conditions in words, and what happens in any other case.
#include <algorithm>

#include "letters/terms_parts.hpp"
#include "model/law_pack.hpp"

namespace fineprint::letters::detail {

namespace {

using model::Outcome;

// A condition or reason name: the catalog's words for a built-in one, the
// store's own name for one it declared.
std::vector<std::string> named(const Phrasing& p, std::string_view family,
                               const model::Names& names, const std::vector<std::string>& builtin) {
  std::vector<std::string> out;
  for (const auto& name : names)
    out.push_back(std::find(builtin.begin(), builtin.end(), name.value) != builtin.end()
                      ? p.say(std::string(family) + "." + name.value)
                      : name.value);
  return out;
}

void write_statutory(const Phrasing& p, Document& document) {
  const model::Rulebook& rulebook = p.rulebook();
  const model::LawPack* law = model::law_pack(rulebook.store.jurisdiction);
  if (!law) return;
  document.add(BlockKind::subheading, p.say("terms.statutory"));
  if (!rulebook.store.distance_channels.empty())
    document.add(
        BlockKind::item,
        p.say("terms.withdrawal",
              {{"channels", p.list(p.names("channel", rulebook.store.distance_channels))}}));
  document.add(BlockKind::item, p.say("terms.guarantee", {{"years", law->guarantee_days / 365},
                                                          {"days", law->guarantee_days}}));
  document.add(BlockKind::item, p.say("terms.presumption", {{"years", law->presumption_years}}));
  if (law->notification_months)
    document.add(BlockKind::item,
                 p.say("terms.notification", {{"months", *law->notification_months}}));
  if (!rulebook.returns) return;
  for (const auto& exemption : rulebook.returns->exemptions)
    document.add(
        BlockKind::item,
        p.say("terms.exemption", {{"categories", p.list(p.names("category", exemption.categories))},
                                  {"conditions", p.list(named(p, "condition", exemption.conditions,
                                                              model::builtin_conditions()))}}));
}

void write_days(const Phrasing& p, const model::Range& days, Document& document) {
  const std::string event =
      p.rulebook().returns->window_from &&
              p.rulebook().returns->window_from->value == model::WindowFrom::purchase
          ? "purchase"
          : "delivery";
  if (days.min && days.max)
    document.add(
        BlockKind::item,
        p.say("terms.when.days_range", {{"min", *days.min}, {"max", *days.max}, {"event", event}}));
  else if (days.max)
    document.add(BlockKind::item,
                 p.say("terms.when.days_max", {{"max", *days.max}, {"event", event}}));
  else if (days.min)
    document.add(BlockKind::item,
                 p.say("terms.when.days_min", {{"min", *days.min}, {"event", event}}));
}

void write_range(const Phrasing& p, std::string_view key, const model::Range& range, bool money,
                 Document& document) {
  auto value = [&](std::int64_t v) -> i18n::ArgValue {
    if (money) return p.money(v);
    return v;
  };
  std::string base(key);
  if (range.min && range.max)
    document.add(BlockKind::item,
                 p.say(base, {{"min", value(*range.min)}, {"max", value(*range.max)}}));
  else if (range.min)
    document.add(BlockKind::item, p.say(base + "_min", {{"min", value(*range.min)}}));
  else if (range.max)
    document.add(BlockKind::item, p.say(base + "_max", {{"max", value(*range.max)}}));
}

// A rule's `when`, one list item per key, in the table's key order.
void write_when(const Phrasing& p, const model::When& when, Document& document) {
  auto list = [&](std::string_view key, std::vector<std::string> names) {
    document.add(BlockKind::item, p.say(key, {{"list", p.list(names)}}));
  };
  if (when.category) list("terms.when.category", p.names("category", *when.category));
  if (when.sku) list("terms.when.sku", model::values(*when.sku));
  if (when.channel) list("terms.when.channel", p.names("channel", *when.channel));
  if (when.condition)
    document.add(BlockKind::item, p.say("terms.when.condition",
                                        {{"list", p.list(named(p, "condition", *when.condition,
                                                               model::builtin_conditions()))}}));
  if (when.reason)
    document.add(
        BlockKind::item,
        p.say("terms.when.reason",
              {{"list", p.list(named(p, "reason", *when.reason, model::builtin_reasons()))}}));
  if (when.days) write_days(p, *when.days, document);
  if (when.has_receipt)
    document.add(BlockKind::item,
                 p.say(when.has_receipt->value ? "terms.when.receipt" : "terms.when.no_receipt"));
  if (when.final_sale)
    document.add(BlockKind::item, p.say(when.final_sale->value ? "terms.when.final_sale"
                                                               : "terms.when.not_final_sale"));
  if (when.unit_price) write_range(p, "terms.when.unit_price", *when.unit_price, true, document);
  if (when.segment) list("terms.when.segment", p.names("segment", *when.segment));
  if (when.returns_90d && when.returns_90d->min && when.returns_90d->max)
    document.add(BlockKind::item,
                 p.say("terms.when.returns_90d",
                       {{"min", *when.returns_90d->min}, {"max", *when.returns_90d->max}}));
}

void write_spec(const Phrasing& p, const model::OutcomeSpec& spec, std::string_view where,
                Document& document) {
  const std::string because = p.text(spec.because, "the `because` of " + std::string(where));
  if (!because.empty()) document.add(BlockKind::paragraph, because);
  if (spec.fee_percent)
    document.add(BlockKind::paragraph,
                 p.say("terms.fee", {{"percent", p.percent(spec.fee_percent->value)}}));
  if (spec.refund_shipping) document.add(BlockKind::paragraph, p.say("terms.refund_shipping"));
}

void write_policy(const Phrasing& p, const model::Returns& returns, Document& document) {
  document.add(BlockKind::heading, p.say("terms.policy"));
  constexpr Outcome kOrder[] = {Outcome::refund, Outcome::store_credit, Outcome::exchange,
                                Outcome::repair, Outcome::replace,      Outcome::repair_or_replace,
                                Outcome::deny,   Outcome::review};
  for (Outcome outcome : kOrder) {
    bool headed = false;
    for (const auto& rule : returns.rules) {
      if (rule.outcome.outcome != outcome) continue;
      if (!headed)
        document.add(BlockKind::subheading,
                     p.say("terms.outcome." + std::string(model::outcome_name(outcome))));
      headed = true;
      write_when(p, rule.when, document);
      write_spec(p, rule.outcome, "returns rule `" + rule.id.value + "`", document);
    }
  }
  if (!returns.otherwise) return;
  document.add(BlockKind::subheading, p.say("terms.otherwise"));
  document.add(
      BlockKind::paragraph,
      p.say("terms.outcome." + std::string(model::outcome_name(returns.otherwise->outcome))));
  write_spec(p, *returns.otherwise, "the returns table's `otherwise`", document);
}

}  // namespace

void write_returns(const Phrasing& p, Document& document) {
  document.add(BlockKind::heading, p.say("terms.returns"));
  write_statutory(p, document);
  if (p.rulebook().returns) write_policy(p, *p.rulebook().returns, document);
}

}  // namespace fineprint::letters::detail
