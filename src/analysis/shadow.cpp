#include "analysis/shadow.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "analysis/shadow_search.hpp"
#include "analysis/shadow_space.hpp"

namespace fineprint::analysis {

namespace {

constexpr std::uint64_t kCoverBudget = 5'000'000;

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Q is a candidate in every order where P is and that holds only P's
// minimal needs: P's code alone, one of P's segments (`segment`), a first
// order only if P needs one, no usage limit reached... except Q's, which the
// customer may have used up, and P's thresholds exactly.
bool forced(const PromoFacts& q, const PromoFacts& p) {
  return (!q.code || q.code == p.code) && (!q.first_order_only || p.first_order_only) &&
         !q.limited && q.min_quantity <= p.min_quantity && q.min_subtotal <= p.min_subtotal;
}

ShadowVerdict by_cover(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
                       const std::vector<Rival>& rivals) {
  ShadowVerdict v;
  Budget budget{kCoverBudget};
  // Every verdict says what it spent (the run's overall budget adds it up).
  auto spent = [&]() -> ShadowVerdict {
    v.work = budget.used;
    return v;
  };
  const PromoFacts& fp = set.facts[p];
  std::vector<std::size_t> force;
  budget.spend(rivals.size());
  for (const Rival& r : rivals)
    if (forced(set.facts[r.index], fp) &&
        !combinable(rulebook.promotions[r.index], rulebook.promotions[p]))
      force.push_back(r.index);
  if (force.empty()) return spent();
  ShadowSpace d;
  std::vector<std::size_t> all = force;
  all.push_back(p);
  d.cats = category_candidates(set.lines, all);
  d.skus = sku_candidates(set.lines, all);
  d.time = Axis(fp.window.lo, fp.window.hi, false);
  for (std::size_t q : force) d.time.cut(set.facts[q].window.lo, set.facts[q].window.hi);
  d.time.seal();
  d.segments = fp.segments ? fp.segments->size() : 1;
  lay_out(d, fp.channels.size());

  Box base = Box::all(d.layout);
  base.set(d.layout, kChannel, fp.channels);
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
        if (!budget.spend()) {
          v.stopped = true;
          v.why = budget.why("covering its windows");
          return spent();
        } else if (covers(q, at[0], at[1], at[2], at[3], at[4])) {
          hit = true;
          break;
        }
      if (!hit) return spent();
    }
  }
  std::vector<Box> cover;
  std::vector<std::pair<std::size_t, std::size_t>> owner;  // cover box → promotion
  budget.spend(force.size());
  for (std::size_t q : force) {
    const PromoFacts& fq = set.facts[q];
    Box b = Box::all(d.layout);
    b.set(d.layout, kTime, d.time.range(fq.window.lo, fq.window.hi));
    b.set(d.layout, kChannel, fq.channels);
    if (fq.segments) {
      ValueSet segs = ValueSet::none(d.segments);
      for (std::size_t i = 0; fp.segments && i < fp.segments->size(); ++i)
        if (contains(*fq.segments, (*fp.segments)[i])) segs.insert(i);
      b.set(d.layout, kSegment, segs);
    }
    std::size_t before = cover.size();
    scope_boxes(d, set.lines.scopes[q], b, cover);
    for (std::size_t i = before; i < cover.size(); ++i) owner.emplace_back(i, q);
  }
  for (const Box& box : region) {
    auto rest = uncovered(d.layout, box, cover, budget);
    if (!rest) {
      v.stopped = true;
      v.why = budget.why("covering its windows");
      return spent();
    }
    if (!rest->empty()) return spent();
  }
  v.shadowed = true;
  budget.spend(owner.size() * region.size());
  std::vector<bool> named(set.facts.size(), false);  // a set: thousands of blockers are possible
  for (const auto& entry : owner) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
    const Box& owned = cover[entry.first];
    if (named[entry.second]) continue;
    bool meets = std::any_of(region.begin(), region.end(),
                             [&](const Box& b) { return b.intersects(d.layout, owned); });
    if (meets) {
      named[entry.second] = true;
      v.by.push_back(entry.second);
    }
  }
  const Box& first = region.front();
  LineKind line{set.lines.category_name(d.cats[first.first(d.layout, kCategory)]),
                set.lines.sku_name(d.skus[first.first(d.layout, kSku)])};
  const std::string* segment =
      fp.segments ? &(*fp.segments)[first.first(d.layout, kSegment)] : nullptr;
  v.order = sketch_order(rulebook, set, {p}, pick_time(d.time.cell(first.first(d.layout, kTime))),
                         first.first(d.layout, kChannel), line, segment);
  return spent();
}

// Semantics v1.1: a fixed_price rival holds a line only where the unit price
// is above its price, and more units of a cheaper line reach any amount P
// needs, so it cannot be counted on to block P. Unless P is a fixed price at
// least as high: wherever P takes something off, so does the rival. Leaving
// such a rival out can only make P look usable (a rival not combinable with
// P that holds the line blocks P whatever else it blocks).
std::vector<Rival> rivals_that_hold(const model::Rulebook& rulebook, const PromoSet& set,
                                    std::size_t p, const std::vector<Rival>& rivals) {
  const PromoFacts& fp = set.facts[p];
  std::vector<Rival> out;
  for (const Rival& r : rivals) {
    const PromoFacts& fq = set.facts[r.index];
    bool unsure = fq.fixed_unit &&
                  !combinable(rulebook.promotions[r.index], rulebook.promotions[p]) &&
                  !(fp.fixed_unit && *fp.fixed_unit >= *fq.fixed_unit);
    if (!unsure) out.push_back(r);
  }
  return out;
}

}  // namespace

ShadowVerdict decide_shadow(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
                            const std::vector<Rival>& all_rivals) {
  const std::vector<Rival> rivals = rivals_that_hold(rulebook, set, p, all_rivals);
  bool helpers = std::any_of(rivals.begin(), rivals.end(), [&](const Rival& r) {
    return combinable(rulebook.promotions[r.index], rulebook.promotions[p]);
  });
  // The cover by rivals not combinable with P: where it leaves a gap, P is
  // usable in its plainest order whatever the helpers do.
  ShadowVerdict cover = by_cover(rulebook, set, p, rivals);
  if (!helpers || cover.stopped || !cover.shadowed) return cover;
  ShadowVerdict searched = search_shadow(rulebook, set, p, rivals);
  searched.work += cover.work;
  return searched;
}

}  // namespace fineprint::analysis
