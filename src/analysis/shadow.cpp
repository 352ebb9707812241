#include "analysis/shadow.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "analysis/engine_check.hpp"
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

// Whether every line kind in P's scope is in Q's.
bool scope_contains(const Lines& lines, std::size_t q, std::size_t p) {
  const ScopeIds& sq = lines.scopes[q];
  if (!sq.present) return true;
  const ScopeIds& sp = lines.scopes[p];
  for (int c : category_candidates(lines, {p, q}))
    for (int s : sku_candidates(lines, {p, q}))
      if (in_scope_ids(sp, c, s) && !in_scope_ids(sq, c, s)) return false;
  return true;
}

// On orders of two line kinds as well (search_mixed_orders), a forced rival
// Q holds P's line whatever a support line adds when P's line alone meets
// its thresholds (none but what it needs to take something off, and no more
// of that than P needs), or when its scope holds all of P's, so that it
// counts every line P counts.
bool forced_on_two_kinds(const PromoSet& set, std::size_t q, std::size_t p) {
  const PromoFacts& fq = set.facts[q];
  const PromoFacts& fp = set.facts[p];
  if (!forced(fq, fp)) return false;
  if (fq.list_quantity <= 1 && fq.list_subtotal <= 0 &&
      fq.takes_quantity <= std::max<std::int64_t>(1, fp.takes_quantity) &&
      fq.takes_subtotal <= fp.takes_subtotal)
    return true;
  return fq.min_quantity <= std::max(fp.list_quantity, fp.takes_quantity) &&
         fq.min_subtotal <= std::max(fp.list_subtotal, fp.takes_subtotal) &&
         scope_contains(set.lines, q, p);
}

// The cover by rivals not combinable with P (see decide_shadow), step by
// step; every verdict says what it spent (the run's budget adds it up).
// `two_kinds`: by the rivals forced on orders of two line kinds only.
class Cover {
 public:
  Cover(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p, bool two_kinds)
      : rulebook_(rulebook), set_(set), p_(p), fp_(set.facts[p]), two_kinds_(two_kinds) {}

  ShadowVerdict run(const std::vector<Rival>& rivals) {
    pick_forced(rivals);
    if (!force_.empty()) {
      lay_out_space();
      if (probes_all_hit() && covered()) {
        v_.shadowed = true;
        name_blockers();
        witness();
      }
    }
    v_.work = budget_.used;
    return std::move(v_);
  }

 private:
  // The rivals that are candidates wherever P is at its plainest and hold
  // the line against it.
  void pick_forced(const std::vector<Rival>& rivals) {
    budget_.spend(rivals.size());
    for (const Rival& r : rivals)
      if ((two_kinds_ ? forced_on_two_kinds(set_, r.index, p_)
                      : forced(set_.facts[r.index], fp_)) &&
          !combinable(rulebook_.promotions[r.index], rulebook_.promotions[p_]))
        force_.push_back(r.index);
  }

  void lay_out_space() {
    std::vector<std::size_t> all = force_;
    all.push_back(p_);
    d_.cats = category_candidates(set_.lines, all);
    d_.skus = sku_candidates(set_.lines, all);
    d_.time = Axis(fp_.window.lo, fp_.window.hi, false);
    for (std::size_t q : force_) d_.time.cut(set_.facts[q].window.lo, set_.facts[q].window.hi);
    d_.time.seal();
    d_.segments = fp_.segments ? fp_.segments->size() : 1;
    lay_out(d_, fp_.channels.size());
    Box base = Box::all(d_.layout);
    base.set(d_.layout, kChannel, fp_.channels);
    scope_boxes(d_, set_.lines.scopes[p_], base, region_);
  }

  bool covers(std::size_t q, const std::array<std::size_t, 5>& at) const {
    const PromoFacts& fq = set_.facts[q];
    if (!fq.window.contains(d_.time.cell(at[0]).lo) || !fq.channels.contains(at[1])) return false;
    if (fq.segments && !(fp_.segments && contains(*fq.segments, (*fp_.segments)[at[4]])))
      return false;
    return in_scope_ids(set_.lines.scopes[q], d_.cats[at[2]], d_.skus[at[3]]);
  }

