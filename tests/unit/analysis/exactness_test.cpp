// The analysis against brute force: hundreds of small random returns tables
// and promotion sets (fixed seeds), each decided by enumerating every item or
// order of its finite domain, and the findings must agree exactly.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "analysis/promotion_analysis.hpp"
#include "analysis/returns_analysis.hpp"
#include "lint/registry.hpp"
#include "model/item_facts.hpp"
#include "model/law_pack.hpp"
#include "model/promotion_eligibility.hpp"
#include "model_builders.hpp"
#include "random_tables.hpp"

using namespace fineprint;
using namespace fineprint::analysis;
using namespace fineprint::analysis::test;

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// What a law finding points at: the deciding rule's outcome, `otherwise`, or [returns].
std::uint32_t source_line(const ItemDecision& d) {
  if (d.by == DecidedBy::rule || d.by == DecidedBy::missing_fact) return kOutcomeLine + d.rule;
  if (d.by == DecidedBy::otherwise) return kOtherwiseLine;
  return kReturnsLine;
}

struct Expected {
  std::set<std::pair<std::string, std::uint32_t>> findings;  // (rule, line)
};

Expected brute_force_returns(const model::Rulebook& r) {
  Expected e;
  const auto& t = *r.returns;
  bool eu = model::eu_law_applies(r.store.jurisdiction);
  bool purchase = t.window_from && t.window_from->value == model::WindowFrom::purchase;
  auto defects = model::defect_reasons(t);
  each_item(r, [&](const model::ItemFacts& x) {
    ItemDecision d = decide_item(t, x);
    if (d.by == DecidedBy::gap) e.findings.insert({"returns/gap", kReturnsLine});
    if (t.hit_policy == model::HitPolicy::first &&
        (d.by == DecidedBy::rule || d.by == DecidedBy::missing_fact))
      e.findings.insert({"reached", kRuleLine + d.rule});
    if (t.hit_policy == model::HitPolicy::unique) {
      std::vector<std::uint32_t> hits;
      for (std::size_t j = 0; j < t.rules.size(); ++j)
        if (model::match_when(t.rules[j].when, x).kind == model::MatchKind::matched)
          hits.push_back(static_cast<std::uint32_t>(j));
      for (std::size_t k = 1; k < hits.size(); ++k)
        e.findings.insert({"returns/overlap", kRuleLine + hits[k]});
    }
    for (std::size_t k = 0; k < r.asserts.size(); ++k) {
      const auto& a = r.asserts[k];
      if (model::match_when(a.when, x).kind != model::MatchKind::matched) continue;
      bool listed = std::any_of(a.outcomes.begin(), a.outcomes.end(),
                                [&](const auto& o) { return o.value == d.outcome; });
      if (listed != a.outcome_in)
        e.findings.insert({"returns/assert-failed", kAssertLine + static_cast<std::uint32_t>(k)});
    }
    if (!eu || d.by == DecidedBy::several || !x.has_receipt || !x.returns_90d) return;
    bool day_known = !t.window_from || x.days;
    if (!day_known) return;
    auto within = [&](std::int64_t limit) {
      return !t.window_from || purchase || *x.days <= limit;
    };
    bool exempt =
        std::any_of(t.exemptions.begin(), t.exemptions.end(), [&](const model::Exemption& ex) {
          return contains(model::values(ex.categories), x.category) &&
                 contains(model::values(ex.conditions), x.condition);
        });
    bool fee = d.spec && d.spec->fee_percent;
    // Withdrawal (docs/law.md): unused items get a refund without a fee; any
    // other condition may have its diminished value deducted but is never
    // refused, nor paid back other than as a refund.
    bool unused = x.condition == "sealed" || x.condition == "opened";
    bool withdrawal_broken =
        unused ? (d.outcome != model::Outcome::refund || fee)
               : (d.outcome == model::Outcome::deny || d.outcome == model::Outcome::store_credit ||
                  d.outcome == model::Outcome::exchange);
    if (x.channel == "web" && within(14) && !exempt && withdrawal_broken)
      e.findings.insert({"law/eu-withdrawal", source_line(d)});
    if (contains(defects, x.reason) &&
        (x.condition == "sealed" || x.condition == "opened" || x.condition == "used") &&
        within(730) &&
        (d.outcome == model::Outcome::deny || (fee && (d.outcome == model::Outcome::refund ||
                                                       d.outcome == model::Outcome::store_credit))))
      e.findings.insert({"law/eu-legal-guarantee", source_line(d)});
  });
  if (t.otherwise) e.findings.erase({"returns/gap", kReturnsLine});
  if (t.hit_policy == model::HitPolicy::first)
    for (std::size_t i = 0; i < t.rules.size(); ++i)
      if (!e.findings.erase({"reached", kRuleLine + static_cast<std::uint32_t>(i)}))
        e.findings.insert({"returns/unreachable-rule", kRuleLine + static_cast<std::uint32_t>(i)});
  return e;
}

