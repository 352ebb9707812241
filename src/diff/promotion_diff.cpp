#include "diff/promotion_diff.hpp"
#include "engine/compiled_rulebook.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <unordered_map>

#include <fmt/format.h>

#include "analysis/witness.hpp"
#include "diff/parallel.hpp"
#include "diff/promotion_aspects.hpp"
#include "diff/witness_check.hpp"

namespace fineprint::diff {

namespace {

struct Version {
  const model::Rulebook* rulebook = nullptr;
  const model::Promotion* promotion = nullptr;
};

std::string first_or(const model::Names& names, const std::string& fallback) {
  return names.empty() ? fallback : names.front().value;
}

core::Minor units(const model::Rulebook& r, std::int64_t n) {
  return core::money_from_units(n, r.store.currency.minor_digits).value();
}

// What a version of the promotion needs to take something off: units and
// list amount (thresholds, tiers, a whole group), and a unit price above a
// fixed price.
struct Need {
  std::int64_t qty = 1;
  core::Minor amount = 0;
  core::Minor unit = 0;
};

Need need_of(const model::Rulebook& r, const model::Promotion& p) {
  Need n{1, 0, units(r, 10)};
  if (p.min_quantity) n.qty = std::max(n.qty, p.min_quantity->value);
  if (p.min_subtotal) n.amount = p.min_subtotal->value;
  if (!p.benefit) return n;
  const model::Benefit& b = *p.benefit;
  n.qty = std::max(n.qty, b.buy + b.get);
  for (const auto& t : b.tiers) n.amount = std::max(n.amount, t.min_subtotal);
  if (b.kind == model::BenefitKind::fixed_price) n.unit = std::max(n.unit, b.amount + units(r, 1));
  return n;
}

// Lines of `category` / `sku`: first one that meets what every version needs
// (so that a threshold change does not mask another aspect's), then one that
// meets only the least of them (which shows a threshold change itself).
void add_scope_lines(const model::Rulebook& r, const std::vector<Version>& versions,
                     const std::string& category, const std::string& sku,
                     std::vector<analysis::OrderSketch::Line>& out) {
  Need most = need_of(r, *versions.front().promotion);
  Need least = most;
  for (const Version& v : versions) {
    Need n = need_of(r, *v.promotion);
    most = {std::max(most.qty, n.qty), std::max(most.amount, n.amount),
            std::max(most.unit, n.unit)};
    least = {std::min(least.qty, n.qty), std::min(least.amount, n.amount),
             std::min(least.unit, n.unit)};
  }
  for (const Need& n : {most, least}) {
    core::Minor unit = std::max((n.amount + n.qty - 1) / n.qty, n.unit);
    analysis::OrderSketch::Line line{sku, category, n.qty, unit};
    if (out.empty() || out.back().qty != line.qty || out.back().unit_price != line.unit_price ||
        out.back().sku != sku || out.back().category != category)
      out.push_back(std::move(line));
  }
}

// One line per category and sku `p`'s scope names (at most kMaxScopeLines
// of each), or one line of any product when it has no scope.
constexpr std::size_t kMaxScopeLines = 8;

// A sku the catalog lists in `category` reads better than an invented one.
std::string sku_in(const model::Rulebook& r, const std::string& category) {
  if (r.catalog)
    for (const model::Product& product : r.catalog->products)
      if (product.category == category) return product.sku.value;
  return "witness-sku";
}

// The category the catalog lists `sku` in, else the catalog's first.
std::string category_of(const model::Rulebook& r, const std::string& sku) {
  if (!r.catalog) return "witness-category";
  if (const model::Product* product = r.catalog->product(sku)) return product->category;
  return r.catalog->categories ? first_or(*r.catalog->categories, "witness-category")
                               : "witness-category";
}

std::vector<analysis::OrderSketch::Line> scope_lines(const model::Rulebook& r,
                                                     const model::Promotion& p,
                                                     const std::vector<Version>& versions) {
  std::vector<analysis::OrderSketch::Line> out;
  for (std::size_t i = 0; i < p.products.categories.size() && i < kMaxScopeLines; ++i) {
    const std::string& category = p.products.categories[i].value;
    add_scope_lines(r, versions, category, sku_in(r, category), out);
  }
  for (std::size_t i = 0; i < p.products.skus.size() && i < kMaxScopeLines; ++i) {
    const std::string& sku = p.products.skus[i].value;
    add_scope_lines(r, versions, category_of(r, sku), sku, out);
  }
  if (out.empty()) {
    const std::string category = category_of(r, "");
    add_scope_lines(r, versions, category, sku_in(r, category), out);
  }
  return out;
}

// The orders tried: each line of the scope, at the start of the window and
// at its last second, in the first channel, with the code, a segment and a
// first order when the promotion asks for them, and a shipping charge.
std::vector<analysis::OrderSketch> sketches(const Version& v, const std::vector<Version>& all) {
  const model::Rulebook& r = *v.rulebook;
  const model::Promotion& p = *v.promotion;
  std::vector<core::Instant> instants{p.starts.instant};
  if (p.ends) instants.push_back(p.ends->instant - std::chrono::seconds{1});
  std::vector<analysis::OrderSketch> out;
  for (const auto& line : scope_lines(r, p, all))
    for (core::Instant when : instants) {
      analysis::OrderSketch s;
      s.placed_at = when;
      s.channel = p.channels && !p.channels->empty() ? p.channels->front().value
                                                     : first_or(r.store.channels, "web");
      if (p.code) s.codes.push_back(p.code->value);
      if (p.segments && !p.segments->empty()) s.segments.push_back(p.segments->front().value);
      s.first_order = p.first_order_only;
      s.lines.push_back(line);
      s.shipping = units(r, 5);
      out.push_back(std::move(s));
    }
  return out;
}

// Orders priced per search, at most: each pricing considers every promotion
// of the rulebook, and a search needs one witness, not all of them.
constexpr std::size_t kMaxTries = 12;

// The first order priced differently in which the promotion itself fares
// differently; failing that, the first order priced differently at all.
OrderWitness find_witness(const engine::CompiledRulebook& a, const engine::CompiledRulebook& b,
                          const std::vector<Version>& versions, const std::string& id) {
  OrderWitness out;
  std::size_t tries = 0;
  for (const Version& v : versions)
    for (const auto& sketch : sketches(v, versions)) {
      if (++tries > kMaxTries) break;
      bool own = false;
      CheckedWitness w =
          check_order_witness(a, b, analysis::promotion_witness(*v.rulebook, sketch, id), id, &own);
      if (!w.differs) continue;
      if (!out.witness) out.witness = w;
      if (!own) continue;
      out.witness = std::move(w);
      return out;
    }
  if (out.witness) return out;
  // Bounded, like lint's analysis: say whether the search ran out of orders
  // to try or stopped at its budget.
  if (tries > kMaxTries)
    out.no_witness = fmt::format(
        "none of the {} orders tried is priced differently; the search stops there, so an order this change reaches may remain (another promotion may hold its lines in both versions)",
        kMaxTries);
  else
    out.no_witness =
        "no order built from the promotion's window, channel, code, segment, scope and thresholds is priced differently (another promotion may hold its lines in both versions)";
  return out;
}

// The OLD promotion with one aspect taken from NEW: its orders are the ones
// this aspect's change reaches (window: NEW's edges, scope: NEW's lines, …).
model::Promotion with_aspect(const model::Promotion& x, const model::Promotion& y,
                             const std::string& aspect) {
  model::Promotion h = x;
  if (aspect == "window") h.starts = y.starts, h.ends = y.ends;
  if (aspect == "channels") h.channels = y.channels;
  if (aspect == "code") h.code = y.code;
  if (aspect == "segments") h.segments = y.segments;
  if (aspect == "first_order_only") h.first_order_only = y.first_order_only;
  if (aspect == "scope") h.products = y.products;
  if (aspect == "thresholds") h.min_subtotal = y.min_subtotal, h.min_quantity = y.min_quantity;
  if (aspect == "stacking") h.priority = y.priority, h.combinable = y.combinable;
  if (aspect == "limit_per_customer") h.limit_per_customer = y.limit_per_customer;
  if (aspect == "max_discount") h.max_discount = y.max_discount;
  if (aspect == "benefit") h.benefit = y.benefit;
  return h;
}

// The aspects that differ: their names and "name: was …, now …".
std::vector<std::pair<std::string, std::string>> changed_aspects(const model::Rulebook& a,
                                                                 const model::Promotion& x,
                                                                 const model::Rulebook& b,
                                                                 const model::Promotion& y) {
  auto before = promotion_aspects(a, x);
  auto after = promotion_aspects(b, y);
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < before.size(); ++i)
    if (before[i].value != after[i].value)
      out.emplace_back(before[i].name, fmt::format("{}: was {}, now {}", before[i].name,
                                                   before[i].value, after[i].value));
  return out;
}

std::unordered_map<std::string, const model::Promotion*> by_id(const model::Rulebook& r) {
  std::unordered_map<std::string, const model::Promotion*> out;
  for (const auto& p : r.promotions) out.emplace(p.id.value, &p);
  return out;
}

// One witness search: the promotion `id`, its orders built from `versions`
// (a hybrid, when it is one aspect's search, lives in `hybrid`), the result
// in `*slot`.
struct Search {
  std::string id;
  std::unique_ptr<model::Promotion> hybrid;
  std::vector<Version> versions;
  OrderWitness* slot = nullptr;
};

}  // namespace

