#include "diff/store_diff.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/money.hpp"
#include "model/law_pack.hpp"

namespace fineprint::diff {

namespace {

std::string jurisdiction_code(model::Jurisdiction j) {
  if (const model::LawPack* pack = model::law_pack(j)) return std::string(pack->code);
  return "none";
}

std::string quoted(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) out.push_back(fmt::format("`{}`", n));
  return fmt::format("{}", fmt::join(out, ", "));
}

// "store.channels: added `app`; removed `phone`" for two lists of names.
void compare_names(const std::string& what, const std::vector<std::string>& a,
                   const std::vector<std::string>& b, std::vector<std::string>& out) {
  auto added = names_missing(b, a);
  auto removed = names_missing(a, b);
  if (added.empty() && removed.empty()) return;
  std::string text = what + ":";
  if (!added.empty()) text += " added " + quoted(added);
  if (!added.empty() && !removed.empty()) text += ";";
  if (!removed.empty()) text += " removed " + quoted(removed);
  out.push_back(std::move(text));
}

template <class T>
void compare_value(const std::string& what, const T& a, const T& b, std::vector<std::string>& out) {
  if (a != b) out.push_back(fmt::format("{}: was `{}`, now `{}`", what, a, b));
}

std::string basis_name(const model::Returns& r) {
  return r.basis() == model::RefundBasis::reprice ? "reprice" : "paid";
}

std::string anchor_name(const model::Returns& r) {
  if (!r.window_from) return "not set";
  return r.window_from->value == model::WindowFrom::delivery ? "delivery" : "purchase";
}

void returns_changes(const model::Rulebook& a, const model::Rulebook& b,
                     std::vector<std::string>& out) {
  if (a.returns.has_value() != b.returns.has_value()) {
    out.push_back(a.returns ? "[returns]: the returns table was removed"
                            : "[returns]: a returns table was added");
    return;
  }
  if (!a.returns) return;
  const model::Returns& x = *a.returns;
  const model::Returns& y = *b.returns;
  compare_value("returns.refund_basis", basis_name(x), basis_name(y), out);
  compare_value("returns.window_from", anchor_name(x), anchor_name(y), out);
  compare_names("returns.conditions", model::values(x.conditions), model::values(y.conditions),
                out);
  compare_names("returns.reasons", model::values(x.reasons), model::values(y.reasons), out);
  compare_names("returns.defect_reasons", model::defect_reasons(x), model::defect_reasons(y), out);
}

void catalog_changes(const model::Rulebook& a, const model::Rulebook& b,
                     std::vector<std::string>& out) {
  auto list = [](const model::Rulebook& r, bool skus) {
    if (!r.catalog) return std::vector<std::string>{};
    const auto& names = skus ? r.catalog->skus : r.catalog->categories;
    return names ? model::values(*names) : std::vector<std::string>{};
  };
  if (a.catalog.has_value() != b.catalog.has_value()) {
    out.push_back(a.catalog ? "[catalog]: removed (any category and sku can now be sold)"
                            : "[catalog]: added (only its categories and skus can be sold)");
    return;
  }
  compare_names("catalog.categories", list(a, false), list(b, false), out);
  compare_names("catalog.skus", list(a, true), list(b, true), out);
}

}  // namespace

std::vector<std::string> names_missing(const std::vector<std::string>& a,
                                       const std::vector<std::string>& b) {
  std::vector<std::string> sorted_b = b;
  std::sort(sorted_b.begin(), sorted_b.end());
  std::vector<std::string> out;
  for (const auto& n : a)
    if (!std::binary_search(sorted_b.begin(), sorted_b.end(), n)) out.push_back(n);
  return out;
}

std::vector<std::string> store_changes(const model::Rulebook& a, const model::Rulebook& b) {
  std::vector<std::string> out;
  const model::Store& x = a.store;
  const model::Store& y = b.store;
  compare_value("store.timezone", x.timezone.value, y.timezone.value, out);
  compare_value("store.currency", x.currency.code, y.currency.code, out);
  compare_value("store.currency minor digits", x.currency.minor_digits, y.currency.minor_digits,
                out);
  compare_value("store.rounding", std::string(core::rounding_name(x.rounding)),
                std::string(core::rounding_name(y.rounding)), out);
  compare_names("store.channels", model::values(x.channels), model::values(y.channels), out);
  compare_names("store.distance_channels", model::values(x.distance_channels),
                model::values(y.distance_channels), out);
  compare_value("store.jurisdiction", jurisdiction_code(x.jurisdiction),
                jurisdiction_code(y.jurisdiction), out);
  compare_value("store.late_code_days", x.late_code_days, y.late_code_days, out);
  catalog_changes(a, b, out);
  returns_changes(a, b, out);
  return out;
}

}  // namespace fineprint::diff
