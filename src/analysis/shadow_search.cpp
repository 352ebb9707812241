#include "analysis/shadow_search.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "analysis/shadow_space.hpp"
#include "core/count_text.hpp"

namespace fineprint::analysis {

namespace {

// Entrants considered over all nodes of one promotion's search.
constexpr std::uint64_t kSearchBudget = 50'000;
constexpr std::int64_t kUnbounded = kMaxInt;

enum class Truth { no, yes, unknown };

Truth both(Truth a, Truth b) {
  if (a == Truth::no || b == Truth::no) return Truth::no;
  return a == Truth::yes && b == Truth::yes ? Truth::yes : Truth::unknown;
}

// A promotion of the search (P's rivals in rank order, then P) with what
// makes it a candidate, as switches of the order.
struct Entrant {
  std::size_t index = 0;   // file index
  bool helper = false;     // combinable with P
  std::vector<Box> where;  // window × channels × scope, disjoint boxes
  int code = -1;           // index into codes; -1: always met (no code, or P's)
  // Turned off by a switch no other entrant reads: a used-up limit or a
  // code nobody else has. Off that way costs nothing, so no other way is tried.
  bool private_off = false;
  bool private_code = false;
  bool limited = false;
  std::uint64_t segments = 0;  // over the search's segments; 0: no segment condition
  bool first_order_only = false;
  std::int64_t min_quantity = 1;
  core::Minor min_subtotal = 0;
};

// A set of orders: a box of (time, channel, category, sku) and the switches
// decided so far; an undecided switch may take either value.
struct Node {
  std::size_t next = 0;  // the entrant to consider
  Box region;
  std::vector<signed char> codes;  // -1 undecided, 0 not given, 1 given
  std::uint64_t seg_in = 0, seg_out = 0;
  signed char first = -1;
  std::int64_t qty_lo = 1, qty_hi = kUnbounded;  // the line's quantity in [lo, hi)
  core::Minor sub_lo = 0, sub_hi = kUnbounded;   // its list amount in [lo, hi)
  std::vector<std::size_t> applied;              // entrants holding the line so far
  std::vector<std::size_t> used_up;              // file indices off by a used-up limit
};

class Search {
 public:
  Search(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
         const std::vector<Rival>& rivals)
      : rulebook_(rulebook), set_(set), p_(p) {
    build(rivals);
  }

  ShadowVerdict run() {
    if (verdict_.stopped) return verdict_;
    roots();
    while (!stack_.empty()) {
      Node node = std::move(stack_.back());
      stack_.pop_back();
      if (!advance(node)) return ShadowVerdict{};  // P applies in these orders
      if (verdict_.stopped) return verdict_;
    }
    verdict_.shadowed = witnessed_;
    std::sort(verdict_.by.begin(), verdict_.by.end(), [&](std::size_t a, std::size_t b) {
      return set_.facts[a].rank < set_.facts[b].rank;
    });
    return verdict_;
  }

  std::uint64_t work() const { return work_; }

 private:
  const model::Rulebook& rulebook_;
  const PromoSet& set_;
  std::size_t p_;
  ShadowSpace space_;
  std::vector<Entrant> entrants_;  // rank order, P last
  std::vector<std::string> codes_, segments_;
  std::map<std::string, int> code_index_;     // a lower-cased code → its index in codes_
  std::vector<signed char> inert_;            // per entrant: -1 not yet known
  std::vector<std::size_t> dropped_used_up_;  // rivals left out, off by a used-up limit
  std::vector<Node> stack_;
  std::uint64_t work_ = 0;
  ShadowVerdict verdict_;
  bool witnessed_ = false;  // verdict_.order is an order where P is blocked

  bool combinable_entrants(std::size_t a, std::size_t b) const {
    return combinable(rulebook_.promotions[entrants_[a].index],
                      rulebook_.promotions[entrants_[b].index]);
  }

  void stop(std::string why) {
    verdict_.stopped = true;
    verdict_.why = std::move(why);
  }

