// law/eu-withdrawal, law/eu-legal-guarantee, law/window-anchor: statutory
// regions of the item domain intersected with how the table decides them.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "analysis/checks.hpp"
#include "analysis/returns_analysis.hpp"
#include "analysis/witness.hpp"

namespace fineprint::analysis {

namespace {

constexpr std::int64_t kWithdrawalDays = 14;
constexpr std::int64_t kGuaranteeDays = 730;

bool eu(const lint::LintContext& context) {
  return context.rulebook.store.jurisdiction == model::Jurisdiction::eu &&
         context.rulebook.returns && !context.rulebook.returns->rules.empty();
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

// One finding per deciding rule (or `otherwise`) that breaks the law somewhere in `region`.
void report_law(const lint::LintContext& context, std::string_view rule,
                const std::vector<Box>& region, std::int64_t limit, Violates violates,
                const std::string& law, const std::string& help, core::Diagnostics& out) {
  const TableAnalysis& t = table_analysis(context.rulebook);
  const model::Returns& returns = *context.rulebook.returns;
  if (!t.stopped.empty() || !t.domain) {
    out.push_back(stopped_note(rule, t.stopped, returns.where, "returns"));
    return;
  }
  const ReturnsDomain& d = *t.domain;
  std::map<std::pair<int, int>, bool> seen;
  for (const auto& db : t.decided) {
    // Several rules matching is returns/overlap's finding, not the law's.
    if (db.decision.by == DecidedBy::several || !violates(db.decision)) continue;
    auto key =
        std::make_pair(static_cast<int>(db.decision.by == DecidedBy::missing_fact ? DecidedBy::rule
                                                                                  : db.decision.by),
                       db.decision.rule);
    if (seen.count(key)) continue;
    for (const Box& part : region) {
      if (!db.box.intersects(d.layout, part)) continue;
      seen[key] = true;
      model::ItemFacts facts = facts_of(d, pick_point(d, db.box.intersect(part)));
      Source src = source_of(returns, db.decision);
      std::string fee;
      if (db.decision.spec && db.decision.spec->fee_percent)
        fee = fmt::format(" with a {}% fee",
                          core::format_percent(db.decision.spec->fee_percent->value));
      std::string day =
          facts.days ? fmt::format("on day {} {}", *facts.days,
                                   from_purchase(returns) ? "after purchase" : "after delivery")
                     : "";
      auto finding = make_finding(
          rule,
          fmt::format("{} decides `{}`{} for a {} item bought on {}, returned for {}{}{}: {}",
                      src.name, model::outcome_name(db.decision.outcome), fee, facts.condition,
                      facts.channel, facts.reason, day.empty() ? "" : " ", day, law),
          src.where, help, "returns");
      finding.witness = return_witness(context.rulebook, facts, {lag_for(returns, facts, limit)});
      out.push_back(std::move(finding));
      break;
    }
  }
}

}  // namespace

void check_eu_withdrawal(const lint::LintContext& context, core::Diagnostics& out) {
  if (!eu(context)) return;
  const TableAnalysis& t = table_analysis(context.rulebook);
  if (!t.domain) return report_law(context, "law/eu-withdrawal", {}, 0, nullptr, "", "", out);
  const ReturnsDomain& d = *t.domain;
  const model::Returns& returns = *context.rulebook.returns;
  Box box = statutory_box(d, returns, kWithdrawalDays);
  box.set(d.layout, kChannel,
          names_set(d.channels, model::values(context.rulebook.store.distance_channels)));
  box.set(d.layout, kCondition, names_set(d.conditions, {"sealed", "opened"}));
  std::vector<Box> region{box};
  Budget budget;
  for (const auto& e : returns.exemptions) {
    Box exempt = d.universe;
    exempt.set(d.layout, kCategory, names_set(d.categories, model::values(e.categories)));
    exempt.set(d.layout, kCondition, names_set(d.conditions, model::values(e.conditions)));
    subtract_region(d.layout, region, exempt, budget);
  }
  report_law(
      context, "law/eu-withdrawal", region, kWithdrawalDays,
      [](const ItemDecision& decision) {
        return decision.outcome != model::Outcome::refund ||
               (decision.spec && decision.spec->fee_percent);
      },
      "a distance sale may be withdrawn from within 14 days of delivery for a full refund without "
      "fees "
      "(Directive 2011/83/EU art. 9, 13, 14, 16)",
      "decide `refund` without `fee_percent` for these items, or add a [[returns.exemption]] with "
      "its legal basis",
      out);
}

void check_eu_legal_guarantee(const lint::LintContext& context, core::Diagnostics& out) {
  if (!eu(context)) return;
  const TableAnalysis& t = table_analysis(context.rulebook);
  if (!t.domain) return report_law(context, "law/eu-legal-guarantee", {}, 0, nullptr, "", "", out);
  const ReturnsDomain& d = *t.domain;
  const model::Returns& returns = *context.rulebook.returns;
  Box box = statutory_box(d, returns, kGuaranteeDays);
  box.set(d.layout, kReason, names_set(d.reasons, model::defect_reasons(returns)));
  box.set(d.layout, kCondition, names_set(d.conditions, {"sealed", "opened", "used"}));
  report_law(
      context, "law/eu-legal-guarantee", {box}, kGuaranteeDays,
      [](const ItemDecision& decision) {
        bool fee = decision.spec && decision.spec->fee_percent &&
                   (decision.outcome == model::Outcome::refund ||
                    decision.outcome == model::Outcome::store_credit);
        return decision.outcome == model::Outcome::deny || fee;
      },
      "goods that lack conformity must be repaired, replaced or refunded free of charge within 2 "
      "years of "
      "delivery (Directive (EU) 2019/771 art. 10, 13, 14)",
      "decide `repair_or_replace`, `repair`, `replace` or `refund` (without a fee) for defects "
      "within 730 days",
      out);
}

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
  const TableAnalysis& t = table_analysis(rulebook);
  if (t.domain) {
    facts.category = t.domain->categories.names.front();
    facts.sku = t.domain->skus.names.front();
  }
  facts.days = 20;
  facts.has_receipt = true;
  facts.unit_price = 1000;
  facts.returns_90d = 0;
  ItemDecision decision = decide_item(returns, facts);
  auto finding = make_finding(
      "law/window-anchor",
      fmt::format("`window_from = \"purchase\"` counts return windows from the order, the law from "
                  "delivery: an "
                  "item delivered 10 days after the order and returned 10 days later is on day 20 "
                  "here and is "
                  "decided `{}`",
                  model::outcome_name(decision.outcome)),
      returns.window_from->where,
      "set `window_from = \"delivery\"` and state the windows in days from delivery", "returns");
  finding.witness = return_witness(rulebook, facts, {10});
  out.push_back(std::move(finding));
}

}  // namespace fineprint::analysis
