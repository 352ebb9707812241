#include "model/promotion_eligibility.hpp"

#include <algorithm>

namespace fineprint::model {

namespace {

bool listed(const Names& names, std::string_view value) {
  return std::any_of(names.begin(), names.end(), [&](const auto& n) { return n.value == value; });
}

}  // namespace

bool codes_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool in_scope(const ProductScope& scope, std::string_view category, std::string_view sku) {
  if (!scope.present) return true;
  bool included = (scope.skus.empty() && scope.categories.empty()) || listed(scope.skus, sku) ||
                  listed(scope.categories, category);
  return included && !listed(scope.exclude_skus, sku) &&
         !listed(scope.exclude_categories, category);
}

bool combinable(const Promotion& a, const Promotion& b) {
  return a.combinable.admits(b.id.value) && b.combinable.admits(a.id.value);
}

bool considered_before(const Promotion& a, const Promotion& b) {
  if (a.priority != b.priority) return a.priority > b.priority;
  return a.id.value < b.id.value;  // std::string compares bytes as unsigned char
}

std::vector<std::size_t> consideration_order(const std::vector<Promotion>& promotions) {
  std::vector<std::size_t> order(promotions.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return considered_before(promotions[a], promotions[b]);
  });
  return order;
}

bool open_at(const Promotion& p, core::Instant placed_at) {
  return p.starts.instant <= placed_at && (!p.ends || placed_at < p.ends->instant);
}

bool sold_on(const Promotion& p, std::string_view channel) {
  return !p.channels || listed(*p.channels, channel);
}

std::string_view condition_key(Condition condition) {
  switch (condition) {
    case Condition::window:
      return "window";
    case Condition::channels:
      return "channels";
    case Condition::code:
      return "code";
    case Condition::segments:
      return "segments";
    case Condition::first_order_only:
      return "first_order_only";
    case Condition::products:
      return "products";
    case Condition::min_subtotal:
      return "min_subtotal";
    case Condition::min_quantity:
      return "min_quantity";
    case Condition::limit_per_customer:
      return "limit_per_customer";
    case Condition::benefit:
      return "benefit";
  }
  return "benefit";
}

const Tier* pick_tier(const Benefit& benefit, core::Minor subtotal) {
  const Tier* best = nullptr;
  for (const auto& tier : benefit.tiers)
    if (tier.min_subtotal <= subtotal && (!best || tier.min_subtotal > best->min_subtotal))
      best = &tier;
  return best;
}

std::vector<Condition> candidate_failures(const Promotion& p, const CandidateFacts& o) {
  std::vector<Condition> out;
  if (!open_at(p, o.placed_at)) out.push_back(Condition::window);
  if (!sold_on(p, o.channel)) out.push_back(Condition::channels);
  if (p.code && (!o.codes || std::none_of(o.codes->begin(), o.codes->end(), [&](const auto& c) {
        return codes_equal(c, p.code->value);
      })))
    out.push_back(Condition::code);
  if (p.segments &&
      (!o.segments || std::none_of(o.segments->begin(), o.segments->end(),
                                   [&](const auto& s) { return listed(*p.segments, s); })))
    out.push_back(Condition::segments);
  if (p.first_order_only && (!o.orders_before || *o.orders_before != 0))
    out.push_back(Condition::first_order_only);
  if (o.scoped_lines == 0) out.push_back(Condition::products);
  // Thresholds are recorded even with an empty scope: its subtotal (0) fails
  // them too, and §2.2 records every failing condition. Below the lowest
  // tier is the min_subtotal failure (§2.4).
  if ((p.min_subtotal && o.scoped_subtotal < p.min_subtotal->value) ||
      (p.benefit && p.benefit->kind == BenefitKind::tiers && !p.benefit->tiers.empty() &&
       !pick_tier(*p.benefit, o.scoped_subtotal)))
    out.push_back(Condition::min_subtotal);
  if (p.min_quantity && o.scoped_units < p.min_quantity->value)
    out.push_back(Condition::min_quantity);
  if (p.limit_per_customer && o.redemptions >= p.limit_per_customer->value)
    out.push_back(Condition::limit_per_customer);
  if (!p.benefit) out.push_back(Condition::benefit);
  return out;
}

}  // namespace fineprint::model
