// The promotions half of the published terms: for each promotion, in the
// rulebook's order, its window (to the last included second: windows are
// half-open), who and what it is for, the benefit, limits and combinability,
// and its own terms text.
#include "letters/terms_parts.hpp"

namespace fineprint::letters::detail {

namespace {

using model::BenefitKind;

std::string title_of(const Phrasing& p, const model::Promotion& promotion) {
  return p.text(promotion.title, "the `title` of promotion `" + promotion.id.value + "`");
}

// "From 1 December 2026, 00:00 up to and including 31 December 2026, 23:59:59":
// `ends` is the first instant outside, so the last second inside is ends − 1 s.
std::string window(const Phrasing& p, const model::Promotion& promotion) {
  const std::string zone = p.rulebook().store.timezone.value;
  const std::string start = p.date(promotion.starts.instant, i18n::DateForm::date_time_seconds);
  if (!promotion.ends) return p.say("terms.window_open", {{"start", start}, {"zone", zone}});
  const core::Instant last = promotion.ends->instant - std::chrono::seconds{1};
  return p.say(
      "terms.window",
      {{"start", start}, {"end", p.date(last, i18n::DateForm::date_time_seconds)}, {"zone", zone}});
}

void write_benefit(const Phrasing& p, const model::Benefit& benefit, Document& document) {
  switch (benefit.kind) {
    case BenefitKind::percent_off:
      document.add(BlockKind::paragraph,
                   p.say("terms.percent_off", {{"percent", p.percent(benefit.percent)}}));
      return;
    case BenefitKind::amount_off:
      document.add(BlockKind::paragraph,
                   p.say("terms.amount_off", {{"amount", p.money(benefit.amount)}}));
      return;
    case BenefitKind::fixed_price:
      document.add(BlockKind::paragraph,
                   p.say("terms.fixed_price", {{"amount", p.money(benefit.amount)}}));
      return;
    case BenefitKind::buy_x_get_y:
      document.add(BlockKind::paragraph,
                   p.say(benefit.percent == core::kHundredPercent ? "terms.buy_get_free"
                                                                  : "terms.buy_get_percent",
                         {{"buy", benefit.buy},
                          {"get", benefit.get},
                          {"group", benefit.buy + benefit.get},
                          {"percent", p.percent(benefit.percent)}}));
      return;
    case BenefitKind::free_shipping:
      document.add(BlockKind::paragraph, p.say("terms.free_shipping"));
      return;
    case BenefitKind::tiers:
      break;
  }
  document.add(BlockKind::paragraph, p.say("terms.tiers"));
  for (const model::Tier& tier : benefit.tiers)
    document.add(BlockKind::item,
                 tier.is_percent
                     ? p.say("terms.tier_percent", {{"amount", p.money(tier.min_subtotal)},
                                                    {"percent", p.percent(tier.percent)}})
                     : p.say("terms.tier_amount", {{"amount", p.money(tier.min_subtotal)},
                                                   {"off", p.money(tier.amount)}}));
}

// Who and what the promotion is for: one list item per condition.
void write_conditions(const Phrasing& p, const model::Promotion& promotion, Document& document) {
  auto add = [&](std::string_view key, i18n::Args args = {}) {
    document.add(BlockKind::item, p.say(key, args));
  };
  if (promotion.channels)
    add("terms.channels", {{"channels", p.list(p.names("channel", *promotion.channels))}});
  if (promotion.code) add("terms.code", {{"code", promotion.code->value}});
  if (promotion.first_order_only) add("terms.first_order");
  if (promotion.segments)
    add("terms.segments", {{"segments", p.list(p.names("segment", *promotion.segments))}});
  const model::ProductScope& scope = promotion.products;
  if (!scope.present || (scope.categories.empty() && scope.skus.empty())) add("terms.all_products");
  if (!scope.categories.empty())
    add("terms.categories", {{"list", p.list(p.names("category", scope.categories))}});
  if (!scope.skus.empty()) add("terms.skus", {{"list", p.list(model::values(scope.skus))}});
  if (!scope.exclude_categories.empty())
    add("terms.exclude_categories",
        {{"list", p.list(p.names("category", scope.exclude_categories))}});
  if (!scope.exclude_skus.empty())
    add("terms.exclude_skus", {{"list", p.list(model::values(scope.exclude_skus))}});
  if (promotion.min_subtotal)
    add("terms.min_subtotal", {{"amount", p.money(promotion.min_subtotal->value)}});
  if (promotion.min_quantity) add("terms.min_quantity", {{"count", promotion.min_quantity->value}});
  if (promotion.max_discount)
    add("terms.max_discount", {{"amount", p.money(promotion.max_discount->value)}});
  if (promotion.limit_per_customer)
    add("terms.limit", {{"count", promotion.limit_per_customer->value}});
}

std::string combinability(const Phrasing& p, const model::Promotion& promotion) {
  switch (promotion.combinable.kind) {
    case model::Combinable::Kind::none:
      return p.say("terms.combinable_none");
    case model::Combinable::Kind::all:
      return p.say("terms.combinable_all");
    case model::Combinable::Kind::list:
      break;
  }
  std::vector<std::string> titles;
  for (const auto& id : promotion.combinable.ids)
    if (const model::Promotion* other = promotion_named(p.rulebook(), id.value))
      titles.push_back(p.quoted(title_of(p, *other)));
  if (titles.empty()) return p.say("terms.combinable_none");
  return p.say("terms.combinable_list", {{"list", p.list(titles)}});
}

void write_promotion(const Phrasing& p, const model::Promotion& promotion, Document& document) {
  document.add(BlockKind::subheading, title_of(p, promotion));
  document.add(BlockKind::paragraph, window(p, promotion));
  write_conditions(p, promotion, document);
  if (promotion.benefit) write_benefit(p, *promotion.benefit, document);
  document.add(BlockKind::paragraph, combinability(p, promotion));
  const std::string terms =
      p.text(promotion.terms, "the `terms` of promotion `" + promotion.id.value + "`");
  if (terms.empty()) return;
  document.add(BlockKind::paragraph, p.say("terms.own_terms"));
  document.add(BlockKind::quote, terms);
}

}  // namespace

void write_promotions(const Phrasing& p, Document& document) {
  if (p.rulebook().promotions.empty()) return;
  document.add(BlockKind::heading, p.say("terms.promotions"));
  for (const auto& promotion : p.rulebook().promotions) write_promotion(p, promotion, document);
}

}  // namespace fineprint::letters::detail
