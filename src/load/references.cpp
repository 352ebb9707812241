// Whole-rulebook checks after every file is read: every name points at
// something (refs/), ids are well-formed and unique, days have an anchor.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/did_you_mean.hpp"
#include "load/rulebook_sections.hpp"
#include "load/table_reader.hpp"

namespace fineprint::load {

namespace {

// Reports each name not in `known` as `rule`, with did-you-mean.
void check_names(const model::Names& names, const std::vector<std::string>& known,
                 std::string_view rule, std::string_view what, std::string_view where_known,
                 core::Diagnostics& out) {
  for (const auto& name : names) {
    if (std::find(known.begin(), known.end(), name.value) != known.end()) continue;
    std::string message = fmt::format("{} \"{}\" is not in {}", what, name.value, where_known);
    if (auto suggestion = core::did_you_mean(name.value, known))
      message += fmt::format("; did you mean \"{}\"?", *suggestion);
    add_error(out, std::string(rule), std::move(message), name.where);
  }
}

void check_optional(const std::optional<model::Names>& names, const std::vector<std::string>& known,
                    std::string_view rule, std::string_view what, std::string_view where_known,
                    core::Diagnostics& out) {
  if (names) check_names(*names, known, rule, what, where_known, out);
}

struct Known {
  std::optional<std::vector<std::string>> categories;  // absent: no catalog list, nothing to check
  std::optional<std::vector<std::string>> skus;
  std::optional<std::vector<std::string>> channels;  // absent: [store] channels did not load
  std::vector<std::string> conditions;
  std::vector<std::string> reasons;
};

void check_when(const model::When& when, const Known& known, core::Diagnostics& out) {
  if (known.categories)
    check_optional(when.category, *known.categories, "refs/unknown-category", "category",
                   "[catalog] categories", out);
  if (known.skus)
    check_optional(when.sku, *known.skus, "refs/unknown-sku", "sku", "[catalog] skus", out);
  if (known.channels)
    check_optional(when.channel, *known.channels, "refs/unknown-channel", "channel",
                   "[store] channels", out);
  check_optional(when.condition, known.conditions, "refs/unknown-condition", "condition",
                 "the built-in or declared conditions", out);
  check_optional(when.reason, known.reasons, "refs/unknown-reason", "reason",
                 "the built-in or declared reasons", out);
}

void check_duplicate_ids(const std::vector<const core::Located<std::string>*>& ids,
                         std::string_view what, core::Diagnostics& out) {
  std::map<std::string, const core::Located<std::string>*> first;
  for (const auto* id : ids) {
    if (id->value.empty()) continue;
    auto [it, inserted] = first.emplace(id->value, id);
    if (inserted) continue;
    add_error(out, "schema/duplicate-id",
              fmt::format("{} id \"{}\" is already used at {}:{}:{}", what, id->value,
                          it->second->where.file, it->second->where.line, it->second->where.column),
              id->where);
  }
}

}  // namespace

bool is_valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  auto alnum = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  };
  if (!alnum(id[0])) return false;
  return std::all_of(id.begin() + 1, id.end(),
                     [&](char c) { return alnum(c) || c == '_' || c == '.' || c == '-'; });
}

void check_id(const core::Located<std::string>& id, std::string_view what, core::Diagnostics& out) {
  if (is_valid_id(id.value)) return;
  add_error(
      out, "schema/bad-id",
      fmt::format(
          "{} \"{}\" is not a valid id: it must match [A-Za-z0-9][A-Za-z0-9_.-]* and be at most 64 characters",
          what, id.value),
      id.where);
}

