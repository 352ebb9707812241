// The returns diff against brute force: random pairs of small returns tables
// (fixed seeds; NEW is OLD with a few random edits), every item of the joint
// domain decided under both by decide_item (the engine's walk of the table),
// and the diff's regions must hold exactly the items decided differently,
// each in the region of its pair of decisions. Every witness, decided by the
// real engine under OLD and NEW, must be decided differently.
#include <catch2/catch.hpp>

#include "analysis/random_tables.hpp"
#include "diff/diff.hpp"
#include "diff/returns_diff.hpp"

using namespace fineprint;
using namespace fineprint::analysis;
using namespace fineprint::analysis::test;

namespace {

// A few random edits: an outcome, a fee, a `when`, a rule dropped, added or
// moved, the hit policy, `otherwise`.
model::Rulebook edited(const model::Rulebook& old_rules, unsigned seed) {
  Gen g(seed * 7919 + 1);
  model::Rulebook r = old_rules;
  model::Returns& t = *r.returns;
  bool days = t.window_from.has_value();
  int edits = 1 + g.pick(3);
  for (int e = 0; e < edits; ++e) {
    int n = static_cast<int>(t.rules.size());
    int i = g.pick(n);
    switch (g.pick(7)) {
      case 0:
        t.rules[i].outcome = random_outcome(g, kOutcomeLine + i);
        break;
      case 1:
        t.rules[i].when = random_when(g, days);
        break;
      case 2:
        if (n > 1) t.rules.erase(t.rules.begin() + i);
        break;
      case 3: {
        model::ReturnsRule rule;
        rule.id = {"N" + std::to_string(e), {}};
        rule.when = random_when(g, days);
        rule.outcome = random_outcome(g, kOutcomeLine + 50 + e);
        t.rules.insert(t.rules.begin() + i, std::move(rule));
        break;
      }
      case 4:
        std::swap(t.rules[i], t.rules[g.pick(n)]);
        break;
      case 5:
        t.hit_policy = t.hit_policy == model::HitPolicy::first ? model::HitPolicy::unique
                                                               : model::HitPolicy::first;
        break;
      default:
        if (t.otherwise)
          t.otherwise.reset();
        else
          t.otherwise = random_outcome(g, kOtherwiseLine);
    }
  }
  return r;
}

// The point of the joint domain an enumerated item falls in.
Point point_of(const ReturnsDomain& d, const model::ItemFacts& x) {
  auto named = [](const NamedDim& dim, const std::string& name) {
    auto i = dim.index(name);
    return i ? *i : dim.size() - 1;  // a name no rule uses: the invented "other"
  };
  Point p{};
  p[kCategory] = named(d.categories, x.category);
  p[kSku] = named(d.skus, x.sku);
  p[kChannel] = *d.channels.index(x.channel);
  p[kCondition] = *d.conditions.index(x.condition);
  p[kReason] = *d.reasons.index(x.reason);
  p[kDays] = x.days ? d.days.cell_of(*x.days) : d.days.missing();
  p[kHasReceipt] = x.has_receipt ? 1 : 0;
  p[kFinalSale] = x.final_sale ? 1 : 0;
  p[kUnitPrice] = d.unit_price.cell_of(x.unit_price);
  std::size_t mask = 0;
  for (std::size_t i = 0; i < d.segments.size(); ++i)
    for (const auto& s : x.segments)
      if (s == d.segments[i]) mask |= std::size_t{1} << i;
  p[kSegment] = mask;
  p[kReturns90d] = x.returns_90d ? d.returns_90d.cell_of(*x.returns_90d) : d.returns_90d.missing();
  return p;
}

bool box_holds(const Layout& l, const Box& box, const Point& p) {
  for (std::size_t dim = 0; dim < kDimCount; ++dim)
    if (!box.contains(l, dim, p[dim])) return false;
  return true;
}

// Both tables' rules in one rulebook: each_item then runs every key either uses.
model::Rulebook both(const model::Rulebook& a, const model::Rulebook& b) {
  model::Rulebook j = a;
  for (const auto& rule : b.returns->rules) j.returns->rules.push_back(rule);
  return j;
}

}  // namespace

