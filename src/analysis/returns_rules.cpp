// returns/gap, returns/unreachable-rule, returns/overlap, returns/assert-failed:
// read off the decided partition of the item domain (returns_analysis).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analysis/analysis_rules.hpp"
#include "analysis/checks.hpp"
#include "analysis/returns_analysis.hpp"
#include "analysis/session.hpp"
#include "analysis/witness.hpp"

namespace fineprint::analysis {

namespace {

core::Witness item_witness(const model::Rulebook& rulebook, const ReturnsDomain& domain,
                           const Box& box) {
  return return_witness(rulebook, facts_of(domain, pick_point(domain, box)));
}

std::string decided_text(const model::Returns& returns, const ItemDecision& d) {
  std::string outcome(model::outcome_name(d.outcome));
  switch (d.by) {
    case DecidedBy::rule:
      return fmt::format("`{}` by rule {}", outcome, returns.rules[d.rule].id.value);
    case DecidedBy::missing_fact:
      return fmt::format("`review` at rule {} (a fact it tests is missing)",
                         returns.rules[d.rule].id.value);
    case DecidedBy::several:
      return "`review` (several rules match under hit_policy unique)";
    case DecidedBy::otherwise:
      return fmt::format("`{}` by `otherwise`", outcome);
    case DecidedBy::gap:
      return "`review` (no rule covers it)";
  }
  return outcome;
}

// Whether the table can be analysed; otherwise leaves the budget note.
const TableAnalysis* usable(const lint::LintContext& context, const lint::Rule& rule,
                            core::Diagnostics& out) {
  const model::Rulebook& rulebook = context.rulebook;
  if (!rulebook.returns || rulebook.returns->rules.empty()) return nullptr;
  const TableAnalysis& t = context.analysis().table();
  if (!t.stopped.empty() || !t.domain) {
    out.push_back(stopped_note(rule, t.stopped, rulebook.returns->where, "returns"));
    return nullptr;
  }
  return &t;
}

void check_gap(const lint::LintContext& context, core::Diagnostics& out) {
  const TableAnalysis* t = usable(context, kReturnsGap, out);
  if (!t || context.rulebook.returns->otherwise) return;
  const ReturnsDomain& d = *t->domain;
  std::vector<const Box*> gaps;
  for (const auto& db : t->decided)
    if (db.decision.by == DecidedBy::gap) gaps.push_back(&db.box);
  if (gaps.empty()) return;
  auto finding = lint::finding(
      kReturnsGap,
      fmt::format("no rule decides an item with {}, and [returns] has no `otherwise`",
                  describe_box(d, *gaps.front())),
      context.rulebook.returns->where,
      "add a rule for these items, or an `otherwise` outcome (e.g. `review`)", "returns");
  for (std::size_t i = 1; i < gaps.size() && i < 4; ++i)
    finding.notes.push_back("also uncovered: " + describe_box(d, *gaps[i]));
  if (gaps.size() > 4)
    finding.notes.push_back(fmt::format("and {} more uncovered regions", gaps.size() - 4));
  finding.witness = item_witness(context.rulebook, d, *gaps.front());
  out.push_back(std::move(finding));
}

}  // namespace

const lint::Rule kReturnsGap{
    .name = "returns/gap",
    .severity = core::Severity::error,
    .summary = "a possible item reaches no rule and there is no `otherwise`",
    .doc =
        "An item some claim can return (a category, condition, reason, day count, price ... the rules do not cover together) that no returns rule matches, while [returns] has no `otherwise`. Points at the [returns] header; the message describes the uncovered items and the witness is one of them.",
    .why =
        "The engine then decides `review` (\"no rule covers this case\"): the policy has a hole.",
    .example =
        "[returns]\nhit_policy = \"first\"\nwindow_from = \"delivery\"\n[[returns.rule]]\nid = \"R1\"\nwhen = { days = { max = 14 } }\noutcome = \"refund\"",
    .fix = "Add a rule for the uncovered items, or an `otherwise` outcome.",
    .when = lint::RunWhen::clean_load,
    .check = check_gap,
};

namespace {

void check_unreachable_rule(const lint::LintContext& context, core::Diagnostics& out) {
  const model::Returns* returns = context.rulebook.returns ? &*context.rulebook.returns : nullptr;
  if (!returns || returns->hit_policy != model::HitPolicy::first) return;
  const TableAnalysis* t = usable(context, kReturnsUnreachableRule, out);
  if (!t) return;
  const ReturnsDomain& d = *t->domain;
  for (std::size_t i = 0; i < returns->rules.size(); ++i) {
    if (t->reached[i] || !context.keep("returns")) continue;
    const auto& rule = returns->rules[i];
    std::vector<bool> takes(i, false);
    for (const auto& db : t->decided)
      if (db.decision.rule >= 0 && db.decision.rule < static_cast<int>(i) &&
          !takes[db.decision.rule] && db.box.intersects(d.layout, t->cover[i]))
        takes[db.decision.rule] = true;
    std::vector<std::string> takers;
    for (std::size_t j = 0; j < i; ++j)
      if (takes[j]) takers.push_back(returns->rules[j].id.value);
    bool matches_nothing = t->cover[i].empty(d.layout);
    std::string message =
        matches_nothing
            ? fmt::format("rule {} is never reached: its `when` matches no possible item",
                          rule.id.value)
            : fmt::format(
                  "rule {} is never reached: every item it matches is decided earlier by {}",
                  rule.id.value, fmt::join(takers, ", "));
    auto finding = lint::finding(
        kReturnsUnreachableRule, std::move(message), key_or(rule.when.where, rule.where),
        "move it above the rules that take its cases, narrow them, or delete it", "returns");
    if (!matches_nothing) {
      const Box& box = t->matched[i].empty(d.layout) ? t->cover[i] : t->matched[i];
      finding.witness = item_witness(context.rulebook, d, box);
    }
    out.push_back(std::move(finding));
  }
}

}  // namespace

const lint::Rule kReturnsUnreachableRule{
    .name = "returns/unreachable-rule",
    .severity = core::Severity::warning,
    .summary = "under `first`, a rule whose every case earlier rules take",
    .doc =
        "Under `hit_policy = \"first\"`, a rule that decides no item: every item its `when` matches is decided by earlier rules, which the message names (or its `when` matches nothing). Points at its `when` key (the rule header when it has none); the witness is an item it matches.",
    .why = "A dead rule reads like policy but never applies; usually rules in the wrong order.",
    .example =
        "[[returns.rule]]\nid = \"ANY\"\noutcome = \"refund\"\n[[returns.rule]]\nid = \"WASHED\"\nwhen = { condition = [\"washed\"] }\noutcome = \"deny\"\nbecause = \"...\"",
    .fix = "Move it above the rules that take its cases, narrow them, or delete it.",
    .when = lint::RunWhen::clean_load,
    .check = check_unreachable_rule,
};

namespace {

void check_overlap(const lint::LintContext& context, core::Diagnostics& out) {
  const model::Returns* returns = context.rulebook.returns ? &*context.rulebook.returns : nullptr;
  if (!returns || returns->hit_policy != model::HitPolicy::unique) return;
  const TableAnalysis* t = usable(context, kReturnsOverlap, out);
  if (!t) return;
  const ReturnsDomain& d = *t->domain;
  for (std::size_t j = 1; j < returns->rules.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      if (!t->matched[i].intersects(d.layout, t->matched[j])) continue;
      // Past --max-findings a pair is only counted: nothing is built for it.
      if (!context.keep("returns")) continue;
      Box both = t->matched[i].intersect(t->matched[j]);
      const auto& a = returns->rules[i];
      const auto& b = returns->rules[j];
      auto finding = lint::finding(
          kReturnsOverlap,
          fmt::format("rules {} and {} both match an item with {}, and the hit policy is unique",
                      a.id.value, b.id.value, describe_box(d, both)),
          key_or(b.when.where, b.where),
          "narrow one of the `when`s so that they exclude each other", "returns");
      finding.witness = item_witness(context.rulebook, d, both);
      out.push_back(std::move(finding));
    }
  }
}

}  // namespace