  // Probes first: a point of P's region that no forced rival can be at
  // proves P usable without building or subtracting boxes (the usual case).
  // False when a probe escapes, or the budget ran out (then stopped).
  bool probes_all_hit() {
    auto nth = [](const ValueSet& set, std::size_t n) {
      for (std::size_t i = 0; i < set.size(); ++i)
        if (set.contains(i) && n-- == 0) return i;
      return set.first();
    };
    for (const Box& box : region_) {
      std::array<ValueSet, 5> members;
      for (std::size_t dim = 0; dim < 5; ++dim) members[dim] = box.get(d_.layout, dim);
      for (std::size_t probe = 0; probe < 8; ++probe) {
        std::array<std::size_t, 5> at{};
        for (std::size_t dim = 0; dim < 5; ++dim)
          at[dim] = nth(members[dim], (probe * (dim + 1) * 7919) % members[dim].count());
        bool hit = false;
        for (std::size_t q : force_) {
          if (!budget_.spend()) return stop();
          if (covers(q, at)) {
            hit = true;
            break;
          }
        }
        if (!hit) return false;
      }
    }
    return true;
  }

  // Whether the forced rivals' boxes cover P's whole region.
  bool covered() {
    budget_.spend(force_.size());
    for (std::size_t q : force_) {
      const PromoFacts& fq = set_.facts[q];
      Box b = Box::all(d_.layout);
      b.set(d_.layout, kTime, d_.time.range(fq.window.lo, fq.window.hi));
      b.set(d_.layout, kChannel, fq.channels);
      if (fq.segments) {
        ValueSet segs = ValueSet::none(d_.segments);
        for (std::size_t i = 0; fp_.segments && i < fp_.segments->size(); ++i)
          if (contains(*fq.segments, (*fp_.segments)[i])) segs.insert(i);
        b.set(d_.layout, kSegment, segs);
      }
      std::size_t before = cover_.size();
      scope_boxes(d_, set_.lines.scopes[q], b, cover_);
      for (std::size_t i = before; i < cover_.size(); ++i) owner_.emplace_back(i, q);
    }
    for (const Box& box : region_) {
      auto rest = uncovered(d_.layout, box, cover_, budget_);
      if (!rest) return stop();
      if (!rest->empty()) return false;
    }
    return true;
  }

  // Every forced rival whose boxes meet P's region.
  void name_blockers() {
    budget_.spend(owner_.size() * region_.size());
    std::vector<bool> named(set_.facts.size(), false);  // a set: thousands of blockers are possible
    for (const auto& entry : owner_) {
      // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
      const Box& owned = cover_[entry.first];
      if (named[entry.second]) continue;
      bool meets = std::any_of(region_.begin(), region_.end(),
                               [&](const Box& b) { return b.intersects(d_.layout, owned); });
      if (meets) {
        named[entry.second] = true;
        v_.by.push_back(entry.second);
      }
    }
  }

  void witness() {
    const Box& first = region_.front();
    LineKind line{set_.lines.category_name(d_.cats[first.first(d_.layout, kCategory)]),
                  set_.lines.sku_name(d_.skus[first.first(d_.layout, kSku)])};
    const std::string* segment =
        fp_.segments ? &(*fp_.segments)[first.first(d_.layout, kSegment)] : nullptr;
    v_.order =
        sketch_order(rulebook_, set_, {p_}, pick_time(d_.time.cell(first.first(d_.layout, kTime))),
                     first.first(d_.layout, kChannel), line, segment);
  }

  bool stop() {
    v_.stopped = true;
    v_.why = budget_.why("covering its windows");
    return false;
  }

  const model::Rulebook& rulebook_;
  const PromoSet& set_;
  std::size_t p_;
  const PromoFacts& fp_;
  bool two_kinds_;
  Budget budget_{kCoverBudget};
  ShadowVerdict v_;
  std::vector<std::size_t> force_;
  ShadowSpace d_;
  std::vector<Box> region_;
  std::vector<Box> cover_;
  std::vector<std::pair<std::size_t, std::size_t>> owner_;  // cover box → promotion
};