  void build(const std::vector<Rival>& rivals) {
    const PromoFacts& fp = set_.facts[p_];
    std::map<std::string, int> code_uses;
    for (const Rival& r : rivals)
      if (const auto& c = set_.facts[r.index].code; c && c != fp.code) ++code_uses[*c];
    std::vector<std::size_t> all;
    for (const Rival& r : rivals) {
      const PromoFacts& f = set_.facts[r.index];
      Entrant e;
      e.index = r.index;
      e.helper = combinable(rulebook_.promotions[r.index], rulebook_.promotions[p_]);
      e.limited = f.limited;
      e.private_code = f.code && f.code != fp.code && code_uses[*f.code] == 1;
      e.private_off = f.limited || e.private_code;
      // A rival P cannot combine with is best off; when that costs nothing
      // it never needs a place in the search (nor its code in any order).
      if (!e.helper && e.private_off) {
        if (!e.private_code) dropped_used_up_.push_back(r.index);
        continue;
      }
      entrants_.push_back(std::move(e));
      all.push_back(r.index);
    }
    Entrant pe;
    pe.index = p_;
    pe.helper = true;
    entrants_.push_back(std::move(pe));
    all.push_back(p_);
    inert_.assign(entrants_.size(), -1);

    space_.time = Axis(fp.window.lo, fp.window.hi, false);
    for (std::size_t q : all) space_.time.cut(set_.facts[q].window.lo, set_.facts[q].window.hi);
    space_.time.seal();
    space_.cats = category_candidates(set_.lines, all);
    space_.skus = sku_candidates(set_.lines, all);
    lay_out(space_, rulebook_.store.channels.size());

    for (Entrant& e : entrants_) {
      const PromoFacts& f = set_.facts[e.index];
      Box base = Box::all(space_.layout);
      base.set(space_.layout, kTime, space_.time.range(f.window.lo, f.window.hi));
      base.set(space_.layout, kChannel, f.channels);
      scope_boxes(space_, set_.lines.scopes[e.index], base, e.where);
      if (f.code && f.code != fp.code) {
        auto [it, added] = code_index_.emplace(*f.code, static_cast<int>(codes_.size()));
        if (added) codes_.push_back(rulebook_.promotions[e.index].code->value);
        e.code = it->second;
      }
      if (f.segments) {
        for (const auto& s : *f.segments) {
          auto at = std::find(segments_.begin(), segments_.end(), s);
          if (at == segments_.end()) {
            if (segments_.size() == 64) {
              return stop("the promotions ranked before it name more than 64 segments");
            }
            at = segments_.insert(segments_.end(), s);
          }
          e.segments |= std::uint64_t{1} << (at - segments_.begin());
        }
      }
      e.first_order_only = f.first_order_only;
      e.min_quantity = f.min_quantity;
      e.min_subtotal = f.min_subtotal;
    }
  }

  // P a candidate: its window, channels and scope, one of its segments, a
  // first order when it needs one, its thresholds met.
  void roots() {
    const Entrant& pe = entrants_.back();
    Node base;
    base.codes.assign(codes_.size(), -1);
    base.first = pe.first_order_only ? 1 : -1;
    base.qty_lo = std::max<std::int64_t>(1, pe.min_quantity);
    base.sub_lo = pe.min_subtotal;
    for (const Box& box : pe.where) {
      if (pe.segments == 0) {
        stack_.push_back(base);
        stack_.back().region = box;
        continue;
      }
      for (std::size_t s = 0; s < segments_.size(); ++s) {
        if (!((pe.segments >> s) & 1U)) continue;
        stack_.push_back(base);
        stack_.back().region = box;
        stack_.back().seg_in = std::uint64_t{1} << s;
      }
    }
    std::reverse(stack_.begin(), stack_.end());  // the first box and segment first
  }

  // A helper combinable with every entrant after it changes nothing by
  // holding the line: whether it is on never matters.
  bool inert(std::size_t i) {
    if (inert_[i] < 0) {
      inert_[i] = 1;
      for (std::size_t j = i + 1; j + 1 < entrants_.size(); ++j)
        if (!combinable_entrants(i, j)) {
          inert_[i] = 0;
          break;
        }
    }
    return inert_[i] == 1;
  }

  Truth located(const Node& n, const Entrant& e) const {
    bool meets = false;
    for (const Box& b : e.where) {
      if (n.region.subset_of(b)) return Truth::yes;
      meets = meets || n.region.intersects(space_.layout, b);
    }
    return meets ? Truth::unknown : Truth::no;
  }

  static Truth code_met(const Node& n, const Entrant& e) {
    if (e.code < 0) return Truth::yes;
    signed char c = n.codes[static_cast<std::size_t>(e.code)];
    return c < 0 ? Truth::unknown : c ? Truth::yes : Truth::no;
  }

  static Truth segment_met(const Node& n, const Entrant& e) {
    if (e.segments == 0 || (n.seg_in & e.segments) != 0) return Truth::yes;
    return (e.segments & ~n.seg_out) == 0 ? Truth::no : Truth::unknown;
  }

