#include "diff/returns_diff.hpp"
#include "engine/compiled_rulebook.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "analysis/witness.hpp"
#include "core/money.hpp"
#include "diff/box_merge.hpp"
#include "diff/store_diff.hpp"
#include "diff/witness_check.hpp"

namespace fineprint::diff {

namespace {

using analysis::Box;
using analysis::DecidedBy;

// The entries of `a` whose value `b` also has.
model::Names common(const model::Names& a, const model::Names& b) {
  auto missing = names_missing(model::values(a), model::values(b));
  model::Names out;
  for (const auto& n : a)
    if (std::find(missing.begin(), missing.end(), n.value) == missing.end()) out.push_back(n);
  return out;
}

std::optional<model::Names> either(const std::optional<model::Names>& a,
                                   const std::optional<model::Names>& b) {
  if (!a || !b) return std::nullopt;  // one side sells anything: so does the joint domain
  model::Names out = *a;
  for (const auto& n : *b) out.push_back(n);
  return out;
}

// A rulebook only for building the joint domain: NEW's store with the
// channels both sides accept, both tables' rules (so every bound of either
// cuts the axes), the conditions and reasons both declare (a claim with any
// other is refused by one side's claim loader: a store change, not a region).
model::Rulebook joint_rulebook(const model::Rulebook& a, const model::Rulebook& b) {
  model::Rulebook j;
  j.store = b.store;
  j.store.channels = common(b.store.channels, a.store.channels);
  if (a.catalog && b.catalog) {
    j.catalog = b.catalog;
    j.catalog->categories = either(a.catalog->categories, b.catalog->categories);
    j.catalog->skus = either(a.catalog->skus, b.catalog->skus);
  }
  model::Returns t = *b.returns;
  t.rules = a.returns->rules;
  for (const auto& rule : b.returns->rules) t.rules.push_back(rule);
  t.conditions = common(b.returns->conditions, a.returns->conditions);
  t.reasons = common(b.returns->reasons, a.returns->reasons);
  for (const auto& e : a.returns->exemptions) t.exemptions.push_back(e);
  j.returns = std::move(t);
  return j;
}

bool same_anchor(const model::Returns& a, const model::Returns& b) {
  if (a.window_from.has_value() != b.window_from.has_value()) return false;
  return !a.window_from || a.window_from->value == b.window_from->value;
}

std::string with_terms(const TableKey& key, std::string text) {
  if (key.fee) text += fmt::format(" less a {}% fee", core::format_percent(*key.fee));
  if (key.shipping) text += ", shipping refunded";
  return text;
}

// Under `unique` the analysis decides the items two or more rules stop at as
// `several`; the engine first looks for a rule that misses a fact and names
// it (decide_item). Both are `review`, but the record differs, so those
// boxes are split the engine's way: the first such rule, else `several`.
void split_several(analysis::TableAnalysis& t, const model::Returns& returns,
                   analysis::Budget& budget) {
  if (returns.hit_policy != model::HitPolicy::unique) return;
  const analysis::Layout& l = t.domain->layout;
  std::vector<analysis::DecidedBox> out;
  for (auto& d : t.decided) {
    if (d.decision.by != DecidedBy::several) {
      out.push_back(std::move(d));
      continue;
    }
    std::vector<Box> rest{d.box};
    for (std::size_t i = 0; i < returns.rules.size() && !rest.empty(); ++i) {
      std::vector<Box> unknown;  // where rule i stops for a missing fact
      t.cover[i].subtract(l, t.matched[i], unknown);
      for (const Box& u : unknown)
        for (const Box& r : rest) {
          Box hit = r.intersect(u);
          if (budget.spend() && !hit.empty(l))
            out.push_back(
                {hit,
                 {DecidedBy::missing_fact, static_cast<int>(i), model::Outcome::review, nullptr}});
        }
      for (const Box& u : unknown) analysis::subtract_region(l, rest, u, budget);
    }
    for (auto& r : rest) out.push_back({std::move(r), d.decision});
  }
  t.decided.swap(out);
}

}  // namespace

TableKey key_of(const model::Returns& returns, const analysis::ItemDecision& d) {
  TableKey key;
  key.by = d.by;
  if (d.rule >= 0) key.rule = returns.rules[static_cast<std::size_t>(d.rule)].id.value;
  if (d.by == DecidedBy::otherwise) key.rule = "otherwise";
  key.outcome = d.outcome;
  if (d.spec && d.spec->fee_percent) key.fee = d.spec->fee_percent->value;
  key.shipping = d.spec && d.spec->refund_shipping;
  return key;
}

std::string key_words(const TableKey& key) {
  switch (key.by) {
    case DecidedBy::rule:
    case DecidedBy::otherwise:
      return with_terms(key, fmt::format("{} by `{}`", model::outcome_name(key.outcome), key.rule));
    case DecidedBy::missing_fact:
      return fmt::format("review: `{}` tests a fact the claim does not give", key.rule);
    case DecidedBy::several:
      return "review: several rules match";
    case DecidedBy::gap:
      break;
  }
  return "review: no rule covers it";
}

JointTables analyse_both(const model::Rulebook& a, const model::Rulebook& b,
                         analysis::Budget& budget) {
  JointTables out;
  if (!a.returns || !b.returns) return out;  // reported as a store change
  if (!same_anchor(*a.returns, *b.returns)) {
    out.why =
        "the two returns tables count days from different events (returns.window_from), so their item regions were not compared";
    return out;
  }
  std::vector<std::int64_t> days = analysis::law_days(a);
  for (auto d : analysis::law_days(b)) days.push_back(d);
  analysis::DomainResult built = analysis::build_returns_domain(joint_rulebook(a, b), days);
  if (!built.domain) {
    out.why = built.stopped;
    return out;
  }
  out.old_table = analysis::analyse_table_over(*a.returns, *built.domain, budget);
  out.new_table = analysis::analyse_table_over(*b.returns, *built.domain, budget);
  out.domain = std::move(built.domain);
  split_several(out.old_table, *a.returns, budget);
  split_several(out.new_table, *b.returns, budget);
  if (budget.exhausted() || !out.old_table.stopped.empty() || !out.new_table.stopped.empty()) {
    out.why = budget.why("comparing the returns tables");
    out.domain.reset();
  }
  return out;
}

std::optional<std::vector<ChangedRegion>> changed_regions(const JointTables& t,
                                                          const model::Rulebook& a,
                                                          const model::Rulebook& b,
                                                          analysis::Budget& budget) {
  const analysis::Layout& layout = t.domain->layout;
  std::vector<TableKey> old_keys, new_keys;
  for (const auto& d : t.old_table.decided) old_keys.push_back(key_of(*a.returns, d.decision));
  for (const auto& d : t.new_table.decided) new_keys.push_back(key_of(*b.returns, d.decision));
  std::vector<ChangedRegion> regions;
  std::map<std::pair<TableKey, TableKey>, std::size_t> index;  // first appearance order
  for (std::size_t i = 0; i < old_keys.size(); ++i)
    for (std::size_t j = 0; j < new_keys.size(); ++j) {
      if (!budget.spend()) return std::nullopt;
      if (old_keys[i] == new_keys[j]) continue;
      const Box& x = t.old_table.decided[i].box;
      const Box& y = t.new_table.decided[j].box;
      if (!x.intersects(layout, y)) continue;
      auto [it, fresh] = index.try_emplace({old_keys[i], new_keys[j]}, regions.size());
      if (fresh) regions.push_back({old_keys[i], new_keys[j], {}});
      regions[it->second].boxes.push_back(x.intersect(y));
    }
  for (auto& region : regions)
    if (!merge_boxes(layout, region.boxes, budget)) return std::nullopt;
  return regions;
}

void diff_returns(const model::Rulebook& a, const model::Rulebook& b, analysis::Budget& budget,
                  DiffReport& report) {
  JointTables tables = analyse_both(a, b, budget);
  if (!tables.why.empty()) report.notes.push_back(tables.why);
  if (!tables.domain) return;
  auto regions = changed_regions(tables, a, b, budget);
  if (!regions) {
    report.notes.push_back(budget.why("comparing the returns tables"));
    return;
  }
  const analysis::ReturnsDomain& domain = *tables.domain;
  const engine::CompiledRulebook old_rules(a), new_rules(b);
  for (const auto& region : *regions)
    for (const Box& box : region.boxes) {
      analysis::ReturnTiming timing;
      // A shipping charge on the order shows a change of refund_shipping.
      if (region.was.shipping != region.now.shipping)
        timing.shipping = core::money_from_units(5, b.store.currency.minor_digits).value();
      model::ItemFacts facts = analysis::facts_of(domain, analysis::pick_point(domain, box));
      report.returns.push_back(
          {analysis::describe_box(domain, box), key_words(region.was), key_words(region.now),
           check_return_witness(old_rules, new_rules, analysis::return_witness(b, facts, timing))});
    }
}

}  // namespace fineprint::diff
