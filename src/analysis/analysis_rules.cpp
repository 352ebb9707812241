#include "analysis/analysis_rules.hpp"

#include <fmt/format.h>

#include "analysis/checks.hpp"

namespace fineprint::analysis {

namespace {

using core::Severity;
using lint::RunWhen;

std::vector<lint::RuleDescriptor> build() {
  return {
      {"promo/ambiguous-overlap",
       Severity::error,
       "two equal-priority, non-combinable promotions can both be candidates for one line",
       {"Two promotions with the same `priority`, not combinable with each other, that some order "
        "makes candidates "
        "for the same line: their windows, channels and scopes meet, and codes, segments and "
        "first-order flags can "
        "all hold at once. The finding points at the header of the later of the two in the file "
        "and carries such "
        "an order as witness.",
        "Which one applies then depends only on the byte order of their ids — an accident nobody "
        "chose, and one a "
        "customer can argue with.",
        "[[promotion]]\nid = \"WINTER20\"\npercent_off = 20\nstarts = 2026-12-01T00:00:00+02:00\n"
        "ends = 2027-01-01T00:00:00+02:00\n\n[[promotion]]\nid = \"HATS15\"\npercent_off = 15\n"
        "products = { categories = [\"hats\"] }\nstarts = 2026-12-01T00:00:00+02:00\n"
        "ends = 2027-01-01T00:00:00+02:00",
        "Give them different priorities (the higher one wins), or list each other in `combinable`, "
        "or make their "
        "windows, channels or scopes disjoint."},
       RunWhen::clean_load,
       check_ambiguous_overlap},
      {"promo/asymmetric-combinable",
       Severity::error,
       "A lists B in `combinable` but B does not admit A",
       {"A promotion whose `combinable` list names a promotion that does not admit it back (its "
        "own `combinable` "
        "is `false` or a list without it). Points at the `combinable` key.",
        "Combinability is mutual (docs/semantics.md §2.3): the one-sided list has no effect, and "
        "its author thought the two stack.",
        "[[promotion]]\nid = \"A\"\ncombinable = [\"B\"]\n# ...\n[[promotion]]\nid = \"B\"\n# "
        "combinable absent: "
        "false",
        "Add A to B's `combinable` list (or set it to `true`), or remove B from A's list."},
       RunWhen::clean_load,
       check_asymmetric_combinable},
      {"promo/shadowed",
       Severity::warning,
       "a promotion whose lines are always held by promotions considered before it",
       {"A promotion that can never apply to any line: in every order that makes it a candidate, "
        "promotions "
        "considered before it (higher priority, or equal priority and a smaller id) that are not "
        "combinable with "
        "it already hold every line it could use — one of them, or only their union (one per "
        "category, channel "
        "or part of the window). Names them; points at the promotion's header; the witness is an "
        "order where it "
        "is a candidate and still blocked. Semantics v1.1: a promotion that would take nothing "
        "off is not applied and holds no line, so only orders where the promotion would take "
        "something off count (a buy_x_get_y needs a whole group, a percentage an amount it does "
        "not round to 0.00), and a rival blocks it only where the rival takes something off; a "
        "fixed_price rival is not counted on to block (a cheaper unit escapes it), unless the "
        "promotion is a fixed price at least as high (docs/analysis.md).",
        "A promotion customers can see but never get is a promise the store does not keep.",
        "[[promotion]]\nid = \"ALL10\"\npriority = 2\npercent_off = 10\n# ...\n[[promotion]]\nid = "
        "\"HATS5\"\n"
        "priority = 1\npercent_off = 5\nproducts = { categories = [\"hats\"] }",
        "Raise its priority, narrow the promotions that shadow it (window, channels, scope), make "
        "them combinable, "
        "or delete it."},
       RunWhen::clean_load,
       check_shadowed},
      {"promo/never-eligible",
       Severity::error,
       "a promotion whose conditions can never all hold",
       {"A promotion that no order can make a candidate: its scope is empty after the exclusions "
        "(points at "
        "`products`), its `channels` or `segments` list is empty (points at the header), or its "
        "`min_quantity` is more than a scope of listed skus can hold — a claim gives each sku one "
        "order line of at most 10,000 units (docs/limits.md; points at `min_quantity`); or its "
        "`max_discount` is 0, so it takes nothing off any order and, semantics v1.1, is never "
        "applied (points at `max_discount`).",
        "It is published but dead; usually an exclusion that swallowed the inclusion.",
        "[[promotion]]\nid = \"HATS\"\nproducts = { categories = [\"hats\"], exclude_categories = "
        "[\"hats\"] }",
        "Fix the exclusion or the list, or delete the promotion."},
       RunWhen::clean_load,
       check_never_eligible},
      {"promo/refund-basis-unset",
       Severity::warning,
       "order-dependent promotions exist and `returns.refund_basis` is not set",
       {"A `buy_x_get_y`, `tiers` or `min_subtotal` promotion exists, and [returns] does not set "
        "`refund_basis`. "
        "Points at the [returns] header (suppress with [returns.allow]).",
        "When part of such an order comes back, the refund can be what was paid for the units, or "
        "the difference "
        "the return makes to the order's price (the promotion may no longer apply): two defensible "
        "answers.",
        "[[promotion]]\nid = \"B2G1\"\nbuy_x_get_y = { buy = 2, get = 1 }\n# "
        "...\n[returns]\nhit_policy = "
        "\"first\"",
        "Set `refund_basis = \"paid\"` or `\"reprice\"` in [returns]."},
       RunWhen::clean_load,
       check_refund_basis_unset},
      {"returns/gap",
       Severity::error,
       "a possible item reaches no rule and there is no `otherwise`",
       {"An item some claim can return (a category, condition, reason, day count, price ... the "
        "rules do not "
        "cover together) that no returns rule matches, while [returns] has no `otherwise`. Points "
        "at the "
        "[returns] header; the message describes the uncovered items and the witness is one of "
        "them.",
        "The engine then decides `review` (\"no rule covers this case\"): the policy has a hole.",
        "[returns]\nhit_policy = \"first\"\nwindow_from = \"delivery\"\n[[returns.rule]]\nid = "
        "\"R1\"\n"
        "when = { days = { max = 14 } }\noutcome = \"refund\"",
        "Add a rule for the uncovered items, or an `otherwise` outcome."},
       RunWhen::clean_load,
       check_gap},
      {"returns/unreachable-rule",
       Severity::warning,
       "under `first`, a rule whose every case earlier rules take",
       {"Under `hit_policy = \"first\"`, a rule that decides no item: every item its `when` "
        "matches is decided "
        "by earlier rules, which the message names (or its `when` matches nothing). Points at its "
        "`when` key "
        "(the rule header when it has none); the witness is an item it matches.",
        "A dead rule reads like policy but never applies; usually rules in the wrong order.",
        "[[returns.rule]]\nid = \"ANY\"\noutcome = \"refund\"\n[[returns.rule]]\nid = \"WASHED\"\n"
        "when = { condition = [\"washed\"] }\noutcome = \"deny\"\nbecause = \"...\"",
        "Move it above the rules that take its cases, narrow them, or delete it."},
       RunWhen::clean_load,
       check_unreachable_rule},
      {"returns/overlap",
       Severity::error,
       "under `unique`, two rules match one item",
       {"Under `hit_policy = \"unique\"`, two rules whose `when`s both fully match some item. "
        "Points at the "
        "later rule's `when` key; the witness is such an item.",
        "A unique table promises exactly one answer; the engine decides such an item `review`.",
        "[returns]\nhit_policy = \"unique\"\n[[returns.rule]]\nid = \"A\"\nwhen = { category = "
        "[\"hats\"] }\n"
        "outcome = \"refund\"\n[[returns.rule]]\nid = \"B\"\nwhen = { condition = [\"sealed\"] }\n"
        "outcome = \"exchange\"",
        "Narrow one of the two so that they exclude each other, or use `hit_policy = \"first\"`."},
       RunWhen::clean_load,
       check_overlap},
      {"returns/assert-failed",
       Severity::error,
       "an [[assert]] property of the returns table is broken",
       {"An [[assert]] whose `when` matches some item that the table decides outside `outcome_in` "
        "(or inside "
        "`outcome_not_in`) — checked over every possible item, including those the engine sends to "
        "`review`. "
        "Points at the [[assert]] header; the witness is such an item.",
        "Asserts state what the policy must guarantee; a counterexample means it does not.",
        "[[assert]]\nid = \"DEFECTS-NEVER-DENIED\"\nwhen = { reason = [\"defective\"] }\n"
        "outcome_not_in = [\"deny\"]",
        "Change the rules so that the property holds, or the assert if the property was wrong."},
       RunWhen::clean_load,
       check_assert_failed},
      {"law/eu-withdrawal",
       Severity::error,
       "a distance-sale withdrawal within 14 days is refused or not refunded",
       {"With `jurisdiction` set (`EU`, `LV`, `LT`, `PL` or `EE`): an item from a distance "
        "channel, "
        "any reason, returned within 14 days of delivery and not covered by a "
        "[[returns.exemption]], that the table decides against the withdrawal right. Sealed or "
        "opened (unused) items must be decided `refund` without `fee_percent`. Items in any other "
        "condition (`used`, `washed`, `damaged`, declared ones) must not be decided `deny`, "
        "`store_credit` or `exchange`; a `refund` with `fee_percent` (the deduction for the "
        "item's diminished value), `review`, `repair`, `replace` and `repair_or_replace` pass. "
        "One finding per deciding rule, at its `outcome` key (`otherwise` at its key; an "
        "uncovered item at [returns]); the witness is such an item (condition, channel, day). "
        "Counted from purchase, every day count can lie within 14 days of delivery. Items with a "
        "missing day or return count are left out (the engine sends them to review for that), "
        "and a distance sale always has proof of purchase.",
        "Directive 2011/83/EU art. 9 and 16: the consumer may withdraw from a distance sale for "
        "14 days from delivery, without giving a reason and whatever the state of the goods; "
        "only the art. 16 exceptions (unsealed hygiene goods, personalised, perishable, unsealed "
        "media, ...) can be refused. Art. 13: every payment comes back, by the means used to "
        "pay. Art. 14(2): handling beyond what is needed to inspect the goods makes the consumer "
        "liable for their diminished value — a deduction, not a refusal.",
        "[store]\njurisdiction = \"EU\"\ndistance_channels = [\"web\"]\n[[returns.rule]]\nid = "
        "\"WORN\"\nwhen = { condition = [\"used\"] }\noutcome = \"deny\"\nbecause = \"Worn items "
        "are not taken back.\"",
        "Decide `refund` without a fee for sealed and opened items. For used, washed or damaged "
        "items decide `refund` with `fee_percent` as the deduction for diminished value (or "
        "`review`, where a person assesses it) instead of `deny`; for goods the law exempts, "
        "declare a [[returns.exemption]] with its legal basis. Rules for other channels or "
        "later days are not affected."},
       RunWhen::clean_load,
       check_eu_withdrawal},
      {"law/eu-legal-guarantee",
       Severity::error,
       "a defect within two years is denied or charged a fee",
       {"With `jurisdiction` set (`EU`, `LV`, `LT`, `PL` or `EE`): an item with a defect reason "
        "(`defect_reasons`), condition `sealed`, `opened` or `used`, within 730 days of "
        "delivery, that the table decides `deny`, or `refund`/`store_credit` with `fee_percent`. "
        "One finding per deciding rule, at its `outcome` key. With a country, the message also "
        "cites its statute (LV: Patērētāju tiesību aizsardzības likums art. 27; LT: Civilinis "
        "kodeksas art. 6.363; PL: Ustawa o prawach konsumenta art. 43c; EE: Võlaõigusseadus "
        "§ 218); the period is 2 years in each. Goods sold second-hand, for which a country may "
        "let the parties agree on a shorter period, are not told apart (docs/law.md).",
        "Directive (EU) 2019/771 art. 10, 13 and 14: goods that lack conformity within two years "
        "of delivery are "
        "repaired, replaced or refunded free of charge.",
        "[[returns.rule]]\nid = \"OLD\"\nwhen = { days = { min = 31 } }\noutcome = "
        "\"deny\"\nbecause = \"too "
        "late\"",
        "Decide defects within 730 days `repair_or_replace` (or `repair`, `replace`, `refund`) "
        "without a fee."},
       RunWhen::clean_load,
       check_eu_legal_guarantee},
      {"law/window-anchor",
       Severity::warning,
       "return windows counted from purchase, the law counts from delivery",
       {"With `jurisdiction` set (`EU`, `LV`, `LT`, `PL` or `EE`), `[returns] window_from = "
        "\"purchase\"`. Points at "
        "`window_from`; the "
        "witness is an item delivered 10 days after the order and returned 10 days later (day 20 "
        "for the "
        "table), and the message says how the table decides it.",
        "The withdrawal period and the legal guarantee run from delivery; a window from purchase "
        "shrinks them "
        "by the shipping time.",
        "[returns]\nhit_policy = \"first\"\nwindow_from = \"purchase\"",
        "Set `window_from = \"delivery\"` and state the windows in days from delivery."},
       RunWhen::clean_load,
       check_window_anchor},
      {"law/lv-notification-period",
       Severity::error,
       "a rule's text asks for notice of a defect sooner than Latvia's 2 months",
       {"With `jurisdiction = \"LV\"`: the `because` of a returns rule that can decide a defect "
        "reason (its `when` lists one, or no `reason`), or of `otherwise`, has a sentence that "
        "asks the customer to notify or report (\"report\", \"notify\", \"tell us\", "
        "\"paziņot\", \"pranešti\", \"zgłosić\", \"уведомить\", ...) and states a period "
        "shorter than 2 months: a number (digits, or an English word) of hours, days or weeks "
        "up to 61 days, or 1 month. Points at the `because`. Periods in years, and periods "
        "written out in other languages, are not read.",
        "Directive (EU) 2019/771 art. 12 lets a member state require the consumer to notify a "
        "lack of conformity within 2 months of discovering it, and no sooner; Latvia does so in "
        "the Patērētāju tiesību aizsardzības likums. A store that demands notice within 14 days "
        "refuses claims the law keeps alive. Two months are 59 to 62 days, so a period of 61 "
        "days or less is shorter for some discovery date.",
        "[store]\njurisdiction = \"LV\"\n[[returns.rule]]\nid = \"GUARANTEE\"\nwhen = { reason = "
        "[\"defective\"] }\noutcome = \"review\"\nbecause = \"Report the fault within 14 days of "
        "noticing it; a team lead decides.\"",
        "Give the customer at least 2 months from discovering the fault (write \"2 months\"), or "
        "leave the notice period out of the text. A sentence about something else (the store's "
        "own reply time) can be reworded, or allowed in [returns.allow] with the reason."},
       RunWhen::clean_load,
       check_lv_notification_period},
      {"refs/unused-category",
       Severity::note,
       "a catalog category no rule mentions",
       {"A category in `[catalog] categories` that no promotion scope or exclusion, returns rule, "
        "exemption or "
        "assert names. Points at the category in the catalog list.",
        "Often a typo twin of a category the rules do use, or a category whose rules were "
        "forgotten.",
        "[catalog]\ncategories = [\"hats\", \"scarves\"]\n# no rule mentions scarves",
        "Remove it from the catalog, or write the rules meant for it."},
       RunWhen::clean_load,
       check_unused_category},
  };
}

}  // namespace

const std::vector<lint::RuleDescriptor>& analysis_rules() {
  static const std::vector<lint::RuleDescriptor> rules = build();
  return rules;
}

core::Diagnostic make_finding(std::string_view rule, std::string message, core::SourceRange where,
                              std::string help, std::string subject) {
  core::Diagnostic d;
  d.rule = std::string(rule);
  d.severity = Severity::error;
  for (const auto& r : analysis_rules())
    if (r.name == rule) d.severity = r.severity;
  d.message = std::move(message);
  d.where = std::move(where);
  d.help = std::move(help);
  d.subject = std::move(subject);
  return d;
}

core::Diagnostic stopped_note(std::string_view rule, const std::string& why,
                              core::SourceRange where, std::string subject) {
  core::Diagnostic d = make_finding(
      rule, fmt::format("the exact analysis stopped early and could not decide {}: {}", rule, why),
      std::move(where), "split the rulebook or simplify the rules involved", std::move(subject));
  d.severity = Severity::note;
  d.incomplete = true;
  return d;
}

}  // namespace fineprint::analysis
