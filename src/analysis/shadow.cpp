#include "analysis/shadow.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace fineprint::analysis {

namespace {

constexpr std::uint64_t kCoverBudget = 5'000'000;
constexpr std::uint64_t kEnumerationBudget = 50'000;

std::int64_t pick_time(const Interval& window) {
  return window.hi - window.lo >= 43200 ? window.lo + 43200 : window.lo;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool contains_index(const std::vector<std::size_t>& v, std::size_t i) {
  return std::find(v.begin(), v.end(), i) != v.end();
}

// Q is a candidate in every order where P is and that holds only P's
// minimal needs: P's code alone, one of P's segments (`segment`), a first
// order only if P needs one, no usage limit reached... except Q's, which the
// customer may have used up, and P's thresholds exactly.
bool forced(const PromoFacts& q, const PromoFacts& p) {
  return (!q.code || q.code == p.code) && (!q.first_order_only || p.first_order_only) &&
         !q.limited && q.min_quantity <= p.min_quantity && q.min_subtotal <= p.min_subtotal;
}

struct Local {
  Layout layout;
  Axis time;
  std::vector<int> cats, skus;  // candidate ids (sorted; -1 is a value nobody names)
  std::size_t segments = 1;
};

ValueSet id_set(const std::vector<int>& ids, const std::vector<int>& domain) {
  ValueSet set = ValueSet::none(domain.size());
  for (int id : ids) {
    auto it = std::lower_bound(domain.begin(), domain.end(), id);
    if (it != domain.end() && *it == id) set.insert(static_cast<std::size_t>(it - domain.begin()));
  }
  return set;
}

// A scope as at most two disjoint boxes over (category, sku): the listed
// categories with any sku, and the other categories with a listed sku;
// exclusions taken out of both.
void scope_boxes(const Local& d, const ScopeIds& scope, const Box& base, std::vector<Box>& out) {
  auto add = [&](const ValueSet& cats, const ValueSet& skus) {
    if (cats.empty() || skus.empty()) return;
    Box box = base;
    box.set(d.layout, 2, cats);
    box.set(d.layout, 3, skus);
    out.push_back(std::move(box));
  };
  ValueSet all_cats = ValueSet::all(d.cats.size()), all_skus = ValueSet::all(d.skus.size());
  if (!scope.present) return add(all_cats, all_skus);
  ValueSet cats = all_cats.subtract(id_set(scope.exc_cats, d.cats));
  ValueSet skus = all_skus.subtract(id_set(scope.exc_skus, d.skus));
  if (scope.cats.empty() && scope.skus.empty()) return add(cats, skus);
  ValueSet listed = id_set(scope.cats, d.cats);
  add(listed.intersect(cats), skus);
  add(cats.subtract(listed), id_set(scope.skus, d.skus).intersect(skus));
}

ShadowVerdict by_cover(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
                       const std::vector<Rival>& rivals) {
  ShadowVerdict v;
  const PromoFacts& fp = set.facts[p];
  std::vector<std::size_t> force;
  for (const Rival& r : rivals)
    if (forced(set.facts[r.index], fp) &&
        !combinable(rulebook.promotions[r.index], rulebook.promotions[p]))
      force.push_back(r.index);
  if (force.empty()) return v;
  Local d;
  std::vector<std::size_t> all = force;
  all.push_back(p);
  d.cats = category_candidates(set.lines, all);
  d.skus = sku_candidates(set.lines, all);
  d.time = Axis(fp.window.lo, fp.window.hi, false);
  for (std::size_t q : force) d.time.cut(set.facts[q].window.lo, set.facts[q].window.hi);
  d.time.seal();
  d.segments = fp.segments ? fp.segments->size() : 1;
  for (std::size_t size :
       {d.time.size(), fp.channels.size(), d.cats.size(), d.skus.size(), d.segments})
    d.layout.add(size);

  Box base = Box::all(d.layout);
  base.set(d.layout, 1, fp.channels);
  std::vector<Box> region;
  scope_boxes(d, set.lines.scopes[p], base, region);
  // Probes first: a point of P's region that no forced rival can be at
  // proves P usable without building or subtracting boxes (the usual case).
  auto covers = [&](std::size_t q, std::size_t cell, std::size_t ch, std::size_t c, std::size_t k,
                    std::size_t seg) {
    const PromoFacts& fq = set.facts[q];
    if (!fq.window.contains(d.time.cell(cell).lo) || !fq.channels.contains(ch)) return false;
    if (fq.segments && !(fp.segments && contains(*fq.segments, (*fp.segments)[seg]))) return false;
    return in_scope_ids(set.lines.scopes[q], d.cats[c], d.skus[k]);
  };
  for (const Box& box : region) {
    std::array<ValueSet, 5> members;
    for (std::size_t dim = 0; dim < 5; ++dim) members[dim] = box.get(d.layout, dim);
    auto nth = [](const ValueSet& set, std::size_t n) {
      for (std::size_t i = 0; i < set.size(); ++i)
        if (set.contains(i) && n-- == 0) return i;
      return set.first();
    };
    for (std::size_t probe = 0; probe < 8; ++probe) {
      std::array<std::size_t, 5> at{};
      for (std::size_t dim = 0; dim < 5; ++dim)
        at[dim] = nth(members[dim], (probe * (dim + 1) * 7919) % members[dim].count());
      bool hit = false;
      for (std::size_t q : force)
        if (covers(q, at[0], at[1], at[2], at[3], at[4])) {
          hit = true;
          break;
        }
      if (!hit) return v;
    }
  }
  std::vector<Box> cover;
  std::vector<std::pair<std::size_t, std::size_t>> owner;  // cover box → promotion
  for (std::size_t q : force) {
    const PromoFacts& fq = set.facts[q];
    Box b = Box::all(d.layout);
    b.set(d.layout, 0, d.time.range(fq.window.lo, fq.window.hi));
    b.set(d.layout, 1, fq.channels);
    if (fq.segments) {
      ValueSet segs = ValueSet::none(d.segments);
      for (std::size_t i = 0; fp.segments && i < fp.segments->size(); ++i)
        if (contains(*fq.segments, (*fp.segments)[i])) segs.insert(i);
      b.set(d.layout, 4, segs);
    }
    std::size_t before = cover.size();
    scope_boxes(d, set.lines.scopes[q], b, cover);
    for (std::size_t i = before; i < cover.size(); ++i) owner.emplace_back(i, q);
  }
  Budget budget{kCoverBudget};
  for (const Box& box : region) {
    auto rest = uncovered(d.layout, box, cover, budget);
    if (!rest) {
      v.stopped = true;
      v.why = fmt::format("covering its windows needed more than {} box operations", kCoverBudget);
      return v;
    }
    if (!rest->empty()) return v;
  }
  v.shadowed = true;
  for (const auto& entry : owner) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
    const Box& owned = cover[entry.first];
    bool meets = std::any_of(region.begin(), region.end(),
                             [&](const Box& b) { return b.intersects(d.layout, owned); });
    if (meets && !contains_index(v.by, entry.second)) v.by.push_back(entry.second);
  }
  const Box& first = region.front();
  LineKind line{set.lines.category_name(d.cats[first.first(d.layout, 2)]),
                set.lines.sku_name(d.skus[first.first(d.layout, 3)])};
  const std::string* segment = fp.segments ? &(*fp.segments)[first.first(d.layout, 4)] : nullptr;
  v.order = sketch_order(rulebook, set, {p}, pick_time(d.time.cell(first.first(d.layout, 0))),
                         first.first(d.layout, 1), line, segment);
  return v;
}

template <class T>
void add_level(std::vector<T>& levels, T value) {
  if (value > levels.front() && std::find(levels.begin(), levels.end(), value) == levels.end())
    levels.push_back(value);
}

// Combinable rivals can unblock P by holding a line against a third
// promotion, so the cover argument does not hold: every order that switches
// the rivals on and off (codes, segments, first order, used-up limits,
// threshold levels) is tried, at every window cell, channel and line kind.
ShadowVerdict by_enumeration(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
                             const std::vector<Rival>& rivals) {
  ShadowVerdict v;
  const PromoFacts& fp = set.facts[p];
  std::vector<std::size_t> rs;
  for (const Rival& r : rivals) rs.push_back(r.index);
  std::vector<std::string> codes, segs;
  std::vector<std::size_t> limited;
  std::vector<std::int64_t> quantities{fp.min_quantity};
  std::vector<core::Minor> subtotals{fp.min_subtotal};
  // Only switches that can turn a helper (a rival combinable with P) on are
  // tried; turning on a rival that is not combinable with P never helps P.
  bool helper_first_order = false;
  for (std::size_t q : rs) {
    if (!combinable(rulebook.promotions[q], rulebook.promotions[p])) continue;
    const PromoFacts& f = set.facts[q];
    if (f.code && f.code != fp.code && !contains(codes, *f.code)) codes.push_back(*f.code);
    if (f.limited) limited.push_back(q);
    add_level(quantities, f.min_quantity);
    add_level(subtotals, f.min_subtotal);
    if (f.segments)
      for (const auto& s : *f.segments)
        if (!contains(segs, s)) segs.push_back(s);
    helper_first_order = helper_first_order || f.first_order_only;
  }
  if (fp.segments)
    for (const auto& s : *fp.segments)
      if (!contains(segs, s)) segs.push_back(s);
  std::vector<std::size_t> all = rs;
  all.push_back(p);
  Axis time(fp.window.lo, fp.window.hi, false);
  for (std::size_t q : rs) time.cut(set.facts[q].window.lo, set.facts[q].window.hi);
  time.seal();
  std::size_t switches = codes.size() + segs.size() + limited.size();
  if (switches > 30) {
    v.stopped = true;
    v.why = fmt::format("combinable promotions ranked before it leave {} switches to enumerate",
                        switches);
    return v;
  }
  // Per promotion (rivals, then P): its segments and code as switch masks.
  auto seg_mask = [&](std::size_t q) {
    std::uint64_t m = 0;
    if (!set.facts[q].segments) return m;
    for (std::size_t i = 0; i < segs.size(); ++i)
      if (contains(*set.facts[q].segments, segs[i])) m |= std::uint64_t{1} << i;
    return m;
  };
  auto code_bit = [&](std::size_t q) -> std::int64_t {
    const auto& c = set.facts[q].code;
    if (!c || c == fp.code) return -1;
    return std::find(codes.begin(), codes.end(), *c) - codes.begin();
  };
  std::vector<std::uint64_t> smask;
  std::vector<std::int64_t> cbit, lbit;
  for (std::size_t q : all) {
    smask.push_back(seg_mask(q));
    cbit.push_back(code_bit(q));
    auto it = std::find(limited.begin(), limited.end(), q);
    // -1: no limit; -2: a limit the customer has used up (rivals that are no helpers stay off).
    lbit.push_back(it != limited.end()              ? it - limited.begin()
                   : set.facts[q].limited && q != p ? -2
                                                    : -1);
  }
  std::vector<std::vector<bool>> comb(all.size(), std::vector<bool>(all.size()));
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::size_t j = 0; j < all.size(); ++j)
      comb[i][j] = combinable(rulebook.promotions[all[i]], rulebook.promotions[all[j]]);