TEST_CASE("the returns diff's regions are exactly the items decided differently",
          "[diff][exactness]") {
  int pairs_with_changes = 0;
  for (unsigned seed = 1; seed <= 150; ++seed) {
    model::Rulebook a = random_returns(seed);
    model::Rulebook b = edited(a, seed);
    Budget budget;
    diff::JointTables tables = diff::analyse_both(a, b, budget);
    REQUIRE(tables.domain);
    auto regions = diff::changed_regions(tables, a, b, budget);
    REQUIRE(regions);
    const ReturnsDomain& d = *tables.domain;
    std::size_t differing = 0;
    each_item(both(a, b), [&](const model::ItemFacts& x) {
      diff::TableKey was = diff::key_of(*a.returns, decide_item(*a.returns, x));
      diff::TableKey now = diff::key_of(*b.returns, decide_item(*b.returns, x));
      Point p = point_of(d, x);
      int holding = 0;
      bool right_pair = false;
      std::string held;
      for (const auto& region : *regions)
        for (const Box& box : region.boxes)
          if (box_holds(d.layout, box, p)) {
            ++holding;
            right_pair = region.was == was && region.now == now;
            held += describe_box(d, box) + ": was " + diff::key_words(region.was) + ", now " +
                    diff::key_words(region.now) + "\n";
          }
      INFO("seed " << seed << ": " << x.category << " " << x.sku << " " << x.channel << " "
                   << x.condition << " " << x.reason << " days "
                   << (x.days ? std::to_string(*x.days) : "-") << " receipt " << x.has_receipt
                   << " final " << x.final_sale << " price " << x.unit_price << " returns "
                   << (x.returns_90d ? std::to_string(*x.returns_90d) : "-") << "\nwas "
                   << diff::key_words(was) << ", now " << diff::key_words(now) << "\n"
                   << held);
      if (was == now) {
        REQUIRE(holding == 0);
      } else {
        ++differing;
        REQUIRE(holding == 1);
        REQUIRE(right_pair);
      }
    });
    if (differing > 0) ++pairs_with_changes;
  }
  CHECK(pairs_with_changes >= 100);  // the edits do change decisions
}

TEST_CASE("every returns witness is decided differently by the engine", "[diff][exactness]") {
  std::size_t witnesses = 0;
  for (unsigned seed = 1; seed <= 150; ++seed) {
    model::Rulebook a = random_returns(seed);
    model::Rulebook b = edited(a, seed);
    diff::DiffReport report = diff::diff_rulebooks(a, b, {});
    CHECK(report.notes.empty());
    for (const auto& change : report.returns) {
      INFO("seed " << seed << ": " << change.where << ": was " << change.was << ", now "
                   << change.now << "\n"
                   << change.witness.claim.claim_toml << "old: " << change.witness.old_words
                   << "\nnew: " << change.witness.new_words);
      CHECK(change.witness.differs);
      ++witnesses;
    }
  }
  CHECK(witnesses >= 200);
}

TEST_CASE("a rulebook diffed with itself shows no change", "[diff]") {
  for (unsigned seed = 1; seed <= 50; ++seed) {
    model::Rulebook a = random_returns(seed);
    diff::DiffReport report = diff::diff_rulebooks(a, a, {});
    CHECK_FALSE(report.changed());
  }
}

TEST_CASE("a diff that runs out of budget says so and reports no region", "[diff]") {
  model::Rulebook a = random_returns(3);
  model::Rulebook b = edited(a, 3);
  diff::DiffOptions options;
  options.budget.limit = 1;
  diff::DiffReport report = diff::diff_rulebooks(a, b, options);
  REQUIRE(report.notes.size() == 1);
  CHECK(report.notes[0].find("box operations") != std::string::npos);
  CHECK(report.returns.empty());
}
