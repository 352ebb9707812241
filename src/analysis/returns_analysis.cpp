#include "analysis/returns_analysis.hpp"

#include "model/law_pack.hpp"

#include <fmt/format.h>

namespace fineprint::analysis {

namespace {

ItemDecision from_spec(DecidedBy by, int rule, const model::OutcomeSpec& spec) {
  return {by, rule, spec.outcome, &spec};
}

ItemDecision no_rule(const model::Returns& returns) {
  if (returns.otherwise) return from_spec(DecidedBy::otherwise, -1, *returns.otherwise);
  return {};
}

// Splits a box decided by rule i into the part it fully matches and the part
// where it stops for a missing fact.
void decide_by_rule(const TableAnalysis& t, const model::Returns& returns, int i, const Box& box,
                    std::vector<DecidedBox>& out) {
  const Layout& layout = t.domain->layout;
  Box hit = box.intersect(t.matched[i]);
  if (!hit.empty(layout))
    out.push_back({hit, from_spec(DecidedBy::rule, i, returns.rules[i].outcome)});
  std::vector<Box> missing;
  box.subtract(layout, t.matched[i], missing);
  for (auto& m : missing)
    out.push_back({std::move(m), {DecidedBy::missing_fact, i, model::Outcome::review, nullptr}});
}

bool analyse_first(TableAnalysis& t, const model::Returns& returns, Budget& budget) {
  const Layout& layout = t.domain->layout;
  std::vector<Box> rest{t.domain->universe};
  for (std::size_t i = 0; i < returns.rules.size(); ++i) {
    std::vector<Box> next;
    for (const Box& box : rest) {
      if (!budget.spend() || !budget.hold(rest.size() + next.size() + t.decided.size(), layout))
        return false;
      if (!box.intersects(layout, t.cover[i])) {
        next.push_back(box);
        continue;
      }
      t.reached[i] = true;
      decide_by_rule(t, returns, static_cast<int>(i), box.intersect(t.cover[i]), t.decided);
      box.subtract(layout, t.cover[i], next);
    }
    rest.swap(next);
  }
  for (auto& box : rest) t.decided.push_back({std::move(box), no_rule(returns)});
  return true;
}

// Under `unique` every box remembers how many rules stop at it (0, 1, or
// "two or more", which the engine decides `review`).
struct Fragment {
  Box box;
  int rule = -1;
  int count = 0;
};

bool analyse_unique(TableAnalysis& t, const model::Returns& returns, Budget& budget) {
  const Layout& layout = t.domain->layout;
  std::vector<Fragment> parts{{t.domain->universe, -1, 0}};
  for (std::size_t i = 0; i < returns.rules.size(); ++i) {
    std::vector<Fragment> next;
    next.reserve(parts.size());
    for (Fragment& f : parts) {
      if (!budget.spend() || !budget.hold(parts.size() + next.size(), layout)) return false;
      if (!f.box.intersects(layout, t.cover[i])) {
        next.push_back(std::move(f));
        continue;
      }
      t.reached[i] = true;
      next.push_back({f.box.intersect(t.cover[i]), f.count == 0 ? static_cast<int>(i) : -1,
                      std::min(f.count + 1, 2)});
      std::vector<Box> outside;
      f.box.subtract(layout, t.cover[i], outside);
      for (auto& b : outside) next.push_back({std::move(b), f.rule, f.count});
    }
    parts.swap(next);
  }
  // In rule order, then the items no rule decides: the same order as `first`.
  std::vector<DecidedBox> several, none;
  std::vector<std::vector<const Fragment*>> by_rule(returns.rules.size());
  for (const Fragment& f : parts) {
    if (f.count == 1) by_rule[f.rule].push_back(&f);
    if (f.count == 2)
      several.push_back({f.box, {DecidedBy::several, -1, model::Outcome::review, nullptr}});
    if (f.count == 0) none.push_back({f.box, no_rule(returns)});
  }
  for (std::size_t i = 0; i < by_rule.size(); ++i)
    for (const Fragment* f : by_rule[i])
      decide_by_rule(t, returns, static_cast<int>(i), f->box, t.decided);
  for (auto& d : several) t.decided.push_back(std::move(d));
  for (auto& d : none) t.decided.push_back(std::move(d));
  return true;
}

}  // namespace

ItemDecision decide_item(const model::Returns& returns, const model::ItemFacts& facts) {
  std::vector<int> matched;
  int unknown = -1;
  for (std::size_t i = 0; i < returns.rules.size(); ++i) {
    model::Match m = model::match_when(returns.rules[i].when, facts);
    if (m.kind == model::MatchKind::failed) continue;
    if (m.kind == model::MatchKind::unknown) {
      if (unknown < 0) unknown = static_cast<int>(i);
    } else {
      matched.push_back(static_cast<int>(i));
    }
    if (returns.hit_policy == model::HitPolicy::first) break;
  }
  // Like the engine: a missing fact is `review` even when another rule matched.
  if (unknown >= 0) return {DecidedBy::missing_fact, unknown, model::Outcome::review, nullptr};
  if (matched.size() > 1) return {DecidedBy::several, -1, model::Outcome::review, nullptr};
  if (matched.size() == 1)
    return from_spec(DecidedBy::rule, matched[0], returns.rules[matched[0]].outcome);
  return no_rule(returns);
}

std::vector<std::int64_t> law_days(const model::Rulebook& rulebook) {
  if (!model::eu_law_applies(rulebook.store.jurisdiction)) return {};
  return {14, 730};
}

TableAnalysis analyse_table(const model::Rulebook& rulebook, Budget& budget) {
  TableAnalysis t;
  if (!rulebook.returns) return t;
  const model::Returns& returns = *rulebook.returns;
  DomainResult built = build_returns_domain(rulebook, law_days(rulebook));
  if (!built.domain) {
    t.stopped = built.stopped;
    return t;
  }
  return analyse_table_over(returns, std::move(*built.domain), budget);
}

TableAnalysis analyse_table_over(const model::Returns& returns, ReturnsDomain domain,
                                 Budget& budget) {
  TableAnalysis t;
  t.domain = std::move(domain);
  for (const auto& rule : returns.rules) {
    t.cover.push_back(when_box(*t.domain, rule.when, true));
    t.matched.push_back(when_box(*t.domain, rule.when, false));
  }
  t.reached.assign(returns.rules.size(), false);
  bool done = returns.hit_policy == model::HitPolicy::first ? analyse_first(t, returns, budget)
                                                            : analyse_unique(t, returns, budget);
  if (!done) {
    t.stopped = budget.why("the returns table");
    t.decided.clear();
  }
  return t;
}

}  // namespace fineprint::analysis
