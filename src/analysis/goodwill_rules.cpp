// goodwill/unreachable and goodwill/undoes-rule: a [[goodwill]]'s `when`
// against the decided partition of the item domain (returns_analysis), the
// same ground the returns/ rules stand on.
#include <algorithm>

#include <fmt/format.h>

#include "analysis/checks.hpp"
#include "analysis/returns_analysis.hpp"
#include "analysis/session.hpp"
#include "analysis/witness.hpp"

namespace fineprint::analysis {

extern const lint::Rule kGoodwillUnreachable;
extern const lint::Rule kGoodwillUndoesRule;

namespace {

std::string outcomes_text(const model::Goodwill& goodwill) {
  return model::outcome_in_text(goodwill, "any outcome");
}

// The decided table, or null (and the budget note) when it cannot be analysed.
const TableAnalysis* goodwill_table(const lint::LintContext& context, const lint::Rule& rule,
                                    core::Diagnostics& out) {
  const model::Rulebook& rulebook = context.rulebook;
  if (rulebook.goodwill.empty() || !rulebook.returns || rulebook.returns->rules.empty())
    return nullptr;
  const TableAnalysis& t = context.analysis().table();
  if (!t.stopped.empty() || !t.domain) {
    out.push_back(stopped_note(rule, t.stopped, rulebook.goodwill.front().where, "goodwill"));
    return nullptr;
  }
  return &t;
}

void check_unreachable(const lint::LintContext& context, core::Diagnostics& out) {
  const TableAnalysis* t = goodwill_table(context, kGoodwillUnreachable, out);
  if (!t) return;
  const ReturnsDomain& d = *t->domain;
  for (const auto& goodwill : context.rulebook.goodwill) {
    Box scope = when_box(d, goodwill.when, false);
    bool reached = std::any_of(t->decided.begin(), t->decided.end(), [&](const DecidedBox& db) {
      return model::follows_outcome(goodwill, db.decision.outcome) &&
             db.box.intersects(d.layout, scope);
    });
    if (reached || !context.keep("goodwill")) continue;
    bool matches_nothing = scope.empty(d.layout);
    std::string message =
        matches_nothing
            ? fmt::format("goodwill {} can never be offered: its `when` matches no possible item",
                          goodwill.id.value)
            : fmt::format(
                  "goodwill {} can never be offered: no item its `when` matches is decided {} by the returns table",
                  goodwill.id.value, outcomes_text(goodwill));
    auto finding = lint::finding(kGoodwillUnreachable, std::move(message),
                                 key_or(goodwill.when.where, goodwill.where),
                                 "widen its `when` or `outcome_in`, or delete it", "goodwill");
    if (!matches_nothing)
      finding.witness = return_witness(context.rulebook, facts_of(d, pick_point(d, scope)));
    out.push_back(std::move(finding));
  }
}

// Gives back everything the item was worth, whatever it was worth.
bool gives_everything(const model::Goodwill& goodwill) {
  if (goodwill.max_amount || goodwill.orders_before) return false;
  return goodwill.gesture == model::GestureKind::replacement ||
         (goodwill.gesture == model::GestureKind::refund_percent &&
          goodwill.percent >= core::kHundredPercent);
}

void check_undoes_rule(const lint::LintContext& context, core::Diagnostics& out) {
  if (std::none_of(context.rulebook.goodwill.begin(), context.rulebook.goodwill.end(),
                   gives_everything))
    return;
  const TableAnalysis* t = goodwill_table(context, kGoodwillUndoesRule, out);
  if (!t) return;
  const ReturnsDomain& d = *t->domain;
  const model::Returns& returns = *context.rulebook.returns;
  for (const auto& goodwill : context.rulebook.goodwill) {
    if (!gives_everything(goodwill) || !model::follows_outcome(goodwill, model::Outcome::deny))
      continue;
    Box scope = when_box(d, goodwill.when, false);
    for (std::size_t r = 0; r < returns.rules.size(); ++r) {
      if (returns.rules[r].outcome.outcome != model::Outcome::deny) continue;
      const Box* first = nullptr;
      bool all_inside = true;
      for (const auto& db : t->decided) {
        if (db.decision.by != DecidedBy::rule || db.decision.rule != static_cast<int>(r)) continue;
        if (!first) first = &db.box;
        all_inside = all_inside && db.box.subset_of(scope);
      }
      if (!first || !all_inside || !context.keep("goodwill")) continue;
      auto finding = lint::finding(
          kGoodwillUndoesRule,
          fmt::format(
              "goodwill {} gives back the whole paid value of every item rule {} denies: the rule only exists on paper",
              goodwill.id.value, returns.rules[r].id.value),
          key_or(goodwill.gesture_where, goodwill.where),
          "give less (a smaller percent, a voucher), set `max_amount`, or narrow its `when`",
          "goodwill");
      finding.witness = return_witness(context.rulebook, facts_of(d, pick_point(d, *first)));
      out.push_back(std::move(finding));
    }
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kGoodwillUnreachable){
    .name = "goodwill/unreachable",
    .severity = core::Severity::warning,
    .summary = "a gesture of goodwill no claim can be offered",
    .doc =
        "A [[goodwill]] whose `when` matches no possible item that the returns table decides as its `outcome_in` says — checked over every possible item, as the returns/ rules are. Points at its `when` key (the header when it has none); the witness is an item its `when` matches, decided otherwise.",
    .why =
        "A gesture that can never be offered reads like policy but never applies; usually `outcome_in` names an outcome the matching rules never give.",
    .example =
        "[returns]\nhit_policy = \"first\"\n[[returns.rule]]\nid = \"ANY\"\noutcome = \"refund\"\n[[goodwill]]\nid = \"SORRY\"\ntitle = \"A gesture\"\namount = \"5\"\nlimit_per_customer = 1\noutcome_in = [\"deny\"]",
    .fix = "Widen its `when` or `outcome_in` to the cases it is meant for, or delete it.",
    .when = lint::RunWhen::clean_load,
    .check = check_unreachable,
};

FINEPRINT_LINT_RULE(kGoodwillUndoesRule){
    .name = "goodwill/undoes-rule",
    .severity = core::Severity::warning,
    .summary = "a gesture of goodwill that refunds in full everything a rule denies",
    .doc =
        "A [[goodwill]] that gives back the whole paid value (`refund_percent = 100` or `replacement = true`, with no `max_amount` and no `orders_before` condition) and whose `when` and `outcome_in` cover every item that some `deny` rule decides. A limit per customer does not change this: the customer's first claim is undone all the same. Points at the gesture key; the witness is an item that rule denies.",
    .why =
        "The rule then says no and the gesture says yes to the same customers for the same money: the rule is a fiction, and the letter contradicts itself.",
    .example =
        "[returns]\nhit_policy = \"first\"\n[[returns.rule]]\nid = \"WASHED\"\nwhen = { condition = [\"washed\"] }\noutcome = \"deny\"\nbecause = \"...\"\n[[goodwill]]\nid = \"SORRY\"\ntitle = \"A gesture\"\nrefund_percent = 100\nlimit_per_customer = 1\noutcome_in = [\"deny\"]",
    .fix =
        "Give less (a smaller percent, a voucher), set `max_amount`, narrow its `when`; or change the rule if it should not deny.",
    .when = lint::RunWhen::clean_load,
    .check = check_undoes_rule,
};

}  // namespace fineprint::analysis