std::set<std::pair<std::string, std::uint32_t>> analysed(
    const model::Rulebook& r, const std::vector<lint::CheckFunction>& checks) {
  core::Diagnostics out;
  lint::LintContext context{r, std::nullopt};
  for (auto check : checks) check(context, out);
  std::set<std::pair<std::string, std::uint32_t>> got;
  for (const auto& d : out) {
    INFO(d.rule << ": " << d.message);
    CHECK(d.severity != core::Severity::note);  // no budget stop on tables this small
    got.insert({d.rule, d.where.line});
    if (d.rule != "returns/unreachable-rule" || d.witness) CHECK(d.witness.has_value());
  }
  return got;
}

// A registered rule's check, found by name as `fineprint lint` finds it.
lint::CheckFunction check_of(std::string_view name) {
  const lint::Rule* rule = lint::find_rule(name);
  REQUIRE(rule);
  return rule->check;
}

}  // namespace

TEST_CASE("returns analysis agrees with brute force on random tables", "[analysis][exactness]") {
  int with_findings = 0;
  for (unsigned seed = 1; seed <= 220; ++seed) {
    model::Rulebook r = random_returns(seed);
    Expected e = brute_force_returns(r);
    auto got = analysed(r, {check_of("returns/gap"), check_of("returns/unreachable-rule"),
                            check_of("returns/overlap"), check_of("returns/assert-failed"),
                            check_of("law/eu-withdrawal"), check_of("law/eu-legal-guarantee")});
    if (!e.findings.empty()) ++with_findings;
    std::string expected_text, got_text;
    for (const auto& [rule, line] : e.findings)
      expected_text += rule + "@" + std::to_string(line) + " ";
    for (const auto& [rule, line] : got) got_text += rule + "@" + std::to_string(line) + " ";
    INFO("seed " << seed << "\nexpected: " << expected_text << "\ngot:      " << got_text);
    REQUIRE(got == e.findings);
  }
  CHECK(with_findings > 100);  // the generator exercises the rules, not only clean tables
}

// ---------------------------------------------------------------- promotions

