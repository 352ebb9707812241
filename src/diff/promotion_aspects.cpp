#include "diff/promotion_aspects.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/instant.hpp"
#include "core/money.hpp"

namespace fineprint::diff {

namespace {

std::string sorted(const model::Names& names) {
  std::vector<std::string> v = model::values(names);
  std::sort(v.begin(), v.end());
  return fmt::format("{}", fmt::join(v, ", "));
}

std::string optional_names(const std::optional<model::Names>& names, const char* absent) {
  return names ? sorted(*names) : std::string(absent);
}

std::string window(const model::Rulebook& r, const model::Promotion& p) {
  std::string from = core::format_instant(r.store.zone, p.starts.instant);
  if (!p.ends) return fmt::format("from {}, open-ended", from);
  return fmt::format("from {} until {}", from, core::format_instant(r.store.zone, p.ends->instant));
}

std::string scope(const model::Promotion& p) {
  const model::ProductScope& s = p.products;
  if (!s.present) return "every line";
  std::vector<std::string> parts;
  if (!s.categories.empty()) parts.push_back("categories " + sorted(s.categories));
  if (!s.skus.empty()) parts.push_back("skus " + sorted(s.skus));
  if (!s.exclude_categories.empty())
    parts.push_back("except categories " + sorted(s.exclude_categories));
  if (!s.exclude_skus.empty()) parts.push_back("except skus " + sorted(s.exclude_skus));
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string thresholds(const model::Rulebook& r, const model::Promotion& p) {
  int digits = r.store.currency.minor_digits;
  std::string subtotal =
      p.min_subtotal ? core::format_money(p.min_subtotal->value, digits) : std::string("none");
  std::string quantity = p.min_quantity ? std::to_string(p.min_quantity->value) : "none";
  return fmt::format("min_subtotal {}, min_quantity {}", subtotal, quantity);
}

std::string stacking(const model::Promotion& p) {
  std::string combinable = p.combinable.kind == model::Combinable::Kind::none ? "none"
                           : p.combinable.kind == model::Combinable::Kind::all
                               ? "all"
                               : sorted(p.combinable.ids);
  return fmt::format("priority {}, combinable with {}", p.priority, combinable);
}

std::string benefit(const model::Rulebook& r, const model::Promotion& p) {
  if (!p.benefit) return "none";
  const model::Benefit& b = *p.benefit;
  int digits = r.store.currency.minor_digits;
  std::string text(model::benefit_key(b.kind));
  switch (b.kind) {
    case model::BenefitKind::percent_off:
      return text + " " + core::format_percent(b.percent) + "%";
    case model::BenefitKind::amount_off:
    case model::BenefitKind::fixed_price:
      return text + " " + core::format_money(b.amount, digits);
    case model::BenefitKind::buy_x_get_y:
      return fmt::format("{} buy {} get {} at {}% off", text, b.buy, b.get,
                         core::format_percent(b.percent));
    case model::BenefitKind::tiers:
      for (const auto& t : b.tiers)
        text += fmt::format(" {}: {}", core::format_money(t.min_subtotal, digits),
                            t.is_percent ? core::format_percent(t.percent) + "%"
                                         : core::format_money(t.amount, digits));
      return text;
    case model::BenefitKind::free_shipping:
      break;
  }
  return text;
}

}  // namespace

std::vector<Aspect> promotion_aspects(const model::Rulebook& r, const model::Promotion& p) {
  int digits = r.store.currency.minor_digits;
  return {
      {"window", window(r, p)},
      {"channels", optional_names(p.channels, "every channel")},
      {"code", p.code ? p.code->value : "none"},
      {"segments", optional_names(p.segments, "every customer")},
      {"first_order_only", p.first_order_only ? "yes" : "no"},
      {"scope", scope(p)},
      {"thresholds", thresholds(r, p)},
      {"stacking", stacking(p)},
      {"limit_per_customer",
       p.limit_per_customer ? std::to_string(p.limit_per_customer->value) : "none"},
      {"max_discount", p.max_discount ? core::format_money(p.max_discount->value, digits) : "none"},
      {"benefit", benefit(r, p)},
  };
}

}  // namespace fineprint::diff