ShadowVerdict by_cover(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
                       const std::vector<Rival>& rivals, bool two_kinds = false) {
  return Cover(rulebook, set, p, two_kinds).run(rivals);
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

// Orders of two line kinds can only show P usable: the verdict of one line
// kind stands (its blockers, its witness) unless one of them lets P apply.
// Whether a rival is combinable with P: it may then unblock P.
bool any_helper(const model::Rulebook& rulebook, std::size_t p, const std::vector<Rival>& rivals) {
  return std::any_of(rivals.begin(), rivals.end(), [&](const Rival& r) {
    return combinable(rulebook.promotions[r.index], rulebook.promotions[p]);
  });
}

// Whether a support line can change anything: it matters through candidate
// thresholds, P's (spread over two kinds) or a helper's (switched on by it).
// Without either, it only adds to rivals' totals (turning blockers on) and
// to the cents helpers need to take something off (a known limit,
// docs/analysis.md).
bool support_line_may_matter(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
                             const std::vector<Rival>& rivals) {
  auto counts = [&](std::size_t i) {
    return set.facts[i].list_quantity > 1 || set.facts[i].list_subtotal > 0;
  };
  return counts(p) || std::any_of(rivals.begin(), rivals.end(), [&](const Rival& r) {
           return counts(r.index) &&
                  combinable(rulebook.promotions[r.index], rulebook.promotions[p]);
         });
}

// Whether every rival the cover counted on is forced on two line kinds as
// well: the cover by those is then the one already found.
bool same_cover_on_two_kinds(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
                             const std::vector<Rival>& rivals) {
  return std::all_of(rivals.begin(), rivals.end(), [&](const Rival& r) {
    return !forced(set.facts[r.index], set.facts[p]) ||
           combinable(rulebook.promotions[r.index], rulebook.promotions[p]) ||
           forced_on_two_kinds(set, r.index, p);
  });
}

// Skipped where a support line cannot matter; without helpers, a cover by
// the rivals forced on two line kinds as well settles it at the cost of a
// cover (none when those are the rivals the cover already used).
ShadowVerdict refute_by_mixed_orders(const model::Rulebook& rulebook, const PromoSet& set,
                                     std::size_t p, const std::vector<Rival>& rivals,
                                     ShadowVerdict verdict, const EngineCheck& engine) {
  if (!support_line_may_matter(rulebook, set, p, rivals)) return verdict;
  if (!any_helper(rulebook, p, rivals)) {
    if (same_cover_on_two_kinds(rulebook, set, p, rivals)) return verdict;
    ShadowVerdict strict = by_cover(rulebook, set, p, rivals, true);
    verdict.work += strict.work;
    if (strict.shadowed) return verdict;
  }
  ShadowVerdict mixed = search_mixed_orders(rulebook, set, p, rivals, engine);
  mixed.work += verdict.work;
  if (mixed.stopped || !mixed.shadowed) return mixed;
  verdict.work = mixed.work;
  return verdict;
}

ShadowVerdict decide_on_one_line_kind(const model::Rulebook& rulebook, const PromoSet& set,
                                      std::size_t p, const std::vector<Rival>& rivals) {
  bool helpers = any_helper(rulebook, p, rivals);
  // The cover by rivals not combinable with P: where it leaves a gap, P is
  // usable in its plainest order whatever the helpers do.
  ShadowVerdict cover = by_cover(rulebook, set, p, rivals);
  if (!helpers || cover.stopped || !cover.shadowed) return cover;
  ShadowVerdict searched = search_shadow(rulebook, set, p, rivals);
  searched.work += cover.work;
  return searched;
}

}  // namespace

ShadowVerdict decide_shadow(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
                            const std::vector<Rival>& all_rivals, const EngineCheck* engine) {
  const std::vector<Rival> rivals = rivals_that_hold(rulebook, set, p, all_rivals);
  ShadowVerdict verdict = decide_on_one_line_kind(rulebook, set, p, rivals);
  if (!engine || verdict.stopped || !verdict.shadowed) return verdict;
  return refute_by_mixed_orders(rulebook, set, p, rivals, std::move(verdict), *engine);
}

}  // namespace fineprint::analysis
