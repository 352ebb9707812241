#include "analysis/promotion_analysis.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <map>
#include <thread>
#include <tuple>

#include <fmt/format.h>

#include "analysis/engine_check.hpp"
#include "analysis/line_ids.hpp"
#include "analysis/shadow.hpp"
#include "analysis/shadow_space.hpp"
#include "core/count_text.hpp"

namespace fineprint::analysis {

namespace {

// The shadowing checks run in chunks of this many promotions (in parallel
// within a chunk); the run's budget is checked between chunks.
constexpr std::size_t kRunChunk = 256;

// Runs task(0..count-1) on the machine's cores. The shadowing checks are
// independent of one another and write only their own slot, so the result is
// the same bytes whatever the number of threads; small rulebooks stay on one.
void each_in_parallel(std::size_t count, const std::function<void(std::size_t)>& task) {
  unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, 8U);
  if (count < 64 || threads == 1) {
    for (std::size_t k = 0; k < count; ++k) task(k);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failed(threads);
  auto run = [&](unsigned worker) {
    try {
      for (std::size_t k; (k = next++) < count;) task(k);
    } catch (...) {
      failed[worker] = std::current_exception();
      next = count;  // the others stop at their next step
    }
  };
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < threads; ++w) pool.emplace_back(run, w);
  run(0);
  for (auto& t : pool) t.join();
  for (const auto& e : failed)
    if (e) std::rethrow_exception(e);
}

LineKind line_of(const Lines& l, std::pair<int, int> ids) {
  return {l.category_name(ids.first), l.sku_name(ids.second)};
}

// An ambiguous pair as the sweep met it: `x` was open when `y` opened.
struct Found {
  std::size_t first = 0, second = 0;  // file indices, first < second
  std::size_t x = 0, y = 0;
};

// The order in which pairs are reported: by the later promotion, then the earlier.
bool before(const Found& a, const Found& b) {
  return std::tie(a.second, a.first) < std::tie(b.second, b.first);
}

// An order that makes both promotions of an ambiguous pair candidates for one line.
OrderSketch ambiguous_order(const model::Rulebook& rulebook, const PromoSet& set,
                            const Found& pair) {
  const Lines& lines = set.lines;
  const PromoFacts& fx = set.facts[pair.x];
  const PromoFacts& fy = set.facts[pair.y];
  auto common = common_ids(lines, pair.x, pair.y);
  std::size_t first = pair.first, second = pair.second;
  Interval both = fx.window.intersect(fy.window);
  std::size_t channel = fx.channels.intersect(fy.channels).first();
  OrderSketch order;
  if (common) {
    order = sketch_order(rulebook, set, {first, second}, pick_time(both), channel,
                         line_of(lines, *common), nullptr);
  } else {
    order = sketch_order(rulebook, set, {first, second}, pick_time(both), channel,
                         *some_line(set, first), nullptr);
    OrderSketch other = sketch_order(rulebook, set, {first, second}, pick_time(both), channel,
                                     *some_line(set, second), nullptr);
    // One line per sku (the claim loader's rule); an unlisted sku stays unlisted.
    if (other.lines.front().sku == order.lines.front().sku) other.lines.front().sku += "-B";
    order.lines.push_back(other.lines.front());
  }
  return order;
}

}  // namespace

OrderSketch sketch_order(const model::Rulebook& rulebook, const PromoSet& set,
                         const std::vector<std::size_t>& promos, std::int64_t at,
                         std::size_t channel, const LineKind& line, const std::string* segment) {
  OrderSketch o;
  o.placed_at = core::Instant{std::chrono::seconds{at}};
  o.channel = rulebook.store.channels[channel].value;
  std::int64_t qty = 1;
  core::Minor subtotal = 0;
  for (std::size_t i : promos) {
    const auto& p = rulebook.promotions[i];
    const PromoFacts& f = set.facts[i];
    if (p.code && std::find(o.codes.begin(), o.codes.end(), p.code->value) == o.codes.end())
      o.codes.push_back(p.code->value);
    if (f.segments && !f.segments->empty()) {
      std::string s = segment && std::find(f.segments->begin(), f.segments->end(), *segment) !=
                                     f.segments->end()
                          ? *segment
                          : f.segments->front();
      if (std::find(o.segments.begin(), o.segments.end(), s) == o.segments.end())
        o.segments.push_back(s);
    }
    o.first_order = o.first_order || f.first_order_only;
    qty = std::max(qty, f.min_quantity);
    subtotal = std::max(subtotal, f.min_subtotal);
  }
  core::Minor unit = std::max<core::Minor>(1000, (subtotal + qty - 1) / qty);
  o.lines.push_back({line.sku, line.category, qty, unit});
  return o;
}