  // The arrangement of the rivals' boxes (window, channel, scope) over P's
  // region: every fragment has one set of rivals that can be there.
  Local d;
  d.time = time;
  d.cats = category_candidates(set.lines, all);
  d.skus = sku_candidates(set.lines, all);
  for (std::size_t size :
       {d.time.size(), fp.channels.size(), d.cats.size(), d.skus.size(), std::size_t{1}})
    d.layout.add(size);
  struct Fragment {
    Box box;
    std::vector<std::size_t> possible;  // indices into `all`, in rank order
  };
  std::uint64_t work = 0;
  auto out_of_budget = [&] {
    v.stopped = true;
    v.why = fmt::format("combinable promotions ranked before it leave more than {} orders to try",
                        kEnumerationBudget);
    return v;
  };
  std::vector<Fragment> fragments;
  {
    Box base = Box::all(d.layout);
    base.set(d.layout, 1, fp.channels);
    std::vector<Box> region;
    scope_boxes(d, set.lines.scopes[p], base, region);
    for (auto& b : region) fragments.push_back({std::move(b), {}});
  }
  std::size_t pi = all.size() - 1;
  auto refine = [&](std::size_t i) {
    const PromoFacts& f = set.facts[all[i]];
    Box b = Box::all(d.layout);
    b.set(d.layout, 0, d.time.range(f.window.lo, f.window.hi));
    b.set(d.layout, 1, f.channels);
    std::vector<Box> boxes;
    scope_boxes(d, set.lines.scopes[all[i]], b, boxes);
    for (const Box& rb : boxes) {
      std::vector<Fragment> next;
      for (auto& fr : fragments) {
        if (++work > kEnumerationBudget) return false;
        if (!fr.box.intersects(d.layout, rb)) {
          next.push_back(std::move(fr));
          continue;
        }
        std::vector<Box> outside;
        fr.box.subtract(d.layout, rb, outside);
        Fragment inside{fr.box.intersect(rb), fr.possible};
        inside.possible.push_back(i);
        for (auto& o : outside) next.push_back({std::move(o), fr.possible});
        next.push_back(std::move(inside));
      }
      fragments.swap(next);
    }
    return true;
  };
  // Helpers first: where none can be, the cover by the other rivals already
  // decided that P is blocked in every order, so only the rest is refined.
  for (std::size_t i = 0; i < pi; ++i)
    if (comb[i][pi] && !refine(i)) return out_of_budget();
  fragments.erase(std::remove_if(fragments.begin(), fragments.end(),
                                 [](const Fragment& f) { return f.possible.empty(); }),
                  fragments.end());
  if (fragments.empty()) {
    v.use_cover = true;
    return v;
  }
  for (std::size_t i = 0; i < pi; ++i)
    if (!comb[i][pi] && !refine(i)) return out_of_budget();
  for (auto& fr : fragments) std::sort(fr.possible.begin(), fr.possible.end());
  bool candidate_somewhere = false;
  for (const Fragment& fr : fragments) {
    const std::vector<std::size_t>& possible = fr.possible;
    std::int64_t t = d.time.cell(fr.box.first(d.layout, 0)).lo;
    std::size_t ch = fr.box.first(d.layout, 1);
    std::pair<int, int> line{d.cats[fr.box.first(d.layout, 2)], d.skus[fr.box.first(d.layout, 3)]};
    for (std::uint64_t cm = 0; cm < (std::uint64_t{1} << codes.size()); ++cm)
      for (std::uint64_t sm = 0; sm < (std::uint64_t{1} << segs.size()); ++sm)
        for (std::uint64_t lm = 0; lm < (std::uint64_t{1} << limited.size()); ++lm)
          for (int first = fp.first_order_only ? 1 : 0;
               first <= (fp.first_order_only || helper_first_order ? 1 : 0); ++first)
            for (std::int64_t qty : quantities)
              for (core::Minor sub : subtotals) {
                if (++work > kEnumerationBudget) return out_of_budget();
                auto cand = [&](std::size_t i) {
                  const PromoFacts& f = set.facts[all[i]];
                  return (cbit[i] < 0 || ((cm >> cbit[i]) & 1U)) &&
                         (!f.segments || (smask[i] & sm) != 0) && (!f.first_order_only || first) &&
                         lbit[i] != -2 && (lbit[i] < 0 || !((lm >> lbit[i]) & 1U)) &&
                         qty >= f.min_quantity && sub >= f.min_subtotal;
                };
                if (!cand(pi)) continue;
                std::vector<std::size_t> applied;
                for (std::size_t i : possible) {
                  if (!cand(i)) continue;
                  if (std::all_of(applied.begin(), applied.end(),
                                  [&](std::size_t a) { return comb[a][i]; }))
                    applied.push_back(i);
                }
                std::vector<std::size_t> blockers;
                for (std::size_t a : applied)
                  if (!comb[a][pi]) blockers.push_back(all[a]);
                if (blockers.empty()) return ShadowVerdict{};
                for (std::size_t b : blockers)
                  if (!contains_index(v.by, b)) v.by.push_back(b);
                if (candidate_somewhere) continue;
                candidate_somewhere = true;
                OrderSketch& o = v.order;
                o.placed_at = core::Instant{std::chrono::seconds{t}};
                o.channel = rulebook.store.channels[ch].value;
                if (rulebook.promotions[p].code)
                  o.codes.push_back(rulebook.promotions[p].code->value);
                for (std::size_t i = 0; i < codes.size(); ++i)
                  if ((cm >> i) & 1U) o.codes.push_back(codes[i]);
                for (std::size_t i = 0; i < segs.size(); ++i)
                  if ((sm >> i) & 1U) o.segments.push_back(segs[i]);
                o.first_order = first;
                for (std::size_t i = 0; i < limited.size(); ++i)
                  if ((lm >> i) & 1U) o.used_up.push_back(rulebook.promotions[limited[i]].id.value);
                core::Minor unit = std::max<core::Minor>(1000, (sub + qty - 1) / qty);
                o.lines.push_back({set.lines.sku_name(line.second),
                                   set.lines.category_name(line.first), qty, unit});
              }
  }
  v.shadowed = candidate_somewhere;
  std::sort(v.by.begin(), v.by.end(),
            [&](std::size_t a, std::size_t b) { return set.facts[a].rank < set.facts[b].rank; });
  return v;
}

}  // namespace

ShadowVerdict decide_shadow(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
                            const std::vector<Rival>& rivals) {
  bool helpers = std::any_of(rivals.begin(), rivals.end(), [&](const Rival& r) {
    return combinable(rulebook.promotions[r.index], rulebook.promotions[p]);
  });
  // The cover by rivals not combinable with P: where it leaves a gap, P is
  // usable in its plainest order whatever the helpers do.
  ShadowVerdict cover = by_cover(rulebook, set, p, rivals);
  if (!helpers || cover.stopped || !cover.shadowed) return cover;
  ShadowVerdict searched = by_enumeration(rulebook, set, p, rivals);
  return searched.use_cover ? cover : searched;
}

}  // namespace fineprint::analysis