namespace {

core::Instant day(int d) {
  return core::Instant{date::sys_days{date::year{2026} / 12 / 1}} + std::chrono::hours{24 * d};
}

const std::vector<std::string> kCodes{"A", "B"};
const std::vector<std::string> kPromoSegments{"vip", "staff"};

// `crowded`: more promotions, most of them combinable, so that the
// shadowing search (helpers unblocking P) has real work. `benefits`: besides
// 10% off, 60% off, 5.00 off and a buy 1 get 1 free, and no combinable
// promotions, so that which of them takes something off an order of a few
// cents decides (semantics v1.1: one that takes nothing off holds no line).
enum class Mix { plain, crowded, benefits };

model::Rulebook random_promotions(unsigned seed, Mix mix, int count = 0) {
  const bool crowded = mix == Mix::crowded;
  Gen g(seed);
  model::Rulebook r;
  r.store = store(false);
  int n = crowded ? 5 + g.pick(4) : 2 + g.pick(4);
  if (count > 0) n = count;
  for (int i = 0; i < n; ++i) {
    model::Promotion p;
    p.id = {"P" + std::to_string(i), {}};
    p.where = at_line(kPromoLine + i);
    int a = g.pick(3) * 10, b = a + 10 + g.pick(3) * 10;
    p.starts.instant = day(a);
    if (g.chance(85)) p.ends = model::WrittenInstant{day(b), false, false, "", {}};
    if (g.chance(30)) p.channels = names(g.subset(kChannels));
    if (g.chance(30)) p.code = core::Located<std::string>{kCodes[g.pick(2)], {}};
    if (g.chance(25)) p.segments = names(g.subset(kPromoSegments));
    p.first_order_only = g.chance(15);
    if (g.chance(60)) {
      p.products.present = true;
      if (g.chance(70)) p.products.categories = names(g.subset(kCategories));
      if (g.chance(20)) p.products.skus = names({"H1"});
      if (g.chance(15)) p.products.exclude_skus = names({"H1"});
      if (g.chance(10)) p.products.exclude_categories = names(g.subset(kCategories));
    }
    if (g.chance(20)) p.min_subtotal = core::Located<core::Minor>{2000, {}};
    if (g.chance(15)) p.min_quantity = core::Located<std::int64_t>{2, {}};
    if (g.chance(15)) p.limit_per_customer = core::Located<std::int64_t>{1, {}};
    p.priority = g.pick(3);
    int comb = g.pick(10);
    if (crowded) comb = std::min(9, comb + 3);
    if (comb >= 6 && mix != Mix::benefits)
      p.combinable.kind = comb >= 8 ? model::Combinable::Kind::all : model::Combinable::Kind::list;
    p.benefit = model::Benefit{};
    p.benefit->kind = model::BenefitKind::percent_off;
    p.benefit->percent = 1000;
    if (mix == Mix::benefits) switch (g.pick(4)) {
        case 1:
          p.benefit->percent = 6000;
          break;
        case 2:
          p.benefit->kind = model::BenefitKind::amount_off;
          p.benefit->amount = 500;
          break;
        case 3:
          p.benefit->kind = model::BenefitKind::buy_x_get_y;
          p.benefit->buy = 1, p.benefit->get = 1, p.benefit->percent = 0;
          break;
        default:
          break;
      }
    r.promotions.push_back(std::move(p));
  }
  for (auto& p : r.promotions)
    if (p.combinable.kind == model::Combinable::Kind::list)
      for (const auto& q : r.promotions)
        if (q.id.value != p.id.value && g.chance(50)) p.combinable.ids.push_back({q.id.value, {}});
  return r;
}

struct Order {
  core::Instant t;
  std::string channel, category, sku;
  std::vector<std::string> codes, segments;
  bool first = false;
  std::vector<bool> used_up;
  std::int64_t qty = 1;
  core::Minor unit = 0;
  core::Minor subtotal = 0;  // qty × unit
};

// Semantics §2.4 as v1.1 reads it, on the order's one line: what P takes off
// the line's current amount (half-up, as the generated store rounds).
core::Minor takes_off(const model::Promotion& p, const Order& o, core::Minor current) {
  auto half_up = [](core::Wide num, core::Wide den) {
    return static_cast<core::Minor>((2 * num + den) / (2 * den));
  };
  const model::Benefit& b = *p.benefit;
  switch (b.kind) {
    case model::BenefitKind::percent_off:
      return half_up(static_cast<core::Wide>(current) * b.percent, 10000);
    case model::BenefitKind::amount_off:
      return std::min(b.amount, current);
    case model::BenefitKind::buy_x_get_y: {
      std::int64_t group = b.buy + b.get;
      std::int64_t discounted = o.qty / group * b.get;
      core::Minor pct = b.percent > 0 ? b.percent : 10000;
      return half_up(static_cast<core::Wide>(current) * discounted * pct,
                     static_cast<core::Wide>(o.qty) * 10000);
    }
    default:
      return 0;
  }
}

// Semantics §2.2 as the engine reads it (model::candidate_failures): the
// brute force checks the analysis against the engine's own candidate test.
bool candidate(const model::Promotion& p, std::size_t i, const Order& o) {
  const bool scoped = model::in_scope(p.products, o.category, o.sku);
  model::CandidateFacts facts{o.t, o.channel, &o.codes, &o.segments, std::int64_t{o.first ? 0 : 1}};
  facts.scoped_lines = scoped ? 1 : 0;
  facts.scoped_subtotal = scoped ? o.subtotal : 0;
  facts.scoped_units = scoped ? o.qty : 0;
  facts.redemptions = o.used_up[i] ? (p.limit_per_customer ? p.limit_per_customer->value : 0) : 0;
  return model::candidate_failures(p, facts).empty();
}

struct PromoExpected {
  std::set<std::pair<std::size_t, std::size_t>> ambiguous;
  std::set<std::size_t> shadowed;
};

PromoExpected brute_force_promotions(const model::Rulebook& r, Mix mix) {
  // Amounts below, at and past the thresholds (min_subtotal 20.00); for the
  // benefit mix, the few cents where a percentage rounds to nothing too.
  const std::vector<std::int64_t> quantities =
      mix == Mix::benefits ? std::vector<std::int64_t>{1, 2, 3} : std::vector<std::int64_t>{1, 2};
  const std::vector<core::Minor> units = mix == Mix::benefits
                                             ? std::vector<core::Minor>{0, 1, 2, 3, 500, 1000, 2000}
                                             : std::vector<core::Minor>{0, 500, 1000, 2000};
  const auto& ps = r.promotions;
  std::size_t n = ps.size();
  std::vector<std::size_t> rank(n);
  for (std::size_t i = 0; i < n; ++i) rank[i] = i;
  std::sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) {
    return ps[a].priority != ps[b].priority ? ps[a].priority > ps[b].priority
                                            : ps[a].id.value < ps[b].id.value;
  });
  std::vector<core::Instant> times;
  // Windows open and close at multiples of 10 days: one instant per cell.
  for (int d : {-1, 0, 10, 20, 30, 40, 50}) times.push_back(day(d));
  std::vector<bool> candidate_once(n, false), usable_once(n, false);
  PromoExpected e;
  Order o;
  o.used_up.assign(n, false);
  std::vector<std::uint32_t> used_sets;  // every subset of the limited promotions
  std::uint32_t limited = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (ps[i].limit_per_customer) limited |= 1U << i;
  for (std::uint32_t sub = limited;; sub = (sub - 1) & limited) {
    used_sets.push_back(sub);
    if (sub == 0) break;
  }
  for (const auto& t : times)
    for (const auto& ch : kChannels)
      for (const auto& c : {"hats", "scarves", "other-c"})
        for (const auto& s : {"H1", "other-s"})
          for (int codes = 0; codes < 4; ++codes)
            for (int segs = 0; segs < 4; ++segs)
              for (bool first : {false, true})
                for (std::uint32_t used : used_sets)
                  for (std::int64_t qty : quantities)
                    for (core::Minor unit : units) {
                      o.t = t, o.channel = ch, o.category = c, o.sku = s, o.first = first,
                      o.qty = qty;
                      o.unit = unit;
                      o.subtotal = qty * unit;
                      o.codes.clear(), o.segments.clear();
                      for (int k = 0; k < 2; ++k) {
                        if ((codes >> k) & 1) o.codes.push_back(kCodes[k]);
                        if ((segs >> k) & 1) o.segments.push_back(kPromoSegments[k]);
                      }
                      for (std::size_t i = 0; i < n; ++i) o.used_up[i] = (used >> i) & 1U;
                      std::vector<std::size_t> cands, applied;
                      for (std::size_t i : rank)
                        if (candidate(ps[i], i, o)) cands.push_back(i);
                      for (std::size_t a = 0; a < cands.size(); ++a)
                        for (std::size_t b = a + 1; b < cands.size(); ++b) {
                          std::size_t x = std::min(cands[a], cands[b]),
                                      y = std::max(cands[a], cands[b]);
                          if (ps[x].priority == ps[y].priority && !combinable(ps[x], ps[y]))
                            e.ambiguous.insert({x, y});
                        }
                      // Semantics §2.3–2.4 on the order's one line kind: a
                      // promotion that takes nothing off holds no line (v1.1).
                      core::Minor current = o.subtotal;
                      for (std::size_t i : cands) {
                        candidate_once[i] = true;
                        bool may = std::all_of(applied.begin(), applied.end(), [&](std::size_t a) {
                          return combinable(ps[a], ps[i]);
                        });
                        core::Minor off = may ? takes_off(ps[i], o, current) : 0;
                        if (off > 0) {
                          applied.push_back(i);
                          usable_once[i] = true;
                          current -= off;
                        }
                      }
                    }
  for (std::size_t i = 0; i < n; ++i)
    if (candidate_once[i] && !usable_once[i]) e.shadowed.insert(i);
  return e;
}

}  // namespace

