#include "model/rulebook.hpp"

#include <algorithm>
#include <array>

namespace fineprint::model {

namespace {
constexpr std::array<std::pair<Outcome, std::string_view>, 8> kOutcomes{{
    {Outcome::refund, "refund"},
    {Outcome::store_credit, "store_credit"},
    {Outcome::exchange, "exchange"},
    {Outcome::repair, "repair"},
    {Outcome::replace, "replace"},
    {Outcome::repair_or_replace, "repair_or_replace"},
    {Outcome::deny, "deny"},
    {Outcome::review, "review"},
}};
}  // namespace

const std::string& Store::default_text(const Text& text) const {
  return text_in(text, default_language(), languages);
}

const std::string& Store::report_text(const Text& text) const {
  if (const std::string* english = text.in("en")) return *english;
  return default_text(text);
}

bool Combinable::admits(const std::string& other_id) const {
  switch (kind) {
    case Kind::none:
      return false;
    case Kind::all:
      return true;
    case Kind::list:
      return std::any_of(ids.begin(), ids.end(),
                         [&](const auto& id) { return id.value == other_id; });
  }
  return false;
}

const std::vector<std::string>& builtin_conditions() {
  static const std::vector<std::string> names{"sealed", "opened", "used", "washed", "damaged"};
  return names;
}

const std::vector<std::string>& builtin_reasons() {
  static const std::vector<std::string> names{"changed_mind",       "defective",
                                              "damaged_in_transit", "wrong_item",
                                              "not_as_described",   "late_delivery"};
  return names;
}

const std::vector<std::string>& default_defect_reasons() {
  static const std::vector<std::string> names{"defective", "damaged_in_transit", "wrong_item",
                                              "not_as_described"};
  return names;
}

std::string_view outcome_name(Outcome outcome) {
  for (const auto& [value, name] : kOutcomes)
    if (value == outcome) return name;
  return "review";
}

std::optional<Outcome> parse_outcome(std::string_view text) {
  for (const auto& [value, name] : kOutcomes)
    if (name == text) return value;
  return std::nullopt;
}

std::string_view benefit_key(BenefitKind kind) {
  switch (kind) {
    case BenefitKind::percent_off:
      return "percent_off";
    case BenefitKind::amount_off:
      return "amount_off";
    case BenefitKind::fixed_price:
      return "fixed_price";
    case BenefitKind::buy_x_get_y:
      return "buy_x_get_y";
    case BenefitKind::tiers:
      return "tiers";
    case BenefitKind::free_shipping:
      return "free_shipping";
  }
  return "percent_off";
}

std::string_view gesture_key(GestureKind kind) {
  switch (kind) {
    case GestureKind::voucher_percent:
      return "voucher_percent";
    case GestureKind::refund_percent:
      return "refund_percent";
    case GestureKind::amount:
      return "amount";
    case GestureKind::replacement:
      return "replacement";
  }
  return "amount";
}

bool follows_outcome(const Goodwill& goodwill, Outcome outcome) {
  if (!goodwill.outcome_in) return true;
  for (const auto& listed : *goodwill.outcome_in)
    if (listed.value == outcome) return true;
  return false;
}

std::string outcome_in_text(const Goodwill& goodwill, std::string_view absent) {
  if (!goodwill.outcome_in) return std::string(absent);
  std::string out = "[";
  for (const auto& listed : *goodwill.outcome_in)
    out += (out.size() > 1 ? ", " : "") + std::string(outcome_name(listed.value));
  return out + "]";
}

std::vector<std::string> values(const Names& names) {
  std::vector<std::string> out;
  out.reserve(names.size());
  for (const auto& name : names) out.push_back(name.value);
  return out;
}

namespace {
std::vector<std::string> builtin_plus(const std::vector<std::string>& builtin,
                                      const Names& declared) {
  std::vector<std::string> out = builtin;
  for (const auto& name : declared)
    if (std::find(out.begin(), out.end(), name.value) == out.end()) out.push_back(name.value);
  return out;
}
}  // namespace

std::vector<std::string> known_conditions(const Returns& returns) {
  return builtin_plus(builtin_conditions(), returns.conditions);
}

std::vector<std::string> known_reasons(const Returns& returns) {
  return builtin_plus(builtin_reasons(), returns.reasons);
}

std::vector<std::string> defect_reasons(const Returns& returns) {
  return returns.defect_reasons ? values(*returns.defect_reasons) : default_defect_reasons();
}

namespace {
bool listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}
bool listed(const Names& names, const std::string& name) {
  return std::any_of(names.begin(), names.end(),
                     [&](const auto& known) { return known.value == name; });
}
}  // namespace

bool is_known_condition(const Returns* returns, const std::string& name) {
  return listed(builtin_conditions(), name) || (returns && listed(returns->conditions, name));
}

bool is_known_reason(const Returns* returns, const std::string& name) {
  return listed(builtin_reasons(), name) || (returns && listed(returns->reasons, name));
}

bool is_defect_reason(const Returns& returns, const std::string& name) {
  return returns.defect_reasons ? listed(*returns.defect_reasons, name)
                                : listed(default_defect_reasons(), name);
}

bool is_distance_channel(const Store& store, const std::string& channel) {
  return std::any_of(store.distance_channels.begin(), store.distance_channels.end(),
                     [&](const auto& c) { return c.value == channel; });
}

}  // namespace fineprint::model

namespace fineprint::model {

const Product* Catalog::product(std::string_view sku) const {
  auto found = by_sku_.find(sku);
  return found == by_sku_.end() ? nullptr : &products[found->second];
}

void Catalog::index_products() {
  by_sku_.clear();
  // The first product of a sku wins; a second is a load error (the loader's).
  for (std::size_t i = 0; i < products.size(); ++i) by_sku_.emplace(products[i].sku.value, i);
}

}  // namespace fineprint::model
