// law/eu-withdrawal, law/eu-legal-guarantee, law/window-anchor: statutory
// regions of the item domain intersected with how the table decides them;
// law/lv-notification-period: a notice deadline stated in a rule's text.
// docs/law.md says which article each one enforces.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "analysis/checks.hpp"
#include "analysis/notice_text.hpp"
#include "analysis/returns_analysis.hpp"
#include "analysis/session.hpp"
#include "analysis/witness.hpp"
#include "model/law_pack.hpp"

namespace fineprint::analysis {

// The rules of this file, defined below beside their checks.
extern const lint::Rule kLawEuWithdrawal;
extern const lint::Rule kLawEuLegalGuarantee;
extern const lint::Rule kLawWindowAnchor;
extern const lint::Rule kLawLvNotificationPeriod;

namespace {

constexpr std::int64_t kWithdrawalDays = 14;

// The EU floors hold for `EU` and for every member state.
bool eu(const lint::LintContext& context) {
  return model::eu_law_applies(context.rulebook.store.jurisdiction) && context.rulebook.returns &&
         !context.rulebook.returns->rules.empty();
}

const model::LawPack& pack(const lint::LintContext& context) {
  return *model::law_pack(context.rulebook.store.jurisdiction);
}

bool from_purchase(const model::Returns& returns) {
  return returns.window_from && returns.window_from->value == model::WindowFrom::purchase;
}

// Items the law protects: known facts only (a claim that lacks a day count or
// return count is `review` for its own reason), receipt at hand (a distance
// sale is documented), within `limit` days of delivery. Counted from purchase,
// any day count can be within the limit of delivery.
Box statutory_box(const ReturnsDomain& d, const model::Returns& returns, std::int64_t limit) {
  Box box = d.universe;
  const Layout& l = d.layout;
  ValueSet days = d.universe.get(l, kDays);
  if (returns.window_from)
    days = days.intersect(from_purchase(returns) ? d.days.known() : d.days.range(0, limit));
  box.set(l, kDays, days);
  ValueSet receipt = ValueSet::none(2);
  receipt.insert(1);
  box.set(l, kHasReceipt, receipt);
  box.set(l, kReturns90d, d.returns_90d.known());
  return box;
}

std::int64_t lag_for(const model::Returns& returns, const model::ItemFacts& facts,
                     std::int64_t limit) {
  if (!from_purchase(returns) || !facts.days) return 1;
  return *facts.days > limit ? *facts.days - limit : std::min<std::int64_t>(1, *facts.days);
}

struct Source {
  core::SourceRange where;
  std::string name;
};

Source source_of(const model::Returns& returns, const ItemDecision& d) {
  if (d.by == DecidedBy::rule || d.by == DecidedBy::missing_fact)
    return {key_or(returns.rules[d.rule].outcome.where, returns.rules[d.rule].where),
            "rule " + returns.rules[d.rule].id.value};
  if (d.by == DecidedBy::otherwise)
    return {key_or(returns.otherwise->where, returns.where), "`otherwise`"};
  return {returns.where, "no rule (the item is left to review)"};
}

using Violates = bool (*)(const ItemDecision&);

// One part of a statutory region, what breaks the law there, and what the
// finding then says.
struct LawPart {
  std::vector<Box> region;
  Violates violates = nullptr;
  std::string law;
  std::string help;
};

// One finding per deciding rule (or `otherwise`) that breaks the law somewhere
// in the parts, from the first part where it does.
void report_law(const lint::LintContext& context, const lint::Rule& rule,
                const std::vector<LawPart>& parts, std::int64_t limit, core::Diagnostics& out) {
  const TableAnalysis& t = context.analysis().table();
  const model::Returns& returns = *context.rulebook.returns;
  if (!t.stopped.empty() || !t.domain) {
    out.push_back(stopped_note(rule, t.stopped, returns.where, "returns"));
    return;
  }
  const ReturnsDomain& d = *t.domain;
  std::map<std::pair<int, int>, bool> seen;
  for (const auto& db : t.decided) {
    // Several rules matching is returns/overlap's finding, not the law's.
    if (db.decision.by == DecidedBy::several) continue;
    auto key =
        std::make_pair(static_cast<int>(db.decision.by == DecidedBy::missing_fact ? DecidedBy::rule
                                                                                  : db.decision.by),
                       db.decision.rule);
    if (seen.count(key)) continue;
    for (const LawPart& law : parts) {
      if (!law.violates(db.decision)) continue;
      const Box* hit = nullptr;
      for (const Box& part : law.region)
        if (db.box.intersects(d.layout, part)) {
          hit = &part;
          break;
        }
      if (!hit) continue;
      seen[key] = true;
      model::ItemFacts facts = facts_of(d, pick_point(d, db.box.intersect(*hit)));
      Source src = source_of(returns, db.decision);
      std::string fee;
      if (db.decision.spec && db.decision.spec->fee_percent)
        fee = fmt::format(" with a {}% fee",
                          core::format_percent(db.decision.spec->fee_percent->value));
      std::string day =
          facts.days ? fmt::format("on day {} {}", *facts.days,
                                   from_purchase(returns) ? "after purchase" : "after delivery")
                     : "";
      auto finding = lint::finding(
          rule,
          fmt::format("{} decides `{}`{} for a {} item bought on {}, returned for {}{}{}: {}",
                      src.name, model::outcome_name(db.decision.outcome), fee, facts.condition,
                      facts.channel, facts.reason, day.empty() ? "" : " ", day, law.law),
          src.where, law.help, "returns");
      finding.witness = return_witness(context.rulebook, facts, {lag_for(returns, facts, limit)});
      out.push_back(std::move(finding));
      break;
    }
  }
}

// A country's statute after the directive's articles, or nothing for `EU`.
std::string national(std::string_view statute) {
  return statute.empty() ? "" : fmt::format("; {}", statute);
}

bool may_decide_defects(const std::optional<model::Names>& reasons,
                        const std::vector<std::string>& defects) {
  if (!reasons) return true;
  return std::any_of(reasons->begin(), reasons->end(), [&](const auto& r) {
    return std::find(defects.begin(), defects.end(), r.value) != defects.end();
  });
}

void check_eu_withdrawal(const lint::LintContext& context, core::Diagnostics& out) {
  if (!eu(context)) return;
  const TableAnalysis& t = context.analysis().table();
  if (!t.domain) return report_law(context, kLawEuWithdrawal, {}, 0, out);
  const ReturnsDomain& d = *t.domain;
  const model::Returns& returns = *context.rulebook.returns;
  Box box = statutory_box(d, returns, kWithdrawalDays);
  box.set(d.layout, kChannel,
          names_set(d.channels, model::values(context.rulebook.store.distance_channels)));
  // Unused goods (sealed, opened to inspect them) come back for every payment
  // (art. 13); any other condition is still withdrawn from, and its diminished
  // value may be deducted (art. 14(2)), but it may not be refused.
  ValueSet unused = names_set(d.conditions, {"sealed", "opened"});
  Box unused_box = box;
  unused_box.set(d.layout, kCondition, unused);
  Box handled_box = box;
  handled_box.set(d.layout, kCondition, box.get(d.layout, kCondition).subtract(unused));
  std::vector<Box> unused_region{unused_box}, handled_region{handled_box};
  Budget budget;
  for (const auto& e : returns.exemptions) {
    Box exempt = d.universe;
    exempt.set(d.layout, kCategory, names_set(d.categories, model::values(e.categories)));
    exempt.set(d.layout, kCondition, names_set(d.conditions, model::values(e.conditions)));
    subtract_region(d.layout, unused_region, exempt, budget);
    subtract_region(d.layout, handled_region, exempt, budget);
  }
  // The withdrawal right is the directive's, fully harmonised (art. 4): no
  // country pack changes it.
  std::vector<LawPart> parts{
      {unused_region,
       [](const ItemDecision& decision) {
         return decision.outcome != model::Outcome::refund ||
                (decision.spec && decision.spec->fee_percent);
       },
       "a distance sale may be withdrawn from within 14 days of delivery for a full refund without fees (Directive 2011/83/EU art. 9, 13, 14, 16)",
       "decide `refund` without `fee_percent` for these items, or add a [[returns.exemption]] with its legal basis (art. 16)"},
      {handled_region,
       [](const ItemDecision& decision) {
         return decision.outcome == model::Outcome::deny ||
                decision.outcome == model::Outcome::store_credit ||
                decision.outcome == model::Outcome::exchange;
       },
       "a distance sale may be withdrawn from within 14 days of delivery whatever the item's condition; its payments come back as a refund, less the item's diminished value (Directive 2011/83/EU art. 9, 13, 14(2), 16)",
       "decide `refund`, with `fee_percent` as the deduction for the item's diminished value (art. 14(2)) instead of a refusal, or add a [[returns.exemption]] with its legal basis (art. 16: unsealed hygiene goods, personalised, perishable, unsealed media, ...)"},
  };
  report_law(context, kLawEuWithdrawal, parts, kWithdrawalDays, out);
}

}  // namespace

FINEPRINT_LINT_RULE(kLawEuWithdrawal){
    .name = "law/eu-withdrawal",
    .severity = core::Severity::error,
    .summary = "a distance-sale withdrawal within 14 days is refused or not refunded",
    .doc =
        "With `jurisdiction` set (`EU`, `LV`, `LT`, `PL` or `EE`): an item from a distance channel, any reason, returned within 14 days of delivery and not covered by a [[returns.exemption]], that the table decides against the withdrawal right. Sealed or opened (unused) items must be decided `refund` without `fee_percent`. Items in any other condition (`used`, `washed`, `damaged`, declared ones) must not be decided `deny`, `store_credit` or `exchange`; a `refund` with `fee_percent` (the deduction for the item's diminished value), `review`, `repair`, `replace` and `repair_or_replace` pass. One finding per deciding rule, at its `outcome` key (`otherwise` at its key; an uncovered item at [returns]); the witness is such an item (condition, channel, day). Counted from purchase, every day count can lie within 14 days of delivery. Items with a missing day or return count are left out (the engine sends them to review for that), and a distance sale always has proof of purchase.",
    .why =
        "Directive 2011/83/EU art. 9 and 16: the consumer may withdraw from a distance sale for 14 days from delivery, without giving a reason and whatever the state of the goods; only the art. 16 exceptions (unsealed hygiene goods, personalised, perishable, unsealed media, ...) can be refused. Art. 13: every payment comes back, by the means used to pay. Art. 14(2): handling beyond what is needed to inspect the goods makes the consumer liable for their diminished value — a deduction, not a refusal.",
    .example =
        "[store]\njurisdiction = \"EU\"\ndistance_channels = [\"web\"]\n[[returns.rule]]\nid = \"WORN\"\nwhen = { condition = [\"used\"] }\noutcome = \"deny\"\nbecause = \"Worn items are not taken back.\"",
    .fix =
        "Decide `refund` without a fee for sealed and opened items. For used, washed or damaged items decide `refund` with `fee_percent` as the deduction for diminished value (or `review`, where a person assesses it) instead of `deny`; for goods the law exempts, declare a [[returns.exemption]] with its legal basis. Rules for other channels or later days are not affected.",
    .when = lint::RunWhen::clean_load,
    .check = check_eu_withdrawal,
};

namespace {

void check_eu_legal_guarantee(const lint::LintContext& context, core::Diagnostics& out) {
  if (!eu(context)) return;
  const TableAnalysis& t = context.analysis().table();
  if (!t.domain) return report_law(context, kLawEuLegalGuarantee, {}, 0, out);
  const ReturnsDomain& d = *t.domain;
  const model::Returns& returns = *context.rulebook.returns;
  const model::LawPack& law = pack(context);
  Box box = statutory_box(d, returns, law.guarantee_days);
  box.set(d.layout, kReason, names_set(d.reasons, model::defect_reasons(returns)));
  box.set(d.layout, kCondition, names_set(d.conditions, {"sealed", "opened", "used"}));
  std::vector<LawPart> parts{
      {{box},
       [](const ItemDecision& decision) {
         bool fee = decision.spec && decision.spec->fee_percent &&
                    (decision.outcome == model::Outcome::refund ||
                     decision.outcome == model::Outcome::store_credit);
         return decision.outcome == model::Outcome::deny || fee;
       },
       fmt::format(
           "goods that lack conformity must be repaired, replaced or refunded free of charge within 2 years of delivery (Directive (EU) 2019/771 art. 10, 13, 14{})",
           national(law.guarantee_statute)),
       fmt::format(
           "decide `repair_or_replace`, `repair`, `replace` or `refund` (without a fee) for defects within {} days",
           law.guarantee_days)},
  };
  report_law(context, kLawEuLegalGuarantee, parts, law.guarantee_days, out);
}

}  // namespace

FINEPRINT_LINT_RULE(kLawEuLegalGuarantee){
    .name = "law/eu-legal-guarantee",
    .severity = core::Severity::error,
    .summary = "a defect within two years is denied or charged a fee",
    .doc =
        "With `jurisdiction` set (`EU`, `LV`, `LT`, `PL` or `EE`): an item with a defect reason (`defect_reasons`), condition `sealed`, `opened` or `used`, within 730 days of delivery, that the table decides `deny`, or `refund`/`store_credit` with `fee_percent`. One finding per deciding rule, at its `outcome` key. With a country, the message also cites its statute (LV: Patērētāju tiesību aizsardzības likums art. 27; LT: Civilinis kodeksas art. 6.363; PL: Ustawa o prawach konsumenta art. 43c; EE: Võlaõigusseadus § 218); the period is 2 years in each. Goods sold second-hand, for which a country may let the parties agree on a shorter period, are not told apart (docs/law.md).",
    .why =
        "Directive (EU) 2019/771 art. 10, 13 and 14: goods that lack conformity within two years of delivery are repaired, replaced or refunded free of charge.",
    .example =
        "[[returns.rule]]\nid = \"OLD\"\nwhen = { days = { min = 31 } }\noutcome = \"deny\"\nbecause = \"too late\"",
    .fix =
        "Decide defects within 730 days `repair_or_replace` (or `repair`, `replace`, `refund`) without a fee.",
    .when = lint::RunWhen::clean_load,
    .check = check_eu_legal_guarantee,
};

namespace {

void check_window_anchor(const lint::LintContext& context, core::Diagnostics& out) {
  if (!eu(context)) return;
  const model::Rulebook& rulebook = context.rulebook;
  const model::Returns& returns = *rulebook.returns;
  if (!from_purchase(returns)) return;
  // A distance order delivered 10 days after it was placed, returned 10 days
  // after delivery: within the law's 14 days, day 20 for the table.
  model::ItemFacts facts;
  const auto& distance = rulebook.store.distance_channels;
  facts.channel = distance.empty() ? rulebook.store.channels.front().value : distance.front().value;
  facts.condition = "sealed";
  facts.reason = "changed_mind";
  const TableAnalysis& t = context.analysis().table();
  if (t.domain) {
    facts.category = t.domain->categories.names.front();
    facts.sku = t.domain->skus.names.front();
  }
  facts.days = 20;
  facts.has_receipt = true;
  facts.unit_price = 1000;
  facts.returns_90d = 0;
  ItemDecision decision = decide_item(returns, facts);
  auto finding = lint::finding(
      kLawWindowAnchor,
      fmt::format(
          "`window_from = \"purchase\"` counts return windows from the order, the law from delivery: an item delivered 10 days after the order and returned 10 days later is on day 20 here and is decided `{}`",
          model::outcome_name(decision.outcome)),
      returns.window_from->where,
      "set `window_from = \"delivery\"` and state the windows in days from delivery", "returns");
  finding.witness = return_witness(rulebook, facts, {10});
  out.push_back(std::move(finding));
}

}  // namespace

FINEPRINT_LINT_RULE(kLawWindowAnchor){
    .name = "law/window-anchor",
    .severity = core::Severity::warning,
    .summary = "return windows counted from purchase, the law counts from delivery",
    .doc =
        "With `jurisdiction` set (`EU`, `LV`, `LT`, `PL` or `EE`), `[returns] window_from = \"purchase\"`. Points at `window_from`; the witness is an item delivered 10 days after the order and returned 10 days later (day 20 for the table), and the message says how the table decides it.",
    .why =
        "The withdrawal period and the legal guarantee run from delivery; a window from purchase shrinks them by the shipping time.",
    .example = "[returns]\nhit_policy = \"first\"\nwindow_from = \"purchase\"",
    .fix = "Set `window_from = \"delivery\"` and state the windows in days from delivery.",
    .when = lint::RunWhen::clean_load,
    .check = check_window_anchor,
};

namespace {

void check_lv_notification_period(const lint::LintContext& context, core::Diagnostics& out) {
  const model::LawPack* law = model::law_pack(context.rulebook.store.jurisdiction);
  if (!law || !law->notification_months || !context.rulebook.returns) return;
  const model::Returns& returns = *context.rulebook.returns;
  const std::vector<std::string> defects = model::defect_reasons(returns);
  // Every language of the text: a short period in any of them misleads its readers.
  auto check = [&](const model::Text& because, const std::string& owner) {
    for (const auto& [language, text] : because.by_language) {
      auto period = short_notice(text, *law->notification_months);
      if (!period) continue;
      out.push_back(lint::finding(
          kLawLvNotificationPeriod,
          fmt::format(
              "`because` of {} asks for notice within \"{}\": in {} a consumer has {} months from discovering a lack of conformity to notify it ({})",
              owner, period->text, law->country, *law->notification_months,
              law->notification_statute),
          because.where,
          fmt::format(
              "give at least {} months from the discovery of the fault, or state no notice period",
              *law->notification_months),
          "returns"));
    }
  };
  for (const auto& rule : returns.rules)
    if (may_decide_defects(rule.when.reason, defects))
      check(rule.outcome.because, fmt::format("returns rule {}", rule.id.value));
  if (returns.otherwise) check(returns.otherwise->because, "`otherwise`");
}

}  // namespace

FINEPRINT_LINT_RULE(kLawLvNotificationPeriod){
    .name = "law/lv-notification-period",
    .severity = core::Severity::error,
    .summary = "a rule's text asks for notice of a defect sooner than Latvia's 2 months",
    .doc =
        "With `jurisdiction = \"LV\"`: the `because` of a returns rule that can decide a defect reason (its `when` lists one, or no `reason`), or of `otherwise`, has a sentence that asks the customer to notify or report (\"report\", \"notify\", \"tell us\", \"paziņot\", \"pranešti\", \"zgłosić\", \"уведомить\", ...) and states a period shorter than 2 months: a number (digits, or an English word) of hours, days or weeks up to 61 days, or 1 month. Points at the `because`. Periods in years, and periods written out in other languages, are not read.",
    .why =
        "Directive (EU) 2019/771 art. 12 lets a member state require the consumer to notify a lack of conformity within 2 months of discovering it, and no sooner; Latvia does so in the Patērētāju tiesību aizsardzības likums. A store that demands notice within 14 days refuses claims the law keeps alive. Two months are 59 to 62 days, so a period of 61 days or less is shorter for some discovery date.",
    .example =
        "[store]\njurisdiction = \"LV\"\n[[returns.rule]]\nid = \"GUARANTEE\"\nwhen = { reason = [\"defective\"] }\noutcome = \"review\"\nbecause = \"Report the fault within 14 days of noticing it; a team lead decides.\"",
    .fix =
        "Give the customer at least 2 months from discovering the fault (write \"2 months\"), or leave the notice period out of the text. A sentence about something else (the store's own reply time) can be reworded, or allowed in [returns.allow] with the reason.",
    .when = lint::RunWhen::clean_load,
    .check = check_lv_notification_period,
};

}  // namespace fineprint::analysis