  static Truth first_met(const Node& n, const Entrant& e) {
    if (!e.first_order_only) return Truth::yes;
    return n.first < 0 ? Truth::unknown : n.first ? Truth::yes : Truth::no;
  }

  static Truth at_least(std::int64_t lo, std::int64_t hi, std::int64_t min) {
    if (min <= lo) return Truth::yes;
    return min >= hi ? Truth::no : Truth::unknown;
  }

  // Follows the entrants in rank order while each one's part is decided;
  // false when P applies (the search is over), true otherwise (P blocked,
  // or the node split into children on the stack).
  bool advance(Node& n) {
    for (; n.next + 1 < entrants_.size(); ++n.next) {
      if (++work_ > kSearchBudget) {
        stop(fmt::format(
            "the promotions combinable with it that rank before it leave more than {} steps to search",
            core::grouped(kSearchBudget)));
        return true;
      }
      const Entrant& e = entrants_[n.next];
      if (std::any_of(n.applied.begin(), n.applied.end(),
                      [&](std::size_t a) { return !combinable_entrants(a, n.next); }))
        continue;  // it could not use the line: its being a candidate changes nothing
      if (e.helper && inert(n.next)) continue;
      Truth loc = located(n, e), code = code_met(n, e), seg = segment_met(n, e),
            first = first_met(n, e), qty = at_least(n.qty_lo, n.qty_hi, e.min_quantity),
            sub = at_least(n.sub_lo, n.sub_hi, e.min_subtotal);
      Truth on = both(both(both(loc, code), both(seg, first)), both(qty, sub));
      if (on == Truth::no) continue;
      if (on == Truth::yes && !e.limited) {
        if (!e.helper) {
          blocked(n, e);
          return true;
        }
        n.applied.push_back(n.next);
        continue;
      }
      split(n, e, loc, code, seg, first, qty, sub);
      return true;
    }
    return false;
  }

  // Children of a node where entrant e's part is undecided: every way to
  // turn it off, then (a helper only) every way to turn it on, tried first.
  void split(const Node& n, const Entrant& e, Truth loc, Truth code, Truth seg, Truth first,
             Truth qty, Truth sub) {
    turn_off(n, e, loc, code, seg, first, qty, sub);
    if (!e.helper) {
      // Where it is a candidate it holds the line: those orders block P.
      name_blocker(e);
      return;
    }
    turn_on(n, e, loc, seg);
  }

  Node child_of(const Node& n) const {
    Node c = n;
    ++c.next;
    return c;
  }

  // One child per way e can be left out: a switch only it reads, or each
  // undecided condition made to fail.
  void turn_off(const Node& n, const Entrant& e, Truth loc, Truth code, Truth seg, Truth first,
                Truth qty, Truth sub) {
    auto child = [&] { return child_of(n); };
    if (e.private_off) {
      Node c = child();
      if (!e.private_code) c.used_up.push_back(e.index);
      stack_.push_back(std::move(c));
    } else {
      if (loc == Truth::unknown) {
        std::vector<Box> pieces{n.region};
        for (const Box& b : e.where) {
          std::vector<Box> rest;
          for (const Box& piece : pieces) piece.subtract(space_.layout, b, rest);
          pieces.swap(rest);
        }
        for (Box& piece : pieces) {
          Node c = child();
          c.region = std::move(piece);
          stack_.push_back(std::move(c));
        }
      }
      if (code == Truth::unknown) {
        Node c = child();
        c.codes[static_cast<std::size_t>(e.code)] = 0;
        stack_.push_back(std::move(c));
      }
      if (seg == Truth::unknown) {
        Node c = child();
        c.seg_out |= e.segments;
        stack_.push_back(std::move(c));
      }
      if (first == Truth::unknown) {
        Node c = child();
        c.first = 0;
        stack_.push_back(std::move(c));
      }
      if (qty == Truth::unknown) {
        Node c = child();
        c.qty_hi = e.min_quantity;
        stack_.push_back(std::move(c));
      }
      if (sub == Truth::unknown) {
        Node c = child();
        c.sub_hi = e.min_subtotal;
        stack_.push_back(std::move(c));
      }
    }
  }