namespace {

struct PromoTally {
  int shadowed = 0, ambiguous = 0;
};

PromoTally agree_on_promotions(unsigned first_seed, unsigned last_seed, Mix mix) {
  PromoTally tally;
  for (unsigned seed = first_seed; seed <= last_seed; ++seed) {
    model::Rulebook r = random_promotions(seed, mix);
    PromoExpected e = brute_force_promotions(r, mix);
    PromoAnalysis a = analyse_promotions(r);
    INFO("seed " << seed);
    CHECK(a.stopped.empty());
    std::set<std::pair<std::size_t, std::size_t>> got_ambiguous;
    for (const auto& p : a.ambiguous) got_ambiguous.insert({p.first, p.second});
    std::set<std::size_t> got_shadowed;
    for (const auto& s : a.shadowed) got_shadowed.insert(s.promotion);
    REQUIRE(got_ambiguous == e.ambiguous);
    REQUIRE(got_shadowed == e.shadowed);
    tally.shadowed += static_cast<int>(e.shadowed.size());
    tally.ambiguous += static_cast<int>(e.ambiguous.size());
  }
  return tally;
}

}  // namespace

TEST_CASE("promotion analysis agrees with brute force on random sets", "[analysis][exactness]") {
  PromoTally t = agree_on_promotions(1, 250, Mix::plain);
  CHECK(t.shadowed > 20);
  CHECK(t.ambiguous > 30);
}

