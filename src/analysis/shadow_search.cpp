#include "analysis/shadow_search.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "analysis/engine_check.hpp"
#include "analysis/shadow_amounts.hpp"
#include "analysis/shadow_space.hpp"
#include "core/count_text.hpp"

namespace fineprint::analysis {

namespace {

// Entrants considered over all nodes of one promotion's search.
constexpr std::uint64_t kSearchBudget = 50'000;
constexpr std::int64_t kUnbounded = kMaxInt;

enum class Truth { no, yes, unknown };

// What a node decides of one entrant's candidacy, condition by condition;
// `member`: whether its scope holds the support line.
struct Conditions {
  Truth loc, code, seg, first, qty, sub, member;
};

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
  std::vector<Box> holds;  // its scope over the support line's (category, sku): mixed orders
  int code = -1;           // index into codes; -1: always met (no code, or P's)
  // Turned off by a switch no other entrant reads: a used-up limit or a
  // code nobody else has. Off that way costs nothing, so no other way is tried.
  bool private_off = false;
  bool private_code = false;
  bool limited = false;
  std::uint64_t segments = 0;  // over the search's segments; 0: no segment condition
  bool first_order_only = false;
  // What it needs to hold the line, over the lines its scope holds: its
  // thresholds and what it needs to take something off (PromoFacts).
  std::int64_t min_quantity = 1;
  core::Minor min_subtotal = 0;
};

// A set of orders: a box of (time, channel, category, sku) of the line P is
// to apply to, and the switches decided so far; an undecided switch may take
// either value. Orders of two line kinds add a support line: its
// (category, sku) box and its own quantity and amount (shadow_amounts.hpp).
struct Node {
  std::size_t next = 0;  // the entrant to consider
  Box region;
  Box support;                     // orders of two line kinds only
  std::vector<signed char> codes;  // -1 undecided, 0 not given, 1 given
  std::uint64_t seg_in = 0, seg_out = 0;
  signed char first = -1;
  Measure qty{{1, kUnbounded}, {0, 1}, {0, kUnbounded}};  // the lines' quantities
  Measure sub;                                            // their list amounts
  std::vector<std::size_t> applied;                       // entrants holding the line so far
  std::vector<std::size_t> used_up;                       // file indices off by a used-up limit
};

// Which of a measure's ranges a promotion's threshold reads: the sum of the
// two lines when its scope holds the support line, else P's line alone.
Span& counted(Measure& m, Truth holds_support) {
  return holds_support == Truth::yes && m.support() ? m.z : m.x;
}

// Cuts the measures down to what z = x + y allows; false when nothing is left.
bool settle(Node& n) {
  n.qty = tightened(n.qty);
  n.sub = tightened(n.sub);
  return !n.qty.empty() && !n.sub.empty();
}

class Search {
 public:
  // With `engine`, the search runs over orders of two line kinds and only
  // an order the engine prices with P applied ends it (see search_mixed_orders).
  Search(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
         const std::vector<Rival>& rivals, const EngineCheck* engine = nullptr,
         std::uint64_t mixed_budget = kMixedSearchBudget)
      : rulebook_(rulebook), set_(set), p_(p), engine_(engine), mixed_budget_(mixed_budget) {
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
    // Two line kinds: every node ended without the engine applying P.
    verdict_.shadowed = engine_ ? true : witnessed_;
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
  const EngineCheck* engine_;
  std::uint64_t mixed_budget_;
  ShadowSpace space_;
  ShadowSpace support_space_;      // the support line's (category, sku), two line kinds only
  std::vector<Entrant> entrants_;  // rank order, P last
  std::vector<std::string> codes_, segments_;
  std::map<std::string, int> code_index_;     // a lower-cased code → its index in codes_
  std::vector<signed char> inert_;            // per entrant: -1 not yet known
  std::vector<std::size_t> dropped_used_up_;  // rivals left out, off by a used-up limit
  std::vector<Node> stack_;
  std::uint64_t work_ = 0;
  ShadowVerdict verdict_;
  bool witnessed_ = false;            // verdict_.order is an order where P is blocked
  std::vector<std::size_t> used_up_;  // of the last two_line_order

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
    if (engine_) {
      support_space_.cats = space_.cats;
      support_space_.skus = space_.skus;
      for (std::size_t size :
           {std::size_t{1}, std::size_t{1}, space_.cats.size(), space_.skus.size(), std::size_t{1}})
        support_space_.layout.add(size);
    }

    for (Entrant& e : entrants_) {
      const PromoFacts& f = set_.facts[e.index];
      Box base = Box::all(space_.layout);
      base.set(space_.layout, kTime, space_.time.range(f.window.lo, f.window.hi));
      base.set(space_.layout, kChannel, f.channels);
      scope_boxes(space_, set_.lines.scopes[e.index], base, e.where);
      if (engine_)
        scope_boxes(support_space_, set_.lines.scopes[e.index], Box::all(support_space_.layout),
                    e.holds);
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
    if (engine_) order_blockers();
  }

  // Without helpers nothing but a blocker ever holds P's line, so the order
  // in which the rivals are followed does not change the answer, only the
  // work: first those located wherever P is, lowest thresholds first, whose
  // amounts then bound the node before the rest split it.
  void order_blockers() {
    if (std::any_of(entrants_.begin(), entrants_.end() - 1,
                    [](const Entrant& e) { return e.helper; }))
      return;
    const std::vector<Box>& p_where = entrants_.back().where;
    auto everywhere = [&](const Entrant& e) {
      return std::all_of(p_where.begin(), p_where.end(), [&](const Box& b) {
        return std::any_of(e.where.begin(), e.where.end(),
                           [&](const Box& w) { return b.subset_of(w); });
      });
    };
    std::vector<std::pair<std::tuple<bool, core::Minor, std::int64_t>, std::size_t>> keys;
    for (std::size_t i = 0; i + 1 < entrants_.size(); ++i) {
      const Entrant& e = entrants_[i];
      keys.push_back({{!everywhere(e), e.min_subtotal, e.min_quantity}, i});
    }
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Entrant> sorted;
    for (const auto& key : keys) sorted.push_back(std::move(entrants_[key.second]));
    sorted.push_back(std::move(entrants_.back()));
    entrants_.swap(sorted);
  }

  // P a candidate: its window, channels and scope, one of its segments, a
  // first order when it needs one, its thresholds met.
  void roots() {
    const Entrant& pe = entrants_.back();
    Node base;
    base.codes.assign(codes_.size(), -1);
    base.first = pe.first_order_only ? 1 : -1;
    base.qty.x.lo = std::max<std::int64_t>(1, pe.min_quantity);
    base.sub.x.lo = pe.min_subtotal;
    if (engine_) mixed_base(base);
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

  // The roots of the search over two line kinds: a support line of any
  // kind, at least one unit; P's line alone takes something off (its
  // candidate thresholds are read at the end, over all its scoped lines).
  // A code, segment or first order that only rivals P cannot combine with
  // read is left out: such a rival on holds P's line (P is blocked there),
  // off it changes nothing, so leaving it off never hides an order.
  void mixed_base(Node& base) const {
    const PromoFacts& fp = set_.facts[p_];
    base.qty.x.lo = std::max<std::int64_t>(1, fp.takes_quantity);
    base.sub.x.lo = fp.takes_subtotal;
    base.qty.y = {1, kUnbounded};
    base.sub.y = {0, kUnbounded};
    base.support = Box::all(support_space_.layout);
    std::vector<bool> read(codes_.size(), false);
    std::uint64_t segments = 0;
    bool first = false;
    for (const Entrant& e : entrants_) {
      if (!e.helper) continue;
      if (e.code >= 0) read[static_cast<std::size_t>(e.code)] = true;
      segments |= e.segments;
      first = first || e.first_order_only;
    }
    for (std::size_t c = 0; c < codes_.size(); ++c)
      if (!read[c]) base.codes[c] = 0;
    base.seg_out = ~segments;
    if (!first && base.first < 0) base.first = 0;
    settle(base);
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
      if (++work_ > (engine_ ? mixed_budget_ : kSearchBudget)) {
        if (engine_)
          stop(fmt::format("its orders of two line kinds leave more than {} steps to search",
                           core::grouped(mixed_budget_)));
        else
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
            first = first_met(n, e);
      Truth switches = both(both(loc, code), both(seg, first));
      if (switches == Truth::no) continue;
      Truth member = holds_support(n, e);
      Truth qty = reaches(n.qty, member, e.min_quantity),
            sub = reaches(n.sub, member, e.min_subtotal);
      if (member == Truth::unknown && (qty == Truth::unknown || sub == Truth::unknown)) {
        split_support(n, e);  // which lines its thresholds count decides
        return true;
      }
      Truth on = both(switches, both(qty, sub));
      if (on == Truth::no) continue;
      if (on == Truth::yes && !e.limited) {
        if (!e.helper) {
          blocked(n, e);
          return true;
        }
        n.applied.push_back(n.next);
        continue;
      }
      split(n, e, {loc, code, seg, first, qty, sub, member});
      return true;
    }
    return engine_ ? !mixed_applies(n) : false;
  }

  // Whether e's scope holds the node's support line: no without one.
  Truth holds_support(const Node& n, const Entrant& e) const {
    if (!engine_ || !n.qty.support()) return Truth::no;
    bool meets = false;
    for (const Box& b : e.holds) {
      if (n.support.subset_of(b)) return Truth::yes;
      meets = meets || n.support.intersects(support_space_.layout, b);
    }
    return meets ? Truth::unknown : Truth::no;
  }

  // Whether a threshold is met, on the sum of the lines or P's line alone
  // as e's scope holds the support line; unknown where that is undecided
  // and the two differ.
  static Truth reaches(const Measure& m, Truth member, std::int64_t min) {
    Truth alone = at_least(m.x.lo, m.x.hi, min);
    if (member == Truth::no || !m.support()) return alone;
    Truth sum = at_least(m.z.lo, m.z.hi, min);
    if (member == Truth::yes) return sum;
    return alone == sum ? alone : Truth::unknown;
  }

  // The node split by e's scope over the support line: the same entrant
  // is then considered again in each part.
  void split_support(const Node& n, const Entrant& e) {
    const Layout& layout = support_space_.layout;
    std::vector<Box> outside{n.support};
    for (const Box& b : e.holds) {
      std::vector<Box> rest;
      for (const Box& piece : outside) piece.subtract(layout, b, rest);
      outside.swap(rest);
    }
    for (Box& piece : outside) {
      Node c = n;
      c.support = std::move(piece);
      stack_.push_back(std::move(c));
    }
    for (const Box& b : e.holds)
      if (Box in = n.support.intersect(b); !in.empty(layout)) {
        Node c = n;
        c.support = std::move(in);
        stack_.push_back(std::move(c));
      }
  }

  // Orders of two line kinds at P: its candidate thresholds over all its
  // scoped lines, then the engine's pricing of a concrete order of the node.
  bool mixed_applies(Node& n) {
    const PromoFacts& fp = set_.facts[p_];
    const Entrant& pe = entrants_.back();
    Truth member = holds_support(n, pe);
    if (member == Truth::unknown) {
      split_support(n, pe);
      return false;
    }
    Span& qty = counted(n.qty, member);
    qty.lo = std::max(qty.lo, fp.list_quantity);
    Span& sub = counted(n.sub, member);
    sub.lo = std::max(sub.lo, fp.list_subtotal);
    if (!settle(n)) return false;
    for (bool generous : {true, false}) {
      ++work_;
      std::optional<OrderSketch> order = two_line_order(n, generous);
      if (order && engine_->applies(*order, used_up_, p_)) return true;
    }
    return false;
  }

  // Children of a node where entrant e's part is undecided: every way to
  // turn it off, then (a helper only) every way to turn it on, tried first.
  void split(const Node& n, const Entrant& e, const Conditions& on) {
    turn_off(n, e, on);
    if (!e.helper) {
      // Where it is a candidate it holds the line: those orders block P.
      name_blocker(e);
      return;
    }
    turn_on(n, e, on);
  }

  Node child_of(const Node& n) const {
    Node c = n;
    ++c.next;
    return c;
  }

  // One child per way e can be left out: a switch only it reads, or each
  // undecided condition made to fail.
  void turn_off(const Node& n, const Entrant& e, const Conditions& on) {
    if (e.private_off) {
      Node c = child_of(n);
      if (!e.private_code) c.used_up.push_back(e.index);
      stack_.push_back(std::move(c));
      return;
    }
    if (on.loc != Truth::unknown) return switch_off(n, e, on);
    std::vector<Box> pieces{n.region};
    for (const Box& b : e.where) {
      std::vector<Box> rest;
      for (const Box& piece : pieces) piece.subtract(space_.layout, b, rest);
      pieces.swap(rest);
    }
    for (Box& piece : pieces) {
      Node c = child_of(n);
      c.region = std::move(piece);
      stack_.push_back(std::move(c));
    }
    if (!engine_) return switch_off(n, e, on);
    // Two line kinds: the other ways only where e is located; the pieces
    // above hold the rest (one line kind keeps its order of search).
    for (const Box& b : e.where)
      if (Box in = n.region.intersect(b); !in.empty(space_.layout)) {
        Node part = n;
        part.region = std::move(in);
        switch_off(part, e, on);
      }
  }

  // The children where a switch or an amount turns e off.
  void switch_off(const Node& n, const Entrant& e, const Conditions& on) {
    auto child = [&] { return child_of(n); };
    if (on.code == Truth::unknown) {
      Node c = child();
      c.codes[static_cast<std::size_t>(e.code)] = 0;
      stack_.push_back(std::move(c));
    }
    if (on.seg == Truth::unknown) {
      Node c = child();
      c.seg_out |= e.segments;
      stack_.push_back(std::move(c));
    }
    if (on.first == Truth::unknown) {
      Node c = child();
      c.first = 0;
      stack_.push_back(std::move(c));
    }
    if (on.qty == Truth::unknown) {
      Node c = child();
      Span& qty = counted(c.qty, on.member);
      qty.hi = std::min(qty.hi, e.min_quantity);
      if (settle(c)) stack_.push_back(std::move(c));
    }
    if (on.sub == Truth::unknown) {
      Node c = child();
      Span& sub = counted(c.sub, on.member);
      sub.hi = std::min(sub.hi, e.min_subtotal);
      if (settle(c)) stack_.push_back(std::move(c));
    }
  }

  // The children where helper e is a candidate and holds the line: in each
  // part of its region and with each segment that admits it.
  void turn_on(const Node& n, const Entrant& e, const Conditions& cond) {
    auto child = [&] { return child_of(n); };
    Node on = child();
    on.applied.push_back(n.next);
    if (e.code >= 0) on.codes[static_cast<std::size_t>(e.code)] = 1;
    if (e.first_order_only) on.first = 1;
    Span& qty = counted(on.qty, cond.member);
    qty.lo = std::max(qty.lo, e.min_quantity);
    Span& sub = counted(on.sub, cond.member);
    sub.lo = std::max(sub.lo, e.min_subtotal);
    if (!settle(on)) return;
    std::vector<Box> regions;
    if (cond.loc == Truth::yes) {
      regions.push_back(n.region);
    } else {
      for (const Box& b : e.where)
        if (Box part = n.region.intersect(b); !part.empty(space_.layout))
          regions.push_back(std::move(part));
    }
    std::vector<std::uint64_t> segment_choices{0};
    if (cond.seg == Truth::unknown) {
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
    if (!witnessed_ && !engine_) verdict_.order = sketch(n);
    witnessed_ = true;
  }

  void name_blocker(const Entrant& e) {
    if (std::find(verdict_.by.begin(), verdict_.by.end(), e.index) == verdict_.by.end())
      verdict_.by.push_back(e.index);
  }

  // A unit price for `qty` units whose amount lies in `amount`: near 10.00
  // where the range allows (generous), else the least.
  static core::Minor unit_in(const Span& amount, std::int64_t qty, bool generous) {
    core::Minor least = (amount.lo + qty - 1) / qty;
    core::Minor most = amount.hi == kUnbounded ? kUnbounded : (amount.hi - 1) / qty;
    return generous ? std::max(least, std::min<core::Minor>(1000, most)) : least;
  }

  // The order's time, channel, codes and customer.
  OrderSketch order_of(const Node& n) const {
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
    return o;
  }

  OrderSketch sketch(const Node& n) const {
    OrderSketch o = order_of(n);
    // One line whose quantity and list amount lie in the node's ranges,
    // priced near 10.00 a unit where the ranges allow.
    std::int64_t qty = n.qty.x.lo;
    core::Minor unit = unit_in(n.sub.x, qty, true);
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

  // A concrete order of a node of two line kinds, for the engine to price:
  // P's line at the least quantity and a generous or least amount, then a
  // support line whose quantity and amount keep both sums in range; every
  // rival left out for its used-up limit used up (into used_up_). None when the node's
  // ranges have no such amounts in whole unit prices, or its support line
  // can only be P's line again (one line per sku).
  std::optional<OrderSketch> two_line_order(const Node& n, bool generous) {
    std::int64_t xq = n.qty.x.lo;
    core::Minor xs = xq * unit_in(n.sub.x, xq, generous);
    if (xs < n.sub.x.lo || xs >= n.sub.x.hi) return std::nullopt;
    auto given = [](const Measure& m, std::int64_t x) {
      return Span{std::max(m.y.lo, m.z.lo - x),
                  m.z.hi == kUnbounded ? m.y.hi : std::min(m.y.hi, m.z.hi - x)};
    };
    Span yq_range = given(n.qty, xq);
    if (yq_range.empty()) return std::nullopt;
    std::int64_t yq = yq_range.lo;
    Span ys_range = given(n.sub, xs);
    core::Minor ys = ys_range.empty() ? -1 : yq * unit_in(ys_range, yq, true);
    if (ys < ys_range.lo || ys >= ys_range.hi) return std::nullopt;
    int category = space_.cats[n.region.first(space_.layout, kCategory)];
    int sku = space_.skus[n.region.first(space_.layout, kSku)];
    std::optional<std::pair<int, int>> kind = support_kind(n, category, sku);
    if (!kind) return std::nullopt;
    OrderSketch o = order_of(n);
    o.lines.push_back({set_.lines.sku_name(sku), set_.lines.category_name(category), xq, xs / xq});
    std::string support_sku = set_.lines.sku_name(kind->second);
    if (kind->second == sku) support_sku += "-B";  // an unnamed sku: another one
    o.lines.push_back({support_sku, set_.lines.category_name(kind->first), yq, ys / yq});
    used_up_ = n.used_up;
    used_up_.insert(used_up_.end(), dropped_used_up_.begin(), dropped_used_up_.end());
    return o;
  }

  // A (category, sku) of the support box other than P's line: a sku of its
  // own, or the unnamed sku again in another category.
  std::optional<std::pair<int, int>> support_kind(const Node& n, int category, int sku) const {
    const Layout& layout = support_space_.layout;
    ValueSet cats = n.support.get(layout, kCategory), skus = n.support.get(layout, kSku);
    for (std::size_t s = 0; s < skus.size(); ++s)
      if (skus.contains(s) && space_.skus[s] != sku)
        return std::pair{space_.cats[cats.first()], space_.skus[s]};
    if (sku >= 0) return std::nullopt;
    for (std::size_t c = 0; c < cats.size(); ++c)
      if (cats.contains(c) && space_.cats[c] != category) return std::pair{space_.cats[c], sku};
    return std::nullopt;
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

ShadowVerdict search_mixed_orders(const model::Rulebook& rulebook, const PromoSet& set,
                                  std::size_t p, const std::vector<Rival>& rivals,
                                  const EngineCheck& engine, std::uint64_t budget) {
  Search search(rulebook, set, p, rivals, &engine, budget);
  ShadowVerdict verdict = search.run();
  verdict.work = search.work();
  return verdict;
}

}  // namespace fineprint::analysis