  // The children where helper e is a candidate and holds the line: in each
  // part of its region and with each segment that admits it.
  void turn_on(const Node& n, const Entrant& e, Truth loc, Truth seg) {
    auto child = [&] { return child_of(n); };
    Node on = child();
    on.applied.push_back(n.next);
    if (e.code >= 0) on.codes[static_cast<std::size_t>(e.code)] = 1;
    if (e.first_order_only) on.first = 1;
    on.qty_lo = std::max(on.qty_lo, e.min_quantity);
    on.sub_lo = std::max(on.sub_lo, e.min_subtotal);
    std::vector<Box> regions;
    if (loc == Truth::yes) {
      regions.push_back(n.region);
    } else {
      for (const Box& b : e.where)
        if (Box part = n.region.intersect(b); !part.empty(space_.layout))
          regions.push_back(std::move(part));
    }
    std::vector<std::uint64_t> segment_choices{0};
    if (seg == Truth::unknown) {
      segment_choices.clear();
      for (std::size_t s = 0; s < segments_.size(); ++s)
        if (((e.segments & ~n.seg_out) >> s) & 1U) segment_choices.push_back(std::uint64_t{1} << s);
    }
    for (auto r = regions.rbegin(); r != regions.rend(); ++r)
      for (auto s = segment_choices.rbegin(); s != segment_choices.rend(); ++s) {
        Node c = on;
        c.region = *r;
        c.seg_in |= *s;
        stack_.push_back(std::move(c));
      }
  }

  // Entrant e (not combinable with P) holds the line in these orders: P is
  // a candidate there and blocked.
  void blocked(const Node& n, const Entrant& e) {
    name_blocker(e);
    if (!witnessed_) verdict_.order = sketch(n);
    witnessed_ = true;
  }

  void name_blocker(const Entrant& e) {
    if (std::find(verdict_.by.begin(), verdict_.by.end(), e.index) == verdict_.by.end())
      verdict_.by.push_back(e.index);
  }

  OrderSketch sketch(const Node& n) const {
    const auto& p = rulebook_.promotions[p_];
    OrderSketch o;
    std::int64_t at = pick_time(space_.time.cell(n.region.first(space_.layout, kTime)));
    std::size_t channel = n.region.first(space_.layout, kChannel);
    o.placed_at = core::Instant{std::chrono::seconds{at}};
    o.channel = rulebook_.store.channels[channel].value;
    if (p.code) o.codes.push_back(p.code->value);
    for (std::size_t c = 0; c < codes_.size(); ++c)
      if (n.codes[c] == 1) o.codes.push_back(codes_[c]);
    for (std::size_t s = 0; s < segments_.size(); ++s)
      if ((n.seg_in >> s) & 1U) o.segments.push_back(segments_[s]);
    o.first_order = n.first == 1;
    // One line whose quantity and list amount lie in the node's ranges,
    // priced near 10.00 a unit where the ranges allow.
    std::int64_t qty = n.qty_lo;
    core::Minor least = (n.sub_lo + qty - 1) / qty;
    core::Minor most = n.sub_hi == kUnbounded ? kUnbounded : (n.sub_hi - 1) / qty;
    core::Minor unit = std::max(least, std::min<core::Minor>(1000, most));
    int category = space_.cats[n.region.first(space_.layout, kCategory)];
    int sku = space_.skus[n.region.first(space_.layout, kSku)];
    o.lines.push_back({set_.lines.sku_name(sku), set_.lines.category_name(category), qty, unit});
    // The rivals left out of the search are off by a used-up limit: the
    // customer has reached it for those that would be candidates here.
    std::vector<std::size_t> used_up = n.used_up;
    // The candidate test itself (the engine's), on the order just sketched,
    // the limit aside.
    const OrderSketch::Line& line = o.lines.front();
    model::CandidateFacts facts{o.placed_at, o.channel, &o.codes, &o.segments,
                                std::int64_t{o.first_order ? 0 : 1}};
    for (std::size_t i : dropped_used_up_) {
      const model::Promotion& q = rulebook_.promotions[i];
      const bool scoped = model::in_scope(q.products, line.category, line.sku);
      facts.scoped_lines = scoped ? 1 : 0;
      facts.scoped_units = scoped ? line.qty : 0;
      facts.scoped_subtotal = scoped ? line.qty * line.unit_price : 0;
      if (model::candidate_failures(q, facts).empty()) used_up.push_back(i);
    }
    std::sort(used_up.begin(), used_up.end());
    for (std::size_t i : used_up) o.used_up.push_back(rulebook_.promotions[i].id.value);
    return o;
  }
};

}  // namespace

ShadowVerdict search_shadow(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
                            const std::vector<Rival>& rivals) {
  Search search(rulebook, set, p, rivals);
  ShadowVerdict verdict = search.run();
  verdict.work = search.work();
  return verdict;
}

}  // namespace fineprint::analysis