TEST_CASE("shadowing agrees with brute force when most promotions combine",
          "[analysis][exactness]") {
  PromoTally t = agree_on_promotions(1001, 1200, Mix::crowded);
  CHECK(t.shadowed > 20);
}

TEST_CASE("v1.1: a promotion that takes nothing off holds no line, in the analysis too",
          "[analysis][exactness]") {
  // 10% and 60% off, 5.00 off and buy 1 get 1 free over amounts of a few
  // cents: which of them takes something off decides who holds the line.
  PromoTally t = agree_on_promotions(2001, 2200, Mix::benefits);
  CHECK(t.shadowed > 20);
  CHECK(t.ambiguous > 30);
}

TEST_CASE("the shadowing checks give the same verdicts on every run", "[analysis]") {
  // 300 promotions: enough that the checks are shared among threads.
  model::Rulebook r = random_promotions(7, Mix::crowded, 300);
  auto verdicts = [&] {
    PromoAnalysis a = analyse_promotions(r);
    std::string out;
    for (const auto& s : a.shadowed) {
      out += std::to_string(s.promotion) + " by";
      for (std::size_t b : s.by) out += " " + std::to_string(b);
      out += " at " + std::to_string(s.order.placed_at.time_since_epoch().count()) + "\n";
    }
    for (std::size_t p : a.stopped) out += std::to_string(p) + " stopped\n";
    return out;
  };
  std::string first = verdicts();
  CHECK(first.find(" by ") != std::string::npos);
  for (int run = 0; run < 5; ++run) CHECK(verdicts() == first);
}