void check_references(const model::Rulebook& rulebook, core::Diagnostics& out) {
  Known known;
  if (rulebook.catalog && rulebook.catalog->categories)
    known.categories = model::values(*rulebook.catalog->categories);
  if (rulebook.catalog && rulebook.catalog->skus)
    known.skus = model::values(*rulebook.catalog->skus);
  // A channel list that did not load has its own error; checking names
  // against it would only repeat that mistake once per name.
  if (rulebook.store.channels_loaded) known.channels = model::values(rulebook.store.channels);
  model::Returns no_returns;
  const model::Returns& returns = rulebook.returns ? *rulebook.returns : no_returns;
  known.conditions = model::known_conditions(returns);
  known.reasons = model::known_reasons(returns);

  if (known.channels)
    check_names(rulebook.store.distance_channels, *known.channels, "refs/unknown-channel",
                "distance channel", "[store] channels", out);
  // [store.names]: a name for an id nothing else knows is a typo.
  auto named = [](const std::map<std::string, model::Text, std::less<>>& names) {
    model::Names ids;
    for (const auto& [id, text] : names) ids.push_back({id, text.where});
    return ids;
  };
  if (known.channels)
    check_names(named(rulebook.store.names.channel), *known.channels, "refs/unknown-channel",
                "named channel", "[store] channels", out);
  if (known.categories)
    check_names(named(rulebook.store.names.category), *known.categories, "refs/unknown-category",
                "named category", "[catalog] categories", out);
  if (known.categories && rulebook.catalog) {
    model::Names product_categories;
    for (const auto& product : rulebook.catalog->products)
      product_categories.push_back({product.category, product.where});
    check_names(product_categories, *known.categories, "refs/unknown-category", "product category",
                "[catalog] categories", out);
  }

  std::vector<std::string> promotion_ids;
  for (const auto& promotion : rulebook.promotions) promotion_ids.push_back(promotion.id.value);
  for (const auto& promotion : rulebook.promotions) {
    if (known.channels)
      check_optional(promotion.channels, *known.channels, "refs/unknown-channel", "channel",
                     "[store] channels", out);
    const model::ProductScope& scope = promotion.products;
    if (known.categories) {
      check_names(scope.categories, *known.categories, "refs/unknown-category", "category",
                  "[catalog] categories", out);
      check_names(scope.exclude_categories, *known.categories, "refs/unknown-category", "category",
                  "[catalog] categories", out);
    }
    if (known.skus) {
      check_names(scope.skus, *known.skus, "refs/unknown-sku", "sku", "[catalog] skus", out);
      check_names(scope.exclude_skus, *known.skus, "refs/unknown-sku", "sku", "[catalog] skus",
                  out);
    }
    if (promotion.combinable.kind == model::Combinable::Kind::list)
      check_names(promotion.combinable.ids, promotion_ids, "refs/unknown-promotion", "promotion",
                  "this rulebook's promotions", out);
  }

  if (rulebook.returns) {
    if (returns.defect_reasons)
      check_names(*returns.defect_reasons, known.reasons, "refs/unknown-reason", "defect reason",
                  "the built-in or declared reasons", out);
    for (const auto& rule : returns.rules) {
      check_when(rule.when, known, out);
      // An unreadable `window_from` is its own load error, not a missing one.
      if (rule.when.days && !returns.window_from && !returns.window_from_written)
        add_error(
            out, "returns/missing-window-anchor",
            fmt::format(
                "returns rule {} counts `days` but [returns] does not say from when: set `window_from` to \"delivery\" or \"purchase\"",
                rule.id.value),
            rule.when.days->where);
    }
    for (const auto& exemption : returns.exemptions) {
      if (known.categories)
        check_names(exemption.categories, *known.categories, "refs/unknown-category", "category",
                    "[catalog] categories", out);
      check_names(exemption.conditions, known.conditions, "refs/unknown-condition", "condition",
                  "the built-in or declared conditions", out);
    }
  }
  for (const auto& assertion : rulebook.asserts) check_when(assertion.when, known, out);
  for (const auto& goodwill : rulebook.goodwill) {
    check_when(goodwill.when, known, out);
    if (goodwill.when.days &&
        !(rulebook.returns && (returns.window_from || returns.window_from_written)))
      add_error(
          out, "returns/missing-window-anchor",
          fmt::format(
              "goodwill {} counts `days` but [returns] does not say from when: set `window_from` to \"delivery\" or \"purchase\"",
              goodwill.id.value),
          goodwill.when.days->where);
  }

  std::vector<const core::Located<std::string>*> ids;
  for (const auto& promotion : rulebook.promotions) ids.push_back(&promotion.id);
  check_duplicate_ids(ids, "promotion", out);
  ids.clear();
  for (const auto& rule : returns.rules) ids.push_back(&rule.id);
  check_duplicate_ids(ids, "returns rule", out);
  ids.clear();
  for (const auto& assertion : rulebook.asserts) ids.push_back(&assertion.id);
  check_duplicate_ids(ids, "assert", out);
  ids.clear();
  for (const auto& goodwill : rulebook.goodwill) ids.push_back(&goodwill.id);
  check_duplicate_ids(ids, "goodwill", out);
}

}  // namespace fineprint::load
