#include "analysis/returns_domain.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/money.hpp"

namespace fineprint::analysis {

namespace {

// More mentioned segments than this and the subsets are too many to list.
constexpr std::size_t kMaxSegments = 12;
constexpr std::int64_t kMaxDays =
    2'000'000;  // about 5,000 years: every day count a claim can state

void add_unique(std::vector<std::string>& out, const std::string& name) {
  if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
}

void add_names(std::vector<std::string>& out, const std::optional<model::Names>& names) {
  if (names)
    for (const auto& n : *names) add_unique(out, n.value);
}

NamedDim open_dim(const std::optional<model::Names>& catalog,
                  const std::vector<std::string>& mentioned, const std::string& stem) {
  NamedDim dim;
  if (catalog) {
    // The catalog lists every value the store sells: nothing else can occur.
    for (const auto& n : *catalog) dim.add(n.value);
    for (const auto& n : mentioned) dim.add(n);
    return dim;
  }
  for (const auto& n : mentioned) dim.add(n);
  // A name like "other-category-1" that is not among them.
  for (int i = 1;; ++i) {
    std::string name = fmt::format("other-{}-{}", stem, i);
    if (!dim.index(name)) {
      dim.add_other(name);
      return dim;
    }
  }
}

NamedDim closed_dim(const std::vector<std::string>& names) {
  NamedDim dim;
  for (const auto& n : names) dim.add(n);
  return dim;
}

void cut_range(Axis& axis, const std::optional<model::Range>& range) {
  if (range) axis.cut(range->min, range->max);
}

template <class F>
void each_when(const model::Rulebook& rulebook, F&& f) {
  for (const auto& rule : rulebook.returns->rules) f(rule.when);
  for (const auto& a : rulebook.asserts) f(a.when);
  for (const auto& g : rulebook.goodwill) f(g.when);
}

ValueSet list_set(const NamedDim& dim, const std::optional<model::Names>& names) {
  if (!names) return ValueSet::all(dim.size());
  return names_set(dim, model::values(*names));
}

ValueSet segment_set(const ReturnsDomain& domain, const std::optional<model::Names>& names) {
  std::size_t size = std::size_t{1} << domain.segments.size();
  if (!names) return ValueSet::all(size);
  std::size_t mask = 0;
  for (std::size_t i = 0; i < domain.segments.size(); ++i)
    for (const auto& n : *names)
      if (n.value == domain.segments[i]) mask |= std::size_t{1} << i;
  ValueSet set = ValueSet::none(size);
  for (std::size_t m = 0; m < size; ++m)
    if (m & mask) set.insert(m);
  return set;
}

ValueSet range_set(const Axis& axis, const std::optional<model::Range>& range, bool cover) {
  if (!range) return ValueSet::all(axis.size());
  ValueSet set = axis.range(range->min, range->max);
  if (cover && axis.nullable()) set.insert(axis.missing());
  return set;
}

ValueSet bool_set(const std::optional<core::Located<bool>>& flag) {
  ValueSet set = ValueSet::none(2);
  if (!flag || !flag->value) set.insert(0);
  if (!flag || flag->value) set.insert(1);
  return set;
}

std::size_t pick_axis(const Axis& axis, const ValueSet& set) {
  for (std::size_t i = 0; i < axis.cells(); ++i)
    if (set.contains(i)) return i;
  return axis.missing();
}

std::string names_text(const NamedDim& dim, const ValueSet& set) {
  std::string out;
  for (std::size_t i = 0; i < dim.size(); ++i)
    if (set.contains(i)) out += (out.empty() ? "" : "/") + dim.names[i];
  return out;
}

std::string axis_text(const Axis& axis, const ValueSet& set, const std::string& missing,
                      int digits) {
  std::string out;
  auto value = [&](std::int64_t v) {
    return digits >= 0 ? core::format_money(v, digits) : std::to_string(v);
  };
  for (std::size_t i = 0; i < axis.cells(); ++i) {
    if (!set.contains(i)) continue;
    std::size_t j = i;
    while (j + 1 < axis.cells() && set.contains(j + 1)) ++j;
    Interval c{axis.cell(i).lo, axis.cell(j).hi};
    std::string piece = c.lo == c.hi            ? value(c.lo)
                        : j + 1 == axis.cells() ? value(c.lo) + " or more"
                                                : value(c.lo) + " to " + value(c.hi);
    out += (out.empty() ? "" : ", ") + piece;
    i = j;
  }
  if (axis.nullable() && set.contains(axis.missing())) out += (out.empty() ? "" : ", ") + missing;
  return out;
}

}  // namespace

std::optional<std::size_t> NamedDim::index(const std::string& name) const {
  auto it = positions_.find(name);
  if (it == positions_.end()) return std::nullopt;
  return it->second;
}

void NamedDim::add(const std::string& name) {
  if (positions_.emplace(name, names.size()).second) names.push_back(name);
}

void NamedDim::add_other(const std::string& name) {
  names.push_back(name);  // not indexed: a rule can never name it
  has_other = true;
}

ValueSet names_set(const NamedDim& dim, const std::vector<std::string>& names) {
  ValueSet set = ValueSet::none(dim.size());
  for (const auto& n : names)
    if (auto i = dim.index(n)) set.insert(*i);
  return set;
}

DomainResult build_returns_domain(const model::Rulebook& rulebook,
                                  const std::vector<std::int64_t>& extra_days) {
  DomainResult result;
  const model::Returns& returns = *rulebook.returns;
  ReturnsDomain d;
  d.minor_digits = rulebook.store.currency.minor_digits;
  std::vector<std::string> categories, skus;
  each_when(rulebook, [&](const model::When& w) {
    add_names(categories, w.category);
    add_names(skus, w.sku);
    add_names(d.segments, w.segment);
  });
  for (const auto& e : returns.exemptions) add_names(categories, e.categories);
  if (d.segments.size() > kMaxSegments) {
    result.stopped = fmt::format(
        "the returns table mentions {} customer segments; the exact analysis lists every combination of at most {}",
        d.segments.size(), kMaxSegments);
    return result;
  }
  const auto& catalog = rulebook.catalog;
  d.categories = open_dim(catalog ? catalog->categories : std::nullopt, categories, "category");
  d.skus = open_dim(catalog ? catalog->skus : std::nullopt, skus, "sku");
  for (const auto& sku : d.skus.names) {
    const model::Product* product = catalog ? catalog->product(sku) : nullptr;
    d.sku_category.push_back(product ? d.categories.index(product->category) : std::nullopt);
  }
  d.channels = closed_dim(model::values(rulebook.store.channels));
  d.conditions = closed_dim(model::known_conditions(returns));
  d.reasons = closed_dim(model::known_reasons(returns));

  bool delivery = returns.window_from && returns.window_from->value == model::WindowFrom::delivery;
  d.days = Axis(0, kMaxDays, delivery || !returns.window_from);
  d.unit_price = Axis(0, kMaxInt, false);
  d.returns_90d = Axis(0, kMaxInt, true);
  each_when(rulebook, [&](const model::When& w) {
    cut_range(d.days, w.days);
    cut_range(d.unit_price, w.unit_price);
    cut_range(d.returns_90d, w.returns_90d);
  });
  for (auto day : extra_days) d.days.cut(std::nullopt, day);
  d.days.seal();
  d.unit_price.seal();
  d.returns_90d.seal();

  for (std::size_t size :
       {d.categories.size(), d.skus.size(), d.channels.size(), d.conditions.size(),
        d.reasons.size(), d.days.size(), std::size_t{2}, std::size_t{2}, d.unit_price.size(),
        std::size_t{1} << d.segments.size(), d.returns_90d.size()})
    d.layout.add(size);
  d.universe = Box::all(d.layout);
  if (!returns.window_from) {
    // No day 0: the engine knows no day count, whatever the claim says.
    ValueSet only_missing = ValueSet::none(d.days.size());
    only_missing.insert(d.days.missing());
    d.universe.set(d.layout, kDays, only_missing);
  }
  result.domain = std::move(d);
  return result;
}

Box when_box(const ReturnsDomain& d, const model::When& w, bool cover) {
  Box box = d.universe;
  const Layout& l = d.layout;
  auto restrict = [&](std::size_t dim, const ValueSet& set) {
    box.set(l, dim, box.get(l, dim).intersect(set));
  };
  if (w.category) restrict(kCategory, list_set(d.categories, w.category));
  if (w.sku) restrict(kSku, list_set(d.skus, w.sku));
  if (w.channel) restrict(kChannel, list_set(d.channels, w.channel));
  if (w.condition) restrict(kCondition, list_set(d.conditions, w.condition));
  if (w.reason) restrict(kReason, list_set(d.reasons, w.reason));
  if (w.days) restrict(kDays, range_set(d.days, w.days, cover));
  if (w.has_receipt) restrict(kHasReceipt, bool_set(w.has_receipt));
  if (w.final_sale) restrict(kFinalSale, bool_set(w.final_sale));
  if (w.unit_price) restrict(kUnitPrice, range_set(d.unit_price, w.unit_price, false));
  if (w.segment) restrict(kSegment, segment_set(d, w.segment));
  if (w.returns_90d) restrict(kReturns90d, range_set(d.returns_90d, w.returns_90d, cover));
  return box;
}

// A sku the catalog lists in `category`, else one it lists in no category,
// else the box's first: "1 × JKT-101 (underwear)" would read as a mistake.
std::size_t pick_sku(const ReturnsDomain& d, const Box& box, std::size_t category) {
  const ValueSet& skus = box.get(d.layout, kSku);
  std::optional<std::size_t> unlisted;
  for (std::size_t i = 0; i < d.skus.size(); ++i) {
    if (!skus.contains(i)) continue;
    if (d.sku_category[i] == category) return i;
    if (!d.sku_category[i] && !unlisted) unlisted = i;
  }
  return unlisted.value_or(box.first(d.layout, kSku));
}

Point pick_point(const ReturnsDomain& d, const Box& box) {
  const Layout& l = d.layout;
  Point p{};
  for (std::size_t dim = 0; dim < kDimCount; ++dim) p[dim] = box.first(l, dim);
  // Prefer a known day count and a stated return count: a witness with every
  // fact present reads better, and a missing fact is only chosen when needed.
  p[kDays] = pick_axis(d.days, box.get(l, kDays));
  p[kReturns90d] = pick_axis(d.returns_90d, box.get(l, kReturns90d));
  if (box.contains(l, kHasReceipt, 1)) p[kHasReceipt] = 1;
  p[kSku] = pick_sku(d, box, p[kCategory]);
  return p;
}

model::ItemFacts facts_of(const ReturnsDomain& d, const Point& p) {
  model::ItemFacts f;
  f.category = d.categories.names[p[kCategory]];
  f.sku = d.skus.names[p[kSku]];
  f.channel = d.channels.names[p[kChannel]];
  f.condition = d.conditions.names[p[kCondition]];
  f.reason = d.reasons.names[p[kReason]];
  if (p[kDays] != d.days.missing() || !d.days.nullable()) f.days = d.days.cell(p[kDays]).pick(1);
  f.has_receipt = p[kHasReceipt] == 1;
  f.final_sale = p[kFinalSale] == 1;
  f.unit_price = d.unit_price.cell(p[kUnitPrice]).pick(1000);
  for (std::size_t i = 0; i < d.segments.size(); ++i)
    if (p[kSegment] & (std::size_t{1} << i)) f.segments.push_back(d.segments[i]);
  if (p[kReturns90d] != d.returns_90d.missing())
    f.returns_90d = d.returns_90d.cell(p[kReturns90d]).pick(0);
  return f;
}

std::string describe_box(const ReturnsDomain& d, const Box& box) {
  const Layout& l = d.layout;
  std::vector<std::string> parts;
  auto full = [&](std::size_t dim) { return d.universe.get(l, dim).subset_of(box.get(l, dim)); };
  auto named = [&](std::size_t dim, const NamedDim& nd, const char* key) {
    if (!full(dim)) parts.push_back(fmt::format("{} {}", key, names_text(nd, box.get(l, dim))));
  };
  named(kCategory, d.categories, "category");
  named(kSku, d.skus, "sku");
  named(kChannel, d.channels, "channel");
  named(kCondition, d.conditions, "condition");
  named(kReason, d.reasons, "reason");
  if (!full(kDays))
    parts.push_back("days " + axis_text(d.days, box.get(l, kDays), "no day count", -1));
  if (!full(kHasReceipt))
    parts.push_back(box.contains(l, kHasReceipt, 1) ? "with receipt" : "without receipt");
  if (!full(kFinalSale))
    parts.push_back(box.contains(l, kFinalSale, 1) ? "final sale" : "not final sale");
  if (!full(kUnitPrice))
    parts.push_back("unit price " +
                    axis_text(d.unit_price, box.get(l, kUnitPrice), "", d.minor_digits));
  if (!full(kSegment)) parts.push_back("some customer segments");
  if (!full(kReturns90d))
    parts.push_back("returns in 90 days " +
                    axis_text(d.returns_90d, box.get(l, kReturns90d), "not stated", -1));
  if (parts.empty()) return "every item";
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace fineprint::analysis