const lint::Rule kReturnsOverlap{
    .name = "returns/overlap",
    .severity = core::Severity::error,
    .summary = "under `unique`, two rules match one item",
    .doc =
        "Under `hit_policy = \"unique\"`, two rules whose `when`s both fully match some item. Points at the later rule's `when` key; the witness is such an item.",
    .why = "A unique table promises exactly one answer; the engine decides such an item `review`.",
    .example =
        "[returns]\nhit_policy = \"unique\"\n[[returns.rule]]\nid = \"A\"\nwhen = { category = [\"hats\"] }\noutcome = \"refund\"\n[[returns.rule]]\nid = \"B\"\nwhen = { condition = [\"sealed\"] }\noutcome = \"exchange\"",
    .fix =
        "Narrow one of the two so that they exclude each other, or use `hit_policy = \"first\"`.",
    .when = lint::RunWhen::clean_load,
    .check = check_overlap,
};

namespace {

void check_assert_failed(const lint::LintContext& context, core::Diagnostics& out) {
  if (context.rulebook.asserts.empty()) return;
  const TableAnalysis* t = usable(context, kReturnsAssertFailed, out);
  if (!t) return;
  const ReturnsDomain& d = *t->domain;
  const model::Returns& returns = *context.rulebook.returns;
  for (const auto& a : context.rulebook.asserts) {
    Box scope = when_box(d, a.when, false);
    std::vector<std::string> listed;
    for (const auto& o : a.outcomes) listed.emplace_back(model::outcome_name(o.value));
    for (const auto& db : t->decided) {
      bool in_list = false;
      for (const auto& o : a.outcomes) in_list |= o.value == db.decision.outcome;
      if (in_list == a.outcome_in || !db.box.intersects(d.layout, scope)) continue;
      if (!context.keep("returns")) break;
      Box bad = db.box.intersect(scope);
      auto finding = lint::finding(
          kReturnsAssertFailed,
          fmt::format("assert {} fails: an item with {} is decided {}, {} [{}]", a.id.value,
                      describe_box(d, bad), decided_text(returns, db.decision),
                      a.outcome_in ? "not in its outcome_in" : "which its outcome_not_in excludes",
                      fmt::join(listed, ", ")),
          a.where,
          "change the rules so that the property holds, or the assert if the property is wrong",
          "returns");
      if (!a.because.empty())
        finding.notes.push_back("the assert says: " +
                                context.rulebook.store.report_text(a.because));
      finding.witness = item_witness(context.rulebook, d, bad);
      out.push_back(std::move(finding));
      break;
    }
  }
}

}  // namespace

const lint::Rule kReturnsAssertFailed{
    .name = "returns/assert-failed",
    .severity = core::Severity::error,
    .summary = "an [[assert]] property of the returns table is broken",
    .doc =
        "An [[assert]] whose `when` matches some item that the table decides outside `outcome_in` (or inside `outcome_not_in`) — checked over every possible item, including those the engine sends to `review`. Points at the [[assert]] header; the witness is such an item.",
    .why = "Asserts state what the policy must guarantee; a counterexample means it does not.",
    .example =
        "[[assert]]\nid = \"DEFECTS-NEVER-DENIED\"\nwhen = { reason = [\"defective\"] }\noutcome_not_in = [\"deny\"]",
    .fix = "Change the rules so that the property holds, or the assert if the property was wrong.",
    .when = lint::RunWhen::clean_load,
    .check = check_assert_failed,
};

}  // namespace fineprint::analysis