namespace {

// The pairs of promotions that meet (window, channels, a common line kind):
// ambiguous pairs into `out` (the first `keep_ambiguous`, the rest counted),
// and, with `shadows`, each promotion's rivals ranked before it. A sweep over
// window starts: each new promotion meets every window still open.
std::vector<std::vector<Rival>> sweep_pairs(const model::Rulebook& rulebook, PromoAnalysis& out,
                                            std::vector<Found>& found, std::size_t keep_ambiguous,
                                            bool shadows) {
  const PromoSet& set = out.set;
  const auto& promos = rulebook.promotions;
  const Lines& lines = set.lines;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < set.facts.size(); ++i)
    if (set.facts[i].never_eligible.empty()) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return set.facts[a].window.lo != set.facts[b].window.lo
               ? set.facts[a].window.lo < set.facts[b].window.lo
               : a < b;
  });
  out.ambiguous_as_second.assign(set.facts.size(), 0);
  std::vector<std::vector<Rival>> rivals(set.facts.size());
  std::vector<std::size_t> active;
  for (std::size_t y : order) {
    const PromoFacts& fy = set.facts[y];
    std::size_t kept = 0;
    for (std::size_t x : active) {
      const PromoFacts& fx = set.facts[x];
      if (fx.window.hi < fy.window.lo) continue;  // closed before y opens: never again
      active[kept++] = x;
      if (fx.shipping != fy.shipping || !fx.channels.intersects(fy.channels)) continue;
      const bool common = share_line(lines, x, y);
      // Two free_shipping promotions compete for the shipping line even with
      // disjoint scopes: an order with a line of each makes both candidates.
      if ((common || fx.shipping) && promos[x].priority == promos[y].priority &&
          !combinable(promos[x], promos[y])) {
        Found pair{std::min(x, y), std::max(x, y), x, y};
        ++out.ambiguous_total;
        ++out.ambiguous_as_second[pair.second];
        // Only the first `keep_ambiguous` by (second, first) are kept: a
        // max-heap of them, so that memory does not grow with the pairs.
        if (keep_ambiguous == 0 || found.size() < keep_ambiguous) {
          found.push_back(pair);
          if (keep_ambiguous != 0) std::push_heap(found.begin(), found.end(), before);
        } else if (before(pair, found.front())) {
          std::pop_heap(found.begin(), found.end(), before);
          found.back() = pair;
          std::push_heap(found.begin(), found.end(), before);
        }
      }
      if (!common || !shadows) continue;
      std::size_t early = fx.rank < fy.rank ? x : y, late = fx.rank < fy.rank ? y : x;
      rivals[late].push_back({early});
    }
    active.resize(kept);
    active.push_back(y);
  }
  return rivals;
}

// promo/shadowed for every promotion with rivals, within each promotion's
// budget and the run's.
void decide_shadows(const model::Rulebook& rulebook, PromoAnalysis& out,
                    std::vector<std::vector<Rival>>& rivals, std::uint64_t run_budget) {
  const PromoSet& set = out.set;
  std::vector<std::size_t> checked;
  for (std::size_t p = 0; p < set.facts.size(); ++p) {
    if (!set.facts[p].never_eligible.empty() || rivals[p].empty()) continue;
    std::sort(rivals[p].begin(), rivals[p].end(), [&](const Rival& a, const Rival& b) {
      return set.facts[a.index].rank < set.facts[b.index].rank;
    });
    checked.push_back(p);
  }
  // The checks run in chunks in file order; after each chunk their work is
  // added up in file order, and once the whole run's budget is spent every
  // promotion from there on is left unproven, with a note. Each check's work
  // is a count, so where the run stops does not depend on threads or clocks.
  std::vector<ShadowVerdict> verdicts(set.facts.size());
  const EngineCheck engine(rulebook);  // compiled only if some order of two line kinds needs it
  std::uint64_t spent = 0;
  for (std::size_t from = 0; from < checked.size(); from += kRunChunk) {
    const std::size_t to = std::min(checked.size(), from + kRunChunk);
    each_in_parallel(to - from, [&](std::size_t k) {
      std::size_t p = checked[from + k];
      verdicts[p] = decide_shadow(rulebook, set, p, rivals[p], &engine);
    });
    std::size_t k = from;
    for (; k < to && spent <= run_budget; ++k) spent += verdicts[checked[k]].work;
    if (spent <= run_budget) continue;
    for (; k < checked.size(); ++k) {
      ShadowVerdict& left = verdicts[checked[k]];
      left = ShadowVerdict{};
      left.stopped = true;
      left.why = fmt::format(
          "the shadowing checks of the whole rulebook spent their budget of {} operations on the "
          "promotions before it",
          core::grouped(run_budget));
    }
    break;
  }
  for (std::size_t p : checked) {
    ShadowVerdict& verdict = verdicts[p];
    if (verdict.stopped) {
      out.stopped.push_back(p);
      out.stopped_why = verdict.why;
    } else if (verdict.shadowed) {
      out.shadowed.push_back({p, std::move(verdict.by), std::move(verdict.order)});
    }
  }
}

}  // namespace

PromoAnalysis analyse_promotions(const model::Rulebook& rulebook, std::size_t keep_ambiguous,
                                 bool shadows, std::uint64_t run_budget) {
  PromoAnalysis out;
  out.set = promo_set(rulebook);
  const PromoSet& set = out.set;
  std::vector<Found> found;
  std::vector<std::vector<Rival>> rivals =
      sweep_pairs(rulebook, out, found, keep_ambiguous, shadows);
  std::sort(found.begin(), found.end(), before);
  out.ambiguous.reserve(found.size());
  for (const Found& pair : found)
    out.ambiguous.push_back({pair.first, pair.second, ambiguous_order(rulebook, set, pair)});

  decide_shadows(rulebook, out, rivals, run_budget);
  return out;
}

}  // namespace fineprint::analysis