void diff_promotions(const model::Rulebook& a, const model::Rulebook& b, unsigned threads,
                     DiffReport& report) {
  auto old_ids = by_id(a);
  auto new_ids = by_id(b);
  auto& changes = report.promotions;
  for (const auto& p : a.promotions)
    if (!new_ids.count(p.id.value))
      changes.push_back({p.id.value, PromotionChangeKind::removed, {}, {}});
  for (const auto& q : b.promotions) {
    auto it = old_ids.find(q.id.value);
    if (it == old_ids.end()) {
      changes.push_back({q.id.value, PromotionChangeKind::added, {}, {}});
      continue;
    }
    PromotionChange change{q.id.value, PromotionChangeKind::changed, {}, {}};
    for (auto& [name, text] : changed_aspects(a, *it->second, b, q))
      change.aspects.push_back({std::move(text), {}});
    if (!change.aspects.empty()) changes.push_back(std::move(change));
  }
  // Every search prices orders under both rulebooks: the costly part, and
  // independent from search to search. (`changes` does not grow below.)
  std::vector<Search> searches;
  for (auto& change : changes) {
    const model::Promotion* x = old_ids.count(change.id) ? old_ids[change.id] : nullptr;
    const model::Promotion* y = new_ids.count(change.id) ? new_ids[change.id] : nullptr;
    if (change.kind != PromotionChangeKind::changed) {
      searches.push_back({change.id, nullptr, {{x ? &a : &b, x ? x : y}}, &change.order});
      continue;
    }
    auto names = changed_aspects(a, *x, b, *y);
    for (std::size_t k = 0; k < names.size(); ++k) {
      auto hybrid = std::make_unique<model::Promotion>(with_aspect(*x, *y, names[k].first));
      Version h{&b, hybrid.get()};
      searches.push_back(
          {change.id, std::move(hybrid), {h, {&b, y}, {&a, x}}, &change.aspects[k].order});
    }
  }
  const engine::CompiledRulebook old_rules(a), new_rules(b);
  parallel_for(searches.size(), threads, [&](std::size_t i, unsigned) {
    *searches[i].slot = find_witness(old_rules, new_rules, searches[i].versions, searches[i].id);
  });
}

}  // namespace fineprint::diff
