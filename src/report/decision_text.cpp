#include "report/decision_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace fineprint::report {

namespace {

std::string money(const engine::Decision& d, core::Minor amount) {
  return core::format_money(amount, d.currency.minor_digits) + " " + d.currency.code;
}

std::string step_text(const engine::TraceStep& step) {
  switch (step.kind) {
    case model::MatchKind::matched:
      return "matched";
    case model::MatchKind::failed:
      return fmt::format("`{}` does not hold", step.key);
    case model::MatchKind::unknown:
      return fmt::format("`{}` is not known for this claim", step.key);
  }
  return {};
}

void trace_text(std::string& out, const engine::Decision& d) {
  out += "\nTrace:\n";
  if (d.kind == model::ClaimKind::return_claim) {
    for (const auto& item : d.items) {
      out += fmt::format("  {} × {}:\n", item.sku, item.qty);
      if (item.trace.empty()) out += "    no rule considered\n";
      for (const auto& step : item.trace)
        out += fmt::format("    rule `{}`: {}\n", step.rule, step_text(step));
      if (item.rule == "otherwise") out += "    decided by `otherwise`\n";
    }
    return;
  }
  if (!d.pricing) {
    out += "  the order was not priced\n";
    return;
  }
  for (const auto& p : d.pricing->promotions) {
    switch (p.status) {
      case engine::PromotionStatus::applied:
        out += fmt::format("  promotion `{}`: applied, {} off\n", p.id, money(d, p.discount));
        break;
      case engine::PromotionStatus::blocked:
        out += fmt::format("  promotion `{}`: blocked by `{}`\n", p.id, p.blocked_by);
        break;
      case engine::PromotionStatus::no_discount:
        out += fmt::format("  promotion `{}`: takes nothing off ({})\n", p.id, p.no_discount);
        break;
      case engine::PromotionStatus::not_candidate: {
        std::vector<std::string> keys;
        for (model::Condition failed : p.failed)
          keys.push_back(std::string(model::condition_key(failed)));
        out += fmt::format("  promotion `{}`: not a candidate ({})\n", p.id, fmt::join(keys, ", "));
        break;
      }
    }
  }
}

// The gestures of goodwill after the rules' reasons: what may be offered,
// why the others may not, and the one granted (issue 17).
void goodwill_text(std::string& out, const engine::Decision& d) {
  if (d.goodwill_offers.empty()) return;
  out += "\nGoodwill, beyond the rules (the verdict above stands):\n";
  bool any = false;
  for (const auto& offer : d.goodwill_offers) {
    if (!offer.eligible) continue;
    any = true;
    out += fmt::format("- may offer: `{}`, {}\n", offer.id, offer.words);
  }
  if (!any) out += "- may offer: nothing\n";
  for (const auto& offer : d.goodwill_offers)
    if (!offer.eligible) out += fmt::format("- not `{}`: {}\n", offer.id, offer.why_not);
  if (!d.goodwill) return;
  out += fmt::format("Granted: `{}`, {}\n", d.goodwill->id, d.goodwill->words);
  if (d.goodwill->note) out += fmt::format("Note: {}\n", *d.goodwill->note);
}

}  // namespace

std::string decision_text(const engine::Decision& d, bool explain) {
  std::string out = fmt::format("Claim {}: {}\n", d.claim, engine::verdict_words(d.verdict));
  out += fmt::format("Amount owed: {}\n", money(d, d.amount));
  if (!d.has_order)
    out += "Order: none (no receipt, no order; the items' facts are the catalog's)\n";
  if (d.promotion) {
    const auto& p = *d.promotion;
    if (!p.id.empty()) {
      std::string line =
          fmt::format("Promotion {}: {}", p.id, p.applied ? "applied" : "not applied");
      if (p.entitled) line += fmt::format(", entitled {}", money(d, *p.entitled));
      if (p.received) line += fmt::format(", received {}", money(d, *p.received));
      out += line + "\n";
    }
  }
  out += "\n";
  for (const auto& reason : d.reasons) out += fmt::format("- {}\n", reason);
  goodwill_text(out, d);
  if (explain) trace_text(out, d);
  out += fmt::format("\nRulebook {}, fineprint {}\n", d.rulebook, d.fineprint);
  return out;
}

}  // namespace fineprint::report
